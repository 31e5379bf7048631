import Database from 'better-sqlite3';
import { loadConfig } from '../../src/config';
import { createPathwayService, type Principal } from '../../src/domain';
import { silentLogger } from '../../src/logging/logger';
import { startServer } from '../../src/entry/server';
import { BENCH_CLOCK, organisationDatabase, RATE_LIMITS_RAISED, TODAY } from '../fixtures';
import { figure, PerRun, timings, type Benchmark, type Figure } from '../harness';

/** Reads as a member of the Engagement team, who may see every workstream. */
const READER: Principal = { id: 'bench-engagement', name: 'Benchmark reader', email: '', tenantId: 'bench' };

const NAME = 'Dashboard read, embedded store';
/** The first generated workstream: of typical size. */
const WORKSTREAM_ID = 1;

/**
 * The floor: the rows one dashboard shows, read with prepared statements and no
 * parsing, validation or assembly.
 */
function bareSql(file: string): { read: () => number; rows: () => Record<string, number>; close: () => void } {
  const db = new Database(file, { readonly: true });
  const statements = {
    workstream: db.prepare('SELECT * FROM "workstreams" WHERE "id" = ?'),
    roles: db.prepare('SELECT * FROM "roles" WHERE "workstreamId" = ? ORDER BY "title"'),
    involvements: db.prepare('SELECT * FROM "involvements" WHERE "workstreamId" = ?'),
    oneToOnes: db.prepare('SELECT * FROM "oneToOnes" WHERE "workstreamId" = ? AND "status" = \'Booked\' AND "date" >= ? ORDER BY "date"'),
    partners: db.prepare('SELECT * FROM "partners" WHERE "id" IN (SELECT "partnerId" FROM "involvements" WHERE "workstreamId" = ?)'),
  };
  const readAll = () => ({
    workstream: statements.workstream.all(WORKSTREAM_ID).length,
    roles: statements.roles.all(WORKSTREAM_ID).length,
    involvements: statements.involvements.all(WORKSTREAM_ID).length,
    oneToOnes: statements.oneToOnes.all(WORKSTREAM_ID, TODAY).length,
    partners: statements.partners.all(WORKSTREAM_ID).length,
  });
  return {
    read: () => Object.values(readAll()).reduce((total, count) => total + count, 0),
    rows: readAll,
    close: () => db.close(),
  };
}

/** One workstream's dashboard through the service and through `GET /api/workstreams/:id/dashboard`, against bare SQL, on the generated organisation. */
export const dashboardSqlite: Benchmark = {
  name: NAME,
  async run(context) {
    const { file, writeMs, records } = await organisationDatabase(context);
    const config = { ...loadConfig({ DATABASE_PATH: file, SEED_DEMO: 'never', ...RATE_LIMITS_RAISED, REMINDERS: 'off' }), port: 0 };
    const server = await startServer(config, { logger: silentLogger, clock: BENCH_CLOCK });
    const floor = bareSql(file);
    try {
      const service = createPathwayService({
        store: server.store,
        clock: BENCH_CLOCK,
        settings: config.pathway,
        access: { engagementTeamIds: [READER.id] },
      });
      const dashboardUrl = `${server.url}/api/workstreams/${WORKSTREAM_ID}/dashboard`;
      const viaHttp = async () => {
        const response = await fetch(dashboardUrl);
        if (!response.ok) throw new Error(`GET ${dashboardUrl} answered ${response.status}: ${await response.text()}`);
        await response.json();
      };
      const iterations = context.quick ? 5 : 150;
      const perRun = new PerRun();
      for (let run = 1; run <= context.runs; run += 1) {
        context.progress(`run ${run} of ${context.runs}`);
        perRun.addSamples('sql', await timings(async () => floor.read(), iterations));
        perRun.addSamples('service', await timings(() => service.partnerViews.dashboard(READER, WORKSTREAM_ID), iterations));
        perRun.addSamples('http', await timings(viaHttp, iterations));
      }
      const dashboard = await service.partnerViews.dashboard(READER, WORKSTREAM_ID);
      const rows = floor.rows();
      const total = Object.values(rows).reduce((sum, count) => sum + count, 0);
      const sizes = `${dashboard.rows.length} partner rows from ${total} stored rows (${Object.entries(rows)
        .map(([list, count]) => `${list} ${count}`)
        .join(', ')})`;
      const figures: Figure[] = [];
      for (const percentile of ['p50', 'p95']) {
        const sql = { name: `bare SQL ${percentile}`, perRun: perRun.get(`sql ${percentile}`) };
        figures.push(
          figure(NAME, `service ${percentile}`, 'ms', perRun.get(`service ${percentile}`), sql, percentile === 'p50' ? sizes : undefined),
        );
        figures.push(figure(NAME, `HTTP API ${percentile}`, 'ms', perRun.get(`http ${percentile}`), sql));
      }
      figures.push(
        figure(
          NAME,
          'generated organisation written',
          'records/s',
          [(records / writeMs) * 1000],
          undefined,
          `${records.toLocaleString('en-GB')} records through the store's commit, once`,
        ),
      );
      return figures;
    } finally {
      floor.close();
      await server.close();
    }
  },
};
