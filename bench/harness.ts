import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** One reported number, with how it varied over the runs and the floor it is measured against. */
export interface Figure {
  /** The benchmark it belongs to ("Dashboard read, embedded store"). */
  readonly benchmark: string;
  /** What was measured ("service p50"). */
  readonly name: string;
  readonly unit: string;
  /** The median over the runs. */
  readonly value: number;
  /** The lowest and highest over the runs. */
  readonly spread: readonly [number, number];
  /** The same measurement of the floor, in the same runs. */
  readonly floor?: { readonly name: string; readonly value: number };
  /** value / floor.value. */
  readonly ratio?: number;
  readonly note?: string;
}

/** What a benchmark is told about the run it is part of. */
export interface BenchContext {
  readonly quick: boolean;
  /** Times each measurement is repeated; figures are medians over these. */
  readonly runs: number;
  /** A folder for this run's databases and builds, removed at the end. */
  readonly workDir: string;
  progress(message: string): void;
}

/** A benchmark: a name and the figures it measures. */
export interface Benchmark {
  readonly name: string;
  run(context: BenchContext): Promise<Figure[]>;
}

/** The file `npm run bench` writes. */
export interface BenchReport {
  readonly startedAt: string;
  readonly durationS: number;
  readonly quick: boolean;
  readonly runs: number;
  readonly machine: Record<string, string | number>;
  readonly figures: Figure[];
  /** Benchmarks that could not run, with why. */
  readonly failed: Array<{ readonly benchmark: string; readonly error: string }>;
}

export function median(values: readonly number[]): number {
  return percentile(values, 50);
}

/** The nearest-rank percentile of the values. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

/** Milliseconds each call of `work` takes, after `warmup` calls that are not counted. */
export async function timings(work: () => Promise<unknown>, iterations: number, warmup = Math.min(5, iterations)): Promise<number[]> {
  for (let index = 0; index < warmup; index += 1) await work();
  const samples: number[] = [];
  for (let index = 0; index < iterations; index += 1) {
    const started = performance.now();
    await work();
    samples.push(performance.now() - started);
  }
  return samples;
}

/** Rounds for display and for the JSON file: three significant figures, whole numbers kept whole. */
export function round(value: number): number {
  if (!Number.isFinite(value) || Number.isInteger(value)) return value;
  return Number(value.toPrecision(3));
}

/**
 * A figure from one value per run. With a floor (one value per run too), the ratio is
 * taken run by run and its median reported, so a slow moment hits both sides alike.
 */
export function figure(
  benchmark: string,
  name: string,
  unit: string,
  perRun: readonly number[],
  floor?: { readonly name: string; readonly perRun: readonly number[] },
  note?: string,
): Figure {
  const spread: [number, number] = [round(Math.min(...perRun)), round(Math.max(...perRun))];
  const base = { benchmark, name, unit, value: round(median(perRun)), spread, ...(note ? { note } : {}) };
  if (!floor) return base;
  const ratios = perRun.map((value, index) => value / floor.perRun[index]).filter(Number.isFinite);
  const withFloor = { ...base, floor: { name: floor.name, value: round(median(floor.perRun)) } };
  return ratios.length > 0 ? { ...withFloor, ratio: round(median(ratios)) } : withFloor;
}

/** Collects one value per run for several named measurements. */
export class PerRun {
  private readonly values = new Map<string, number[]>();

  add(name: string, value: number): void {
    const list = this.values.get(name) ?? [];
    list.push(value);
    this.values.set(name, list);
  }

  /** The per-run p50 and p95 of a list of samples, under `name p50` and `name p95`. */
  addSamples(name: string, samples: readonly number[]): void {
    this.add(`${name} p50`, percentile(samples, 50));
    this.add(`${name} p95`, percentile(samples, 95));
  }

  get(name: string): number[] {
    const list = this.values.get(name);
    if (!list) throw new Error(`Nothing was measured as "${name}"`);
    return list;
  }
}

/** The machine the figures came from. */
export function machine(): Record<string, string | number> {
  const cpus = os.cpus();
  return {
    node: process.version,
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    cpus: cpus.length,
    cpuModel: cpus[0]?.model ?? 'unknown',
    availableParallelism: os.availableParallelism(),
    memoryGb: round(os.totalmem() / 1024 ** 3),
    loadAverage1m: round(os.loadavg()[0]),
  };
}

function cell(value: number | undefined, unit = ''): string {
  if (value === undefined || Number.isNaN(value)) return '';
  return `${round(value).toLocaleString('en-GB')}${unit ? ` ${unit}` : ''}`;
}

/** The figures as a plain-text table, one benchmark after another. */
export function table(figures: readonly Figure[]): string {
  const header = ['benchmark', 'figure', 'median', 'spread', 'floor', 'floor median', 'ratio'];
  const rows = figures.map((item) => [
    item.benchmark,
    item.name,
    cell(item.value, item.unit),
    item.spread[0] === item.spread[1] ? '' : `${cell(item.spread[0])} to ${cell(item.spread[1])}`,
    item.floor?.name ?? '',
    item.floor ? cell(item.floor.value, item.unit) : '',
    item.ratio === undefined ? '' : `${cell(item.ratio)}x`,
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column].length)));
  const line = (row: readonly string[]) =>
    row
      .map((text, column) => text.padEnd(widths[column]))
      .join('  ')
      .trimEnd();
  const notes = figures.filter((item) => item.note).map((item) => `  ${item.benchmark}, ${item.name}: ${item.note}`);
  return [
    line(header),
    line(widths.map((width) => '-'.repeat(width))),
    ...rows.map(line),
    ...(notes.length > 0 ? ['', 'Notes:', ...notes] : []),
  ].join('\n');
}

/** Runs each benchmark in turn; one that throws is reported as failed and the others still run. */
export async function runBenchmarks(
  benchmarks: readonly Benchmark[],
  options: { readonly quick: boolean; readonly runs: number; readonly log: (line: string) => void },
): Promise<BenchReport> {
  const started = Date.now();
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pp-bench-'));
  const figures: Figure[] = [];
  const failed: Array<{ benchmark: string; error: string }> = [];
  try {
    for (const benchmark of benchmarks) {
      const began = Date.now();
      options.log(`[bench] ${benchmark.name}`);
      const context: BenchContext = {
        quick: options.quick,
        runs: options.runs,
        workDir,
        progress: (message) => options.log(`[bench]   ${message}`),
      };
      try {
        figures.push(...(await benchmark.run(context)));
        options.log(`[bench]   done in ${round((Date.now() - began) / 1000)} s`);
      } catch (error) {
        const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
        failed.push({ benchmark: benchmark.name, error: message });
        options.log(`[bench]   FAILED: ${message}`);
      }
    }
  } finally {
    fs.rmSync(workDir, { recursive: true, force: true });
  }
  return {
    startedAt: new Date(started).toISOString(),
    durationS: round((Date.now() - started) / 1000),
    quick: options.quick,
    runs: options.runs,
    machine: machine(),
    figures,
    failed,
  };
}
