import { inductionProgress, shortDate } from '../../contract/plain/words';
import { STAGES, type BookedOneToOne, type InductionProgress, type Stage } from '../api/types';

// The words the SharePoint web part shares with the tab (src/contract/plain/words.ts), for the tab's views to import from here.
export { describeDue, inductionProgress, shortDate } from '../../contract/plain/words';

/** A booked one-to-one in words: "Booked for Tue 14 Apr 2026 at 10:30". */
export function describeBooked(booked: BookedOneToOne): string {
  const time = booked.time?.trim();
  return `Booked for ${shortDate(booked.date)}${time ? ` at ${time}` : ''}`;
}

/** An induction's progress in words: how much is done, and which required items are missing, if any. */
export interface InductionSummary {
  /** "7 of 12 done", or "Not started" before the checklist exists. */
  readonly progress: string;
  /** "Missing: Confidentiality agreement signed, …", or null when every required item is done. */
  readonly missing: string | null;
}

/** Summarises an induction for the partners table. */
export function summariseInduction(induction: InductionProgress | null): InductionSummary {
  return {
    progress: inductionProgress(induction),
    missing: induction && induction.missingRequired.length > 0 ? `Missing: ${induction.missingRequired.join(', ')}` : null,
  };
}

/** One stage and how many people are at it. */
export interface StageCount {
  readonly stage: string;
  readonly count: number;
}

/**
 * Stage counts in pathway order, every stage present (a stage the server left out
 * counts 0). A stage this tab does not know yet is kept, after the known ones, so
 * nobody silently disappears from the summary.
 */
export function stageCountsInOrder(counts: Partial<Record<string, number>>): StageCount[] {
  const known: readonly string[] = STAGES;
  const ordered = STAGES.map((stage: Stage) => ({ stage, count: counts[stage] ?? 0 }));
  const unknown = Object.entries(counts)
    .filter(([stage]) => !known.includes(stage))
    .map(([stage, count]) => ({ stage, count: count ?? 0 }));
  return [...ordered, ...unknown];
}

/** How many people a role has, and how many of them are active: "5 people, 2 active". */
export function describePeople(counts: Partial<Record<string, number>>): string {
  const total = Object.values(counts).reduce<number>((sum, count) => sum + (count ?? 0), 0);
  const people = `${total} ${total === 1 ? 'person' : 'people'}`;
  const active = counts.Active ?? 0;
  return active > 0 ? `${people}, ${active} active` : people;
}

/** The stages that have people, in pathway order: "Interested 2, Active 1", or "Nobody yet". */
export function describeStages(counts: Partial<Record<string, number>>): string {
  const parts = stageCountsInOrder(counts)
    .filter(({ count }) => count > 0)
    .map(({ stage, count }) => `${stage} ${count}`);
  return parts.length > 0 ? parts.join(', ') : 'Nobody yet';
}
