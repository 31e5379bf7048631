import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { loadConfig, type Config } from '../../src/config';
import { silentLogger } from '../../src/logging/logger';
import { startServer, type RunningServer } from '../../src/entry/server';

/** Debian's Chromium; `.ci/run` installs it when missing. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Where the built tab is; `npm test` builds it before jest runs. */
export const TAB_DIR = path.resolve(__dirname, '../../dist/tab');

/** Quiet, offline, headless Chromium that runs as root in a container. */
const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** A running server with demo data on a temporary database, and a fresh Chromium. */
export interface E2e {
  readonly server: RunningServer;
  readonly browser: BrowserContext;
  close(): Promise<void>;
}

/** How long a browser action or wait may take: generous, as a busy machine is slow, not wrong. */
const BROWSER_PATIENCE_MS = 120_000;

/**
 * Starts the real server (ephemeral port, temporary database, demo data, the local
 * development identity, the environment `variables`, then `overrides`) and Chromium
 * with a fresh profile.
 */
export async function startE2e(overrides: Partial<Config> = {}, variables: Readonly<Record<string, string>> = {}): Promise<E2e> {
  if (!fs.existsSync(path.join(TAB_DIR, 'index.html'))) {
    throw new Error(`The tab is not built at ${TAB_DIR}. Run "npm run build:tab" (npm test does it first).`);
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pp-e2e-'));
  const config = {
    ...loadConfig({ ...variables, DATABASE_PATH: path.join(dir, 'pp.db'), TAB_DIR, SEED_DEMO: 'auto' }),
    port: 0,
    ...overrides,
  };
  const server = await startServer(config, { logger: silentLogger });
  let browser: Browser | undefined;
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    // Playwright's own 30 s would race a busy machine; jest's test timeout is the one limit.
    context.setDefaultTimeout(BROWSER_PATIENCE_MS);
    const opened = browser;
    return {
      server,
      browser: context,
      async close() {
        await opened.close();
        await server.close();
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await browser?.close();
    await server.close();
    fs.rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}

/** The id of the demo workstream called `title`, read from the server's API as the tab would. */
export async function workstreamIdByTitle(server: RunningServer, title: string): Promise<number> {
  const response = await fetch(`${server.url}/api/workstreams`);
  const list = (await response.json()) as Array<{ id: number; title: string }>;
  const found = list.find((workstream) => workstream.title === title);
  if (!found) throw new Error(`No workstream "${title}" in the demo data`);
  return found.id;
}
