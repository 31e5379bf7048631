import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { loadConfig } from '../../../src/config';
import { startServer, type RunningServer } from '../../../src/entry/server';
import { startChannelStandIn, type ChannelStandIn } from '../../bot/channel-stand-in';
import { recordingLogger } from '../support';
import { channelToken, startBotFrameworkKeysStandIn, type BotFrameworkKeysStandIn, type KeysMode } from './bot-framework-keys-stand-in';
import { signingKey } from './entra-stand-in';

const BOT_ID = '11111111-2222-3333-4444-555555555555';
const TENANT = '0d4e2b7a-5c3f-4a8e-9b61-2f7c8d9e0a1b';

let folder: string;
let keys: BotFrameworkKeysStandIn;
let channel: ChannelStandIn;
/** botbuilder's token checks report on console.error themselves. */
let consoleError: jest.SpyInstance;
const servers: Array<{ server: RunningServer; databasePath: string; logger: ReturnType<typeof recordingLogger> }> = [];

beforeAll(async () => {
  consoleError = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'pp-bot-sender-'));
  keys = await startBotFrameworkKeysStandIn();
  channel = await startChannelStandIn();
});
afterAll(async () => {
  await Promise.all(servers.map(({ server }) => server.close()));
  await keys.close();
  await channel.close();
  fs.rmSync(folder, { recursive: true, force: true });
  consoleError.mockRestore();
});

/** A server whose bot checks senders against Bot Framework's keys at `metadataUrl`. */
async function serverCheckingAt(metadataUrl: string, timeoutMs?: number) {
  const databasePath = path.join(folder, `pathway-${servers.length}.db`);
  const logger = recordingLogger();
  const config = loadConfig({
    BOT_ID,
    SECRET_BOT_PASSWORD: 'not-a-real-secret',
    BOT_TENANT_ID: TENANT,
    DATABASE_PATH: databasePath,
    SEED_DEMO: 'never',
    REMINDERS: 'off',
  });
  const server = await startServer({ ...config, port: 0 }, { logger, senderCheck: { openIdMetadataUrl: metadataUrl, timeoutMs } });
  const entry = { server, databasePath, logger };
  servers.push(entry);
  return entry;
}

/** Every table's row count: what the server has stored, in the pathway lists and the bot's own state alike. */
function rowCounts(databasePath: string): Record<string, number> {
  const db = new Database(databasePath, { readonly: true });
  try {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as Array<{ name: string }>;
    return Object.fromEntries(
      tables.map(({ name }) => [name, (db.prepare(`SELECT COUNT(*) AS n FROM "${name}"`).get() as { n: number }).n]),
    );
  } finally {
    db.close();
  }
}

/** Presses "My partners" as someone in no workstream, which the bot answers in the invoke response itself (no call back to Teams). */
function pressMyPartners(server: RunningServer, token: string | undefined): Promise<Response> {
  return fetch(`${server.url}/api/messages`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({
      type: 'invoke',
      name: 'adaptiveCard/action',
      id: 'activity-1',
      value: { action: { type: 'Action.Execute', verb: 'partners.mine', data: {} } },
      serviceUrl: channel.url,
      channelId: 'msteams',
      from: { id: '29:jo-bloggs', name: 'Jo Bloggs', aadObjectId: '6a1f0c2e-1d4b-4b52-9c1e-3f0b2a7d5e11' },
      conversation: { id: 'a:1personal-chat-with-jo', conversationType: 'personal', tenantId: TENANT },
      recipient: { id: `28:${BOT_ID}`, name: 'Partner Pathway' },
      channelData: { tenant: { id: TENANT } },
    }),
  });
}

describe("the bot endpoint when Bot Framework's signing keys can be fetched", () => {
  it('runs the turn for a token Bot Framework signed for this bot and this channel', async () => {
    const { server } = await serverCheckingAt(keys.metadataUrl('serve'));
    const response = await pressMyPartners(server, await channelToken(keys.key, BOT_ID, channel.url));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      statusCode: 200,
      type: 'application/vnd.microsoft.activity.message',
      value: expect.stringContaining('You are not a member of any workstream yet'),
    });
  });

  it.each([
    [
      'signed by a key Bot Framework did not publish',
      async () => channelToken({ ...(await signingKey(keys.key.kid)) }, BOT_ID, channel.url),
    ],
    ['for another bot', () => channelToken(keys.key, '99999999-8888-7777-6666-555555555555', channel.url)],
    ['for another service address', () => channelToken(keys.key, BOT_ID, 'https://smba.attacker.example/')],
    ['expired an hour ago', () => channelToken(keys.key, BOT_ID, channel.url, { exp: Math.floor(Date.now() / 1000) - 3600 })],
  ])('answers 401 in our own words to a token %s, and runs nothing', async (_case, token) => {
    const { server, databasePath, logger } = servers[0] ?? (await serverCheckingAt(keys.metadataUrl('serve')));
    const before = rowCounts(databasePath);
    const response = await pressMyPartners(server, await token());
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('Bearer');
    expect(await response.json()).toEqual({
      error: {
        code: 'not-signed-in',
        message: 'This request did not come from Microsoft Teams with a valid sign-in, so the bot did not read it.',
      },
    });
    expect(rowCounts(databasePath)).toEqual(before);
    expect(logger.lines.map((line) => line.message)).toContain('Bot activity refused: its sender is not a valid Bot Framework token');
  });
});

describe("the bot endpoint when Bot Framework's signing keys cannot be fetched", () => {
  const cases: Array<[string, () => string, number | undefined]> = [
    ['answers 500', () => keys.metadataUrl('fail' satisfies KeysMode), undefined],
    ['refuses the connection', () => 'http://127.0.0.1:9/openidconfiguration', undefined],
    ['never answers', () => keys.metadataUrl('hang'), 200],
  ];

  it.each(cases)(
    'when the key service %s: 503 with Retry-After and our own words, nothing stored or sent',
    async (_case, metadataUrl, timeoutMs) => {
      const { server, databasePath, logger } = await serverCheckingAt(metadataUrl(), timeoutMs);
      const before = rowCounts(databasePath);
      const response = await pressMyPartners(server, await channelToken(keys.key, BOT_ID, channel.url));
      expect(response.status).toBe(503);
      expect(response.headers.get('retry-after')).toBe('30');
      expect(response.headers.get('content-type')).toMatch(/^application\/json/);
      const body = await response.text();
      expect(JSON.parse(body)).toEqual({
        error: {
          code: 'sender-check-unavailable',
          message:
            'The bot cannot check who sent this just now, because the Bot Framework sign-in service did not answer. Nothing was read or stored; send it again shortly.',
        },
      });
      expect(body).not.toMatch(/openid|request to|ECONNREFUSED|Failed to load/i);
      expect(rowCounts(databasePath)).toEqual(before);
      expect(channel.sent).toEqual([]);
      expect(logger.lines).toContainEqual(
        expect.objectContaining({ level: 'warn', message: 'Bot activity not taken: its sender could not be checked' }),
      );
    },
  );
});
