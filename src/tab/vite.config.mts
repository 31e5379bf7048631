import path from 'node:path';
import { gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

/** The initial JavaScript each page may load, gzipped, before the build warns (issue 4: aim for 200 KB). */
const INITIAL_JS_BUDGET_KB = 200;

interface Chunk {
  readonly type: 'chunk' | 'asset';
  readonly fileName: string;
  readonly code?: string;
  readonly isEntry?: boolean;
  readonly facadeModuleId?: string | null;
  readonly imports?: readonly string[];
}

/**
 * Reports, for each page, the JavaScript a browser must load before it can show
 * anything (the entry chunk and everything it imports statically), gzipped, against
 * {@link INITIAL_JS_BUDGET_KB}; and writes the figures to `budget.json` beside the build.
 */
function initialJsBudget(): Plugin {
  return {
    name: 'initial-js-budget',
    apply: 'build',
    generateBundle(_options, bundle) {
      const chunks = new Map(
        Object.values(bundle as Record<string, Chunk>)
          .filter((item) => item.type === 'chunk')
          .map((item) => [item.fileName, item]),
      );
      const pages: Record<string, { files: string[]; gzipKb: number; budgetKb: number; withinBudget: boolean }> = {};
      for (const entry of chunks.values()) {
        if (!entry.isEntry) continue;
        const files = new Set<string>();
        const visit = (fileName: string) => {
          if (files.has(fileName)) return;
          files.add(fileName);
          for (const imported of chunks.get(fileName)?.imports ?? []) visit(imported);
        };
        visit(entry.fileName);
        const bytes = [...files].reduce((total, fileName) => total + gzipSync(chunks.get(fileName)?.code ?? '').length, 0);
        const gzipKb = Math.round((bytes / 1024) * 10) / 10;
        const page = path.basename(entry.facadeModuleId ?? entry.fileName).replace(/\.[^.]+$/, '');
        pages[page] = { files: [...files].sort(), gzipKb, budgetKb: INITIAL_JS_BUDGET_KB, withinBudget: gzipKb <= INITIAL_JS_BUDGET_KB };
        const verdict = gzipKb <= INITIAL_JS_BUDGET_KB ? 'within' : 'OVER';
        this.info(`initial JavaScript for ${page}: ${gzipKb} KB gzipped, ${verdict} the ${INITIAL_JS_BUDGET_KB} KB budget`);
        if (gzipKb > INITIAL_JS_BUDGET_KB) this.warn(`${page} loads ${gzipKb} KB of JavaScript gzipped before it shows anything.`);
      }
      this.emitFile({ type: 'asset', fileName: 'budget.json', source: `${JSON.stringify(pages, null, 2)}\n` });
    },
  };
}

/**
 * Builds the tab's two pages (the tab itself and the channel tab's configuration page)
 * into `dist/tab` at the repository root; the server serves them under `/tab/`, so
 * asset URLs carry that base. React and Fluent change far less often than the tab's
 * own code, so they get chunks of their own that browsers keep across releases.
 */
export default defineConfig({
  root: import.meta.dirname,
  base: '/tab/',
  plugins: [react(), initialJsBudget()],
  build: {
    outDir: path.resolve(import.meta.dirname, '../../dist/tab'),
    emptyOutDir: true,
    rolldownOptions: {
      input: {
        index: path.resolve(import.meta.dirname, 'index.html'),
        config: path.resolve(import.meta.dirname, 'config.html'),
      },
      output: {
        codeSplitting: {
          groups: [
            { name: 'react', test: /[\\/]node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
            // Fluent's core only: components used by a lazily loaded view stay in that view's chunk.
            {
              name: 'fluent',
              test: /[\\/]node_modules[\\/](@griffel|tabster|keyborg|@swc[\\/]helpers|@fluentui[\\/](react-provider|react-theme|react-shared-contexts|react-utilities|react-tabster|react-jsx-runtime|tokens))[\\/]/,
            },
          ],
        },
      },
    },
  },
});
