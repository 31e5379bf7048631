import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net, { type AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { loadConfig, loadTelemetrySettings } from '../../src/config';
import { columnsOf, type ListName } from '../../src/domain/schema/lists';
import { FLUSH_LIMIT_MS } from '../../src/server/telemetry';
import { openSqliteStore } from '../../src/store/sqlite';
import { postActivity, startChannelStandIn, type ChannelStandIn } from '../bot/channel-stand-in';
import { builtServer } from '../scale/support';
import { until } from '../wait';
import { freePort } from '../store/blob/azurite';
import { startAppInsightsStandIn, type AppInsightsStandIn, type Envelope } from './app-insights-stand-in';

const built = builtServer();
let folder: string;
let ingestion: AppInsightsStandIn;
let channel: ChannelStandIn;

beforeAll(async () => {
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'pp-telemetry-'));
  [ingestion, channel] = await Promise.all([startAppInsightsStandIn(folder), startChannelStandIn()]);
});
afterAll(async () => {
  await Promise.all([ingestion.close(), channel.close()]);
  fs.rmSync(folder, { recursive: true, force: true });
});
beforeEach(() => {
  ingestion.received.length = 0;
  ingestion.bodies.length = 0;
});

/** `node dist/entry/server.js` as App Service runs it, on the demo data, with `env` on top. */
async function startServerProcess(
  name: string,
  env: NodeJS.ProcessEnv,
): Promise<{ readonly child: ChildProcess; readonly url: string; readonly exited: Promise<number | null>; readonly stderr: () => string }> {
  const port = await freePort();
  const child = spawn(process.execPath, [path.join(built.folder, 'entry/server.js')], {
    env: {
      PATH: process.env.PATH,
      PORT: String(port),
      DATABASE_PATH: path.join(folder, `${name}.db`),
      NODE_PATH: path.resolve('node_modules'),
      ...env,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const url = `http://localhost:${port}`;
  await until(async () => (await fetch(`${url}/healthz`).catch(() => undefined))?.ok === true);
  return { child, url, exited, stderr: () => stderr };
}

/** What a member of staff does in a few minutes: the tab's reads, an edit of a partner, a question to the bot. */
async function useTheApp(url: string): Promise<void> {
  await fetch(`${url}/readyz`);
  await fetch(`${url}/api/workstreams?search=Telemetry%20Marker%20Query`);
  const dashboard = (await (await fetch(`${url}/api/workstreams/1/dashboard`)).json()) as {
    rows: Array<{ involvementId: number; partnerId: number }>;
  };
  const partner = dashboard.rows[0];
  const detail = (await (await fetch(`${url}/api/involvements/${partner.involvementId}`)).json()) as { partner: { version: number } };
  const edited = await fetch(`${url}/api/partners/${partner.partnerId}`, {
    method: 'PATCH',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ version: detail.partner.version, email: 'telemetry.marker@example.org', phone: '07700 900123' }),
  });
  expect(edited.status).toBe(200);
  const refused = await fetch(`${url}/api/partners/${partner.partnerId}`, {
    method: 'PATCH',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ version: 1, email: 'not an address Telemetry Marker Body' }),
  });
  expect(refused.status).toBeGreaterThanOrEqual(400);
  const turn = await postActivity(`${url}`, {
    type: 'message',
    id: 'telemetry-1',
    text: 'help Telemetry Marker Chat',
    channelId: 'msteams',
    serviceUrl: channel.url,
    from: { id: '29:jo', name: 'Jo Bloggs', aadObjectId: '6a1f0c2e-1d4b-4b52-9c1e-3f0b2a7d5e11' },
    recipient: { id: '28:bot', name: 'Partner Pathway' },
    conversation: { id: 'a:telemetry-chat', conversationType: 'personal', tenantId: 'tenant' },
  });
  expect(turn.status).toBeLessThan(300);
}

/** Every personal field value now in the database, from the list schemas' own marking. */
async function personalValuesIn(databasePath: string): Promise<string[]> {
  const store = openSqliteStore({ path: databasePath });
  try {
    const values: string[] = [];
    for (const list of ['partners', 'involvements', 'oneToOnes'] as const satisfies readonly ListName[]) {
      const personal = columnsOf(list).filter((column) => column.meta.personal);
      for (const item of await store.find({ list })) {
        for (const column of personal) {
          const value: unknown = Object.entries(item).find(([name]) => name === column.name)?.[1];
          if (typeof value === 'string' && value.length >= 4) values.push(value);
        }
      }
    }
    return values;
  } finally {
    await store.close();
  }
}

const ofType = (type: string) => (envelope: Envelope) => envelope.data.baseType === type;

describe('Application Insights, when APPLICATIONINSIGHTS_CONNECTION_STRING is set', () => {
  it('receives requests by route pattern, calls to other services and log lines, and none of the personal data or query strings the app handled', async () => {
    const server = await startServerProcess('on', {
      APPLICATIONINSIGHTS_CONNECTION_STRING: ingestion.connectionString,
      NODE_EXTRA_CA_CERTS: ingestion.caFile,
      OTEL_TRACES_SAMPLER: 'always_on',
    });
    await useTheApp(server.url);
    await until(() => channel.sent.some((sent) => sent.conversationId === 'a:telemetry-chat'));
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);

    const requests = ingestion.received.filter(ofType('RequestData')).map((envelope) => envelope.data.baseData);
    expect(requests.map((request) => request.name)).toEqual(
      expect.arrayContaining([
        'GET /api/workstreams',
        'GET /api/workstreams/:workstreamId/dashboard',
        'GET /api/involvements/:involvementId',
        'PATCH /api/partners/:partnerId',
        'POST /api/messages',
      ]),
    );
    for (const request of requests) expect(request.url).toBe(`${server.url}${String(request.name).split(' ')[1]}`);
    expect(requests.map((request) => request.name)).not.toEqual(expect.arrayContaining([expect.stringMatching(/healthz|readyz/)]));

    const dependencies = ingestion.received.filter(ofType('RemoteDependencyData')).map((envelope) => envelope.data.baseData);
    expect(dependencies).toContainEqual(
      expect.objectContaining({
        data: new URL('/v3/conversations/a%3Atelemetry-chat/activities/telemetry-1', channel.url).href,
        resultCode: '200',
        type: 'Http',
      }),
    );
    expect(dependencies.map((dependency) => String(dependency.data))).not.toEqual(
      expect.arrayContaining([expect.stringContaining('169.254.169.254')]),
    );

    const lines = ingestion.received.filter(ofType('MessageData')).map((envelope) => envelope.data.baseData);
    expect(lines).toContainEqual(
      expect.objectContaining({
        message: 'Shutting down: finishing requests in flight',
        severityLevel: 'Information',
        properties: { signal: 'SIGTERM' },
      }),
    );
    expect(lines.map((line) => line.message)).not.toContain('request');

    const sent = ingestion.bodies.join('\n');
    const personal = await personalValuesIn(path.join(folder, 'on.db'));
    expect(personal).toContain('telemetry.marker@example.org');
    expect(personal.length).toBeGreaterThan(20);
    for (const value of [...personal, 'Telemetry Marker', 'Telemetry%20Marker', 'search=']) expect(sent).not.toContain(value);
  });

  it('keeps the server up, and stops and exits, when Application Insights accepts connections but never answers', async () => {
    const silent = net.createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    try {
      const server = await startServerProcess('unanswered', {
        APPLICATIONINSIGHTS_CONNECTION_STRING: `InstrumentationKey=5b0d3c1e-8f2a-4c6d-9e7b-1a2b3c4d5e6f;IngestionEndpoint=https://127.0.0.1:${(silent.address() as AddressInfo).port}/`,
      });
      await useTheApp(server.url);
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
      server.child.kill('SIGTERM');
      expect(await server.exited).toBe(0);
      // The SDK's own flush would wait 30 s for the silent endpoint; shutdown stopped waiting at FLUSH_LIMIT_MS and said so.
      expect(server.stderr()).toContain('Telemetry still buffered could not be sent');
      expect(server.stderr()).toContain(`Telemetry was not sent within ${FLUSH_LIMIT_MS / 1000} s`);
    } finally {
      silent.close();
    }
  });
});

describe('without APPLICATIONINSIGHTS_CONNECTION_STRING', () => {
  it('sends no telemetry anywhere', async () => {
    const server = await startServerProcess('off', { NODE_EXTRA_CA_CERTS: ingestion.caFile });
    await useTheApp(server.url);
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    expect(ingestion.bodies).toEqual([]);
  });
});

describe('the APPLICATIONINSIGHTS_CONNECTION_STRING setting', () => {
  const valid =
    'InstrumentationKey=5b0d3c1e-8f2a-4c6d-9e7b-1a2b3c4d5e6f;IngestionEndpoint=https://uksouth-1.in.applicationinsights.azure.com/';

  it('is read into the config', () => {
    expect(loadConfig({ APPLICATIONINSIGHTS_CONNECTION_STRING: valid }).telemetry).toEqual({ connectionString: valid });
    expect(loadConfig({}).telemetry).toBeUndefined();
    expect(loadTelemetrySettings({ APPLICATIONINSIGHTS_CONNECTION_STRING: ` ${valid} ` })).toEqual({ connectionString: valid });
  });

  it.each([
    ['something else', /is not an Application Insights connection string\. Copy it from the Application Insights resource's Overview/],
    ['InstrumentationKey=not-a-guid', /is not an Application Insights connection string/],
    ['@Microsoft.KeyVault(SecretUri=https://vault/secrets/ai)', /is still a Key Vault reference/],
  ])('refuses %s with what to do, without echoing it', (value, problem) => {
    expect(() => loadConfig({ APPLICATIONINSIGHTS_CONNECTION_STRING: value })).toThrow(problem);
    expect(() => loadConfig({ APPLICATIONINSIGHTS_CONNECTION_STRING: value })).not.toThrow(value);
    expect(loadTelemetrySettings({ APPLICATIONINSIGHTS_CONNECTION_STRING: value })).toBeUndefined();
  });
});
