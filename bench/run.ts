import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from './fixtures';
import { runBenchmarks, table, type Benchmark, type BenchReport } from './harness';
import { BENCHMARKS } from './benchmarks';

const USAGE = `npm run bench [-- --quick] [-- --only <name,...>] [-- --runs <n>] [-- --out <file>]

  --quick     small sizes and one run: a check that everything runs, not figures to quote
  --only      the benchmarks to run, by id: ${BENCHMARKS.map((item) => item.id).join(', ')}
  --runs      how many times each measurement is repeated (default 5, 1 with --quick)
  --out       where the figures go (default bench/results/latest.json)`;

interface Options {
  readonly quick: boolean;
  readonly runs: number;
  readonly only: readonly string[] | undefined;
  readonly out: string;
}

function parseArguments(args: readonly string[]): Options {
  const quick = args.includes('--quick');
  const valueOf = (flag: string) => {
    const at = args.indexOf(flag);
    return at === -1 ? undefined : args[at + 1];
  };
  const known = new Set(['--quick', '--only', '--runs', '--out']);
  const unknown = args.filter((arg, index) => arg.startsWith('--') && !known.has(arg) && !known.has(args[index - 1]));
  if (unknown.length > 0 || args.includes('--help')) throw new Error(USAGE);
  const runs = Number(valueOf('--runs') ?? (quick ? 1 : 5));
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs must be a whole number, 1 or more.\n\n${USAGE}`);
  const only = valueOf('--only')?.split(',');
  const ids = new Set(BENCHMARKS.map((item) => item.id));
  const wrong = (only ?? []).filter((id) => !ids.has(id));
  if (wrong.length > 0) throw new Error(`No benchmark called ${wrong.join(', ')}.\n\n${USAGE}`);
  return { quick, runs, only, out: path.resolve(ROOT, valueOf('--out') ?? 'bench/results/latest.json') };
}

/** Runs the chosen benchmarks, prints the table and writes the figures as JSON. */
export async function bench(args: readonly string[], log: (line: string) => void = console.log): Promise<BenchReport> {
  const options = parseArguments(args);
  const chosen: Benchmark[] = BENCHMARKS.filter((item) => !options.only || options.only.includes(item.id)).map((item) => item.benchmark);
  const report = await runBenchmarks(chosen, { quick: options.quick, runs: options.runs, log });
  fs.mkdirSync(path.dirname(options.out), { recursive: true });
  fs.writeFileSync(options.out, `${JSON.stringify(report, null, 2)}\n`);
  log('');
  log(table(report.figures));
  log('');
  log(
    `${report.figures.length} figures in ${report.durationS} s, ${options.runs} run(s) each, Node ${process.version}, ${report.machine.cpus} CPUs; written to ${path.relative(ROOT, options.out)}`,
  );
  for (const failure of report.failed) log(`FAILED: ${failure.benchmark}: ${failure.error.split('\n')[0]}`);
  return report;
}

if (require.main === module) {
  bench(process.argv.slice(2)).then(
    (report) => {
      process.exitCode = report.failed.length > 0 ? 1 : 0;
    },
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exitCode = 2;
    },
  );
}
