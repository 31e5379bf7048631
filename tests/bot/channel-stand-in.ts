import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** One activity the bot sent to the channel. */
export interface Sent {
  readonly conversationId: string;
  /** The activity it replies to; undefined when sent to the conversation rather than as a reply. */
  readonly replyToId: string | undefined;
  readonly activity: Record<string, any>;
  /** When the stand-in received it, in milliseconds since the epoch. */
  readonly at: number;
}

/** One activity the bot replaced (a card updated in place). */
export interface Updated {
  readonly conversationId: string;
  readonly activityId: string;
  readonly activity: Record<string, any>;
}

/**
 * A stand-in for the Bot Connector service: records every activity the bot POSTs
 * to `/v3/conversations/:id/activities[/:replyToId]` and answers as the real one
 * does, and every update (PUT) of an activity it sent. `rejectNext` makes the next
 * post fail with 400, as a channel refusing it.
 */
export interface ChannelStandIn {
  readonly url: string;
  readonly sent: Sent[];
  readonly updated: Updated[];
  rejectNext(): void;
  close(): Promise<void>;
}

const ACTIVITIES = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?$/;

export async function startChannelStandIn(): Promise<ChannelStandIn> {
  const sent: Sent[] = [];
  const updated: Updated[] = [];
  let rejecting = false;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const match = ACTIVITIES.exec(req.url ?? '');
      if (req.method === 'PUT' && match?.[2] !== undefined) {
        updated.push({
          conversationId: decodeURIComponent(match[1]),
          activityId: decodeURIComponent(match[2]),
          activity: JSON.parse(Buffer.concat(chunks).toString('utf8')),
        });
        res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ id: match[2] }));
        return;
      }
      if (req.method !== 'POST' || !match) {
        res.writeHead(404).end();
        return;
      }
      if (rejecting) {
        rejecting = false;
        res
          .writeHead(400, { 'Content-Type': 'application/json' })
          .end(JSON.stringify({ error: { code: 'BadArgument', message: 'Rejected by the test' } }));
        return;
      }
      sent.push({
        conversationId: decodeURIComponent(match[1]),
        replyToId: match[2] === undefined ? undefined : decodeURIComponent(match[2]),
        activity: JSON.parse(Buffer.concat(chunks).toString('utf8')),
        at: Date.now(),
      });
      res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ id: `sent-${sent.length}` }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    sent,
    updated,
    rejectNext: () => {
      rejecting = true;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** Posts an activity to a bot's `/api/messages` as the Bot Connector would; resolves to the HTTP status and the parsed body. */
export async function postActivity(botUrl: string, activity: Record<string, unknown>): Promise<{ status: number; body: any }> {
  const response = await fetch(`${botUrl}/api/messages`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(activity),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}
