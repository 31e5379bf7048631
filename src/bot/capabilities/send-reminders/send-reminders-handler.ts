import type { ReminderKind } from '../../../domain';
import { say, type Capability, type ReminderRun, type TurnResult, type TurnScope } from '../../pathway/turn';

/** How each kind of reminder is counted in the reply: one, many. */
const KIND_NAMES: Readonly<Record<ReminderKind, readonly [string, string]>> = {
  'one-to-one-due': ['one-to-one coming up', 'one-to-ones coming up'],
  'one-to-one-overdue': ['overdue one-to-one', 'overdue one-to-ones'],
  'one-to-one-escalated': [
    'long-overdue one-to-one raised with the Engagement team',
    'long-overdue one-to-ones raised with the Engagement team',
  ],
  'induction-stalled': ['induction with no progress', 'inductions with no progress'],
  'role-closing': ['role closing soon', 'roles closing soon'],
  'weekly-digest': ['weekly digest', 'weekly digests'],
  'claim-awaiting-approval': ['claim waiting for approval', 'claims waiting for approval'],
  'term-ending': ['term of office ending', 'terms of office ending'],
  'agreements-due': ['agreements to re-confirm', 'sets of agreements to re-confirm'],
  'access-review': ['access needs review', 'access needs reviews'],
};

const NOT_CONNECTED =
  "Sending reminders on demand is for the Engagement team's channel, which is not connected to Partner Pathway yet. Reminders still go out by themselves each morning. Ask an administrator to set ENGAGEMENT_CHANNEL_ID.";

const ENGAGEMENT_ONLY =
  "Only the Engagement team can send reminders on demand, from their own channel, because a run reaches every workstream's staff. Reminders go out by themselves each morning, so nothing is needed from you. Type **due this week** to see what is due here.";

const IN_PROGRESS =
  'The reminders are being sent just now by another run, so I started nothing. That run sends everything that is due; ask again once it has finished if you want to be sure.';

function counted(count: number, [one, many]: readonly [string, string]): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** What a run did, in plain words: counts only, as the run names nobody. */
export function describeRun(run: ReminderRun): string {
  const kinds = (Object.keys(KIND_NAMES) as ReminderKind[])
    .filter((kind) => (run.sentByKind[kind] ?? 0) > 0)
    .map((kind) => counted(run.sentByKind[kind] ?? 0, KIND_NAMES[kind]));
  const lines = [
    run.sent === 0
      ? 'No new reminders were due, so I sent none.'
      : `I sent ${counted(run.sent, ['reminder', 'reminders'])}: ${kinds.join(', ')}.`,
  ];
  if (run.alreadySent > 0)
    lines.push(`${counted(run.alreadySent, ['reminder was', 'reminders were'])} already sent earlier, so not sent again.`);
  if (run.unreachable > 0) {
    lines.push(
      `${counted(run.unreachable, ['reminder has', 'reminders have'])} nobody to go to yet: the member of staff has not talked to me and their workstream's channel has not added me.`,
    );
  }
  if (run.failed > 0)
    lines.push(`${counted(run.failed, ['reminder', 'reminders'])} could not be sent just now and will be tried again on the next run.`);
  return lines.join('\n\n');
}

async function sendReminders(scope: TurnScope): Promise<TurnResult> {
  if (!scope.engagementChannelId) return say(NOT_CONNECTED);
  if (!scope.isEngagementTeam) return say(ENGAGEMENT_ONLY);
  const run = await scope.runReminders();
  return say(run === 'in-progress' ? IN_PROGRESS : describeRun(run));
}

/**
 * `send reminders`: the Engagement team sends the reminders due now, the same run
 * as the morning schedule and `POST /api/reminders/run`. Each reminder still goes
 * once, so asking twice sends nothing new.
 */
export const sendRemindersCapability: Capability = {
  name: 'send-reminders',
  needsWorkstream: false,
  looksAtWorkstream: false,
  triggers: ['send reminders', 'run reminders', 'reminders'],
  onText: (scope) => sendReminders(scope),
  actions: { 'reminders.send': (scope) => sendReminders(scope) },
};
