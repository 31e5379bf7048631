import { RefusedError } from './errors';
import type { Involvement, Role, Stage } from './schema/lists';

/*
 * Selection fairness: each role states the criteria partners are chosen against, and
 * every offer and every "not this time" records, criterion by criterion, how the person
 * was judged, with a short reason. Where several people apply, shortlisting against the
 * role's stated criteria, with reasons recorded, shows the team chose fairly.
 */

/** How one criterion was judged for one person. "Not assessed" is said, never assumed: a person who withdrew before anyone could judge. */
export const SELECTION_VERDICTS = ['Met', 'Not met', 'Not assessed'] as const;
export type SelectionVerdict = (typeof SELECTION_VERDICTS)[number];

/** The decisions that must be reasoned against the criteria. */
export const SELECTION_DECISIONS = ['Offered', 'Not progressed'] as const satisfies readonly Stage[];
export type SelectionDecision = (typeof SELECTION_DECISIONS)[number];

/** The most criteria a role may have: a short list people can keep in mind. */
export const MAX_CRITERIA = 12;
/** The longest one criterion may be. */
export const CRITERION_MAX = 150;

/** A role's criteria as a list: one a line, blank lines dropped. */
export function criteriaOf(role: Pick<Role, 'selectionCriteria'>): string[] {
  return (role.selectionCriteria ?? '')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
}

/**
 * Checks criteria as a lead typed them (one a line) and gives them back tidied: lines
 * trimmed, blank lines dropped; null when there are none. Refuses too many, one too
 * long, or the same criterion twice, saying which.
 */
export function tidyCriteria(text: string | null): string | null {
  const criteria = criteriaOf({ selectionCriteria: text });
  if (criteria.length > MAX_CRITERIA) {
    throw new RefusedError(
      'too-many-criteria',
      `A role can have at most ${MAX_CRITERIA} selection criteria, one a line; these are ${criteria.length}. Keep to what matters most.`,
    );
  }
  const long = criteria.find((criterion) => criterion.length > CRITERION_MAX);
  if (long) {
    throw new RefusedError(
      'criterion-too-long',
      `Each selection criterion can be at most ${CRITERION_MAX} characters; "${long.slice(0, 40)}…" is ${long.length}. Shorten it or split it in two.`,
    );
  }
  const twice = criteria.find((criterion, index) => criteria.findIndex((other) => same(other, criterion)) !== index);
  if (twice) throw new RefusedError('criterion-repeated', `The selection criterion "${twice}" is there twice. Keep it once.`);
  return criteria.length > 0 ? criteria.join('\n') : null;
}

function same(a: string, b: string): boolean {
  return a.localeCompare(b, 'en-GB', { sensitivity: 'accent' }) === 0;
}

/** What a surface asks for at an offer or a "not this time", in the domain's words. */
export interface SelectionQuestion {
  /** The role's criteria, each to be judged; empty when the role has none yet. */
  readonly criteria: readonly string[];
  readonly verdicts: readonly SelectionVerdict[];
  /** What to do: judge each criterion and say why, or, with no criteria yet, write the reason in full. */
  readonly guidance: string;
  /** The label of the reason given with an offer. */
  readonly offerReasonLabel: string;
}

/** The question asked at an offer or a "not this time" for this role. */
export function selectionQuestion(role: Pick<Role, 'title' | 'selectionCriteria'>): SelectionQuestion {
  const criteria = criteriaOf(role);
  return {
    criteria,
    verdicts: SELECTION_VERDICTS,
    guidance:
      criteria.length > 0
        ? 'Judge them against the role’s selection criteria, as everyone for this role is judged: for each, say whether it was met (or not assessed, if they withdrew before you could tell), and give a short reason.'
        : `"${role.title}" has no selection criteria yet, so give the reason for this decision in full. Add criteria to the role description before it is advertised again, so everyone is judged the same way.`,
    offerReasonLabel: 'Why they are offered the role',
  };
}

/** One criterion as judged. */
export interface CriterionJudged {
  readonly criterion: string;
  readonly verdict: SelectionVerdict;
}

/** What the rules need to decide whether a decision is reasoned against the criteria. */
export interface SelectionChange {
  readonly partnerName: string;
  readonly role: Pick<Role, 'title' | 'selectionCriteria'>;
  readonly to: SelectionDecision;
  /** Each criterion by its words, with how it was judged. */
  readonly judged?: Readonly<Record<string, SelectionVerdict>>;
  readonly reason?: string | null;
}

function inWords(items: readonly string[]): string {
  const quoted = items.map((item) => `"${item}"`);
  if (quoted.length <= 1) return quoted.join('');
  return `${quoted.slice(0, -1).join(', ')} and ${quoted[quoted.length - 1]}`;
}

const DECISION_WORDS: Record<SelectionDecision, string> = {
  Offered: 'be offered the role',
  'Not progressed': 'be marked as not progressed',
};

/**
 * Checks that an offer or a "not this time" is reasoned against the role's criteria:
 * a reason always, and, where the role has criteria, each one judged and nothing
 * else. Throws a {@link RefusedError} that says plainly what is missing; gives back
 * the judgement as stored, one criterion a line in the role's order, or null for a
 * role with no criteria.
 */
export function checkSelection(change: SelectionChange): string | null {
  const { partnerName, role, to } = change;
  const criteria = criteriaOf(role);
  const judged = change.judged ?? {};
  const unknown = Object.keys(judged).filter((criterion) => !criteria.includes(criterion));
  if (unknown.length > 0) {
    throw new RefusedError(
      'criterion-unknown',
      criteria.length === 0
        ? `"${role.title}" has no selection criteria, so ${inWords(unknown)} cannot be judged. Give the reason for the decision instead.`
        : `${inWords(unknown)} ${unknown.length === 1 ? 'is not one' : 'are not'} of the criteria for "${role.title}": they are ${inWords(criteria)}.`,
      { unknown },
    );
  }
  const unjudged = criteria.filter((criterion) => !(criterion in judged));
  if (unjudged.length > 0) {
    throw new RefusedError(
      'criteria-not-judged',
      `Say how ${partnerName} was judged against each criterion for "${role.title}": ${inWords(unjudged)} ${unjudged.length === 1 ? 'has' : 'have'} no answer (met, not met, or not assessed). Nothing was changed.`,
      { unjudged },
    );
  }
  if (!change.reason?.trim()) {
    throw new RefusedError(
      'selection-reason-required',
      `Please give a reason against the role’s criteria: ${partnerName} cannot ${DECISION_WORDS[to]} without one. Nothing was changed.`,
    );
  }
  return criteria.length > 0 ? criteria.map((criterion) => `${judged[criterion]}: ${criterion}`).join('\n') : null;
}

/** A stored judgement read back, criterion by criterion (lines not in the stored form are skipped). */
export function judgedFrom(stored: string | null): CriterionJudged[] {
  const judged: CriterionJudged[] = [];
  for (const line of (stored ?? '').split('\n')) {
    const verdict = SELECTION_VERDICTS.find((candidate) => line.startsWith(`${candidate}: `));
    if (verdict) judged.push({ criterion: line.slice(verdict.length + 2).trim(), verdict });
  }
  return judged;
}

/** How many people were judged each way on one criterion at one decision. */
export type VerdictCounts = Record<SelectionVerdict, number>;

/** One criterion across a role's decisions. */
export interface CriterionSummary {
  readonly criterion: string;
  /** False for a criterion judged earlier and since taken off the role. */
  readonly current: boolean;
  readonly offered: VerdictCounts;
  readonly notProgressed: VerdictCounts;
}

/**
 * A role's selection in counts, for the Engagement team: how many people expressed
 * interest, had the informal chat, were offered the role or not progressed, and how
 * each criterion was judged at those decisions. Counts only: no name, no reason text.
 */
export interface SelectionSummary {
  readonly roleId: number;
  readonly roleTitle: string;
  readonly workstreamId: number;
  readonly criteria: readonly string[];
  readonly expressedInterest: number;
  readonly chattedWith: number;
  readonly offered: number;
  readonly notProgressed: number;
  /** Decisions recorded with a reason but no criteria (the role had none then). */
  readonly offeredWithoutCriteria: number;
  readonly notProgressedWithoutCriteria: number;
  readonly byCriterion: readonly CriterionSummary[];
}

/** The stages at which the informal chat has been held. */
const CHATTED: readonly Stage[] = ['Chat held', 'Offered', 'Induction', 'Active', 'Paused', 'Ended'];

function hadChat(involvement: Involvement): boolean {
  if (involvement.offeredDate !== null || CHATTED.includes(involvement.stage)) return true;
  return (
    involvement.stage === 'Not progressed' && involvement.notProgressedFrom !== null && CHATTED.includes(involvement.notProgressedFrom)
  );
}

const noVerdicts = (): VerdictCounts => ({ Met: 0, 'Not met': 0, 'Not assessed': 0 });

/** A role's selection summary from its involvements (see {@link SelectionSummary}). */
export function summariseSelection(role: Role, involvements: readonly Involvement[]): SelectionSummary {
  const criteria = criteriaOf(role);
  const rows = new Map<string, CriterionSummary>(
    criteria.map((criterion) => [criterion, { criterion, current: true, offered: noVerdicts(), notProgressed: noVerdicts() }]),
  );
  const count = (stored: string | null, at: 'offered' | 'notProgressed') => {
    for (const { criterion, verdict } of judgedFrom(stored)) {
      let row = rows.get(criterion);
      if (!row) {
        row = { criterion, current: false, offered: noVerdicts(), notProgressed: noVerdicts() };
        rows.set(criterion, row);
      }
      row[at][verdict] += 1;
    }
  };
  let offered = 0;
  let notProgressed = 0;
  let offeredWithoutCriteria = 0;
  let notProgressedWithoutCriteria = 0;
  for (const involvement of involvements) {
    if (involvement.offeredDate !== null) {
      offered += 1;
      if (involvement.offerCriteria === null) offeredWithoutCriteria += 1;
      count(involvement.offerCriteria, 'offered');
    }
    if (involvement.stage === 'Not progressed') {
      notProgressed += 1;
      if (involvement.notProgressedCriteria === null) notProgressedWithoutCriteria += 1;
      count(involvement.notProgressedCriteria, 'notProgressed');
    }
  }
  return {
    roleId: role.id,
    roleTitle: role.title,
    workstreamId: role.workstreamId,
    criteria,
    expressedInterest: involvements.length,
    chattedWith: involvements.filter(hadChat).length,
    offered,
    notProgressed,
    offeredWithoutCriteria,
    notProgressedWithoutCriteria,
    byCriterion: [...rows.values()],
  };
}
