import path from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * Builds the tab into `dist/tab` at the repository root; the server serves it under
 * `/tab/`, so asset URLs carry that base. React and Fluent change far less often than
 * the tab's own code, so they get chunks of their own that browsers keep across releases.
 */
export default defineConfig({
  root: import.meta.dirname,
  base: '/tab/',
  plugins: [react()],
  build: {
    outDir: path.resolve(import.meta.dirname, '../../dist/tab'),
    emptyOutDir: true,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: 'react', test: /[\\/]node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
            { name: 'fluent', test: /[\\/]node_modules[\\/](@fluentui|@griffel|tabster|keyborg|@floating-ui|@swc[\\/]helpers)[\\/]/ },
          ],
        },
      },
    },
  },
});
