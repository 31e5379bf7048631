import type { SelectionQuestion } from '../../../domain';

/** The field of an offer's or a "not this time"'s data holding the role's criteria as the card drew them. */
export const CRITERIA_ON_CARD = 'criteria';

const inputId = (index: number): string => `criterion${index}`;

/** The selection question as the partner card draws it: the guidance, then one choice of verdict per criterion. */
export function selectionOnCard(selection: SelectionQuestion) {
  return {
    guidance: selection.guidance,
    offerReasonLabel: selection.offerReasonLabel,
    inputs: selection.criteria.map((criterion, index) => ({
      id: inputId(index),
      label: criterion,
      choices: selection.verdicts.map((verdict) => ({ title: verdict, value: verdict })),
    })),
  };
}

/**
 * How the criteria were judged on a pressed card, by the criterion's words: each
 * criterion the card drew with the verdict picked beside it. A criterion left without
 * an answer is left out, for the use case to refuse by name; a card that drew no
 * criteria gives nothing.
 */
export function judgedOnCard(data: Readonly<Record<string, unknown>>): Record<string, unknown> | undefined {
  const drawn = data[CRITERIA_ON_CARD];
  if (!Array.isArray(drawn) || drawn.length === 0) return undefined;
  const judged: Record<string, unknown> = {};
  drawn.forEach((criterion, index) => {
    const verdict = data[inputId(index)];
    if (typeof criterion === 'string' && typeof verdict === 'string' && verdict !== '') judged[criterion] = verdict;
  });
  return judged;
}
