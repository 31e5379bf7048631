import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { generateOrganisation, ORGANISATION_SIZES, writeOrganisation, type GeneratedOrganisation } from './large-seed';
import type { Clock, CommitContext, PathwaySettings } from '../src/domain';
import { openSqliteStore } from '../src/store/sqlite';
import type { BenchContext } from './harness';

/** The day every benchmark's organisation is generated for, and the clock its service reads. */
export const TODAY = '2026-03-02';
export const BENCH_CLOCK: Clock = { now: () => new Date(`${TODAY}T10:00:00Z`) };

export const SETTINGS: PathwaySettings = {
  timeZone: 'Europe/London',
  defaultCadenceWeeks: 8,
  dueSoonDays: 14,
  recruitmentLeadWeeks: 8,
  paidLevels: [4],
};

export const BENCH_COMMIT: CommitContext = {
  actor: { id: 'bench-generator', name: 'Benchmark generator', email: '', tenantId: 'bench' },
  at: `${TODAY}T10:00:00Z`,
};

/**
 * The API's per-person rate limits at their highest: a benchmark is one person asking far
 * faster than anyone on staff would. The limiter itself still runs on every request.
 */
export const RATE_LIMITS_RAISED = { RATE_LIMIT_READS_PER_MINUTE: '100000', RATE_LIMIT_WRITES_PER_MINUTE: '100000' };

/** The repository root, found from the compiled file (`dist/bench/bench`) or the source (`bench`). */
export const ROOT = path.resolve(__dirname, __dirname.includes(`${path.sep}dist${path.sep}`) ? '../../..' : '..');

/** The organisation most benchmarks read: `--size large` (100,000 records), or a small one for `--quick`. */
function benchOrganisation(context: Pick<BenchContext, 'quick'>): GeneratedOrganisation {
  const size = context.quick ? ORGANISATION_SIZES.small : ORGANISATION_SIZES.large;
  return generateOrganisation({ ...size, today: TODAY });
}

/** A workstream with `partners` partners and nothing else in the database, for the tab. */
export function singleWorkstream(partners: number): GeneratedOrganisation {
  return generateOrganisation({ records: 1, partnersPerWorkstream: partners, rolesPerWorkstream: 8, today: TODAY });
}

/** A database file holding a generated organisation, and how long writing it took. */
export interface WrittenDatabase {
  readonly file: string;
  readonly writeMs: number;
  /** The process CPU time (all threads) the writing took: on a busy machine, what the wall time is made of when this process has a core. */
  readonly writeCpuMs: number;
  readonly records: number;
}

const databases = new Map<string, Promise<WrittenDatabase>>();

/**
 * A SQLite database file holding the organisation, written through the store's commit
 * once per bench run and shared by the benchmarks that read it. Callers copy it
 * before writing to it.
 */
export function databaseWith(context: BenchContext, name: string, organisation: () => GeneratedOrganisation): Promise<WrittenDatabase> {
  const file = path.join(context.workDir, `${name}.db`);
  let made = databases.get(file);
  if (!made) {
    made = (async () => {
      const generated = organisation();
      context.progress(
        `writing ${generated.records.toLocaleString('en-GB')} records (${generated.workstreams.length} workstreams) to ${name}.db`,
      );
      const started = performance.now();
      const cpuBefore = process.cpuUsage();
      const store = openSqliteStore({ path: file });
      try {
        await writeOrganisation(store, generated, BENCH_COMMIT);
      } finally {
        await store.close();
      }
      const { user, system } = process.cpuUsage(cpuBefore);
      return { file, writeMs: performance.now() - started, writeCpuMs: (user + system) / 1000, records: generated.records };
    })();
    databases.set(file, made);
  }
  return made;
}

/** The generated organisation's database, shared by the benchmarks that only read it. */
export function organisationDatabase(context: BenchContext): Promise<WrittenDatabase> {
  return databaseWith(context, 'organisation', () => benchOrganisation(context));
}

/** A private copy of the generated organisation's database, for a benchmark that writes or times opening it. */
export async function organisationCopy(context: BenchContext, name: string): Promise<string> {
  const { file } = await organisationDatabase(context);
  const copy = path.join(context.workDir, `${name}.db`);
  fs.copyFileSync(file, copy);
  return copy;
}

/** A port nobody is listening on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** A Node process started from a built script, answering HTTP on `url`. */
export interface ServerProcess {
  readonly url: string;
  readonly pid: number;
  /** Milliseconds from spawning to the first 200 from `readyPath`. */
  readonly startMs: number;
  /** Resident memory now, in MB (from /proc; NaN where there is none). */
  rssMb(): number;
  stop(): Promise<void>;
}

function residentMb(pid: number): number {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = /VmRSS:\s+(\d+)\s+kB/.exec(status)?.[1];
    return kb ? Number(kb) / 1024 : Number.NaN;
  } catch {
    return Number.NaN;
  }
}

function stopped(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/**
 * Spawns `node <script>` with the environment given (and a free PORT) and polls
 * `readyPath` until it answers 200, every 5 ms, for at most 60 s.
 */
async function startProcess(script: string, env: Record<string, string>, readyPath = '/healthz'): Promise<ServerProcess> {
  if (!fs.existsSync(script)) throw new Error(`${script} is not built: run "npm run build" first (npm run bench does).`);
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, [script], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', ...env, PORT: String(port) },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const errors: Buffer[] = [];
  child.stderr?.on('data', (chunk: Buffer) => errors.push(chunk));
  const url = `http://127.0.0.1:${port}`;
  while (performance.now() - started < 60_000) {
    if (child.exitCode !== null)
      throw new Error(`${path.basename(script)} exited with ${child.exitCode}: ${Buffer.concat(errors).toString('utf8')}`);
    const ok = await fetch(`${url}${readyPath}`).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) {
      const startMs = performance.now() - started;
      return { url, pid: child.pid ?? 0, startMs, rssMb: () => residentMb(child.pid ?? 0), stop: () => stopped(child) };
    }
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  await stopped(child);
  throw new Error(`${path.basename(script)} did not answer ${readyPath} within 60 s`);
}

/**
 * Starts the app's built server (`node dist/entry/server.js`, what `npm start` runs once built)
 * on the embedded store at `databasePath`: no demo data, no reminders, quiet, rate limits
 * raised, the built tab unless `TAB_DIR` says otherwise.
 */
export function startAppServer(databasePath: string, extra: Record<string, string> = {}): Promise<ServerProcess> {
  const env = {
    DATABASE_PATH: databasePath,
    SEED_DEMO: 'never',
    REMINDERS: 'off',
    LOG_LEVEL: 'error',
    TAB_DIR: path.join(ROOT, 'dist/tab'),
    ...RATE_LIMITS_RAISED,
    ...extra,
  };
  return startProcess(path.join(ROOT, 'dist/entry/server.js'), env);
}

/** Starts the minimal botbuilder echo bot (`bench/echo-bot.ts`, built), the floor of the bot and start-up benchmarks. */
export function startEchoBot(): Promise<ServerProcess> {
  return startProcess(path.join(ROOT, 'dist/bench/bench/echo-bot.js'), {});
}
