import type { Claim, ClaimLine, ExpenseLine, PaymentPreference } from '../api/types';

type ExpenseKind = ExpenseLine['kind'];
type DayLength = NonNullable<Claim['dayLength']>;
type CapPeriod = NonNullable<PaymentPreference['capPeriod']>;

/** Pence as pounds, as the server writes them: `£1,234.50`. */
export function pounds(pence: number): string {
  return `£${(pence / 100).toLocaleString('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

/** Each kind of expense the server takes: a kind added to the domain fails the typecheck here until it is offered. */
const EXPENSE_KIND_ORDER: Record<ExpenseKind, number> = { Mileage: 0, Parking: 1, 'Public transport': 2, 'Care costs': 3, Other: 4 };

/** The kinds of expense, in the order the form offers them. */
export const EXPENSE_KINDS = (Object.keys(EXPENSE_KIND_ORDER) as ExpenseKind[]).sort(
  (a, b) => EXPENSE_KIND_ORDER[a] - EXPENSE_KIND_ORDER[b],
);

/** The lengths of paid involvement a claim can be for. */
export const DAY_LENGTHS = Object.keys({ 'Half day': true, 'Full day': true } satisfies Record<DayLength, true>) as DayLength[];

/** The periods a partner's cap can be set for. */
export const CAP_PERIODS = Object.keys({ Week: true, Month: true, 'Tax year': true } satisfies Record<CapPeriod, true>) as CapPeriod[];

/** A claim's expense lines in words: "Mileage, 12.5 miles, £5.63; Parking, £4.50, receipt held". */
export function expenseWords(line: ClaimLine): string {
  return line.lines
    .map((expense) =>
      [
        expense.kind,
        expense.miles === null ? null : `${expense.miles} miles`,
        pounds(expense.amountPence),
        expense.receiptHeld ? 'receipt held' : 'no receipt',
      ]
        .filter((part) => part !== null)
        .join(', '),
    )
    .join('; ');
}

/** Whole days from one calendar date to another. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to.slice(0, 10)}T00:00:00Z`) - Date.parse(`${from.slice(0, 10)}T00:00:00Z`)) / 86_400_000);
}
