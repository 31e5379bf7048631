import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { table, type BenchReport, type Figure } from '../../bench/harness';
import { bench } from '../../bench/run';

// Writes a small organisation and starts a SharePoint stand-in: generous on a busy machine.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pp-bench-test-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('npm run bench -- --quick, for the benchmarks that need no build', () => {
  let report: BenchReport;
  let printed: string[];
  const out = path.join(dir, 'latest.json');

  beforeAll(async () => {
    printed = [];
    report = await bench(['--quick', '--only', 'dashboard,sharepoint', '--out', out], (line) => printed.push(line));
  });

  it('runs every chosen benchmark without a failure', () => {
    expect(report.failed).toEqual([]);
    expect(new Set(report.figures.map((item) => item.benchmark))).toEqual(
      new Set(['Dashboard read, embedded store', 'SharePoint requests']),
    );
  });

  it('gives each figure a median, its spread and, where it has one, its floor and the ratio to it', () => {
    for (const item of report.figures) {
      expect(item).toEqual(expect.objectContaining({ name: expect.any(String), unit: expect.any(String), value: expect.any(Number) }));
      expect(item.spread[0]).toBeLessThanOrEqual(item.spread[1]);
      if (item.floor) expect(item.ratio).toBeGreaterThan(0);
    }
    const service = report.figures.find((item) => item.name === 'service p50');
    expect(service?.floor?.name).toBe('bare SQL p50');
    const api = report.figures.find((item) => item.name === 'HTTP API CPU per read');
    expect(api?.floor?.name).toBe('bare HTTP CPU');
    const dashboard = report.figures.find((item) => item.name.startsWith('dashboard,'));
    expect(dashboard).toMatchObject({ unit: 'round trips', floor: { name: 'one round trip', value: 1 } });
  });

  it('writes the report as JSON, with the machine it ran on', () => {
    const written = JSON.parse(fs.readFileSync(out, 'utf8')) as BenchReport;
    expect(written.figures).toEqual(report.figures);
    expect(written).toMatchObject({ quick: true, runs: 1, machine: { node: process.version, cpus: expect.any(Number) } });
  });

  it('prints progress and then the table with every figure', () => {
    expect(printed[0]).toBe('[bench] Dashboard read, embedded store');
    const text = printed.join('\n');
    expect(text).toMatch(/^benchmark\s+figure\s+median\s+spread\s+floor\s+floor median\s+ratio$/m);
    for (const item of report.figures) expect(text).toContain(item.name);
  });
});

describe('the table', () => {
  it('puts each figure beside its floor and the ratio, and lists the notes after', () => {
    const figures: Figure[] = [
      {
        benchmark: 'B',
        name: 'service p50',
        unit: 'ms',
        value: 12.5,
        spread: [11, 14],
        floor: { name: 'bare SQL p50', value: 2.5 },
        ratio: 5,
      },
      { benchmark: 'B', name: 'rows', unit: 'rows', value: 24, spread: [24, 24], note: 'virtualised' },
    ];
    expect(table(figures).split('\n')).toEqual([
      'benchmark  figure       median   spread    floor         floor median  ratio',
      '---------  -----------  -------  --------  ------------  ------------  -----',
      'B          service p50  12.5 ms  11 to 14  bare SQL p50  2.5 ms        5x',
      'B          rows         24 rows',
      '',
      'Notes:',
      '  B, rows: virtualised',
    ]);
  });
});

describe('its arguments', () => {
  it('refuses a benchmark it does not have, naming the ones it does', async () => {
    await expect(bench(['--only', 'everything'], () => undefined)).rejects.toThrow(
      /No benchmark called everything[\s\S]*dashboard, sharepoint, bot, start-up, tab/,
    );
  });
});
