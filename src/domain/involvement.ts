import { RefusedError } from './errors';
import { pendingPhrase, type ChecklistItem } from './induction';
import type { Fields, Stage } from './schema/lists';

/**
 * Where each stage may go next. `Not progressed` is open from every stage before
 * Active; Active and Paused move between each other until the involvement ends.
 */
export const STAGE_TRANSITIONS: Readonly<Record<Stage, readonly Stage[]>> = {
  Interested: ['Chat booked', 'Not progressed'],
  'Chat booked': ['Chat held', 'Not progressed'],
  'Chat held': ['Offered', 'Not progressed'],
  Offered: ['Induction', 'Not progressed'],
  Induction: ['Active', 'Not progressed'],
  Active: ['Paused', 'Ended'],
  Paused: ['Active', 'Ended'],
  Ended: [],
  'Not progressed': [],
};

/**
 * What a new involvement has not had recorded yet: equality monitoring (offered once,
 * later), the review dates (set when the partner becomes Active) and the selection
 * judgement (recorded with an offer or a "not this time"). Every writer of a new
 * involvement (the use case, the bench seed, the test builders) spreads these, so a
 * field of this kind added to the list is given its default once, here.
 */
export const NEW_INVOLVEMENT_DEFAULTS = {
  monitoring: null,
  termEndDate: null,
  agreementsDue: null,
  accessReviewedDate: null,
  accessReviewDue: null,
  offerCriteria: null,
  offerReason: null,
  notProgressedCriteria: null,
  notProgressedFrom: null,
} as const satisfies Partial<Fields<'involvements'>>;

/** Stages that need a reason recorded with them. */
export const STAGES_NEEDING_REASON: readonly Stage[] = ['Paused', 'Ended', 'Not progressed'];

/** Stages where the involvement is over. */
export const CLOSED_STAGES: readonly Stage[] = ['Ended', 'Not progressed'];

/**
 * How the adjustments kept with the informal chat are named at each stage: those asked
 * for when it was booked until it is held, then those agreed in it (which replace them);
 * after "Not progressed" it cannot be told which.
 */
export const CHAT_ADJUSTMENTS_TITLES: Readonly<Record<Stage, string>> = {
  Interested: 'Adjustments asked for the informal chat',
  'Chat booked': 'Adjustments asked for the informal chat',
  'Chat held': 'Adjustments agreed at the informal chat',
  Offered: 'Adjustments agreed at the informal chat',
  Induction: 'Adjustments agreed at the informal chat',
  Active: 'Adjustments agreed at the informal chat',
  Paused: 'Adjustments agreed at the informal chat',
  Ended: 'Adjustments agreed at the informal chat',
  'Not progressed': 'Adjustments for the informal chat',
};

/** What the rules need to know to decide a stage change. */
export interface StageChange {
  /** How the partner is named in messages (their preferred name if they gave one). */
  readonly partnerName: string;
  readonly from: Stage;
  readonly to: Stage;
  readonly reason?: string | null;
  /** The induction checklist, needed to decide a move from Induction to Active. */
  readonly checklist?: readonly ChecklistItem[];
}

function verbFor(to: Stage): string {
  switch (to) {
    case 'Chat booked':
      return 'have an informal chat booked';
    case 'Chat held':
      return 'have an informal chat recorded as held';
    case 'Offered':
      return 'be offered the role';
    case 'Induction':
      return 'start induction';
    case 'Paused':
      return 'be paused';
    case 'Ended':
      return 'have their involvement ended';
    case 'Not progressed':
      return 'be marked as not progressed';
    default:
      return `become ${to}`;
  }
}

function joinPhrases(phrases: readonly string[]): string {
  if (phrases.length <= 1) return phrases.join('');
  return `${phrases.slice(0, -1).join(', ')} and ${phrases[phrases.length - 1]}`;
}

/** The stages open from here, in words: "Chat booked or Not progressed". */
export function nextStagesInWords(from: Stage): string {
  const next = STAGE_TRANSITIONS[from];
  if (next.length === 0) return 'none: this involvement is closed';
  return next.length === 1 ? next[0] : `${next.slice(0, -1).join(', ')} or ${next[next.length - 1]}`;
}

/**
 * Checks a stage change against the flow and its guards, throwing a
 * {@link RefusedError} whose message names the partner and says what to do.
 */
export function checkStageChange(change: StageChange): void {
  const { partnerName, from, to } = change;
  if (!STAGE_TRANSITIONS[from].includes(to)) {
    const code = from === 'Active' && to === 'Not progressed' ? 'already-active' : 'stage-not-allowed';
    const hint =
      code === 'already-active'
        ? `${partnerName} is already Active: pause or end the involvement instead.`
        : `From ${from} the next step is ${nextStagesInWords(from)}.`;
    throw new RefusedError(code, `${partnerName} cannot ${verbFor(to)} while at ${from}. ${hint}`, { from, to });
  }
  if (STAGES_NEEDING_REASON.includes(to) && !change.reason?.trim()) {
    throw new RefusedError('reason-required', `Please give a reason: ${partnerName} cannot ${verbFor(to)} without one.`, {
      from,
      to,
    });
  }
  if (from === 'Induction' && to === 'Active') {
    const missing = (change.checklist ?? []).filter((item) => item.required && !item.done);
    if (!change.checklist || change.checklist.length === 0) {
      throw new RefusedError(
        'induction-not-started',
        `${partnerName} cannot become Active: there is no induction checklist yet. Start the induction first.`,
      );
    }
    if (missing.length > 0) {
      throw new RefusedError('induction-incomplete', `${partnerName} cannot become Active: ${joinPhrases(missing.map(pendingPhrase))}.`, {
        missing: missing.map((item) => item.label),
      });
    }
  }
}
