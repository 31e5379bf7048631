import request from 'supertest';
import { LOCAL_DEVELOPER } from '../../src/server/principal';
import { seedDemo } from '../../src/demo/seed';
import { fixedClock, SETTINGS, testApp, type TestApp } from './support';

let t: TestApp;
beforeEach(async () => {
  t = testApp();
  await seedDemo({ store: t.store, clock: fixedClock, settings: SETTINGS });
});
afterEach(() => t.store.close());

/** What the partners table shows, filters by, and opens a partner or follows a link by. */
const TABLE_FIELDS = [
  'attention',
  'booked',
  'induction',
  'involvementId',
  'name',
  'nextOneToOne',
  'ownerName',
  'partnerId',
  'peerNetworkStatus',
  'preferredName',
  'roleTitle',
  'stage',
];

describe("the workstream tab's dashboard", () => {
  it('sends each row with what the table shows and opens by, and leaves out what it never uses', async () => {
    const [workstream] = (await request(t.app).get('/api/workstreams').expect(200)).body as Array<{ id: number }>;
    const sent = (await request(t.app).get(`/api/workstreams/${workstream.id}/dashboard`).expect(200)).body as {
      rows: Array<Record<string, unknown>>;
    };
    const full = await t.service.partnerViews.dashboard(LOCAL_DEVELOPER, workstream.id);
    expect(sent.rows.length).toBe(full.rows.length);
    expect(sent.rows.length).toBeGreaterThan(0);
    for (const [index, row] of sent.rows.entries()) {
      expect(Object.keys(row).sort()).toEqual(TABLE_FIELDS);
      const expected = full.rows[index] as unknown as Record<string, unknown>;
      for (const field of TABLE_FIELDS) expect(row[field]).toEqual(expected[field]);
    }
  });
});
