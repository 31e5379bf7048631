import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM } from '../../tests/e2e/browser';
import { databaseWith, ROOT, singleWorkstream, startAppServer } from '../fixtures';
import { figure, median, PerRun, timings, type Benchmark, type BenchContext, type Figure } from '../harness';
import { resending } from '../http-client';

const NAME = 'Tab';
const TAB_DIR = path.join(ROOT, 'dist/tab');
const FLOOR_DIR = path.join(ROOT, 'dist/bench-floor');
/** The partners table's first partner row; the floor page's table has the same. */
const FIRST_ROW = 'table[aria-rowcount] tr[aria-rowindex="2"]';
const PARTNER_ROWS = 'table[aria-rowcount] tbody tr[aria-rowindex]';

/** The JavaScript and CSS a page loads before it shows anything (its entry, modulepreloads and stylesheets), gzipped, in KB. */
function initialAssets(dir: string, page: string): { jsKb: number; cssKb: number } {
  const html = fs.readFileSync(path.join(dir, page), 'utf8');
  const files = [...html.matchAll(/<(?:script[^>]*\bsrc|link[^>]*\bhref)="\/tab\/([^"]+\.(?:js|css))"/g)].map((match) => match[1]);
  const gzipKb = (extension: string) =>
    files
      .filter((file) => file.endsWith(extension))
      .reduce((total, file) => total + gzipSync(fs.readFileSync(path.join(dir, file))).length, 0) / 1024;
  return { jsKb: gzipKb('.js'), cssKb: gzipKb('.css') };
}

/**
 * Milliseconds from navigation start to the first frame showing a partner row, in a
 * fresh browser context, and the API calls the page made by then.
 */
async function timeToTable(browser: Browser, url: string): Promise<{ ms: number; apiCalls: number }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const page = await context.newPage();
    let apiCalls = 0;
    page.on('request', (request) => {
      if (new URL(request.url()).pathname.startsWith('/api/')) apiCalls += 1;
    });
    await page.goto(url, { waitUntil: 'commit' });
    const shown = await page.waitForFunction(
      (selector) => {
        const row = document.querySelector(selector);
        return row !== null && row.getBoundingClientRect().height > 0 ? performance.now() : false;
      },
      FIRST_ROW,
      { polling: 'raf', timeout: 60_000 },
    );
    return { ms: (await shown.jsonValue()) as number, apiCalls };
  } finally {
    await context.close();
  }
}

async function rowsInDom(browser: Browser, url: string): Promise<number> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const page = await context.newPage();
    await page.goto(url);
    await page.locator(FIRST_ROW).waitFor();
    return await page.locator(PARTNER_ROWS).count();
  } finally {
    await context.close();
  }
}

/** Times the tab and the floor page, interleaved, on a database of one workstream; returns the partner rows in the tab's DOM. */
async function pageTimes(context: BenchContext, browser: Browser, partners: number, perRun: PerRun): Promise<number> {
  const { file } = await databaseWith(context, `tab-${partners}`, () => singleWorkstream(partners));
  const tab = await startAppServer(file);
  const floor = await startAppServer(file, { TAB_DIR: FLOOR_DIR });
  try {
    const urls = {
      tab: `${tab.url}/tab/?workstream=1`,
      floor: `${floor.url}/tab/?workstream=1`,
      api: `${tab.url}/api/workstreams/1/dashboard`,
    };
    const iterations = context.quick ? 1 : 5;
    for (let run = 1; run <= context.runs; run += 1) {
      context.progress(`${partners.toLocaleString('en-GB')} partners, run ${run} of ${context.runs}`);
      const samples = { tab: [] as number[], floor: [] as number[] };
      // The first load of each warms the server and Chromium; it is not counted.
      for (let index = -1; index < iterations; index += 1) {
        for (const page of ['floor', 'tab'] as const) {
          const { ms, apiCalls } = await timeToTable(browser, urls[page]);
          if (index >= 0) samples[page].push(ms);
          if (index === 0) perRun.add(`${page} calls ${partners}`, apiCalls);
        }
      }
      perRun.add(`tab ${partners}`, median(samples.tab));
      perRun.add(`floor ${partners}`, median(samples.floor));
      perRun.add(
        `api ${partners}`,
        median(await timings(() => resending(urls.api).then((response) => response.arrayBuffer()), iterations)),
      );
    }
    perRun.add(`api KB ${partners}`, (await (await resending(urls.api)).arrayBuffer()).byteLength / 1024);
    return await rowsInDom(browser, urls.tab);
  } finally {
    await tab.stop();
    await floor.stop();
  }
}

/**
 * The tab's initial JavaScript and CSS per page, gzipped, against a blank Fluent UI
 * page; the time from navigation to the partners table showing in headless
 * Chromium, against that blank page making the same API call; and how many rows
 * the page holds for the largest workstream.
 */
export const tabBenchmark: Benchmark = {
  name: NAME,
  async run(context) {
    for (const dir of [TAB_DIR, FLOOR_DIR]) {
      if (!fs.existsSync(path.join(dir, 'index.html'))) throw new Error(`${dir} is not built: npm run bench builds it first.`);
    }
    const figures: Figure[] = [];
    const floorAssets = initialAssets(FLOOR_DIR, 'index.html');
    for (const page of fs.readdirSync(TAB_DIR).filter((file) => file.endsWith('.html'))) {
      const assets = initialAssets(TAB_DIR, page);
      figures.push(
        figure(
          NAME,
          `${page} initial JS (gzip)`,
          'KB',
          [assets.jsKb],
          { name: 'blank Fluent page', perRun: [floorAssets.jsKb] },
          'budget 200 KB',
        ),
      );
      figures.push(
        figure(NAME, `${page} initial CSS (gzip)`, 'KB', [assets.cssKb], { name: 'blank Fluent page', perRun: [floorAssets.cssKb] }),
      );
    }
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--disable-gpu', '--disable-quic'] });
    try {
      const sizes = context.quick ? [5, 50] : [50, 5_000];
      const perRun = new PerRun();
      let rows = 0;
      for (const partners of sizes) rows = await pageTimes(context, browser, partners, perRun);
      for (const partners of sizes) {
        const floor = { name: 'blank Fluent page, same API call', perRun: perRun.get(`floor ${partners}`) };
        figures.push(
          figure(
            NAME,
            `partners table visible, ${partners.toLocaleString('en-GB')} partners`,
            'ms',
            perRun.get(`tab ${partners}`),
            floor,
            'from navigation start, a fresh browser context each time',
          ),
        );
        const calls = { name: 'blank Fluent page', perRun: perRun.get(`floor calls ${partners}`) };
        figures.push(
          figure(
            NAME,
            `API calls until the table shows, ${partners.toLocaleString('en-GB')} partners`,
            'calls',
            perRun.get(`tab calls ${partners}`),
            calls,
          ),
        );
        const apiNote = `GET /api/workstreams/:id/dashboard alone, the call both pages make; ${Math.round(perRun.get(`api KB ${partners}`)[0]).toLocaleString('en-GB')} KB of JSON`;
        figures.push(
          figure(
            NAME,
            `dashboard API, ${partners.toLocaleString('en-GB')} partners`,
            'ms',
            perRun.get(`api ${partners}`),
            undefined,
            apiNote,
          ),
        );
      }
      const largest = sizes[sizes.length - 1];
      figures.push(
        figure(
          NAME,
          `partner rows in the DOM, ${largest.toLocaleString('en-GB')} partners`,
          'rows',
          [rows],
          undefined,
          'one row per partner per role in the table; the rest are virtualised',
        ),
      );
    } finally {
      await browser.close();
    }
    return figures;
  },
};
