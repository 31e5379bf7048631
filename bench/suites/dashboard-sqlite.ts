import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Database from 'better-sqlite3';
import { loadConfig } from '../../src/config';
import { createPathwayService, type Principal } from '../../src/domain';
import { silentLogger } from '../../src/logging/logger';
import { startServer } from '../../src/entry/server';
import { BENCH_CLOCK, organisationDatabase, RATE_LIMITS_RAISED, TODAY } from '../fixtures';
import { figure, PerRun, timings, type Benchmark, type Figure } from '../harness';
import { getJson, retried } from '../http-client';

/** Reads as a member of the Engagement team, who may see every workstream. */
const READER: Principal = { id: 'bench-engagement', name: 'Benchmark reader', email: '', tenantId: 'bench' };

const NAME = 'Dashboard read, embedded store';
/** The first generated workstream: of typical size. */
const WORKSTREAM_ID = 1;

/** The rows one dashboard shows, read with prepared statements: each list's rows as better-sqlite3 gives them. */
type DashboardRows = Record<'workstream' | 'roles' | 'involvements' | 'oneToOnes' | 'partners', unknown[]>;

/**
 * The floor: the rows one dashboard shows, read with prepared statements and no
 * parsing, validation or assembly.
 */
function bareSql(file: string): { read: () => DashboardRows; close: () => void } {
  const db = new Database(file, { readonly: true });
  const statements = {
    workstream: db.prepare('SELECT * FROM "workstreams" WHERE "id" = ?'),
    roles: db.prepare('SELECT * FROM "roles" WHERE "workstreamId" = ? ORDER BY "title"'),
    involvements: db.prepare('SELECT * FROM "involvements" WHERE "workstreamId" = ?'),
    oneToOnes: db.prepare('SELECT * FROM "oneToOnes" WHERE "workstreamId" = ? AND "status" = \'Booked\' AND "date" >= ? ORDER BY "date"'),
    partners: db.prepare('SELECT * FROM "partners" WHERE "id" IN (SELECT "partnerId" FROM "involvements" WHERE "workstreamId" = ?)'),
  };
  return {
    read: () => ({
      workstream: statements.workstream.all(WORKSTREAM_ID),
      roles: statements.roles.all(WORKSTREAM_ID),
      involvements: statements.involvements.all(WORKSTREAM_ID),
      oneToOnes: statements.oneToOnes.all(WORKSTREAM_ID, TODAY),
      partners: statements.partners.all(WORKSTREAM_ID),
    }),
    close: () => db.close(),
  };
}

/**
 * The HTTP floor: a plain `node:http` server in this process, as the app's server is,
 * answering any GET by reading the dashboard's rows with the bare SQL statements and
 * sending `answer` (the app's own dashboard, taken once) as JSON, kept alive and
 * uncompressed: the same SQL and the same JSON, with no sign-in, limits, validation
 * or assembly.
 */
async function bareHttp(file: string, answer: unknown): Promise<{ url: string; close: () => Promise<void> }> {
  const sql = bareSql(file);
  const server = http.createServer((_req, res) => {
    sql.read();
    const body = JSON.stringify(answer);
    res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(body) });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/dashboard`,
    close: async () => {
      await new Promise((resolve) => server.close(resolve));
      sql.close();
    },
  };
}

/** Calls `work` as {@link timings} does, and also gives the process CPU time (all threads) per counted call. */
async function measured(work: () => Promise<unknown>, iterations: number): Promise<{ samples: number[]; cpuMs: number }> {
  await timings(work, Math.min(5, iterations), 0);
  const before = process.cpuUsage();
  const samples = await timings(work, iterations, 0);
  const { user, system } = process.cpuUsage(before);
  return { samples, cpuMs: (user + system) / 1000 / iterations };
}

const kb = (body: unknown) => `${Math.round(Buffer.byteLength(JSON.stringify(body)) / 1024)} KB`;

const count = (rows: DashboardRows) => Object.values(rows).reduce((total, list) => total + list.length, 0);

/** One workstream's dashboard through the service and through `GET /api/workstreams/:id/dashboard`, against bare SQL, on the generated organisation. */
export const dashboardSqlite: Benchmark = {
  name: NAME,
  async run(context) {
    const { file, writeMs, writeCpuMs, records } = await organisationDatabase(context);
    const config = { ...loadConfig({ DATABASE_PATH: file, SEED_DEMO: 'never', ...RATE_LIMITS_RAISED, REMINDERS: 'off' }), port: 0 };
    const server = await startServer(config, { logger: silentLogger, clock: BENCH_CLOCK });
    const floor = bareSql(file);
    const dashboardUrl = `${server.url}/api/workstreams/${WORKSTREAM_ID}/dashboard`;
    let closeHttpFloor = async () => {};
    try {
      const httpFloor = await bareHttp(file, await getJson(dashboardUrl));
      closeHttpFloor = httpFloor.close;
      const service = createPathwayService({
        store: server.store,
        clock: BENCH_CLOCK,
        settings: config.pathway,
        access: { engagementTeamIds: [READER.id] },
      });
      const sides = {
        sql: async () => count(floor.read()),
        service: () => service.partnerViews.dashboard(READER, WORKSTREAM_ID),
        http: () => getJson(dashboardUrl),
        'bare HTTP': () => getJson(httpFloor.url),
      };
      const iterations = context.quick ? 5 : 150;
      const perRun = new PerRun();
      const retriedBefore = retried.count;
      for (let run = 1; run <= context.runs; run += 1) {
        context.progress(`run ${run} of ${context.runs}`);
        for (const [side, work] of Object.entries(sides)) {
          const { samples, cpuMs } = await measured(work, iterations);
          perRun.addSamples(side, samples);
          perRun.add(`${side} CPU`, cpuMs);
        }
      }
      const dashboard = await service.partnerViews.dashboard(READER, WORKSTREAM_ID);
      const rows = floor.read();
      const sizes = `${dashboard.rows.length} partner rows from ${count(rows)} stored rows (${Object.entries(rows)
        .map(([list, read]) => `${list} ${read.length}`)
        .join(', ')})`;
      const bodies = `${kb(await getJson(httpFloor.url))} of JSON each side, uncompressed; ${retried.count - retriedBefore} request(s) sent again on a new connection after the server had closed theirs`;
      const figures: Figure[] = [];
      const sql = (measure: string) => ({ name: `bare SQL ${measure}`, perRun: perRun.get(`sql ${measure}`) });
      const bareHttpFloor = (measure: string) => ({ name: `bare HTTP ${measure}`, perRun: perRun.get(`bare HTTP ${measure}`) });
      for (const measure of ['p50', 'p95']) {
        figures.push(
          figure(NAME, `service ${measure}`, 'ms', perRun.get(`service ${measure}`), sql(measure), measure === 'p50' ? sizes : undefined),
        );
        figures.push(
          figure(
            NAME,
            `HTTP API ${measure}`,
            'ms',
            perRun.get(`http ${measure}`),
            bareHttpFloor(measure),
            measure === 'p50' ? bodies : undefined,
          ),
        );
      }
      figures.push(figure(NAME, 'service CPU per read', 'ms', perRun.get('service CPU'), sql('CPU')));
      figures.push(figure(NAME, 'HTTP API CPU per read', 'ms', perRun.get('http CPU'), bareHttpFloor('CPU')));
      const written = `${records.toLocaleString('en-GB')} records through the store's commit, once`;
      figures.push(figure(NAME, 'generated organisation written', 'records/s', [(records / writeMs) * 1000], undefined, written));
      figures.push(figure(NAME, 'generated organisation written, per second of CPU', 'records/s', [(records / writeCpuMs) * 1000]));
      return figures;
    } finally {
      await closeHttpFloor();
      floor.close();
      await server.close();
    }
  },
};
