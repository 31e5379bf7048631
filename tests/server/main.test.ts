import Database from 'better-sqlite3';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { loadConfig, type Config } from '../../src/config';
import { StoreUnavailableError } from '../../src/domain';
import { silentLogger } from '../../src/logging/logger';
import { startServer, type RunningServer } from '../../src/entry/server';

let dir: string;
const running: RunningServer[] = [];

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pp-main-'));
});
afterEach(async () => {
  await Promise.all(running.splice(0).map((server) => server.close()));
  fs.rmSync(dir, { recursive: true, force: true });
});

function configFor(env: NodeJS.ProcessEnv): Config {
  return { ...loadConfig({ DATABASE_PATH: path.join(dir, 'nested', 'pp.db'), ...env }), port: 0 };
}

async function start(env: NodeJS.ProcessEnv = {}, drainTimeoutMs?: number): Promise<RunningServer> {
  const server = await startServer(configFor(env), { logger: silentLogger, drainTimeoutMs });
  running.push(server);
  return server;
}

/** Sends the head of a POST and part of its body, leaving the request in flight. */
async function startSlowPost(url: string, body: string): Promise<{ socket: net.Socket; finish(): void; response: Promise<string> }> {
  const { port } = new URL(url);
  const socket = net.connect(Number(port), '127.0.0.1');
  await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
  const response = new Promise<string>((resolve) => {
    let text = '';
    socket.on('data', (chunk) => {
      text += chunk.toString('utf8');
    });
    socket.on('close', () => resolve(text));
  });
  const half = Math.floor(body.length / 2);
  socket.write(
    `POST /api/workstreams HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body.slice(0, half)}`,
  );
  // Give the server time to read the head and start waiting for the rest of the body.
  await new Promise((resolve) => setTimeout(resolve, 100));
  return { socket, finish: () => socket.write(body.slice(half)), response };
}

describe('startServer', () => {
  it('creates the database folder, seeds demo data into an empty database and says so', async () => {
    const server = await start();
    expect(fs.existsSync(path.join(dir, 'nested', 'pp.db'))).toBe(true);
    const port = new URL(server.url).port;
    expect(server.banner).toContain(`Tab:           http://localhost:${port}/tab/`);
    expect(server.banner).toContain(`http://localhost:${port}/api/messages`);
    expect(server.banner).toContain(`Health:        http://localhost:${port}/healthz`);
    expect(server.banner).toContain(`SQLite database at ${path.join(dir, 'nested', 'pp.db')}`);
    expect(server.banner).toMatch(/LOCAL DEVELOPMENT IDENTITY.*For local use only/);
    expect(server.banner).toMatch(/Demo data: +seeded just now \(\d+ workstreams/);
    const workstreams = await (await fetch(`${server.url}/api/workstreams`)).json();
    expect(workstreams.length).toBeGreaterThan(0);
  });

  it('does not seed again into a database that has been seeded, and reports when it was', async () => {
    await (await start()).close();
    const again = await start();
    expect(again.banner).toMatch(/Demo data: +already present \(seeded \d{4}-\d{2}-\d{2}T/);
  });

  it('upgrades a database from before involvements kept their induction progress, and the dashboards show the same progress', async () => {
    const first = await start();
    const progressOnEveryDashboard = async (server: RunningServer) => {
      const workstreams = (await (await fetch(`${server.url}/api/workstreams`)).json()) as Array<{ id: number }>;
      const rows = await Promise.all(
        workstreams.map(
          async (workstream) =>
            (
              (await (await fetch(`${server.url}/api/workstreams/${workstream.id}/dashboard`)).json()) as {
                rows: Array<{ involvementId: number; induction: unknown }>;
              }
            ).rows,
        ),
      );
      return rows.flat().map((row) => [row.involvementId, row.induction]);
    };
    const before = await progressOnEveryDashboard(first);
    expect(before.filter(([, induction]) => induction !== null).length).toBeGreaterThan(3);
    await first.close();
    running.splice(running.indexOf(first), 1);

    const db = new Database(path.join(dir, 'nested', 'pp.db'));
    for (const column of ['inductionDone', 'inductionTotal', 'inductionStillRequired'])
      db.exec(`ALTER TABLE "involvements" DROP COLUMN "${column}"`);
    db.close();

    const upgraded = await start();
    expect(await progressOnEveryDashboard(upgraded)).toEqual(before);
  });

  it('does not seed with SEED_DEMO=never', async () => {
    const server = await start({ SEED_DEMO: 'never' });
    expect(server.banner).toContain('not seeded (SEED_DEMO=never)');
    expect(await (await fetch(`${server.url}/api/workstreams`)).json()).toEqual([]);
  });

  it('does not seed into a database that already has its own workstreams', async () => {
    const first = await start({ SEED_DEMO: 'never' });
    await fetch(`${first.url}/api/workstreams`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{"title":"Our own"}',
    });
    await first.close();
    const again = await start();
    expect(again.banner).toContain('not seeded: the database already has workstreams');
  });

  it('reports a port already in use as a configuration problem', async () => {
    const first = await start({ SEED_DEMO: 'never' });
    const port = Number(new URL(first.url).port);
    const taken = startServer({ ...configFor({ SEED_DEMO: 'never' }), port }, { logger: silentLogger });
    await expect(taken).rejects.toThrow(`PORT: ${port} is already in use`);
  });
});

describe('shutdown', () => {
  it('stops accepting, lets the request in flight finish, then closes the store', async () => {
    const server = await start({ SEED_DEMO: 'never' });
    const slow = await startSlowPost(server.url, JSON.stringify({ title: 'Arrived during shutdown' }));

    let closed = false;
    const closing = server.close().then(() => {
      closed = true;
    });
    await expect(fetch(`${server.url}/healthz`)).rejects.toThrow();
    expect(closed).toBe(false);

    slow.finish();
    const response = await slow.response;
    expect(response).toMatch(/^HTTP\/1\.1 201 Created/);
    expect(response).toContain('"title":"Arrived during shutdown"');
    await closing;
    await expect(server.store.health()).rejects.toThrow(StoreUnavailableError);
  });

  it('cuts a request that does not finish within the drain timeout, and still closes the store', async () => {
    const server = await start({ SEED_DEMO: 'never' }, 200);
    const slow = await startSlowPost(server.url, JSON.stringify({ title: 'Never finished' }));
    // The request never finishes on its own, so close() resolving at all means it was cut.
    await server.close();
    expect(await slow.response).toBe('');
    await expect(server.store.health()).rejects.toThrow(StoreUnavailableError);
  });
});
