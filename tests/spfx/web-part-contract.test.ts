import request from 'supertest';
import { TabLinks } from '../../src/bot/pathway/tab-links';
import type { Answer } from '../../src/contract/api';
import { seedDemo } from '../../src/demo/seed';
import { describeDue, shortDate, summariseInduction } from '../../src/tab/shared/format';
import type { Dashboard as WebPartDashboard } from '../../spfx/src/webparts/partner-pathway/contract';
import { partnerRows } from '../../spfx/src/webparts/partner-pathway/partner-rows';
import { fixedClock, SETTINGS, testApp, type TestApp } from '../server/support';

// The SharePoint web part declares the part of the API contract it reads (its build compiles
// only spfx/), and words dates, due states and induction itself (it runs React 17, the tab 19).
// This holds both to the app's: the typecheck fails if the server's dashboard stops fitting the
// web part's declaration, and this test fails if their words for the same row drift apart.

const TEAMS_APP_ID = '3c1a2b4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d';

let t: TestApp;
beforeEach(async () => {
  t = testApp();
  await seedDemo({ store: t.store, clock: fixedClock, settings: SETTINGS });
});
afterEach(() => t.store.close());

describe("the web part's reading of the dashboard", () => {
  it("shows every partner of the server's dashboard in the tab's words, linked as the bot links them", async () => {
    const workstreams = (await request(t.app).get('/api/workstreams').expect(200)).body as Answer<'workstreams'>;
    const states = new Set<string>();
    for (const workstream of workstreams) {
      const answer = (await request(t.app).get(`/api/workstreams/${workstream.id}/dashboard`).expect(200)).body as Answer<'dashboard'>;
      const declared: WebPartDashboard = answer;
      const channelled = { ...declared, workstream: { ...declared.workstream, teamsChannelId: '19:abc@thread.tacv2' } };
      const links = new TabLinks(TEAMS_APP_ID);
      expect(partnerRows(channelled, TEAMS_APP_ID)).toEqual(
        answer.rows.map((row) => ({
          key: row.involvementId,
          name: row.name,
          roleTitle: row.roleTitle,
          stage: row.stage,
          induction: summariseInduction(row.induction).progress,
          nextDue: row.nextOneToOne.state === 'none' || !row.nextOneToOne.due ? null : shortDate(row.nextOneToOne.due),
          dueState: row.nextOneToOne.state,
          dueWords: describeDue(row.nextOneToOne),
          teamsLink: links.workstream(channelled.workstream, row.partnerId),
        })),
      );
      for (const row of answer.rows) states.add(row.nextOneToOne.state);
    }
    expect([...states].sort()).toEqual(['due-soon', 'none', 'on-track', 'overdue']);
  });
});
