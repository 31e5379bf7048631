import { loadConfig } from '../../../src/config';
import type { LogFields, Logger } from '../../../src/logging/logger';
import { startServer, type RunningServer } from '../../../src/entry/server';
import { startChannelStandIn, type ChannelStandIn } from '../channel-stand-in';

const BOT = { id: '28:partner-pathway-bot', name: 'Partner Pathway' };
const USER = { id: '29:jo-bloggs', name: 'Jo Bloggs', aadObjectId: '6a1f0c2e-1d4b-4b52-9c1e-3f0b2a7d5e11' };
const TENANT = { id: '0d4e2b7a-5c3f-4a8e-9b61-2f7c8d9e0a1b' };
const PERSONAL_CHAT = { id: 'a:1personal-chat-with-jo', conversationType: 'personal', tenantId: TENANT.id };
const CHANNEL_THREAD = {
  id: '19:cancer-care-channel@thread.tacv2;messageid=1772445600000',
  conversationType: 'channel',
  isGroup: true,
  tenantId: TENANT.id,
};

let channel: ChannelStandIn;
let server: RunningServer;
const logged: Array<{ level: string; message: string; fields: LogFields }> = [];
const logger: Logger = {
  info: () => undefined,
  warn: (message, fields = {}) => logged.push({ level: 'warn', message, fields }),
  error: (message, fields = {}) => logged.push({ level: 'error', message, fields }),
};

beforeAll(async () => {
  channel = await startChannelStandIn();
  const config = loadConfig({ DATABASE_PATH: ':memory:', SEED_DEMO: 'never' });
  server = await startServer({ ...config, port: 0 }, { logger });
});
afterAll(async () => {
  await server.close();
  await channel.close();
});
beforeEach(() => {
  channel.sent.length = 0;
  logged.length = 0;
});

let activityCount = 0;

/** Posts an activity to the bot as Teams would, and returns the HTTP status. */
async function post(activity: Record<string, unknown>): Promise<number> {
  const response = await fetch(`${server.url}/api/messages`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(activity),
  });
  return response.status;
}

/** The user says `text` in a conversation; resolves to what the bot sent back to the channel. */
async function userSays(text: string, options: { conversation?: object; extra?: Record<string, unknown> } = {}) {
  activityCount += 1;
  const id = `1772445600${String(activityCount).padStart(3, '0')}`;
  const conversation = options.conversation ?? PERSONAL_CHAT;
  const status = await post({
    type: 'message',
    id,
    timestamp: '2026-03-02T10:00:00.000Z',
    serviceUrl: channel.url,
    channelId: 'msteams',
    from: USER,
    conversation,
    recipient: BOT,
    text,
    textFormat: 'plain',
    locale: 'en-GB',
    channelData: { tenant: TENANT },
    ...options.extra,
  });
  expect(status).toBe(200);
  return { id, replies: channel.sent };
}

/** A well-formed message activity, for cases that spoil one part of it. */
function envelope(): Record<string, unknown> {
  return {
    type: 'message',
    id: 'garbage-1',
    serviceUrl: channel.url,
    channelId: 'msteams',
    from: USER,
    conversation: PERSONAL_CHAT,
    recipient: BOT,
    text: 'help',
  };
}

function adaptiveCardOf(activity: Record<string, any>): Record<string, any> {
  expect(activity.attachments).toHaveLength(1);
  expect(activity.attachments[0].contentType).toBe('application/vnd.microsoft.card.adaptive');
  return activity.attachments[0].content;
}

function cardText(card: unknown): string {
  return JSON.stringify(card);
}

describe('Partner Pathway bot, over the Bot Framework protocol', () => {
  it('user says "help" / bot replies in the same chat with a card covering every stage', async () => {
    const { id, replies } = await userSays('help');
    expect(replies).toHaveLength(1);
    const [reply] = replies;
    expect(reply.conversationId).toBe(PERSONAL_CHAT.id);
    expect(reply.replyToId).toBe(id);
    expect(reply.activity).toMatchObject({ type: 'message', replyToId: id, from: BOT, recipient: USER, conversation: PERSONAL_CHAT });
    const card = adaptiveCardOf(reply.activity);
    expect(card).toMatchObject({ type: 'AdaptiveCard', version: '1.5' });
    const text = cardText(card);
    for (const stage of ['Plan a role', 'Advertise', 'Log interest', 'Informal chat', 'Induction', 'One-to-ones', 'Peer Support Network']) {
      expect(text).toContain(stage);
    }
  });

  it.each(['hi', 'Hello!', 'HELP please'])('user says "%s" / bot replies with the help card', async (greeting) => {
    const { replies } = await userSays(greeting);
    expect(replies).toHaveLength(1);
    expect(adaptiveCardOf(replies[0].activity).version).toBe('1.5');
  });

  it('user says "book a chat with Sam" / bot does not know it, so replies in the same chat with the help card', async () => {
    const { id, replies } = await userSays('book a chat with Sam');
    expect(replies).toHaveLength(1);
    expect(replies[0]).toMatchObject({ conversationId: PERSONAL_CHAT.id, replyToId: id });
    expect(cardText(adaptiveCardOf(replies[0].activity))).toContain("I didn't catch that, so here is what I can help with.");
  });

  it('user @mentions the bot with "help" in a channel / bot replies in that thread with the help card', async () => {
    const mention = `<at>${BOT.name}</at>`;
    const { id, replies } = await userSays(`${mention} help`, {
      conversation: CHANNEL_THREAD,
      extra: {
        entities: [{ type: 'mention', text: mention, mentioned: BOT }],
        channelData: { tenant: TENANT, teamsChannelId: '19:cancer-care-channel@thread.tacv2', teamsTeamId: '19:team@thread.tacv2' },
      },
    });
    expect(replies).toHaveLength(1);
    expect(replies[0].conversationId).toBe(CHANNEL_THREAD.id);
    expect(replies[0].replyToId).toBe(id);
    expect(adaptiveCardOf(replies[0].activity).version).toBe('1.5');
  });

  it('user @mentions the bot with something else in a channel / bot answers with help, not an error', async () => {
    const mention = `<at>${BOT.name}</at>`;
    const { replies } = await userSays(`${mention} what is the weather`, {
      conversation: CHANNEL_THREAD,
      extra: { entities: [{ type: 'mention', text: mention, mentioned: BOT }] },
    });
    expect(replies).toHaveLength(1);
    expect(cardText(adaptiveCardOf(replies[0].activity))).toContain("I didn't catch that");
  });

  it('bot is added to a team, and Teams posts the conversationUpdate again / bot says hello once', async () => {
    const added = {
      type: 'conversationUpdate',
      id: 'f:conversation-update-1',
      serviceUrl: channel.url,
      channelId: 'msteams',
      from: USER,
      conversation: { id: '19:general@thread.tacv2', conversationType: 'channel', isGroup: true, tenantId: TENANT.id },
      recipient: BOT,
      membersAdded: [{ id: BOT.id }],
      channelData: { tenant: TENANT, eventType: 'teamMemberAdded', team: { id: '19:general@thread.tacv2' } },
    };
    expect(await post(added)).toBe(200);
    expect(await post(added)).toBe(200);
    expect(channel.sent).toHaveLength(1);
    expect(channel.sent[0].conversationId).toBe('19:general@thread.tacv2');
    expect(channel.sent[0].activity.text).toMatch(/^Hello, I'm Partner Pathway\. .*Type \*\*help\*\*/);
  });

  it('another person joins a chat the bot is in / bot stays quiet', async () => {
    const status = await post({
      type: 'conversationUpdate',
      id: 'f:conversation-update-2',
      serviceUrl: channel.url,
      channelId: 'msteams',
      from: USER,
      conversation: PERSONAL_CHAT,
      recipient: BOT,
      membersAdded: [{ id: '29:someone-else', aadObjectId: '1b2c3d4e-0000-4000-8000-000000000000' }],
      channelData: { tenant: TENANT },
    });
    expect(status).toBe(200);
    expect(channel.sent).toEqual([]);
  });

  it('channel refuses the reply / bot logs the failure without the message and apologises', async () => {
    channel.rejectNext();
    const { replies } = await userSays('help with Samira Patel');
    expect(replies.map((reply) => reply.activity.text)).toEqual([
      'Sorry, something went wrong on my side and I could not finish that. Please try again in a minute.',
    ]);
    expect(logged).toEqual([expect.objectContaining({ level: 'error', message: 'Bot turn failed' })]);
    expect(JSON.stringify(logged)).not.toContain('Samira');
  });

  it.each([
    ['no type', (activity: object) => ({ ...activity, type: undefined })],
    ['a numeric type', (activity: object) => ({ ...activity, type: 7 })],
    ['an empty type', (activity: object) => ({ ...activity, type: '' })],
    ['a numeric serviceUrl', (activity: object) => ({ ...activity, serviceUrl: 123 })],
    ['a serviceUrl that is not http', (activity: object) => ({ ...activity, serviceUrl: 'file:///etc/passwd' })],
    ['no conversation', (activity: object) => ({ ...activity, conversation: undefined })],
    ['a conversation that is a string', (activity: object) => ({ ...activity, conversation: 'a:1' })],
    ['no recipient', (activity: object) => ({ ...activity, recipient: undefined })],
    ['no sender', (activity: object) => ({ ...activity, from: undefined })],
    ['an array', (activity: object) => [activity]],
    ['null', () => null],
  ])('a POST with %s gets 400 and never reaches the bot; the server keeps serving', async (_case, spoil) => {
    const body = spoil(envelope());
    const response = await fetch(`${server.url}/api/messages`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(response.status).toBe(400);
    expect((await response.json()).error.code).toMatch(/not-an-activity|malformed-json/);
    expect(channel.sent).toEqual([]);
    const { replies } = await userSays('help');
    expect(replies).toHaveLength(1);
  });

  it('answers 405 to a GET on the messaging endpoint', async () => {
    const response = await fetch(`${server.url}/api/messages`);
    expect(response.status).toBe(405);
  });
});
