import request from 'supertest';
import { LOCAL_DEVELOPER } from '../../src/server/principal';
import { COMPLETE_DESCRIPTION, testApp, TODAY, type TestApp } from './support';

let t: TestApp;
afterEach(() => t.store.close());

/** Markup and contact details typed into a role's free text, as a careless or hostile edit might. */
const HOSTILE_PURPOSE = 'Shape <b>care</b> & "services" <script>alert(1)</script>. Ask Jo on jo.bloggs@example.org or 07700 900123.';

/** Plans a role in a new workstream with the complete description (and `changes`), as the Engagement team, taking it as far as `until`. */
async function role(title: string, until: 'Draft' | 'Ready' | 'Advertised' | 'Filled', changes: object = {}): Promise<number> {
  const me = LOCAL_DEVELOPER;
  const roles = t.service.roles;
  const workstream = await t.service.workstreams.create(me, { title: `${title} workstream` });
  let { role: item } = await roles.planRole(me, { workstreamId: workstream.id, title });
  ({ role: item } = await roles.updateRole(me, { roleId: item.id, version: item.version, ...COMPLETE_DESCRIPTION, ...changes }));
  if (until === 'Draft') return item.id;
  ({ role: item } = await roles.markReady(me, { roleId: item.id, version: item.version }));
  if (until === 'Ready') return item.id;
  ({ role: item } = await roles.sendAdvert(me, { roleId: item.id, version: item.version }));
  ({ role: item } = await roles.approveAdvert(me, {
    roleId: item.id,
    version: item.version,
    advertUrl: `https://opportunities.example.org/roles/${item.id}?from=feed&lang=en`,
  }));
  if (until === 'Advertised') return item.id;
  ({ role: item } = await roles.markFilled(me, { roleId: item.id, version: item.version }));
  return item.id;
}

/** The app with the feed on, where the tab API refuses every caller (no sign-in is configured): the feed needs none. */
const feedOn = () => testApp({ identity: 'entra', opportunitiesFeed: true });

const get = (path: string) => request(t.app).get(path);

describe('the opportunities feed, turned off (the default)', () => {
  it('answers 404 in both formats, so nothing is published until the organisation chooses', async () => {
    t = testApp();
    await role('Patient partner', 'Advertised');
    for (const path of ['/feed/opportunities.json', '/feed/opportunities.rss']) {
      const answer = await get(path).expect(404);
      expect(answer.body.error.code).toBe('not-found');
      expect(answer.text).not.toContain('Patient partner');
    }
  });
});

describe('GET /feed/opportunities.json, turned on', () => {
  beforeEach(() => {
    t = feedOn();
  });

  it('lists only Advertised roles, without signing in, for websites to keep five minutes', async () => {
    await role('Draft role', 'Draft');
    await role('Ready role', 'Ready');
    await role('Filled role', 'Filled');
    const advertised = await role('Patient partner', 'Advertised');
    await request(t.app).get('/api/workstreams').expect(401);

    const answer = await get('/feed/opportunities.json').expect(200);
    expect(answer.headers['cache-control']).toBe('public, max-age=300');
    expect(answer.body.opportunities).toEqual([
      {
        id: advertised,
        title: 'Patient partner',
        summary: COMPLETE_DESCRIPTION.purpose,
        timeCommitment: COMPLETE_DESCRIPTION.timeCommitment,
        where: 'Online',
        level: 4,
        accessibleFormats: ['Easy read', 'Large print'],
        closingDate: '2026-04-30',
        startDate: '2026-07-01',
        link: `https://opportunities.example.org/roles/${advertised}?from=feed&lang=en`,
        howToExpressInterest: `Read the full advert at https://opportunities.example.org/roles/${advertised}?from=feed&lang=en and express interest by Thursday 30 April 2026.`,
      },
    ]);
  });

  it('gives nothing personal: no contact for questions, no lead, no approver, no e-mail address or phone number typed into the purpose', async () => {
    await role('Patient partner', 'Advertised', { purpose: HOSTILE_PURPOSE, closingDate: TODAY });
    const answer = await get('/feed/opportunities.json').expect(200);
    expect(answer.body.opportunities).toHaveLength(1);
    expect(answer.text).not.toMatch(/Jo Bloggs|jo\.bloggs|07700|Local Developer|local-developer|developer@localhost/);
    expect(answer.body.opportunities[0].summary).toBe(
      'Shape <b>care</b> & "services" <script>alert(1)</script>. Ask Jo on [contact details removed] or [contact details removed].',
    );
  });
});

describe('GET /feed/opportunities.rss, turned on', () => {
  beforeEach(() => {
    t = feedOn();
  });

  it('is RSS 2.0 with one item per Advertised role, every value escaped, nothing personal', async () => {
    await role('Ready role', 'Ready');
    const advertised = await role('Partner <for> "Carers" & families', 'Advertised', { purpose: HOSTILE_PURPOSE });
    const answer = await get('/feed/opportunities.rss').expect(200);
    expect(answer.headers['content-type']).toBe('application/rss+xml; charset=utf-8');
    expect(answer.headers['cache-control']).toBe('public, max-age=300');
    expect(answer.text).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<rss version="2.0">/);
    expect(answer.text).toContain('<title>Partner &#60;for&#62; &#34;Carers&#34; &#38; families</title>');
    expect(answer.text).toContain(`<link>https://opportunities.example.org/roles/${advertised}?from=feed&#38;lang=en</link>`);
    expect(answer.text).toContain(`<guid isPermaLink="false">partner-pathway-role-${advertised}</guid>`);
    expect(answer.text).not.toContain('<script>');
    expect(answer.text).not.toContain('Ready role');
    expect(answer.text.match(/<item>/g)).toHaveLength(1);
    expect(answer.text).not.toMatch(/Jo Bloggs|jo\.bloggs|07700|Local Developer/);
  });
});

describe('the feed within the public rate limit', () => {
  it('answers a client address over its reads a minute 429', async () => {
    t = testApp({
      identity: 'entra',
      opportunitiesFeed: true,
      rateLimit: { readsPerMinute: 2, writesPerMinute: 2, refusedSignInsPerMinute: 2, proxyHops: 0 },
    });
    await get('/feed/opportunities.json').expect(200);
    await get('/feed/opportunities.rss').expect(200);
    const limited = await get('/feed/opportunities.json').expect(429);
    expect(limited.body.error.code).toBe('rate-limited');
    expect(limited.headers['retry-after']).toBeDefined();
  });
});
