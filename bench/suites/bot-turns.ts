import Database from 'better-sqlite3';
import { CARD_MADE_FOR_WORKSTREAM } from '../../src/bot/pathway/engine';
import { openSqliteState } from '../../src/store/sqlite/sqlite-state';
import { startChannelStandIn, type ChannelStandIn } from '../../tests/bot/channel-stand-in';
import { organisationCopy, startAppServer, startEchoBot, type ServerProcess } from '../fixtures';
import { figure, PerRun, timings, type Benchmark, type BenchContext, type Figure } from '../harness';
import { getJson, resending, retried } from '../http-client';

const NAME = 'Bot turn';
const BOT = { id: '28:partner-pathway-bot', name: 'Partner Pathway' };
const TENANT = { id: '0d4e2b7a-5c3f-4a8e-9b61-2f7c8d9e0a1b' };
/** The lead of the first generated workstream, so a personal chat with them infers it. */
const LEAD_ID = 'lead-0';
const WORKSTREAM_ID = 1;
/** What the lead types: the help card, then the two lists that read the workstream's records. */
const COMMANDS = ['help', 'my partners', 'due this week'] as const;

/** Staff using the bot in a day, and the messages each sends: the seen-activity keys they leave (kept 24 hours) fill the bot state. */
const STAFF = 1000;
const ACTIVITIES_PER_PERSON = 100;

/**
 * Leaves in the bot state what a day of traffic does (not timed): a `seen:` key for
 * every activity of {@link STAFF} people sending {@link ACTIVITIES_PER_PERSON}
 * messages each over the last 24 hours, expiring over the next 24, and a
 * conversation state per person. Written with SQL in one transaction, into the
 * table the app's own state adapter creates.
 */
async function dayOfBotState(file: string, quick: boolean): Promise<number> {
  await openSqliteState({ path: file }).close();
  const db = new Database(file);
  const staff = quick ? 20 : STAFF;
  const now = Date.now();
  const day = 24 * 60 * 60 * 1000;
  try {
    const insert = db.prepare(`INSERT INTO "bot_state" ("key", "value", "etag", "expires") VALUES (?, ?, 1, ?)`);
    db.transaction(() => {
      for (let person = 0; person < staff; person += 1) {
        insert.run(`conversation:a:staff-${person}`, JSON.stringify({ workstreamId: (person % 130) + 1 }), null);
        for (let activity = 0; activity < ACTIVITIES_PER_PERSON; activity += 1) {
          const sentAgo = ((person * ACTIVITIES_PER_PERSON + activity) * day) / (staff * ACTIVITIES_PER_PERSON);
          insert.run(`seen:a:staff-${person}:activity-${activity}`, 'true', Math.round(now - sentAgo + day));
        }
      }
    })();
    return (db.prepare(`SELECT COUNT(*) AS "rows" FROM "bot_state"`).get() as { rows: number }).rows;
  } finally {
    db.close();
  }
}

/** Posts activities to one bot as Teams would, and waits for what it sends to the channel. */
class TeamsClient {
  private count = 0;

  constructor(
    private readonly bot: ServerProcess,
    private readonly channel: ChannelStandIn,
  ) {}

  /** Posts a message into a personal chat and resolves once the bot's answer has reached the channel. */
  async turn(conversationId: string, message: { text?: string; value?: Record<string, unknown>; replyToId?: string }): Promise<void> {
    this.count += 1;
    const id = `bench-${this.count}`;
    const response = await resending(`${this.bot.url}/api/messages`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        type: 'message',
        id,
        serviceUrl: this.channel.url,
        channelId: 'msteams',
        from: { id: `29:${conversationId}`, name: 'Benchmark lead', aadObjectId: LEAD_ID },
        conversation: { id: conversationId, conversationType: 'personal', tenantId: TENANT.id },
        recipient: BOT,
        channelData: { tenant: TENANT },
        ...message,
      }),
    });
    await response.arrayBuffer();
    if (!response.ok) throw new Error(`/api/messages answered ${response.status}`);
    const arrived = () =>
      message.replyToId !== undefined
        ? this.channel.updated.some((update) => update.activityId === message.replyToId)
        : this.channel.sent.some((sent) => sent.conversationId === conversationId && sent.replyToId === id);
    const deadline = performance.now() + 10_000;
    while (!arrived()) {
      const refusal = this.channel.sent.find((sent) => sent.conversationId === conversationId && sent.replyToId === id);
      if (message.replyToId !== undefined && refusal)
        throw new Error(`The card submission was answered with a message: ${JSON.stringify(refusal.activity.text)}`);
      if (performance.now() > deadline) throw new Error(`No answer reached the channel for ${id}`);
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  forget(): void {
    this.channel.sent.length = 0;
    this.channel.updated.length = 0;
  }
}

/**
 * A card submission that writes: ticking, then unticking, one induction item, with the item's current version read first (not timed).
 * It carries what the partner card's button does: the card's key and the workstream it was made for.
 */
async function inductionToggle(app: ServerProcess): Promise<() => Promise<{ value: Record<string, unknown>; replyToId: string }>> {
  const dashboard = (await getJson(`${app.url}/api/workstreams/${WORKSTREAM_ID}/dashboard`)) as {
    rows: Array<{ involvementId: number; stage: string }>;
  };
  const row = dashboard.rows.find((candidate) => candidate.stage === 'Induction');
  if (!row) throw new Error(`Workstream ${WORKSTREAM_ID} has nobody in induction to tick an item for`);
  let card = 0;
  return async () => {
    const detail = (await getJson(`${app.url}/api/involvements/${row.involvementId}`)) as {
      involvement: { id: number; version: number };
      partner: { id: number; version: number };
      checklist: Array<{ id: number; version: number; done: boolean; kind: string }>;
    };
    const task = detail.checklist.find((item) => item.kind === 'Task') ?? detail.checklist[0];
    card += 1;
    return {
      replyToId: `card-${card}`,
      value: {
        verb: task.done ? 'induction.reopen' : 'induction.tick',
        involvementId: detail.involvement.id,
        version: detail.involvement.version,
        partnerId: detail.partner.id,
        partnerVersion: detail.partner.version,
        key: globalThis.crypto.randomUUID(),
        [CARD_MADE_FOR_WORKSTREAM]: WORKSTREAM_ID,
        taskId: task.id,
        taskVersion: task.version,
      },
    };
  };
}

/** Turns per second with `conversations` conversations each saying `help` `turns` times, all at once. */
async function throughput(client: TeamsClient, label: string, conversations: number, turns: number): Promise<number> {
  const ids = Array.from({ length: conversations }, (_, index) => `a:${label}-${conversations}-${index}`);
  await Promise.all(ids.map((id) => client.turn(id, { text: 'help' })));
  const started = performance.now();
  await Promise.all(
    ids.map(async (id) => {
      for (let turn = 0; turn < turns; turn += 1) await client.turn(id, { text: 'help' });
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  client.forget();
  return (conversations * turns) / seconds;
}

/** How many conversations talk at once, and how many turns each takes, for the throughput figures. */
function concurrencyOf(context: BenchContext): Array<{ conversations: number; turns: number }> {
  return context.quick
    ? [
        { conversations: 2, turns: 2 },
        { conversations: 5, turns: 1 },
      ]
    : [
        { conversations: 16, turns: 12 },
        { conversations: 100, turns: 3 },
      ];
}

async function measure(context: BenchContext, appDb: string, perRun: PerRun): Promise<{ idleMb: number; afterMb: number }> {
  const channel = await startChannelStandIn();
  const app = await startAppServer(appDb);
  const echo = await startEchoBot();
  try {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const idleMb = app.rssMb();
    const appClient = new TeamsClient(app, channel);
    const echoClient = new TeamsClient(echo, channel);
    const nextSubmission = await inductionToggle(app);
    const iterations = context.quick ? 5 : 60;
    for (let run = 1; run <= context.runs; run += 1) {
      context.progress(`run ${run} of ${context.runs}`);
      perRun.addSamples('echo', await timings(() => echoClient.turn('a:echo-chat', { text: 'help' }), iterations));
      for (const command of COMMANDS) {
        perRun.addSamples(
          command,
          await timings(() => appClient.turn(`a:${command.replaceAll(' ', '-')}-chat`, { text: command }), iterations),
        );
      }
      const submissions: number[] = [];
      for (let index = 0; index < iterations; index += 1) {
        const submission = await nextSubmission();
        const started = performance.now();
        await appClient.turn('a:card-chat', submission);
        submissions.push(performance.now() - started);
      }
      perRun.addSamples('card', submissions);
      appClient.forget();
      for (const { conversations, turns } of concurrencyOf(context)) {
        perRun.add(`echo ${conversations}`, await throughput(echoClient, 'echo', conversations, turns));
        perRun.add(`app ${conversations}`, await throughput(appClient, 'app', conversations, turns));
      }
    }
    return { idleMb, afterMb: app.rssMb() };
  } finally {
    await app.stop();
    await echo.stop();
    await channel.close();
  }
}

/**
 * The time from posting an activity to `/api/messages` until the answer reaches a
 * stand-in Bot Connector, for `help` and for a card submission that writes, against
 * a minimal echo bot driven by the same client; turns per second with many
 * conversations at once; and the app server's resident memory before and after.
 * Both bots run as their own Node processes, the app on a copy of the generated organisation.
 */
export const botTurns: Benchmark = {
  name: NAME,
  async run(context) {
    const appDb = await organisationCopy(context, 'bot');
    const stateRows = await dayOfBotState(appDb, context.quick);
    context.progress(`${stateRows.toLocaleString('en-GB')} bot state rows, as a day of traffic leaves them`);
    const perRun = new PerRun();
    const retriedBefore = retried.count;
    const memory = await measure(context, appDb, perRun);
    const resent = retried.count - retriedBefore;
    const figures: Figure[] = [];
    for (const percentile of ['p50', 'p95']) {
      const echo = { name: `echo bot ${percentile}`, perRun: perRun.get(`echo ${percentile}`) };
      for (const command of COMMANDS) {
        figures.push(figure(NAME, `${command} ${percentile}`, 'ms', perRun.get(`${command} ${percentile}`), echo));
      }
      figures.push(
        figure(
          NAME,
          `card submission that writes ${percentile}`,
          'ms',
          perRun.get(`card ${percentile}`),
          echo,
          percentile === 'p50'
            ? `ticks or unticks an induction item; the updated card reaches the channel as a PUT. Every turn is the lead of a generated workstream, with ${stateRows.toLocaleString('en-GB')} rows of bot state; ${resent} request(s) sent again on a new connection after the server had closed theirs`
            : undefined,
        ),
      );
    }
    for (const { conversations } of concurrencyOf(context)) {
      const echo = { name: 'echo bot', perRun: perRun.get(`echo ${conversations}`) };
      figures.push(figure(NAME, `help, ${conversations} conversations at once`, 'turns/s', perRun.get(`app ${conversations}`), echo));
    }
    figures.push(
      figure(
        'Start-up and memory',
        'server RSS at idle',
        'MB',
        [memory.idleMb],
        undefined,
        'one second after /healthz first answered, on the generated organisation',
      ),
    );
    figures.push(figure('Start-up and memory', 'server RSS after the bot benchmark', 'MB', [memory.afterMb]));
    return figures;
  },
};
