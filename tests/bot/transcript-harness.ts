import { TestAdapter, type Activity } from 'botbuilder';
import { CAPABILITIES } from '../../src/bot/capabilities';
import { Cards } from '../../src/bot/pathway/cards';
import { PathwayEngine } from '../../src/bot/pathway/engine';
import { Guidance } from '../../src/content/guidance';
import { BotMemory } from '../../src/bot/pathway/memory';
import type { Messenger, Recipient } from '../../src/bot/pathway/messenger';
import { ApproverNotices } from '../../src/bot/capabilities/claims/approver-notices';
import type { Reply } from '../../src/bot/pathway/messages';
import { TabLinks } from '../../src/bot/pathway/tab-links';
import { PathwayBot } from '../../src/bot/bot-framework/pathway-bot';
import { ReminderRunner } from '../../src/bot/reminders/reminder-runner';
import { createPathwayService, todayIn, type PathwayService, type Principal, type Store } from '../../src/domain';
import type { KeyValueState } from '../../src/domain/key-value-state';
import type { LogFields, Logger } from '../../src/logging/logger';
import { openSqliteStore } from '../../src/store/sqlite';
import { openSqliteState } from '../../src/store/sqlite/sqlite-state';
import { SETTINGS, TestClock } from '../domain/service/harness';

/** The Engagement team's channel in every transcript. */
export const ENGAGEMENT_CHANNEL = '19:engagement-team@thread.tacv2';

export const LEAD = { id: '29:priya', name: 'Priya Shah', aadObjectId: 'aad-priya' };
export const NADIA = { id: '29:nadia', name: 'Nadia Ali', aadObjectId: 'aad-nadia' };
/** The Teams app id when a transcript runs as if deployed (so cards carry links into the tabs). */
export const TEAMS_APP_ID = '5f3c2b1a-8d7e-4f60-9a1b-2c3d4e5f6a7b';
/** The reminder windows of the issue: 7 days ahead, 14 overdue, 14 stalled, 7 closing. */
export const WINDOWS = { dueWithinDays: 7, escalateAfterDays: 14, inductionStallDays: 14, closingWithinDays: 7 };
const BOT = { id: '28:partner-pathway', name: 'Partner Pathway' };

/** A principal as the service sees the lead, for arranging records directly. */
export const LEAD_PRINCIPAL: Principal = { id: LEAD.aadObjectId, name: LEAD.name, email: '', tenantId: 'tenant' };

/** Where a transcript's turns happen. */
export interface Where {
  readonly conversation: { id: string; conversationType: string; isGroup?: boolean };
  readonly channelData: Record<string, unknown>;
}

export const PERSONAL: Where = { conversation: { id: 'a:priya-personal', conversationType: 'personal' }, channelData: {} };
export const ENGAGEMENT: Where = {
  conversation: { id: `${ENGAGEMENT_CHANNEL};messageid=1`, conversationType: 'channel', isGroup: true },
  channelData: { teamsChannelId: ENGAGEMENT_CHANNEL },
};

/** A channel of a workstream's team. */
export function channel(id: string): Where {
  return { conversation: { id: `${id};messageid=7`, conversationType: 'channel', isGroup: true }, channelData: { teamsChannelId: id } };
}

/** What one turn produced: messages sent, and for a card button the invoke response. */
export interface Turn {
  readonly replies: Array<Partial<Activity>>;
  readonly texts: string[];
  readonly cards: Array<Record<string, any>>;
  readonly invoke?: { status: number; body: { statusCode: number; type: string; value: any } };
  /** The card shown in place of the one pressed, if any. */
  readonly updated?: Record<string, any>;
}

/** A messenger that records proactive messages instead of calling Teams. */
export class RecordingMessenger implements Messenger {
  readonly sent: Array<{ to: Recipient; reply: Reply }> = [];
  reachable = true;

  async send(to: Recipient, reply: Reply): Promise<boolean> {
    if (!this.reachable) return false;
    this.sent.push({ to, reply });
    return true;
  }
}

/**
 * The bot, with the real engine, capabilities, guidance, cards, service and SQLite
 * stores, driven through botbuilder's TestAdapter: each call is one activity, and
 * the transcript is what came back.
 */
export class Transcript {
  readonly adapter: TestAdapter;
  readonly messenger = new RecordingMessenger();
  readonly logged: Array<{ message: string; fields: LogFields }> = [];
  /** Tells a submitted claim's approvers; settled before the stores close. */
  readonly notices: ApproverNotices;
  /** Today in the organisation's time zone, by the test's clock. */
  readonly today = () => todayIn(SETTINGS.timeZone, this.clock);

  /** A reminders runner of its own on this bot's service, clock and (unless given others) memory and messenger. */
  reminderRunner(logger: Logger, parts: { readonly memory?: BotMemory; readonly messenger?: Messenger } = {}): ReminderRunner {
    return new ReminderRunner(
      this.service,
      parts.memory ?? this.memory,
      parts.messenger ?? this.messenger,
      new Cards(),
      new TabLinks(undefined),
      WINDOWS,
      ENGAGEMENT_CHANNEL,
      logger,
      this.today,
    );
  }

  private count = 0;

  private constructor(
    readonly service: PathwayService,
    readonly store: Store,
    readonly state: KeyValueState,
    readonly clock: TestClock,
    readonly memory: BotMemory,
    private readonly teamsAppId: string | undefined,
    private readonly engagementChannelId: string | undefined,
  ) {
    const logger: Logger = {
      info: () => undefined,
      warn: (message, fields = {}) => this.logged.push({ message, fields }),
      error: (message, fields = {}) => this.logged.push({ message, fields }),
    };
    const cards = new Cards();
    const tabLinks = new TabLinks(teamsAppId);
    const reminders = new ReminderRunner(service, memory, this.messenger, cards, tabLinks, WINDOWS, engagementChannelId, logger, () =>
      todayIn(SETTINGS.timeZone, clock),
    );
    this.notices = new ApproverNotices(service, this.messenger, cards, engagementChannelId, logger);
    this.notices.listen();
    const engine = new PathwayEngine(
      CAPABILITIES,
      {
        service,
        cards,
        guidance: new Guidance('content/guidance', { expensesPolicy: 'https://example.org/expenses' }),
        memory,
        messenger: this.messenger,
        engagementChannelId,
        timeZone: SETTINGS.timeZone,
        today: () => todayIn(SETTINGS.timeZone, clock),
        tabLinks,
        runReminders: () => reminders.run(),
      },
      logger,
    );
    const bot = new PathwayBot(engine, memory);
    this.adapter = new TestAdapter((context) => bot.run(context));
  }

  /**
   * A bot on fresh in-memory stores on `today`; with `teamsAppId`, as if deployed with the Teams app's id;
   * with `engagementChannelId` null, as a server with no ENGAGEMENT_CHANNEL_ID; with `wrapStore`, on the
   * store it wraps the SQLite store in (one that counts calls, say).
   */
  static async start(
    today = '2026-03-10',
    teamsAppId?: string,
    engagementChannelId: string | null = ENGAGEMENT_CHANNEL,
    wrapStore: (store: Store) => Store = (store) => store,
  ): Promise<Transcript> {
    const store = wrapStore(openSqliteStore({ path: ':memory:' }));
    const clock = new TestClock(today);
    const service = createPathwayService({ store, clock, settings: SETTINGS, access: { engagementTeamIds: [NADIA.aadObjectId] } });
    const state = openSqliteState({ path: ':memory:' });
    return new Transcript(service, store, state, clock, new BotMemory(state), teamsAppId, engagementChannelId ?? undefined);
  }

  /** A new bot (engine, memory, adapter) on the same stores, as after a server restart. */
  restart(): Transcript {
    return new Transcript(
      this.service,
      this.store,
      this.state,
      this.clock,
      new BotMemory(this.state),
      this.teamsAppId,
      this.engagementChannelId,
    );
  }

  async close(): Promise<void> {
    await this.notices.settled();
    await this.state.close();
    await this.store.close();
  }

  /** The user types `text`. */
  says(text: string, where: Where = PERSONAL, from = LEAD, id?: string): Promise<Turn> {
    return this.deliver({ type: 'message', text, ...(id ? { id } : {}) }, where, from);
  }

  /** The user presses an `Action.Execute` button (Universal Actions). */
  presses(verb: string, data: Record<string, unknown>, where: Where = PERSONAL, from = LEAD): Promise<Turn> {
    return this.deliver(
      { type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb, data } } },
      where,
      from,
    );
  }

  /** The user presses the same button through its `Action.Submit` fallback, on the message `replyToId`. */
  submits(
    verb: string,
    data: Record<string, unknown>,
    cardMessage: Partial<Activity>,
    where: Where = PERSONAL,
    from = LEAD,
  ): Promise<Turn> {
    return this.deliver({ type: 'message', value: { ...data, verb }, replyToId: cardMessage.id }, where, from, cardMessage);
  }

  /** Sends an activity as it is, for redelivery tests. */
  async deliver(activity: Partial<Activity>, where: Where, from = LEAD, earlier?: Partial<Activity>): Promise<Turn> {
    this.count += 1;
    this.adapter.activeQueue.length = 0;
    if (earlier) this.adapter.activeQueue.push(earlier as Activity);
    await this.adapter.processActivity({
      id: `activity-${this.count}`,
      channelId: 'msteams',
      serviceUrl: 'https://smba.example.test/',
      from,
      recipient: BOT,
      conversation: { ...where.conversation, tenantId: 'tenant' } as Activity['conversation'],
      channelData: { tenant: { id: 'tenant' }, ...where.channelData },
      ...activity,
    } as Activity);
    const queue = [...this.adapter.activeQueue];
    const invokeActivity = queue.find((item) => item.type === 'invokeResponse');
    const replies = queue.filter((item) => item.type !== 'invokeResponse' && (earlier === undefined || item.id !== earlier.id));
    const invoke = invokeActivity?.value as Turn['invoke'];
    return {
      replies,
      texts: replies.map((reply) => reply.text).filter((text): text is string => typeof text === 'string'),
      cards: replies.flatMap((reply) => (reply.attachments ?? []).map((attachment) => attachment.content as Record<string, any>)),
      invoke,
      updated:
        invoke?.body?.type === 'application/vnd.microsoft.card.adaptive'
          ? invoke.body.value
          : earlier && queue.find((item) => item.id === earlier.id && item !== earlier)?.attachments?.[0].content,
    };
  }
}

/** Every piece of text on a card, joined, for "the card says" assertions. */
export function textOf(card: unknown): string {
  const texts: string[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        if ((key === 'text' || key === 'title' || key === 'value' || key === 'label') && typeof value === 'string') texts.push(value);
        else walk(value);
      }
    }
  };
  walk(card);
  return texts.join('\n');
}

/** Every element of a card of the given Adaptive Card type (anywhere, including inside show-cards). */
function elementsOf(card: unknown, type: string): Array<Record<string, unknown>> {
  const found: Array<Record<string, unknown>> = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const item = node as Record<string, unknown>;
      if (item.type === type) found.push(item);
      Object.values(item).forEach(walk);
    }
  };
  walk(card);
  return found;
}

/** The facts of a card's fact sets, as title and value, for "the card lists" assertions. */
export function factsOf(card: unknown): Array<{ title: string; value: string }> {
  return elementsOf(card, 'FactSet').flatMap((set) =>
    (set.facts as Array<{ title: string; value: string }>).map(({ title, value }) => ({ title, value })),
  );
}

/** The choice inputs of a card (anywhere, including inside show-cards), as id, label and the choices' values. */
export function choiceSetsOf(card: unknown): Array<{ id: string; label: string; choices: string[] }> {
  return elementsOf(card, 'Input.ChoiceSet').map((input) => ({
    id: String(input.id),
    label: String(input.label),
    choices: (input.choices as Array<{ value: string }>).map((choice) => choice.value),
  }));
}

/** The text inputs of a card with this id, as label and the value they start from. */
export function inputsOf(card: unknown, id: string): Array<{ label: string; value: string | undefined }> {
  return elementsOf(card, 'Input.Text')
    .filter((input) => input.id === id)
    .map((input) => ({ label: String(input.label), value: input.value as string | undefined }));
}

/** The buttons on a card (anywhere, including inside show-cards), as verb and data. */
export function buttonsOf(card: unknown): Array<{ title: string; verb: string; data: Record<string, unknown> }> {
  const buttons: Array<{ title: string; verb: string; data: Record<string, unknown> }> = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const item = node as Record<string, unknown>;
      if (item.type === 'Action.Execute')
        buttons.push({ title: String(item.title), verb: String(item.verb), data: (item.data ?? {}) as Record<string, unknown> });
      Object.entries(item)
        .filter(([key]) => key !== 'fallback')
        .forEach(([, value]) => walk(value));
    }
  };
  walk(card);
  return buttons;
}

/** The data of the button with this verb on a card; fails the test when there is none. */
export function button(card: unknown, verb: string, title?: string): Record<string, unknown> {
  const found = buttonsOf(card).find((candidate) => candidate.verb === verb && (title === undefined || candidate.title === title));
  if (!found)
    throw new Error(
      `No ${verb} button${title ? ` "${title}"` : ''} on the card. Buttons: ${buttonsOf(card)
        .map((b) => `${b.verb}/${b.title}`)
        .join(', ')}`,
    );
  return found.data;
}

/** The `Action.OpenUrl` buttons on a card (anywhere, including inside show-cards), as title and url. */
export function linksOf(card: unknown): Array<{ title: string; url: string }> {
  const links: Array<{ title: string; url: string }> = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const item = node as Record<string, unknown>;
      if (item.type === 'Action.OpenUrl') links.push({ title: String(item.title), url: String(item.url) });
      Object.values(item).forEach(walk);
    }
  };
  walk(card);
  return links;
}
