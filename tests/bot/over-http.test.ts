import { loadConfig } from '../../src/config';
import { createPathwayService, type PathwayService, type Principal } from '../../src/domain';
import { silentLogger } from '../../src/logging/logger';
import { PLAYGROUND_USER } from '../../src/server/principal';
import { startServer, type RunningServer } from '../../src/entry/server';
import { advertisedRole, at, ENGAGEMENT_PRINCIPAL, interested, workstream } from './arrange';
import { postActivity, startChannelStandIn, type ChannelStandIn } from './channel-stand-in';
import { button, textOf } from './transcript-harness';

const BOT = { id: '28:partner-pathway-bot', name: 'Partner Pathway' };
const USER = { id: '29:jo-bloggs', name: 'Jo Bloggs', aadObjectId: '6a1f0c2e-1d4b-4b52-9c1e-3f0b2a7d5e11' };
const JO: Principal = { id: USER.aadObjectId, name: USER.name, email: '', tenantId: 'tenant' };
const TENANT = { id: '0d4e2b7a-5c3f-4a8e-9b61-2f7c8d9e0a1b' };
const PERSONAL_CHAT = { id: 'a:1personal-chat-with-jo', conversationType: 'personal', tenantId: TENANT.id };
const ENGAGEMENT_CHANNEL = '19:engagement@thread.tacv2';
const SETTINGS = { timeZone: 'Europe/London', defaultCadenceWeeks: 8, dueSoonDays: 14, recruitmentLeadWeeks: 8, paidLevels: [4] };
/** The server's day: a Monday, so the weekly digest is due too. */
const NOW = new Date('2026-03-02T10:00:00Z');

let channel: ChannelStandIn;
let server: RunningServer;
let count = 0;

function serviceOn(date: string): PathwayService {
  return createPathwayService({
    store: server.store,
    clock: { now: () => new Date(`${date}T12:00:00Z`) },
    settings: SETTINGS,
    access: { engagementTeamIds: [ENGAGEMENT_PRINCIPAL.id] },
  });
}

beforeAll(async () => {
  channel = await startChannelStandIn();
  const config = loadConfig({ DATABASE_PATH: ':memory:', SEED_DEMO: 'never', ENGAGEMENT_CHANNEL_ID: ENGAGEMENT_CHANNEL, REMINDERS: 'off' });
  server = await startServer({ ...config, port: 0 }, { logger: silentLogger, clock: { now: () => NOW } });
});
afterAll(async () => {
  await server.close();
  await channel.close();
});
beforeEach(() => {
  channel.sent.length = 0;
  channel.updated.length = 0;
});

/** Posts an activity as Teams would; resolves to the HTTP status and body. */
function post(activity: Record<string, unknown>): Promise<{ status: number; body: any }> {
  count += 1;
  return postActivity(server.url, {
    id: `http-${count}`,
    serviceUrl: channel.url,
    channelId: 'msteams',
    from: USER,
    conversation: PERSONAL_CHAT,
    recipient: BOT,
    channelData: { tenant: TENANT },
    ...activity,
  });
}

function press(verb: string, data: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  return post({ type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb, data } }, ...extra });
}

const ENGAGEMENT_POST = {
  conversation: { id: `${ENGAGEMENT_CHANNEL};messageid=99`, conversationType: 'channel', isGroup: true, tenantId: TENANT.id },
  channelData: { tenant: TENANT, teamsChannelId: ENGAGEMENT_CHANNEL },
};

describe('The bot over HTTP, against a stand-in for the Bot Connector', () => {
  it('a lead plans a role by card: the Execute invoke is answered with the updated card in the HTTP response', async () => {
    await workstream(serviceOn('2026-03-02'), 'Maternity', [JO]);
    await post({ type: 'message', text: 'plan a role' });
    const form = channel.sent[0].activity.attachments[0].content;
    const { status, body } = await press('role.save', { ...button(form, 'role.save'), title: 'Maternity partner' });
    expect(status).toBe(200);
    expect(body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
    expect(textOf(body.value)).toContain('Still needed before this role can be Ready');
  });

  it("the Agents Playground's default user, on the local development server, can do what the Engagement team does: sees the adverts waiting for approval", async () => {
    const alex = { id: 'user-id-0', name: 'Alex Wilber', aadObjectId: PLAYGROUND_USER.id };
    await post({ type: 'message', text: 'adverts', from: alex, conversation: { ...PERSONAL_CHAT, id: 'a:alex-personal' } });
    const [reply] = channel.sent.filter((sent) => sent.conversationId === 'a:alex-personal');
    expect(textOf(reply.activity.attachments[0].content)).toContain('Adverts waiting for approval');
  });

  it('a card pressed through Action.Submit: the bot updates the card message in place (PUT) instead of sending a new one', async () => {
    const ws = (await serviceOn('2026-03-02').workstreams.list(JO))[0];
    const role = await advertisedRole(serviceOn('2026-03-02'), ws.id, 'Digital partner', JO);
    const { status } = await post({
      type: 'message',
      value: { verb: 'role.filled', roleId: role.id, version: role.version },
      replyToId: 'card-message-1',
    });
    expect(status).toBe(200);
    expect(channel.sent).toEqual([]);
    expect(channel.updated).toHaveLength(1);
    expect(channel.updated[0]).toMatchObject({ conversationId: PERSONAL_CHAT.id, activityId: 'card-message-1' });
    expect(textOf(channel.updated[0].activity.attachments[0].content)).toContain('Filled');
  });

  it('the same activity posted twice (a Teams retry) is answered once', async () => {
    const activity = { id: 'retried-activity', type: 'message', text: 'help' };
    await fetch(`${server.url}/api/messages`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        ...activity,
        serviceUrl: channel.url,
        channelId: 'msteams',
        from: USER,
        conversation: PERSONAL_CHAT,
        recipient: BOT,
      }),
    });
    await fetch(`${server.url}/api/messages`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        ...activity,
        serviceUrl: channel.url,
        channelId: 'msteams',
        from: USER,
        conversation: PERSONAL_CHAT,
        recipient: BOT,
      }),
    });
    expect(channel.sent).toHaveLength(1);
  });

  it('reminders triggered over HTTP reach the owner and the Engagement team, once each, one a second per conversation', async () => {
    await post({ type: 'conversationUpdate', membersAdded: [{ id: BOT.id }], ...ENGAGEMENT_POST });
    await post({ type: 'message', text: 'help' });
    const ws = (await serviceOn('2025-12-01').workstreams.list(JO))[0];
    const december = serviceOn('2025-12-01');
    const role = await advertisedRole(december, ws.id, 'Closing soon', JO, { closingDate: '2026-03-06', startDate: '2026-06-01' });
    await at(december, await interested(december, role.id, 'Asha Long Overdue'), 'Active');
    const january = serviceOn('2026-01-06');
    await at(january, await interested(january, role.id, 'Ben Due Soon'), 'Active');
    const february = serviceOn('2026-02-01');
    await at(february, await interested(february, role.id, 'Cara Induction'), 'Induction');
    channel.sent.length = 0;

    const first = await fetch(`${server.url}/api/reminders/run`, { method: 'POST' });
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({
      due: 6,
      sent: 6,
      sentByKind: {
        'one-to-one-due': 1,
        'one-to-one-overdue': 1,
        'one-to-one-escalated': 1,
        'induction-stalled': 1,
        'role-closing': 1,
        'weekly-digest': 1,
      },
      alreadySent: 0,
      unreachable: 0,
      failed: 0,
    });
    const toJo = channel.sent.filter((sent) => sent.conversationId === PERSONAL_CHAT.id);
    const toEngagement = channel.sent.filter((sent) => sent.conversationId === ENGAGEMENT_CHANNEL);
    expect(toJo.map((sent) => sent.activity.summary).sort()).toEqual([
      'Closing in 4 days: Closing soon',
      'Induction waiting: Cara Induction',
      'One-to-one coming up: Ben Due Soon',
      'One-to-one overdue: Asha Long Overdue',
      'Your partners this week (Monday 2 March 2026)',
    ]);
    expect(toEngagement.map((sent) => sent.activity.summary)).toEqual(['One-to-one 35 days overdue: Asha Long Overdue']);
    expect(toEngagement[0].replyToId).toBeUndefined();
    const gaps = toJo.slice(1).map((sent, index) => sent.at - toJo[index].at);
    // Paced a second apart when sent; arrival times also carry network jitter, hence the margin.
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(800);

    channel.sent.length = 0;
    const second = await fetch(`${server.url}/api/reminders/run`, { method: 'POST' });
    expect(await second.json()).toEqual({ due: 6, sent: 0, sentByKind: {}, alreadySent: 6, unreachable: 0, failed: 0 });
    expect(channel.sent).toEqual([]);
  });

  it.each([
    ['no value', {}],
    ['a value with no action', { value: { nothing: true } }],
    ['an action that is not Execute', { value: { action: { type: 'Action.Submit', verb: 'role.new' } } }],
    ['an unknown verb', { value: { action: { type: 'Action.Execute', verb: 'drop.tables', data: {} } } }],
    ['data that is a string', { value: { action: { type: 'Action.Execute', verb: 'partner.open', data: 'x' } } }],
    [
      'ids that are not numbers',
      { value: { action: { type: 'Action.Execute', verb: 'chat.offer', data: { involvementId: 'x', version: [] } } } },
    ],
  ])('a card action with %s is answered without a server error, and changes nothing', async (_case, extra) => {
    const { status, body } = await post({ type: 'invoke', name: 'adaptiveCard/action', ...extra });
    expect(status).toBeLessThan(500);
    expect(JSON.stringify(body ?? {})).not.toMatch(/stack|Error:/);
  });

  it.each([
    ['a sender name that is not text', { type: 'message', text: 'help', from: { ...USER, name: 0 } }],
    [
      'a conversation type that is not text',
      { type: 'message', text: 'help', conversation: { ...PERSONAL_CHAT, conversationType: { personal: true } } },
    ],
    [
      'a mention with no one mentioned',
      { type: 'message', text: '<at>Partner Pathway</at> help', entities: [{ type: 'mention', text: '<at>Partner Pathway</at>' }] },
    ],
    [
      'a recipient whose name is not text, which botbuilder would copy into its reply',
      { type: 'message', text: 'help', recipient: { ...BOT, name: { first: 'Partner' } } },
    ],
    [
      'a conversation id no reply address can carry',
      { type: 'message', text: 'help', conversation: { ...PERSONAL_CHAT, id: 'chat with Ā' } },
    ],
    ['an activity id no reply address can carry', { type: 'message', text: 'help', id: '\udfff' }],
    ['a Teams message edit with no channel data', { type: 'messageUpdate', text: 'help', channelData: undefined }],
  ])('an activity with %s is answered 400, and the bot neither runs nor replies', async (_case, activity) => {
    const { status, body } = await post(activity);
    expect(status).toBe(400);
    expect(body.error.code).toBe('not-an-activity');
    expect(channel.sent).toEqual([]);
  });

  it.each([
    ['one botbuilder has no handler for', { name: 'composeExtension/query', value: { commandId: 'search' } }],
    ['a Teams one with no value', { name: 'composeExtension/submitAction' }],
    ['a Teams one with a null value', { name: 'fileConsent/invoke', value: null }],
  ])('an invoke the bot does not handle, %s, is answered 400, not a 5xx', async (_case, invoke) => {
    const { status, body } = await post({ type: 'invoke', ...invoke });
    expect(status).toBe(400);
    expect(body).toMatchObject({ statusCode: 400, value: { code: 'BadRequest' } });
  });

  it('the reminders trigger answers 405 to a GET', async () => {
    const response = await fetch(`${server.url}/api/reminders/run`);
    expect(response.status).toBe(405);
  });
});

describe('The reminders trigger with a token', () => {
  let guarded: RunningServer;
  beforeAll(async () => {
    const config = loadConfig({
      DATABASE_PATH: ':memory:',
      SEED_DEMO: 'never',
      REMINDERS_TOKEN: 'a-long-random-token-for-the-tests',
      REMINDERS: 'off',
    });
    guarded = await startServer({ ...config, port: 0 }, { logger: silentLogger });
  });
  afterAll(() => guarded.close());

  it('refuses a call without the token with 401, and runs with it', async () => {
    expect((await fetch(`${guarded.url}/api/reminders/run`, { method: 'POST' })).status).toBe(401);
    expect((await fetch(`${guarded.url}/api/reminders/run`, { method: 'POST', headers: { Authorization: 'Bearer wrong' } })).status).toBe(
      401,
    );
    const ok = await fetch(`${guarded.url}/api/reminders/run`, {
      method: 'POST',
      headers: { Authorization: 'Bearer a-long-random-token-for-the-tests' },
    });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ due: 0, sent: 0, sentByKind: {}, alreadySent: 0, unreachable: 0, failed: 0 });
  });
});
