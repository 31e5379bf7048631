import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { loadConfig } from '../../../src/config';
import { startServer, type RunningServer } from '../../../src/entry/server';
import { startChannelStandIn, type ChannelStandIn } from '../../bot/channel-stand-in';
import { recordingLogger } from '../support';
import { CLIENT_ID, TENANT } from './entra-stand-in';

/** In ENGAGEMENT_TEAM_IDS: the person a forged activity pretends to be. */
const ENGAGEMENT_OID = '5b0e6c1a-7d2f-4e3b-9a8c-1f2e3d4c5b6a';

let folder: string;
let databasePath: string;
let channel: ChannelStandIn;
let server: RunningServer;
const logger = recordingLogger();

beforeAll(async () => {
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'pp-bot-not-set-up-'));
  databasePath = path.join(folder, 'pathway.db');
  channel = await startChannelStandIn();
  const config = loadConfig({
    AAD_APP_CLIENT_ID: CLIENT_ID,
    ALLOWED_TENANT_IDS: TENANT,
    ENGAGEMENT_TEAM_IDS: ENGAGEMENT_OID,
    DATABASE_PATH: databasePath,
    SEED_DEMO: 'auto',
    REMINDERS: 'off',
  });
  server = await startServer({ ...config, port: 0 }, { logger });
});
afterAll(async () => {
  await server.close();
  await channel.close();
  fs.rmSync(folder, { recursive: true, force: true });
});

/** Every row of every table: what the server has stored, in the pathway lists and the bot's own state alike. */
function everyRow(): Record<string, unknown[]> {
  const db = new Database(databasePath, { readonly: true });
  try {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as Array<{ name: string }>;
    return Object.fromEntries(tables.map(({ name }) => [name, db.prepare(`SELECT * FROM "${name}"`).all()]));
  } finally {
    db.close();
  }
}

/** An activity (but its service URL, the channel stand-in's) claiming to come from the Engagement team member, in a personal chat or in a channel. */
function forged(conversation: 'personal' | 'channel', body: Record<string, unknown>): Record<string, unknown> {
  return {
    id: 'forged-1',
    channelId: 'msteams',
    from: { id: '29:forged', name: 'Forged Engagement', aadObjectId: ENGAGEMENT_OID },
    recipient: { id: '28:partner-pathway', name: 'Partner Pathway' },
    conversation:
      conversation === 'personal'
        ? { id: 'a:forged-personal', conversationType: 'personal', tenantId: TENANT }
        : { id: '19:forged@thread.tacv2;messageid=1', conversationType: 'channel', isGroup: true, tenantId: TENANT },
    channelData:
      conversation === 'personal' ? { tenant: { id: TENANT } } : { tenant: { id: TENANT }, teamsChannelId: '19:forged@thread.tacv2' },
    ...body,
  };
}

function post(activity: Record<string, unknown>, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${server.url}/api/messages`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify({ ...activity, serviceUrl: channel.url }),
  });
}

describe('the bot endpoint in Entra mode without BOT_ID', () => {
  it('says so at start-up', () => {
    expect(server.banner).toContain('/api/messages (no BOT_ID: refuses every message with 401)');
  });

  it.each([
    ['a message in a personal chat', forged('personal', { type: 'message', text: 'plan a role' }), {}],
    ['a message in a channel', forged('channel', { type: 'message', text: 'plan a role' }), {}],
    [
      'a card submission',
      forged('channel', {
        type: 'invoke',
        name: 'adaptiveCard/action',
        value: { action: { type: 'Action.Execute', verb: 'workstream.choose', data: { workstreamId: 1 } } },
      }),
      {},
    ],
    ['the bot being added to a team', forged('channel', { type: 'conversationUpdate', membersAdded: [{ id: '28:partner-pathway' }] }), {}],
    [
      'a message with a token that proves nothing',
      forged('personal', { type: 'message', text: 'plan a role' }),
      { Authorization: 'Bearer eyJhbGciOiJub25lIn0.e30.' },
    ],
  ])(
    'refuses %s, claiming an Engagement team member, with 401 and changes and sends nothing',
    async (_case, activity, headers: Record<string, string>) => {
      const before = everyRow();
      const response = await post(activity, headers);
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toBe('Bearer');
      expect(await response.json()).toEqual({
        error: { code: 'bot-not-set-up', message: 'The bot is not set up: it has no Entra app (BOT_ID), so it accepts no messages.' },
      });
      expect(channel.sent).toEqual([]);
      expect(channel.updated).toEqual([]);
      expect(everyRow()).toEqual(before);
    },
  );

  it('refuses a body that is not an activity the same way, before reading it', async () => {
    const response = await fetch(`${server.url}/api/messages`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{not json',
    });
    expect(response.status).toBe(401);
  });

  it('still serves the health check and the tab sign-in refusal', async () => {
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    expect((await fetch(`${server.url}/api/workstreams`)).status).toBe(401);
  });
});
