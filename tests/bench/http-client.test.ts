import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { getJson, resending, retried } from '../../bench/http-client';

/** A server answering each request in turn as `answers` says: a JSON body, a status, or a connection closed with no answer. */
async function serving(
  answers: Array<'close' | number | object>,
): Promise<{ url: string; requests: () => number; close: () => Promise<void> }> {
  let requests = 0;
  const server = http.createServer((req, res) => {
    const answer = answers[requests] ?? 'close';
    requests += 1;
    if (answer === 'close') return req.socket.destroy();
    if (typeof answer === 'number') return res.writeHead(answer).end('Not here');
    res.setHeader('Content-Type', 'application/json');
    res.end(JSON.stringify(answer));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    requests: () => requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

describe("the benchmarks' GET", () => {
  it('sends a GET again once when the server closed the connection under it, and counts it', async () => {
    const server = await serving(['close', { rows: 3 }]);
    const before = retried.count;
    try {
      await expect(getJson(server.url)).resolves.toEqual({ rows: 3 });
      expect(server.requests()).toBe(2);
      expect(retried.count - before).toBe(1);
    } finally {
      await server.close();
    }
  });

  it('fails when the connection is closed a second time', async () => {
    const server = await serving(['close', 'close', { rows: 3 }]);
    try {
      await expect(getJson(server.url)).rejects.toThrow('fetch failed');
      expect(server.requests()).toBe(2);
    } finally {
      await server.close();
    }
  });

  it('fails at once, with the body, on an answer other than 200', async () => {
    const server = await serving([404, { rows: 3 }]);
    try {
      await expect(getJson(server.url)).rejects.toThrow(`GET ${server.url} answered 404: Not here`);
      expect(server.requests()).toBe(1);
    } finally {
      await server.close();
    }
  });
});

describe("the benchmarks' bot activity", () => {
  it('is posted again once, with the same body, when the server closed the connection under it', async () => {
    const bodies: string[] = [];
    const server = http.createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      req.on('end', () => {
        bodies.push(body);
        if (bodies.length === 1) return req.socket.destroy();
        res.writeHead(201).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const before = retried.count;
    try {
      const activity = JSON.stringify({ type: 'message', id: 'bench-1', text: 'help' });
      const response = await resending(`http://127.0.0.1:${port}/api/messages`, { method: 'POST', body: activity });
      expect(response.status).toBe(201);
      expect(bodies).toEqual([activity, activity]);
      expect(retried.count - before).toBe(1);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('fails after a second refused connection, having tried twice', async () => {
    const server = http.createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    await new Promise((resolve) => server.close(resolve));
    const before = retried.count;
    await expect(resending(`http://127.0.0.1:${port}/api/messages`, { method: 'POST', body: '{}' })).rejects.toThrow('fetch failed');
    expect(retried.count - before).toBe(1);
  });
});
