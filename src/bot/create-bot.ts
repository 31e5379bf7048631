import type { BotCredentials } from '../config';
import type { BotSettings } from '../config/bot';
import { todayIn, type Clock, type GuidanceTexts, type PathwayService } from '../domain';
import type { KeyValueState } from '../domain/key-value-state';
import type { Lease } from '../domain/lease';
import type { Logger } from '../logging/logger';
import { botRequestHandler, PathwayAdapter, type BotRequestHandler, type SenderCheckOptions } from './bot-framework/adapter';
import { CAPABILITIES } from './capabilities';
import { ApproverNotices } from './capabilities/claims/approver-notices';
import { Cards } from './pathway/cards';
import { PathwayEngine } from './pathway/engine';
import { BotMemory } from './pathway/memory';
import { ConversationPacer } from './pathway/pacer';
import { TabLinks } from './pathway/tab-links';
import { PathwayBot } from './bot-framework/pathway-bot';
import { ReminderRunner } from './reminders/reminder-runner';
import { startReminderSchedule } from './reminders/reminder-schedule';
import { TeamsMessenger } from './bot-framework/teams-messenger';

/** What the bot is built from; the composition root supplies these. */
export interface BotOptions {
  readonly service: PathwayService;
  readonly state: KeyValueState;
  /** Elects the instance that runs each scheduled reminders tick. */
  readonly lease: Lease;
  readonly settings: BotSettings;
  /** The organisation's guidance its cards show. */
  readonly guidance: GuidanceTexts;
  readonly credentials: BotCredentials | undefined;
  /** The Teams app id (the manifest's id), for links into the tabs; without it cards carry none. */
  readonly teamsAppId: string | undefined;
  readonly timeZone: string;
  readonly clock: Clock;
  readonly logger: Logger;
  /** Spacing between messages into one conversation; tests may shorten it. */
  readonly paceMs?: number;
  /** How often the reminders schedule looks at the clock; tests may shorten it. */
  readonly scheduleEveryMs?: number;
  /** How long a reminder being sent stays claimed before another run may send it; tests shorten it. */
  readonly reminderClaimMs?: number;
  /** Where and for how long the sender of an activity is checked; tests point it at a stand-in. */
  readonly senderCheck?: SenderCheckOptions;
}

/** The running bot: its `/api/messages` handler, its reminders, and a way to stop its schedule. */
export interface Bot {
  readonly handler: BotRequestHandler;
  readonly reminders: ReminderRunner;
  /** Starts the in-process reminder schedule when the settings ask for it. */
  startSchedule(): void;
  /** Stops the schedule and ends a reminders run in progress after its current reminder; resolves once the lease is given back. */
  stop(): Promise<void>;
}

/** Builds the bot: adapter, memory, guidance, cards, the pathway engine with every capability, and the reminders. */
export function createBot(options: BotOptions): Bot {
  const { service, settings, guidance, logger } = options;
  const adapter = new PathwayAdapter(options.credentials, logger, options.senderCheck);
  const memory = new BotMemory(options.state, options.reminderClaimMs);
  const cards = new Cards();
  const messenger = new TeamsMessenger(adapter, options.credentials?.appId ?? '', memory, new ConversationPacer(options.paceMs));
  const tabLinks = new TabLinks(options.teamsAppId);
  const notices = new ApproverNotices(service, messenger, cards, settings.engagementChannelId, logger);
  notices.listen();
  const reminders = new ReminderRunner(
    service,
    memory,
    messenger,
    cards,
    tabLinks,
    settings.reminders,
    settings.engagementChannelId,
    logger,
    () => todayIn(options.timeZone, options.clock),
  );
  const engine = new PathwayEngine(
    CAPABILITIES,
    {
      service,
      cards,
      guidance,
      memory,
      messenger,
      engagementChannelId: settings.engagementChannelId,
      timeZone: options.timeZone,
      today: () => todayIn(options.timeZone, options.clock),
      tabLinks,
      runReminders: async () => {
        const outcome = await options.lease.runIfFree(() => reminders.run());
        return outcome.ran ? outcome.result : 'in-progress';
      },
    },
    logger,
  );
  let stopSchedule: (() => Promise<void>) | undefined;
  return {
    handler: botRequestHandler(adapter, new PathwayBot(engine, memory)),
    reminders,
    startSchedule() {
      if (!settings.reminders.schedule || stopSchedule) return;
      stopSchedule = startReminderSchedule({
        run: () => reminders.run(),
        lease: options.lease,
        everyMs: options.scheduleEveryMs,
        timeZone: options.timeZone,
        hour: settings.reminders.hour,
        clock: options.clock,
        logger,
      });
    },
    async stop() {
      const stopping = stopSchedule;
      stopSchedule = undefined;
      await Promise.all([reminders.stop(), stopping?.(), notices.settled()]);
    },
  };
}
