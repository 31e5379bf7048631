import path from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** Builds the tab benchmark's floor page into `dist/bench-floor`, served under `/tab/` like the tab. */
export default defineConfig({
  root: import.meta.dirname,
  base: '/tab/',
  plugins: [react()],
  logLevel: 'warn',
  build: { outDir: path.resolve(import.meta.dirname, '../../dist/bench-floor'), emptyOutDir: true },
});
