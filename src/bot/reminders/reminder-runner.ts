import {
  REVIEW_REMINDER_KINDS,
  type CalendarDate,
  type PathwayService,
  type Reminder,
  type ReminderKind,
  type ReminderWindows,
} from '../../domain';
import { errorFields, type Logger } from '../../logging/logger';
import type { Cards } from '../pathway/cards';
import { CARD_MADE_FOR_WORKSTREAM } from '../pathway/engine';
import type { BotMemory } from '../pathway/memory';
import type { Messenger, Recipient } from '../pathway/messenger';
import type { TabLinks } from '../pathway/tab-links';
import type { ReminderRun } from '../pathway/turn';
import template from './reminder-card.json';

/**
 * The scheduled job. It sends the reminders the service says are due, each once: a
 * reminder is claimed in the bot's state before it is sent, recorded as sent once
 * delivered, and given back if it could not be, so a later run tries again. A claim
 * whose sender died before delivering expires, so another instance sends it. A reminder goes to its owner's personal chat,
 * else the workstream's channel; escalations go to the Engagement team's channel.
 * Each card links to the workstream's tab (escalations: to the Engagement overview).
 * Logs carry counts and kinds only, never names. (The retention schedule runs apart from it, in the server.)
 *
 * Before the reminders, each run fills in the review dates of partners who became
 * Active before those dates were kept (a batch a run, so a large organisation is
 * filled over several runs), so their reviews are reminded in the same run. Once a
 * run leaves none to fill, the next look is the next day: a role given a term
 * since then has its serving partners' term dates filled that day.
 */
export class ReminderRunner {
  private running: Promise<ReminderRun> | undefined;
  private stopping = false;
  /** The day a run last found no review dates left to fill in. */
  private reviewDatesSettledOn: CalendarDate | undefined;

  constructor(
    private readonly service: PathwayService,
    private readonly memory: BotMemory,
    private readonly messenger: Messenger,
    private readonly cards: Cards,
    private readonly tabLinks: TabLinks,
    private readonly windows: ReminderWindows,
    private readonly engagementChannelId: string | undefined,
    private readonly logger: Logger,
    /** Today in the organisation's time zone. */
    private readonly today: () => CalendarDate,
  ) {}

  /** Runs once; a run asked for while one is going joins it. */
  run(): Promise<ReminderRun> {
    this.running ??= this.runOnce().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  /**
   * Ends the run in progress after the reminder it is sending (its record made) and
   * resolves once it has ended; runs asked for afterwards send nothing.
   */
  async stop(): Promise<void> {
    this.stopping = true;
    await this.running;
  }

  private async runOnce(): Promise<ReminderRun> {
    await this.fillReviewDates();
    const reminders = this.stopping ? [] : await this.service.worklists.reminders(this.windows);
    const sentByKind: Partial<Record<ReminderKind, number>> = {};
    const tally = { due: reminders.length, sent: 0, sentByKind, alreadySent: 0, unreachable: 0, failed: 0 };
    for (const reminder of reminders) {
      if (this.stopping) break;
      const recipients = this.recipients(reminder);
      if (recipients.length === 0) {
        tally.unreachable += 1;
        continue;
      }
      const claim = await this.memory.claimReminder(reminder.key);
      if (claim === undefined) {
        tally.alreadySent += 1;
        continue;
      }
      let delivered: boolean;
      try {
        const tabUrl = reminder.toEngagementTeam
          ? this.tabLinks.engagement()
          : this.tabLinks.workstream({ id: reminder.workstreamId, teamsChannelId: reminder.teamsChannelId }, reminder.partnerId);
        delivered = await this.deliver(reminder, recipients, tabUrl);
      } catch (error) {
        tally.failed += 1;
        await this.memory.releaseReminder(reminder.key);
        this.logger.error('A reminder could not be sent', { kind: reminder.kind, ...errorFields(error) });
        continue;
      }
      if (!delivered) {
        tally.unreachable += 1;
        await this.memory.releaseReminder(reminder.key);
        continue;
      }
      tally.sent += 1;
      sentByKind[reminder.kind] = (sentByKind[reminder.kind] ?? 0) + 1;
      await this.confirm(reminder, claim);
    }
    const { sentByKind: kinds, ...counts } = tally;
    this.logger.info('Reminders run', {
      ...counts,
      ...Object.fromEntries(Object.entries(kinds).map(([kind, count]) => [`sent.${kind}`, count])),
    });
    return tally;
  }

  /** Fills in missing review dates unless a run today found none left; a failure is logged and the reminders still go. */
  private async fillReviewDates(): Promise<void> {
    const today = this.today();
    if (this.stopping || this.reviewDatesSettledOn === today) return;
    try {
      const outcome = await this.service.reviews.fillMissingReviewDates({ stopping: () => this.stopping });
      if (outcome.filled > 0 || outcome.skipped > 0) this.logger.info('Review dates filled in', { ...outcome });
      if (!outcome.more && outcome.skipped === 0) this.reviewDatesSettledOn = today;
    } catch (error) {
      this.logger.error('Review dates could not be filled in; the next run tries again', errorFields(error));
    }
  }

  /**
   * Records a delivered reminder as sent. Should that fail, its claim expires and a
   * later run sends it a second time: the one duplicate this design allows.
   */
  private async confirm(reminder: Reminder, claim: string): Promise<void> {
    try {
      if (!(await this.memory.confirmReminder(reminder.key, claim)))
        this.logger.warn('A reminder was sent after its claim expired; another run may send it again', { kind: reminder.kind });
    } catch (error) {
      this.logger.error('A reminder was sent but could not be recorded; a later run may send it again', {
        kind: reminder.kind,
        ...errorFields(error),
      });
    }
  }

  private recipients(reminder: Reminder): Recipient[] {
    if (reminder.toEngagementTeam) return this.engagementChannelId ? [{ teamsChannelId: this.engagementChannelId }] : [];
    return [
      ...(reminder.ownerId ? [{ userId: reminder.ownerId }] : []),
      ...(reminder.teamsChannelId ? [{ teamsChannelId: reminder.teamsChannelId }] : []),
    ];
  }

  /** Tries each recipient in turn until one can be reached. */
  private async deliver(reminder: Reminder, recipients: readonly Recipient[], tabUrl: string | undefined): Promise<boolean> {
    const card = this.cards.render(template, {
      title: reminder.title,
      tabUrl,
      lines: reminder.lines,
      openTitle: reminder.claimId ? 'Approve or reject' : 'Open',
      openVerb: reminder.claimId
        ? 'claim.open'
        : reminder.involvementId
          ? isReview(reminder.kind)
            ? 'reviews.open'
            : 'partner.open'
          : reminder.roleId
            ? 'role.open'
            : '',
      ref: {
        ...(reminder.claimId
          ? { claimId: reminder.claimId }
          : reminder.involvementId
            ? { involvementId: reminder.involvementId }
            : { roleId: reminder.roleId ?? 0 }),
        [CARD_MADE_FOR_WORKSTREAM]: reminder.workstreamId,
      },
    });
    for (const recipient of recipients) {
      if (await this.messenger.send(recipient, { card, summary: reminder.title })) return true;
    }
    return false;
  }
}

const REVIEW_KINDS: readonly ReminderKind[] = Object.values(REVIEW_REMINDER_KINDS);

/** A review's reminder opens the reviews card, where it is renewed, ended, re-signed or recorded. */
function isReview(kind: ReminderKind): boolean {
  return REVIEW_KINDS.includes(kind);
}
