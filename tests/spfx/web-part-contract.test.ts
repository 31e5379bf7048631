import request from 'supertest';
import type { Answer } from '../../src/contract/api';
import { seedDemo } from '../../src/demo/seed';
import type {
  Dashboard as WebPartDashboard,
  DashboardRow as WebPartRow,
  Workstream as WebPartWorkstream,
} from '../../spfx/src/webparts/partner-pathway/contract';
import { fixedClock, SETTINGS, testApp, type TestApp } from '../server/support';

// The SharePoint web part declares the part of the API contract it reads: its build compiles
// only spfx/ and has none of the domain's packages, so it cannot take the contract's types.
// (Its words come from the app's own src/contract/plain/words.ts, which its build copies in.) This
// holds the declaration to the server: the typecheck fails if the server's dashboard stops
// fitting it, and this test fails if an answer, as JSON, leaves out a field the web part reads.

/** Every field the web part declares; `satisfies` fails the typecheck when one is added or dropped there and not here. */
const WORKSTREAM_FIELDS = Object.keys({ id: true, title: true, teamsChannelId: true } satisfies Record<keyof WebPartWorkstream, true>);
const ROW_FIELDS = Object.keys({
  involvementId: true,
  partnerId: true,
  name: true,
  preferredName: true,
  roleTitle: true,
  stage: true,
  induction: true,
  nextOneToOne: true,
} satisfies Record<keyof WebPartRow, true>);

let t: TestApp;
beforeEach(async () => {
  t = testApp();
  await seedDemo({ store: t.store, clock: fixedClock, settings: SETTINGS });
});
afterEach(() => t.store.close());

describe("the web part's reading of the dashboard", () => {
  it("finds every field it reads in the server's answers, across every due state", async () => {
    const workstreams = (await request(t.app).get('/api/workstreams').expect(200)).body as Answer<'workstreams'>;
    const states = new Set<string>();
    for (const workstream of workstreams) {
      const answer = (await request(t.app).get(`/api/workstreams/${workstream.id}/dashboard`).expect(200)).body as Answer<'dashboard'>;
      const declared: WebPartDashboard = answer;
      expect(Object.keys(declared.workstream)).toEqual(expect.arrayContaining(WORKSTREAM_FIELDS));
      for (const row of declared.rows) {
        expect(Object.keys(row)).toEqual(expect.arrayContaining(ROW_FIELDS));
        expect(Object.keys(row.nextOneToOne)).toEqual(expect.arrayContaining(['due', 'state', 'daysUntilDue']));
        states.add(row.nextOneToOne.state);
      }
    }
    expect([...states].sort()).toEqual(['due-soon', 'none', 'on-track', 'overdue']);
  });
});
