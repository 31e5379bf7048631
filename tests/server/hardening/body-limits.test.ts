import http from 'node:http';
import type { AddressInfo } from 'node:net';
import zlib from 'node:zlib';
import request from 'supertest';
import type { BotHandler } from '../../../src/server/app';
import { testApp, type TestApp } from '../support';

const TOO_LARGE = { error: { code: 'too-large', message: 'The request body is too large. Send less at once.' } };

let t: TestApp;
let botCalls: number;
beforeEach(() => {
  botCalls = 0;
  const bot: BotHandler = async (_req, res) => {
    botCalls += 1;
    res.status(200).end();
  };
  t = testApp({ bot });
});
afterEach(() => t.store.close());

const workstreams = () => t.store.find({ list: 'workstreams' });

/** The body of a bot activity, padded to about `bytes`. */
function activityOf(bytes: number): string {
  return JSON.stringify({
    type: 'message',
    serviceUrl: 'https://smba.trafficmanager.net/uk/',
    conversation: { id: 'c' },
    from: { id: 'u' },
    recipient: { id: 'b' },
    text: 'x'.repeat(bytes),
  });
}

/** Sends `body` in chunks with no Content-Length, as a client streaming an unknown length does. */
async function chunked(path: string, body: Buffer, headers: http.OutgoingHttpHeaders = {}): Promise<{ status: number; body: unknown }> {
  const server = http.createServer(t.app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    return await new Promise((resolve, reject) => {
      const req = http.request(
        {
          port: (server.address() as AddressInfo).port,
          path,
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked', ...headers },
        },
        (res) => {
          let text = '';
          res.on('data', (chunk: Buffer) => (text += chunk.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) }));
        },
      );
      // The server may answer and close before the whole body is sent; that is the point.
      req.on('error', reject);
      for (let offset = 0; offset < body.length; offset += 16_384) req.write(body.subarray(offset, offset + 16_384));
      req.end();
    });
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
}

describe('request size limits', () => {
  it('answers a tab API body over 100 KB with 413 JSON and writes nothing', async () => {
    const response = await request(t.app)
      .post('/api/workstreams')
      .send({ title: 'x'.repeat(110_000) })
      .expect(413);
    expect(response.headers['content-type']).toMatch(/application\/json/);
    expect(response.body).toEqual(TOO_LARGE);
    expect(await workstreams()).toEqual([]);
  });

  it('reads a tab API body just under the limit, rather than refusing it as too large', async () => {
    const response = await request(t.app)
      .post('/api/workstreams')
      .send({ title: 'Cancer care', padding: ' '.repeat(90_000) });
    expect(response.status).toBe(400);
    expect(response.body.error.code).not.toBe('too-large');
  });

  it('answers a bot activity over 256 KB with 413 JSON, without running the bot', async () => {
    const response = await request(t.app)
      .post('/api/messages')
      .set('Content-Type', 'application/json')
      .send(activityOf(300_000))
      .expect(413);
    expect(response.body).toEqual(TOO_LARGE);
    expect(botCalls).toBe(0);
    await request(t.app).post('/api/messages').set('Content-Type', 'application/json').send(activityOf(200_000)).expect(200);
    expect(botCalls).toBe(1);
  });

  it('stops reading a body sent in chunks with no Content-Length once it passes the limit', async () => {
    const api = await chunked('/api/workstreams', Buffer.from(JSON.stringify({ title: 'x'.repeat(500_000) })));
    expect(api).toEqual({ status: 413, body: TOO_LARGE });
    const bot = await chunked('/api/messages', Buffer.from(activityOf(1_000_000)));
    expect(bot).toEqual({ status: 413, body: TOO_LARGE });
    expect(await workstreams()).toEqual([]);
    expect(botCalls).toBe(0);
  });

  it('measures a compressed body by its decompressed size, so a small gzip bomb is refused', async () => {
    const bomb = zlib.gzipSync(JSON.stringify({ title: ' '.repeat(5_000_000) }));
    expect(bomb.length).toBeLessThan(10_000);
    const response = await chunked('/api/workstreams', bomb, { 'Content-Encoding': 'gzip' });
    expect(response).toEqual({ status: 413, body: TOO_LARGE });
    expect(await workstreams()).toEqual([]);
  });
});
