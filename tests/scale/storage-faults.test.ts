import net from 'node:net';
import { TURN_ERROR_MESSAGE } from '../../src/bot/bot-framework/adapter';
import type { RunningServer } from '../../src/entry/server';
import { workstream } from '../bot/arrange';
import { textOf } from '../bot/transcript-harness';
import { until } from '../wait';
import { JO, scaleWorld, serviceOn } from './support';

const world = scaleWorld();

/**
 * A TCP link between the instances and Azurite that a test can break: `pass` carries
 * every byte; `down` drops every connection and takes no new ones (connection
 * refused, as a storage account that cannot be reached); `silent` takes connections
 * and never answers (as storage behind a stalled network).
 */
async function faultyLink(connectionString: string) {
  const target = Number(/BlobEndpoint=http:\/\/127\.0\.0\.1:(\d+)/.exec(connectionString)?.[1]);
  let mode: 'pass' | 'down' | 'silent' = 'pass';
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    if (mode === 'silent') return;
    const upstream = net.connect(target, '127.0.0.1');
    sockets.add(upstream);
    upstream.on('close', () => sockets.delete(upstream));
    upstream.on('error', () => socket.destroy());
    socket.pipe(upstream).pipe(socket);
  });
  const listen = (port = 0) =>
    new Promise<number>((resolve) => server.listen(port, '127.0.0.1', () => resolve((server.address() as net.AddressInfo).port)));
  const port = await listen();
  const dropAll = () => sockets.forEach((socket) => socket.destroy());
  return {
    connectionString: connectionString.replace(`127.0.0.1:${target}`, `127.0.0.1:${port}`),
    async set(next: 'pass' | 'down' | 'silent') {
      dropAll();
      if (mode === 'down' && next !== 'down') await listen(port);
      if (next === 'down' && mode !== 'down') await new Promise((resolve) => server.close(resolve));
      mode = next;
    },
    close: () => {
      dropAll();
      return new Promise((resolve) => (mode === 'down' ? resolve(undefined) : server.close(resolve)));
    },
  };
}

describe('Blob Storage failing under a running instance: each person gets the plain apology, a card press in the card, and turns work again once storage is back', () => {
  let link: Awaited<ReturnType<typeof faultyLink>>;
  let instance: RunningServer;
  let roleButton: Record<string, unknown>;
  beforeAll(async () => {
    link = await faultyLink(world.azurite.connectionString);
    [instance] = await world.startInstances('faults', 1, { reminders: 'off', connectionString: link.connectionString });
    const ws = await workstream(serviceOn(instance, '2026-03-02'), 'Maternity', [JO]);
    roleButton = { verb: 'workstream.choose', data: { workstreamId: String(ws.id) } };
  });
  afterAll(async () => {
    await instance.close();
    await link.close();
  });

  const message = () => world.post(instance, { type: 'message', text: 'help' });
  const press = () =>
    world.post(instance, { type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', ...roleButton } } });
  const apologies = () => world.channel.sent.filter((sent) => sent.activity.text === TURN_ERROR_MESSAGE);

  it.each(['down', 'silent'] as const)(
    'storage %s: a message gets the apology, a card press gets it in the card, nothing else is sent',
    async (mode) => {
      await link.set(mode);
      try {
        const [sent, pressed] = await Promise.all([message(), press()]);
        expect(sent.status).toBe(200);
        await until(() => apologies().length === 1);
        expect(pressed).toEqual({
          status: 200,
          body: { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: TURN_ERROR_MESSAGE },
        });
        expect(world.channel.sent.map((one) => one.activity.text)).toEqual([TURN_ERROR_MESSAGE]);
      } finally {
        await link.set('pass');
      }
    },
  );

  it('once storage is back the same person is answered as usual', async () => {
    await message();
    expect(world.channel.sent.at(-1)?.activity.summary).toBe('What Partner Pathway can help with');
    const pressed = await press();
    expect(textOf(pressed.body.value)).toContain('This conversation works on **Maternity**.');
  });
});
