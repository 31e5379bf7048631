import { z } from 'zod';
import { dateIn, longDate, plusDays, plusMonths, type CalendarDate } from './calendar';
import { RefusedError } from './errors';
import type { Principal } from './principal';
import { isPaidLevel, type RoleSettings } from './role';
import {
  DAY_LENGTHS,
  EXPENSE_KINDS,
  EXPENSE_LINES_MAX_LENGTH,
  type CapPeriod,
  type Claim,
  type DayLength,
  type ExpenseKind,
  type PaymentPreference,
} from './schema/lists';

/** Who approves a submitted claim, by the organisation's choice. */
export const CLAIM_APPROVERS = ['named-contact', 'engagement-team'] as const;
export type ClaimApprover = (typeof CLAIM_APPROVERS)[number];

/** The organisation's rates and rules for claims. Amounts are in pence. */
export interface ClaimSettings {
  /** Mileage, per mile (45p a mile is a common published rate). */
  readonly mileagePencePerMile: number;
  /** The involvement payment for a half day. */
  readonly halfDayPence: number;
  /** The involvement payment for a full day. */
  readonly fullDayPence: number;
  /** `named-contact`: the partner's named contact approves, the Engagement team when there is none; `engagement-team`: the Engagement team. */
  readonly approver: ClaimApprover;
  /** A claim submitted this many days ago and not yet approved or rejected is raised with its approver. */
  readonly approvalReminderDays: number;
}

/** 45p a mile (DOMAIN.md's example rate); £75 a half day and £150 a full day; the named contact approves, reminded after 14 days. */
export const DEFAULT_CLAIM_SETTINGS: ClaimSettings = {
  mileagePencePerMile: 45,
  halfDayPence: 7500,
  fullDayPence: 15000,
  approver: 'named-contact',
  approvalReminderDays: 14,
};

/** One expense as staff enter it: mileage in miles, anything else as an amount in pence. */
export const expenseLineInput = z
  .strictObject(
    {
      kind: z.enum(EXPENSE_KINDS, { error: `Kind must be one of: ${EXPENSE_KINDS.join(', ')}.` }),
      miles: z
        .number({ error: 'Miles must be a number, such as 12.5.' })
        .positive({ error: 'Miles must be more than 0.' })
        .max(2000, { error: 'Miles must be 2,000 or fewer for one activity.' })
        .optional(),
      // Something other than a number is what a person typed that was not money (the bot and the tab turn pounds into
      // pence and pass anything else on as typed), so it is answered in pounds; a number that is not whole pence can
      // only come from a program calling the API, which sends pence.
      amountPence: z
        .number({ error: 'Amount must be in pounds, such as 4.50.' })
        .int({ error: 'Amount must be a whole number of pence, such as 450 for £4.50.' })
        .positive({ error: 'Amount must be more than 0.' })
        .max(1_000_000, { error: 'Amount must be £10,000 or less for one line.' })
        .optional(),
      receiptHeld: z.boolean({ error: 'Say whether a receipt is held (yes or no).' }),
    },
    { error: 'An expense has a kind, miles or an amount, and whether a receipt is held; nothing else.' },
  )
  .superRefine((line, context) => {
    if (line.kind === 'Mileage') {
      if (line.miles === undefined) context.addIssue({ code: 'custom', path: ['miles'], message: 'Mileage needs the number of miles.' });
      if (line.amountPence !== undefined)
        context.addIssue({
          code: 'custom',
          path: ['amountPence'],
          message: 'Mileage is claimed in miles; the amount comes from the rate.',
        });
    } else {
      if (line.amountPence === undefined)
        context.addIssue({ code: 'custom', path: ['amountPence'], message: `${line.kind} needs the amount spent.` });
      if (line.miles !== undefined) context.addIssue({ code: 'custom', path: ['miles'], message: 'Only mileage is claimed in miles.' });
    }
  });

/** One expense line as stored: with its amount at the rate of the day it was recorded. */
export interface ExpenseLine {
  readonly kind: ExpenseKind;
  readonly miles: number | null;
  readonly amountPence: number;
  readonly receiptHeld: boolean;
}

const storedLine = z.object({
  kind: z.enum(EXPENSE_KINDS),
  miles: z.number().positive().nullable(),
  amountPence: z.number().int().nonnegative(),
  receiptHeld: z.boolean(),
});

/** The most expense lines one claim holds (they are stored together in one column). */
export const MAX_EXPENSE_LINES = 20;

/** The lines with their amounts: mileage at the organisation's rate, rounded to the penny. */
export function pricedLines(lines: ReadonlyArray<z.infer<typeof expenseLineInput>>, settings: ClaimSettings): ExpenseLine[] {
  return lines.map((line) => ({
    kind: line.kind,
    miles: line.miles ?? null,
    amountPence: line.kind === 'Mileage' ? Math.round((line.miles ?? 0) * settings.mileagePencePerMile) : (line.amountPence ?? 0),
    receiptHeld: line.receiptHeld,
  }));
}

/** The lines as the claim's `expenseLines` column holds them (null for none). */
export function storedExpenseLines(lines: readonly ExpenseLine[]): string | null {
  if (lines.length === 0) return null;
  const json = JSON.stringify(lines);
  if (json.length > EXPENSE_LINES_MAX_LENGTH) throw new Error('expense lines longer than the column: MAX_EXPENSE_LINES is too high');
  return json;
}

/** A claim's expense lines, read back from its column (lines that do not parse are a store fault, not the person's). */
export function expenseLinesOf(claim: Pick<Claim, 'expenseLines'>): ExpenseLine[] {
  if (!claim.expenseLines) return [];
  return z.array(storedLine).parse(JSON.parse(claim.expenseLines));
}

/**
 * The involvement payment for an activity, in pence: none where no day length is
 * given or the partner declines payment; refused where the role's level is not paid
 * under the organisation's rule.
 */
export function paymentFor(
  dayLength: DayLength | null,
  level: number | null,
  declined: boolean,
  settings: ClaimSettings & Pick<RoleSettings, 'paidLevels'>,
): number {
  if (dayLength === null) return 0;
  if (!isPaidLevel(level, settings)) {
    throw new RefusedError('role-not-paid', `${notPaid(level)} Leave out the half or full day and claim the expenses only.`);
  }
  if (declined) return 0;
  return dayLength === 'Half day' ? settings.halfDayPence : settings.fullDayPence;
}

/** Years an erased partner's claim is kept after the end of the financial year it relates to: HMRC asks for six. */
export const CLAIM_RECORD_YEARS = 6;

/** The last day of the financial year (1 April to 31 March, the NHS's accounting year) a date falls in. */
export function financialYearEnd(date: CalendarDate): CalendarDate {
  const year = Number(date.slice(0, 4));
  return date >= `${year}-04-01` ? `${year + 1}-03-31` : `${year}-03-31`;
}

/**
 * The last day an erased partner's claim is kept as a financial record: six years
 * after the end of the financial year of its last step (the activity, the approval
 * or rejection, or the export for payment, whichever came last), so a payment made
 * in the year after the activity is kept for that year's six. The retention
 * schedule deletes the claim the day after.
 */
export function claimRecordKeptUntil(claim: Pick<Claim, 'activityDate' | 'decidedAt' | 'paidAt'>, timeZone: string): CalendarDate {
  const steps = [claim.decidedAt, claim.paidAt].flatMap((at) => (at ? [dateIn(timeZone, at)] : []));
  const last = [claim.activityDate, ...steps].sort().at(-1) as CalendarDate;
  return plusMonths(financialYearEnd(last), CLAIM_RECORD_YEARS * 12);
}

/** "Level 2 roles are not paid under your organisation's rules." */
function notPaid(level: number | null): string {
  return `${level === null ? 'This role has no involvement level, so it is' : `Level ${level} roles are`} not paid under your organisation's rules.`;
}

/** What a claim for a partner in a role may hold, for a form to offer: the day lengths paid (none where the level is not) and sentences saying what is paid. */
export interface ClaimOffer {
  /** Half or full day, where the role's level is paid; empty where it is not. */
  readonly dayLengths: readonly DayLength[];
  /** What a half or full day pays, or why there is no payment. */
  readonly paymentNote: string;
  /** How expenses are claimed, with the mileage rate. */
  readonly expensesNote: string;
}

/** What a claim may hold for a role at `level`, the partner declining payment or not (see {@link paymentFor}, which decides the same). */
export function claimOffer(
  level: number | null,
  declined: boolean,
  settings: ClaimSettings & Pick<RoleSettings, 'paidLevels'>,
): ClaimOffer {
  const expensesNote = `Mileage is claimed in miles, at ${settings.mileagePencePerMile}p a mile; other expenses as the amount spent.`;
  if (!isPaidLevel(level, settings)) return { dayLengths: [], paymentNote: `${notPaid(level)} Claim the expenses only.`, expensesNote };
  return {
    dayLengths: DAY_LENGTHS,
    paymentNote: declined
      ? 'They decline involvement payments, so a half or full day is recorded with no payment.'
      : `A half day is paid ${pounds(settings.halfDayPence)} and a full day ${pounds(settings.fullDayPence)}.`,
    expensesNote,
  };
}

/**
 * The partner's choices about payment in words, as true for a role at `level`: in a
 * paid role, whether they take involvement payments and their cap ("Takes involvement
 * payments. No cap."); in a role that is not paid, that only expenses are claimed,
 * and what they chose for paid roles.
 */
export function paymentChoicesInWords(
  preferences: Pick<PaymentPreference, 'declinesPayment' | 'capPence' | 'capPeriod'> | null,
  level: number | null,
  settings: Pick<RoleSettings, 'paidLevels'>,
): string {
  const capped = preferences && preferences.capPence !== null && preferences.capPeriod !== null;
  const cap = capped ? `${pounds(preferences.capPence ?? 0)} per ${preferences.capPeriod?.toLowerCase()}` : null;
  if (!isPaidLevel(level, settings)) {
    const unpaid = `${notPaid(level)} Only expenses are claimed in it.`;
    if (!preferences) return unpaid;
    const choice = preferences.declinesPayment ? 'decline involvement payments' : 'take involvement payments';
    return `${unpaid} In a paid role they ${choice}, ${cap ? `with a cap of ${cap}` : 'with no cap'}.`;
  }
  if (!preferences) return 'No choices recorded: paid at the organisation’s rates, with no cap.';
  return `${preferences.declinesPayment ? 'Declines involvement payments.' : 'Takes involvement payments.'} ${cap ? `Cap: ${cap}.` : 'No cap.'}`;
}

/** Pence as pounds: `£1,234.50`. */
export function pounds(pence: number): string {
  return `£${(pence / 100).toLocaleString('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

/** One expense line in words: "Mileage: 12 miles, £5.40, receipt held" or "Parking: £4.50, no receipt". */
export function expenseWords(line: ExpenseLine): string {
  const miles = line.miles === null ? '' : `${line.miles.toLocaleString('en-GB')} ${line.miles === 1 ? 'mile' : 'miles'}, `;
  return `${line.kind}: ${miles}${pounds(line.amountPence)}, ${line.receiptHeld ? 'receipt held' : 'no receipt'}`;
}

/** The first and last day of the cap period a date falls in: a week from Monday, a calendar month, or a UK tax year (6 April to 5 April). */
export function capPeriodOf(date: CalendarDate, period: CapPeriod): { readonly from: CalendarDate; readonly to: CalendarDate } {
  const [year, month] = date.split('-').map(Number) as [number, number];
  if (period === 'Week') {
    const weekday = (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7;
    const from = plusDays(date, -weekday);
    return { from, to: plusDays(from, 6) };
  }
  if (period === 'Month') {
    const from = `${date.slice(0, 7)}-01`;
    const next = month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`;
    return { from, to: plusDays(next, -1) };
  }
  const start = date >= `${year}-04-06` ? year : year - 1;
  return { from: `${start}-04-06`, to: `${start + 1}-04-05` };
}

/** The cap period in words: "the week beginning Monday 9 March 2026", "March 2026", "the 2025 to 2026 tax year". */
function periodWords(period: CapPeriod, from: CalendarDate, to: CalendarDate): string {
  if (period === 'Week') return `the week beginning ${longDate(from)}`;
  if (period === 'Month')
    return new Date(`${from}T00:00:00Z`).toLocaleDateString('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });
  return `the ${from.slice(0, 4)} to ${to.slice(0, 4)} tax year`;
}

/** How far a claim's payment would take the partner in the cap period its activity falls in, when that is over their cap; null when it is not. */
export interface CapExcess {
  readonly capPence: number;
  readonly totalPence: number;
  readonly period: CapPeriod;
  readonly from: CalendarDate;
  readonly to: CalendarDate;
}

type CapClaim = Pick<Claim, 'id' | 'status' | 'activityDate' | 'paymentPence'>;

/**
 * Whether approving the claim would take the partner over the cap they set for the
 * period its activity falls in, counting the payments already approved or paid in
 * that period; null when they set no cap or it stays within it.
 */
export function capExceeded(claim: CapClaim, choice: PaymentPreference | undefined, others: readonly CapClaim[]): CapExcess | null {
  if (!choice || choice.capPence === null || choice.capPeriod === null || claim.paymentPence === 0) return null;
  const { from, to } = capPeriodOf(claim.activityDate, choice.capPeriod);
  const already = others
    .filter((other) => other.id !== claim.id && (other.status === 'Approved' || other.status === 'Paid'))
    .filter((other) => other.activityDate >= from && other.activityDate <= to)
    .reduce((sum, other) => sum + other.paymentPence, 0);
  const totalPence = already + claim.paymentPence;
  return totalPence > choice.capPence ? { capPence: choice.capPence, totalPence, period: choice.capPeriod, from, to } : null;
}

/**
 * Refuses approval of a claim that would take the partner over their cap (see
 * {@link capExceeded}) with a sentence saying by how much and what can be done.
 */
export function checkCap(claim: CapClaim, choice: PaymentPreference | undefined, others: readonly CapClaim[], partnerName: string): void {
  const excess = capExceeded(claim, choice, others);
  if (!excess) return;
  throw new RefusedError(
    'over-cap',
    `Approving this claim would bring ${partnerName}'s involvement payments in ${periodWords(excess.period, excess.from, excess.to)} to ${pounds(excess.totalPence)}, over the ${pounds(excess.capPence)} cap they set. Reject the claim, or ask the Engagement team to record that ${partnerName} has had independent benefits advice and chooses to go over.`,
    { capPence: excess.capPence, totalPence: excess.totalPence, from: excess.from, to: excess.to },
  );
}

/**
 * Who is to approve a claim submitted by `submitter`: the named contact (under the
 * `named-contact` rule), unless they are the submitter or there is none, when the
 * Engagement team approves. Null stands for the Engagement team.
 */
export function approverFor(
  submitter: Principal,
  namedContact: { readonly id: string | null; readonly name: string | null },
  settings: ClaimSettings,
): { readonly id: string; readonly name: string } | null {
  if (settings.approver === 'engagement-team' || !namedContact.id || namedContact.id === submitter.id) return null;
  return { id: namedContact.id, name: namedContact.name ?? namedContact.id };
}

/** Who may approve or reject a submitted claim, as a sentence: its approver, if it names one, and the Engagement team. */
export function approversOf(claim: Pick<Claim, 'approverId' | 'approverName'>): string {
  return claim.approverId
    ? `${claim.approverName ?? 'The named contact'} or the Engagement team can approve or reject it.`
    : 'The Engagement team can approve or reject it.';
}

/**
 * Refuses a decision on a claim by anyone but its approver: never the person who
 * submitted it; the approver named on it, or the Engagement team (who approve any
 * claim, and those with no named approver).
 */
export function checkApprover(
  claim: Pick<Claim, 'submittedById' | 'approverId' | 'approverName'>,
  actor: Principal,
  engagementTeam: boolean,
): void {
  if (claim.submittedById === actor.id) {
    throw new RefusedError(
      'own-claim',
      'You submitted this claim, so someone else must approve or reject it: ' +
        (claim.approverId && claim.approverId !== actor.id
          ? `${claim.approverName ?? 'the named contact'} or the Engagement team.`
          : 'the Engagement team.'),
    );
  }
  if (engagementTeam || (claim.approverId !== null && claim.approverId === actor.id)) return;
  throw new RefusedError(
    'not-the-approver',
    `Only ${claim.approverId ? `${claim.approverName ?? 'the named contact'} or ` : ''}the Engagement team can approve or reject this claim.`,
  );
}

/** Told of a claim once its submission is committed, by whom; must not throw, and is not awaited. */
export type ClaimSubmittedListener = (submitter: Principal, claim: Claim) => void;

/**
 * Where submitted claims are announced to whoever tells their approvers (the bot, which
 * is built after the service): shared by a service and its copies for each turn, so a
 * claim submitted from the tab or in chat is announced alike. It holds one listener (one
 * bot per service); a later {@link ClaimSubmissions.listen} replaces it. Telling nobody
 * never fails a submission.
 */
export class ClaimSubmissions {
  private listener: ClaimSubmittedListener | undefined;

  listen(listener: ClaimSubmittedListener): void {
    this.listener = listener;
  }

  submitted(submitter: Principal, claim: Claim): void {
    this.listener?.(submitter, claim);
  }
}
