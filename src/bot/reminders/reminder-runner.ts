import { RETENTION_ACTOR, type PathwayService, type Reminder, type ReminderWindows } from '../../domain';
import { errorFields, type Logger } from '../../server/logger';
import type { Cards } from '../pathway/cards';
import { CARD_WORKSTREAM } from '../pathway/engine';
import type { BotMemory } from '../pathway/memory';
import type { Messenger, Recipient } from '../pathway/messenger';
import template from './reminder-card.json';

/** What one run of the reminders did. */
export interface ReminderRun {
  readonly due: number;
  readonly sent: number;
  /** Already sent by an earlier run. */
  readonly alreadySent: number;
  /** Nobody to send them to yet (the owner never spoke to the bot and the workstream has no channel). */
  readonly unreachable: number;
  readonly failed: number;
  /** Partners whose personal data the retention schedule erased in this run. */
  readonly erased: number;
}

/**
 * The scheduled job. It sends the reminders the service says are due, each once: a
 * reminder is claimed in the bot's state before it is sent and given back if it could
 * not be, so a later run tries again. A reminder goes to its owner's personal chat,
 * else the workstream's channel; escalations go to the Engagement team's channel.
 * Then it applies the retention schedule. Logs carry counts and kinds only, never names.
 */
export class ReminderRunner {
  private running: Promise<ReminderRun> | undefined;

  constructor(
    private readonly service: PathwayService,
    private readonly memory: BotMemory,
    private readonly messenger: Messenger,
    private readonly cards: Cards,
    private readonly windows: ReminderWindows,
    private readonly engagementChannelId: string | undefined,
    private readonly logger: Logger,
  ) {}

  /** Runs once; a run asked for while one is going joins it. */
  run(): Promise<ReminderRun> {
    this.running ??= this.runOnce().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async runOnce(): Promise<ReminderRun> {
    const reminders = await this.service.due.reminders(this.windows);
    const tally = { due: reminders.length, sent: 0, alreadySent: 0, unreachable: 0, failed: 0, erased: 0 };
    for (const reminder of reminders) {
      const recipients = this.recipients(reminder);
      if (recipients.length === 0) {
        tally.unreachable += 1;
        continue;
      }
      if (!(await this.memory.claimReminder(reminder.key))) {
        tally.alreadySent += 1;
        continue;
      }
      try {
        if (await this.deliver(reminder, recipients)) {
          tally.sent += 1;
        } else {
          tally.unreachable += 1;
          await this.memory.releaseReminder(reminder.key);
        }
      } catch (error) {
        tally.failed += 1;
        await this.memory.releaseReminder(reminder.key);
        this.logger.error('A reminder could not be sent', { kind: reminder.kind, ...errorFields(error) });
      }
    }
    tally.erased = await this.applyRetention();
    this.logger.info('Reminders run', tally);
    return tally;
  }

  /**
   * Erases the partners the retention schedule says are due, as {@link RETENTION_ACTOR}.
   * A failure is logged and left to the next run, so it never holds back reminders.
   */
  private async applyRetention(): Promise<number> {
    try {
      return await this.service.personalData.applyRetention(RETENTION_ACTOR);
    } catch (error) {
      this.logger.error('The retention schedule could not run', errorFields(error));
      return 0;
    }
  }

  private recipients(reminder: Reminder): Recipient[] {
    if (reminder.toEngagementTeam) return this.engagementChannelId ? [{ teamsChannelId: this.engagementChannelId }] : [];
    return [...(reminder.ownerId ? [{ userId: reminder.ownerId }] : []), ...(reminder.teamsChannelId ? [{ teamsChannelId: reminder.teamsChannelId }] : [])];
  }

  /** Tries each recipient in turn until one can be reached. */
  private async deliver(reminder: Reminder, recipients: readonly Recipient[]): Promise<boolean> {
    const card = this.cards.render(template, {
      title: reminder.title,
      lines: reminder.lines,
      openVerb: reminder.involvementId ? 'partner.open' : reminder.roleId ? 'role.open' : '',
      ref: { ...(reminder.involvementId ? { involvementId: reminder.involvementId } : { roleId: reminder.roleId ?? 0 }), [CARD_WORKSTREAM]: reminder.workstreamId },
    });
    for (const recipient of recipients) {
      if (await this.messenger.send(recipient, { card, summary: reminder.title })) return true;
    }
    return false;
  }
}
