import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { loadConfig } from '../../../src/config';
import { startServer, type RunningServer } from '../../../src/entry/server';
import { startChannelStandIn, type ChannelStandIn } from '../../bot/channel-stand-in';
import { recordingLogger } from '../support';

const BOT_ID = '11111111-2222-3333-4444-555555555555';
const TENANT = '0d4e2b7a-5c3f-4a8e-9b61-2f7c8d9e0a1b';

let folder: string;
let databasePath: string;
let channel: ChannelStandIn;
let server: RunningServer;
const logger = recordingLogger();
/** botbuilder's CloudAdapter reports a refused request on console.error itself. */
let consoleError: jest.SpyInstance;

beforeAll(async () => {
  consoleError = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'pp-bot-auth-'));
  databasePath = path.join(folder, 'pathway.db');
  channel = await startChannelStandIn();
  const config = loadConfig({
    BOT_ID,
    SECRET_BOT_PASSWORD: 'not-a-real-secret',
    BOT_TENANT_ID: TENANT,
    DATABASE_PATH: databasePath,
    SEED_DEMO: 'never',
    REMINDERS: 'off',
  });
  server = await startServer({ ...config, port: 0 }, { logger });
});
afterAll(async () => {
  await server.close();
  await channel.close();
  fs.rmSync(folder, { recursive: true, force: true });
  consoleError.mockRestore();
});

/** Every table's row count: what the server has stored, in the pathway lists and the bot's own state alike. */
function rowCounts(): Record<string, number> {
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

function post(headers: Record<string, string>): Promise<Response> {
  return fetch(`${server.url}/api/messages`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify({
      type: 'message',
      id: 'activity-1',
      text: 'plan a role',
      serviceUrl: channel.url,
      channelId: 'msteams',
      from: { id: '29:jo-bloggs', name: 'Jo Bloggs', aadObjectId: '6a1f0c2e-1d4b-4b52-9c1e-3f0b2a7d5e11' },
      conversation: { id: 'a:1personal-chat-with-jo', conversationType: 'personal', tenantId: TENANT },
      recipient: { id: `28:${BOT_ID}`, name: 'Partner Pathway' },
      channelData: { tenant: { id: TENANT } },
    }),
  });
}

describe('the bot endpoint with BOT_ID configured', () => {
  it.each([
    ['no Authorization header', {}],
    ['a garbage token', { Authorization: 'Bearer garbage' }],
    ['a token that is not a JWT at all', { Authorization: 'Bearer eyJhbGciOiJub25lIn0.e30.' }],
    ['another scheme', { Authorization: 'Basic Ym90OnNlY3JldA==' }],
  ])('answers 401 to %s, and neither replies nor stores anything', async (_case, headers) => {
    const before = rowCounts();
    const response = await post(headers);
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({
      error: {
        code: 'not-signed-in',
        message: 'This request did not come from Microsoft Teams with a valid sign-in, so the bot did not read it.',
      },
    });
    expect(channel.sent).toEqual([]);
    expect(channel.updated).toEqual([]);
    expect(rowCounts()).toEqual(before);
  });

  it("keeps the bot secret and the token out of the server's log and botbuilder's console output", () => {
    expect(
      logger.lines.filter((line) => line.message === 'Bot activity refused: its sender is not a valid Bot Framework token'),
    ).toHaveLength(4);
    const logged = JSON.stringify(logger.lines) + consoleError.mock.calls.map((call) => String(call[0]?.stack ?? call[0])).join('\n');
    expect(logged).not.toContain('not-a-real-secret');
    expect(logged).not.toContain('garbage');
  });
});
