import { z } from 'zod';
import {
  approverFor,
  checkApprover,
  capExceeded,
  checkCap,
  claimOffer,
  DEFAULT_CLAIM_SETTINGS,
  expenseLineInput,
  expenseLinesOf,
  MAX_EXPENSE_LINES,
  paymentChoicesInWords,
  paymentFor,
  pricedLines,
  storedExpenseLines,
  type ClaimOffer,
  type ClaimSettings,
  type ClaimSubmittedListener,
  type ExpenseLine,
} from '../claims';
import { spreadsheetCsv } from '../csv';
import { DomainError, RefusedError, ValidationError } from '../errors';
import { isPaidLevel } from '../role';
import { refuseIfErased } from '../personal-data';
import type { Principal } from '../principal';
import { validationErrorOf } from '../schema/validate';
import {
  isPlainObject,
  CAP_PERIODS,
  claims,
  type Claim,
  type ClaimStatus,
  type DayLength,
  type Involvement,
  type PaymentPreference,
} from '../schema/lists';
import { AccessPolicy } from './access';
import { byId, displayName, found, idempotencyKey, itemRef, newKey, parseInput, titlesOf, UseCaseContext } from './context';

const dateField = claims.fields.activityDate;

const createInput = z
  .object({
    involvementId: itemRef.id,
    key: idempotencyKey,
    activityDate: dateField,
    description: claims.fields.description,
    dayLength: claims.fields.dayLength.optional(),
    /** Checked line by line in {@link parseWithLines}. */
    expenses: z.array(expenseLineInput).default([]),
  })
  .strict();

const claimRef = { claimId: itemRef.id, version: itemRef.version, key: idempotencyKey };
const submitInput = z.object(claimRef).strict();
/** What a change to a Draft may set: each field left out stays as it is; `expenses`, when given, replaces every line. */
const editInput = z
  .object({
    ...claimRef,
    activityDate: dateField.optional(),
    description: claims.fields.description.optional(),
    dayLength: claims.fields.dayLength.optional(),
    /** Checked line by line in {@link parseWithLines}. */
    expenses: z.array(expenseLineInput).optional(),
  })
  .strict();
const withdrawInput = z.object(claimRef).strict();
const approveInput = z
  .object({
    ...claimRef,
    /** The Engagement team records that the partner has had independent benefits advice and chooses to go over their cap. */
    adviceHadAndGoesOverCap: z.boolean().optional(),
  })
  .strict();
const rejectInput = z
  .object({
    ...claimRef,
    reason: z.string().trim().min(1).max(1000),
  })
  .strict();

const preferencesInput = z
  .object({
    partnerId: itemRef.id,
    key: idempotencyKey,
    declinesPayment: z.boolean({ error: 'Say whether the partner declines involvement payments (yes or no).' }),
    capPence: z
      .number({ error: 'The cap must be a whole number of pence, such as 50000 for £500.' })
      .int({ error: 'The cap must be a whole number of pence, such as 50000 for £500.' })
      .min(0, { error: 'The cap cannot be less than 0.' })
      .max(10_000_000, { error: 'The cap must be £100,000 or less.' })
      .nullable()
      .default(null),
    capPeriod: z
      .enum(CAP_PERIODS, { error: `The cap period must be one of: ${CAP_PERIODS.join(', ')}.` })
      .nullable()
      .default(null),
  })
  .strict()
  .refine((input) => (input.capPence === null) === (input.capPeriod === null), {
    error: 'A cap needs both an amount and a period (week, month or tax year); leave both out for no cap.',
    path: ['capPeriod'],
  });

const exportInput = z
  .object({ from: dateField, to: dateField, key: idempotencyKey })
  .strict()
  .refine((input) => input.from <= input.to, { error: 'The period must end on or after the day it starts.', path: ['to'] });

/**
 * A create or edit input, each expense line checked on its own so that a message
 * names the line ("Expense 2: Mileage needs the number of miles."); the line
 * schema's own sentences are used as they are, since each says what to enter.
 */
function parseWithLines<S extends typeof createInput | typeof editInput>(schema: S, input: unknown): z.infer<S> {
  const { expenses, ...rest }: Record<string, unknown> = isPlainObject(input) ? input : {};
  const raw: unknown[] = Array.isArray(expenses) ? expenses : [];
  const fields: Record<string, string> = {};
  let head: z.infer<S> | undefined;
  try {
    // The lines are checked below, one by one; an expenses field that is not a list is the schema's to refuse.
    head = parseInput(schema as z.ZodType, { ...rest, expenses: Array.isArray(expenses) ? [] : expenses }, TITLES) as z.infer<S>;
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    Object.assign(fields, error.fields);
  }
  if (raw.length > MAX_EXPENSE_LINES)
    fields.expenses = `A claim holds at most ${MAX_EXPENSE_LINES} expense lines; record the rest as a second claim.`;
  const lines = raw.map((line, index) => {
    const parsed = expenseLineInput.safeParse(line);
    for (const issue of parsed.error?.issues ?? []) {
      const message = issue.code === 'unrecognized_keys' ? `${issue.keys.join(', ')} cannot be set on an expense.` : issue.message;
      fields[['expenses', index, ...issue.path].map(String).join('.')] ??= `Expense ${index + 1}: ${message}`;
    }
    return parsed.data;
  });
  if (!head || Object.keys(fields).length > 0) throw validationErrorOf(fields);
  return Array.isArray(expenses) ? { ...head, expenses: lines as Array<z.infer<typeof expenseLineInput>> } : head;
}

const TITLES = titlesOf('claims', {
  involvementId: 'Involvement',
  claimId: 'Claim',
  version: 'Version',
  expenses: 'Expenses',
  reason: 'Reason',
  partnerId: 'Partner',
  declinesPayment: 'Declines payment',
  capPence: 'Cap',
  capPeriod: 'Cap period',
  from: 'From',
  to: 'To',
});

/** A claim as the Payments view and the bot show it: with its partner's name and its lines read back. */
export interface ClaimLine {
  readonly claim: Claim;
  readonly partnerName: string;
  readonly lines: readonly ExpenseLine[];
}

/** One partner's claims in one role, with their choices about payment, as the partner panel shows them. */
export interface PartnerClaims {
  /** The claims for this involvement, newest activity first. */
  readonly claims: readonly ClaimLine[];
  /** Their choices about payment (to decline it, a cap per period), or null if none were recorded. */
  readonly preferences: PaymentPreference | null;
  /** Whether the role's involvement level is paid under the organisation's rule, so a half or full day can be claimed. */
  readonly paidRole: boolean;
  /** Their choices about payment in words, as true for this role (see {@link paymentChoicesInWords}). */
  readonly choicesInWords: string;
}

/** What a finance export gives: the CSV, and the claims it marked Paid. */
export interface FinanceExport {
  readonly fileName: string;
  /** Involvement payments first (they go through payroll), then expenses; one row per payment and per expense line. */
  readonly csv: string;
  readonly claimsPaid: number;
  readonly paymentsPence: number;
  readonly expensesPence: number;
}

const CSV_HEADER = [
  'Type',
  'Claim',
  'Partner',
  'Partner id',
  'Activity date',
  'What it was',
  'Half or full day',
  'Expense',
  'Miles',
  'Receipt held',
  'Amount (GBP)',
  'Approved by',
  'Approved at',
];

const poundsOnly = (pence: number) => (pence / 100).toFixed(2);

/**
 * Claims for involvement payments and expenses: recorded by staff for a partner,
 * submitted, approved (never by the person who submitted them) or rejected, and
 * exported to finance, which marks them Paid.
 */
export class ClaimUseCases {
  constructor(private readonly ctx: UseCaseContext) {}

  private get settings(): ClaimSettings & { readonly paidLevels: readonly number[] } {
    return { ...(this.ctx.settings.claims ?? DEFAULT_CLAIM_SETTINGS), paidLevels: this.ctx.settings.paidLevels };
  }

  /**
   * Records a claim as a Draft: the payment at the organisation's rate for a half or
   * full day (none if the role's level is unpaid, which is refused, or the partner
   * declines payment) and each expense line, mileage at the rate per mile.
   */
  async create(actor: Principal, input: unknown): Promise<Claim> {
    const parsed = parseWithLines(createInput, input);
    const involvement = await this.ctx.loadOwned(actor, 'involvements', parsed.involvementId);
    const details = await this.priced(involvement, {
      activityDate: parsed.activityDate,
      description: parsed.description,
      dayLength: parsed.dayLength ?? null,
      expenses: parsed.expenses,
    });
    return this.ctx.commitFirst<'claims'>(actor, [
      {
        op: 'create',
        list: 'claims',
        key: parsed.key ?? newKey(),
        summary: 'Claim recorded',
        values: {
          involvementId: involvement.id,
          workstreamId: involvement.workstreamId,
          partnerId: involvement.partnerId,
          status: 'Draft',
          ...details,
          recordedBy: actor.name,
          submittedById: null,
          submittedBy: null,
          submittedAt: null,
          approverId: null,
          approverName: null,
          decidedBy: null,
          decidedAt: null,
          rejectionReason: null,
          overCapAgreedBy: null,
          paidBy: null,
          paidAt: null,
        },
      },
    ]);
  }

  /**
   * Changes a Draft: its date, what it was, the half or full day and the expense
   * lines, checked as a new claim is and priced again at the organisation's rates
   * today (nothing was approved at the old ones). Anyone who may record a claim for
   * the partner may change it, as a Draft is staff's working copy before anyone
   * answers for it; once Submitted it is refused, and a stale version is refused
   * rather than saved over someone else's change. A change to the values it already
   * holds writes nothing and answers the claim as it is.
   */
  async edit(actor: Principal, input: unknown): Promise<Claim> {
    const { claimId, version, key, ...changes } = parseWithLines(editInput, input);
    return this.ctx.repeatable(
      key,
      async () => {
        const claim = await this.draft(actor, claimId, 'changed');
        const details = await this.priced(await this.ctx.load('involvements', claim.involvementId), {
          activityDate: changes.activityDate ?? claim.activityDate,
          description: changes.description ?? claim.description,
          dayLength: changes.dayLength === undefined ? claim.dayLength : changes.dayLength,
          expenses: changes.expenses ?? expenseLinesOf(claim).map(asInput),
        });
        // Nothing to change (the same values, priced the same): the claim as it is, with no write and no audit entry.
        const unchanged = (Object.keys(details) as Array<keyof typeof details>).every((field) => details[field] === claim[field]);
        if (unchanged && version === claim.version) return claim;
        return this.update(actor, claim, version, key, 'Draft claim changed', details);
      },
      () => this.ctx.loadOwned(actor, 'claims', claimId),
    );
  }

  /**
   * Withdraws a Draft: the claim is deleted, which the audit trail records. The same
   * people who may change a Draft may withdraw it; once Submitted it is refused. A
   * repeat of a withdrawal already made (the same key) answers as the first did.
   */
  async withdraw(actor: Principal, input: unknown): Promise<void> {
    const { claimId, version, key } = parseInput(withdrawInput, input, TITLES);
    try {
      await this.draft(actor, claimId, 'withdrawn');
      await this.ctx.store.commit(
        [{ op: 'delete', list: 'claims', id: claimId, version, summary: 'Draft claim withdrawn' }],
        this.ctx.commitContext(actor, key),
      );
    } catch (error) {
      if (key === undefined || !(error instanceof DomainError)) throw error;
      const done = await this.ctx.store.find({
        list: 'activity',
        where: { operation: key, list: 'claims', itemId: claimId, actorId: actor.id },
      });
      if (done.length === 0) throw error;
    }
  }

  /**
   * Has `listener` told of each claim submitted from now on, in chat or the tab, once
   * the submission is committed (see {@link ClaimSubmissions}); it replaces any earlier one.
   */
  whenSubmitted(listener: ClaimSubmittedListener): void {
    this.ctx.deps.claimSubmissions?.listen(listener);
  }

  /**
   * Submits a Draft for approval, to the named contact or the Engagement team by the
   * organisation's rule (never to the submitter), and announces it (see {@link whenSubmitted}).
   */
  async submit(actor: Principal, input: unknown): Promise<Claim> {
    const { claimId, version, key } = parseInput(submitInput, input, TITLES);
    return this.ctx.repeatable(
      key,
      async () => {
        const claim = await this.inStatus(actor, claimId, 'Draft', 'submitted');
        const involvement = await this.ctx.load('involvements', claim.involvementId);
        const approver = approverFor(actor, { id: involvement.ownerId, name: involvement.ownerName }, this.settings);
        const submitted = await this.update(actor, claim, version, key, 'Claim submitted for approval', {
          status: 'Submitted',
          submittedById: actor.id,
          submittedBy: actor.name,
          submittedAt: this.ctx.nowIso(),
          approverId: approver?.id ?? null,
          approverName: approver?.name ?? null,
        });
        this.ctx.deps.claimSubmissions?.submitted(actor, submitted);
        return submitted;
      },
      () => this.ctx.loadOwned(actor, 'claims', claimId),
    );
  }

  /**
   * Approves a submitted claim: by its approver or the Engagement team, never by the
   * person who submitted it, and not over the partner's cap unless the Engagement team
   * records that the partner has had advice and chooses to go over.
   */
  async approve(actor: Principal, input: unknown): Promise<Claim> {
    const { claimId, version, key, adviceHadAndGoesOverCap } = parseInput(approveInput, input, TITLES);
    return this.ctx.repeatable(
      key,
      async () => {
        const { claim, engagementTeam } = await this.decidable(actor, claimId);
        if (adviceHadAndGoesOverCap && !engagementTeam) {
          throw new RefusedError(
            'engagement-team-only',
            'Only the Engagement team can record that a partner has had benefits advice and chooses to go over their cap. Approve without it, or ask them.',
          );
        }
        const [partners, [choice], others] = await this.ctx.store.findAll([
          byId('partners', claim.partnerId),
          { list: 'paymentPreferences', where: { partnerId: claim.partnerId }, top: 1 },
          { list: 'claims', where: { partnerId: claim.partnerId, status: ['Approved', 'Paid'] } },
        ] as const);
        const partner = found('partners', partners, claim.partnerId);
        const overCap = capExceeded(claim, choice, others) !== null;
        if (!adviceHadAndGoesOverCap) checkCap(claim, choice, others, displayName(partner));
        return this.update(
          actor,
          claim,
          version,
          key,
          overCap ? "Claim approved over the partner's cap: they had benefits advice and chose to go over" : 'Claim approved',
          { status: 'Approved', decidedBy: actor.name, decidedAt: this.ctx.nowIso(), overCapAgreedBy: overCap ? actor.name : null },
        );
      },
      () => this.ctx.loadOwned(actor, 'claims', claimId),
    );
  }

  /** Rejects a submitted claim with a reason, by the same people who may approve it. */
  async reject(actor: Principal, input: unknown): Promise<Claim> {
    const { claimId, version, key, reason } = parseInput(rejectInput, input, TITLES);
    return this.ctx.repeatable(
      key,
      async () => {
        const { claim } = await this.decidable(actor, claimId);
        return this.update(actor, claim, version, key, 'Claim rejected', {
          status: 'Rejected',
          decidedBy: actor.name,
          decidedAt: this.ctx.nowIso(),
          rejectionReason: reason,
        });
      },
      () => this.ctx.loadOwned(actor, 'claims', claimId),
    );
  }

  /** The partner's choices about payment: to decline it, and a cap per period; set by staff who work with them. */
  async setPaymentPreferences(actor: Principal, input: unknown): Promise<PaymentPreference> {
    const { partnerId, key, declinesPayment, capPence, capPeriod } = parseInput(preferencesInput, input, TITLES);
    refuseIfErased(await this.ctx.loadPartner(actor, partnerId));
    const [existing] = await this.ctx.store.find({ list: 'paymentPreferences', where: { partnerId }, top: 1 });
    const values = { declinesPayment, capPence, capPeriod };
    return this.ctx.commitFirst<'paymentPreferences'>(
      actor,
      [
        existing
          ? {
              op: 'update',
              list: 'paymentPreferences',
              id: existing.id,
              version: existing.version,
              values,
              summary: 'Payment preferences changed',
            }
          : {
              op: 'create',
              list: 'paymentPreferences',
              key: key ?? newKey(),
              values: { partnerId, ...values },
              summary: 'Payment preferences recorded',
            },
      ],
      key,
    );
  }

  /**
   * What a claim for this partner in this role may hold, for a form to offer before
   * anything is recorded: their name, and {@link claimOffer} (no half or full day
   * where the role's level is not paid). For the workstream's members and the Engagement team.
   */
  async offerFor(
    actor: Principal,
    involvementId: number,
  ): Promise<ClaimOffer & { readonly partnerName: string; readonly roleTitle: string; readonly workstreamId: number }> {
    const involvement = await this.ctx.loadOwned(actor, 'involvements', involvementId);
    const [[role], partners, [choice]] = await this.ctx.store.findAll([
      byId('roles', involvement.roleId),
      byId('partners', involvement.partnerId),
      { list: 'paymentPreferences', where: { partnerId: involvement.partnerId }, top: 1 },
    ] as const);
    const partner = found('partners', partners, involvement.partnerId);
    refuseIfErased(partner);
    return {
      partnerName: displayName(partner),
      roleTitle: role?.title ?? '',
      workstreamId: involvement.workstreamId,
      ...claimOffer(role?.level ?? null, choice?.declinesPayment === true, this.settings),
    };
  }

  /** One claim with its partner's name and its lines, for its workstream's members and the Engagement team. */
  async one(actor: Principal, claimId: number): Promise<ClaimLine> {
    const claim = await this.ctx.loadOwned(actor, 'claims', claimId);
    const [partner] = await this.ctx.store.find(byId('partners', claim.partnerId));
    return { claim, partnerName: partner ? displayName(partner) : '', lines: expenseLinesOf(claim) };
  }

  /** A workstream's claims, newest activity first: for its members and the Engagement team. */
  async forWorkstream(actor: Principal, workstreamId: number): Promise<ClaimLine[]> {
    const {
      answers: [found],
    } = await this.ctx.loadWorkstreamWith(actor, workstreamId, [
      { list: 'claims', where: { workstreamId }, orderBy: [{ field: 'activityDate', descending: true }] },
    ] as const);
    const people = await this.ctx.store.find({ list: 'partners', where: { id: [...new Set(found.map((claim) => claim.partnerId))] } });
    return found.map((claim) => {
      const partner = people.find((person) => person.id === claim.partnerId);
      return { claim, partnerName: partner ? displayName(partner) : '', lines: expenseLinesOf(claim) };
    });
  }

  /** One involvement's claims, the partner's payment choices and whether the role is paid: for the workstream's members and the Engagement team. */
  async forInvolvement(actor: Principal, involvementId: number): Promise<PartnerClaims> {
    const {
      item: involvement,
      answers: [held],
    } = await this.ctx.loadOwnedWith(actor, 'involvements', involvementId, [
      { list: 'claims', where: { involvementId }, orderBy: [{ field: 'activityDate', descending: true }] },
    ] as const);
    const [partners, roles, [preferences]] = await this.ctx.store.findAll([
      byId('partners', involvement.partnerId),
      byId('roles', involvement.roleId),
      { list: 'paymentPreferences', where: { partnerId: involvement.partnerId }, top: 1 },
    ] as const);
    const partnerName = displayName(found('partners', partners, involvement.partnerId));
    const level = roles[0]?.level ?? null;
    return {
      claims: held.map((claim) => ({ claim, partnerName, lines: expenseLinesOf(claim) })),
      preferences: preferences ?? null,
      paidRole: isPaidLevel(level, this.settings),
      choicesInWords: paymentChoicesInWords(preferences ?? null, level, this.settings),
    };
  }

  /**
   * The approved claims whose activity falls in a period, as CSV for finance
   * (involvement payments apart from expenses, since payments go through payroll),
   * each claim marked Paid in the same commit. Engagement team only; audited.
   */
  async financeExport(actor: Principal, input: unknown): Promise<FinanceExport> {
    const { from, to, key } = parseInput(exportInput, input, TITLES);
    await this.ctx.access.requireEngagementTeam(actor, 'export claims to finance');
    const approved = await this.ctx.store.find({
      list: 'claims',
      where: { status: 'Approved', activityDate: { gte: from, lte: to } },
      orderBy: [{ field: 'activityDate' }],
    });
    const people = await this.ctx.store.find({ list: 'partners', where: { id: [...new Set(approved.map((claim) => claim.partnerId))] } });
    const nameOf = (claim: Claim) => people.find((person) => person.id === claim.partnerId)?.fullName ?? '';
    const common = (claim: Claim) => [claim.id, nameOf(claim), claim.partnerId, claim.activityDate, claim.description];
    const decided = (claim: Claim) => [claim.decidedBy, claim.decidedAt];
    const payments = approved
      .filter((claim) => claim.paymentPence > 0)
      .map((claim) => [
        'Involvement payment',
        ...common(claim),
        claim.dayLength,
        null,
        null,
        null,
        poundsOnly(claim.paymentPence),
        ...decided(claim),
      ]);
    const expenses = approved.flatMap((claim) =>
      expenseLinesOf(claim).map((line) => [
        'Expense',
        ...common(claim),
        null,
        line.kind,
        line.miles,
        line.receiptHeld ? 'yes' : 'no',
        poundsOnly(line.amountPence),
        ...decided(claim),
      ]),
    );
    const paidAt = this.ctx.nowIso();
    if (approved.length > 0) {
      await this.ctx.store.commit(
        approved.map((claim) => ({
          op: 'update' as const,
          list: 'claims' as const,
          id: claim.id,
          version: claim.version,
          values: { status: 'Paid' as const, paidBy: actor.name, paidAt },
          summary: `Claim exported to finance for ${from} to ${to} and marked Paid`,
        })),
        this.ctx.commitContext(actor, key),
      );
    }
    return {
      fileName: `claims-${from}-to-${to}.csv`,
      csv: spreadsheetCsv([CSV_HEADER, ...payments, ...expenses], 'windows'),
      claimsPaid: approved.length,
      paymentsPence: approved.reduce((sum, claim) => sum + claim.paymentPence, 0),
      expensesPence: approved.reduce((sum, claim) => sum + claim.expensesPence, 0),
    };
  }

  /**
   * A claim's date, description, payment and expense lines, checked and priced as
   * when it is recorded: the partner not erased, the activity not in the future, the
   * half or full day only for a paid level (none if the partner declines payment),
   * mileage at the rate per mile, and something to claim.
   */
  private async priced(
    involvement: Involvement,
    details: {
      readonly activityDate: string;
      readonly description: string;
      readonly dayLength: DayLength | null;
      readonly expenses: ReadonlyArray<z.infer<typeof expenseLineInput>>;
    },
  ): Promise<
    Pick<Claim, 'activityDate' | 'description' | 'dayLength' | 'paymentDeclined' | 'paymentPence' | 'expensesPence' | 'expenseLines'>
  > {
    const [[role], partners, [choice]] = await this.ctx.store.findAll([
      byId('roles', involvement.roleId),
      byId('partners', involvement.partnerId),
      { list: 'paymentPreferences', where: { partnerId: involvement.partnerId }, top: 1 },
    ] as const);
    refuseIfErased(found('partners', partners, involvement.partnerId));
    if (details.activityDate > this.ctx.today())
      throw new RefusedError('date-in-future', 'A claim is for an activity that has happened: the activity date cannot be after today.');
    const { dayLength } = details;
    const declined = choice?.declinesPayment === true && dayLength !== null;
    const paymentPence = paymentFor(dayLength, role?.level ?? null, declined, this.settings);
    const lines = pricedLines(details.expenses, this.settings);
    if (dayLength === null && lines.length === 0)
      throw new RefusedError('empty-claim', 'A claim needs a half or full day of paid involvement, or at least one expense.');
    return {
      activityDate: details.activityDate,
      description: details.description,
      dayLength,
      paymentDeclined: declined,
      paymentPence,
      expensesPence: lines.reduce((sum, line) => sum + line.amountPence, 0),
      expenseLines: storedExpenseLines(lines),
    };
  }

  /** A Draft the person may see; any other status is refused, saying what can be done instead. */
  private async draft(actor: Principal, claimId: number, step: string): Promise<Claim> {
    const claim = await this.ctx.loadOwned(actor, 'claims', claimId);
    if (claim.status === 'Draft') return claim;
    throw new RefusedError(
      'claim-not-draft',
      `This claim is ${claim.status}, so it can no longer be ${step}: only a Draft can.` +
        (claim.status === 'Submitted'
          ? ' If it is wrong, its approver can reject it with a reason, and a corrected claim can be recorded.'
          : ''),
      { status: claim.status },
    );
  }

  /** A claim the person may see, in the status a step needs; otherwise refused with what it is. */
  private async inStatus(actor: Principal, claimId: number, status: ClaimStatus, step: string): Promise<Claim> {
    const claim = await this.ctx.loadOwned(actor, 'claims', claimId);
    if (claim.status !== status)
      throw new RefusedError('wrong-claim-status', `This claim is ${claim.status}, so it cannot be ${step}. Reload to see where it is.`, {
        status: claim.status,
      });
    return claim;
  }

  /** A submitted claim the person may approve or reject. */
  private async decidable(actor: Principal, claimId: number): Promise<{ claim: Claim; engagementTeam: boolean }> {
    const claim = await this.inStatus(actor, claimId, 'Submitted', 'approved or rejected');
    const reach = await this.ctx.access.reachOf(actor);
    checkApprover(claim, actor, reach.engagementTeam);
    return { claim, engagementTeam: reach.engagementTeam && AccessPolicy.includes(reach, claim.workstreamId) };
  }

  private update(
    actor: Principal,
    claim: Claim,
    version: number,
    key: string | undefined,
    summary: string,
    values: Partial<Claim>,
  ): Promise<Claim> {
    return this.ctx.commitFirst<'claims'>(actor, [{ op: 'update', list: 'claims', id: claim.id, version, values, summary }], key);
  }
}

/** A stored line as the input that records it again: mileage by its miles, anything else by its amount. */
function asInput(line: ExpenseLine): z.infer<typeof expenseLineInput> {
  return line.kind === 'Mileage'
    ? { kind: line.kind, miles: line.miles ?? 0, receiptHeld: line.receiptHeld }
    : { kind: line.kind, amountPence: line.amountPence, receiptHeld: line.receiptHeld };
}

/** What each use case above takes, as the schema that checks it (the API contract derives request bodies from these). */
export const claimInputs = {
  create: createInput,
  edit: editInput,
  withdraw: withdrawInput,
  submit: submitInput,
  approve: approveInput,
  reject: rejectInput,
  setPaymentPreferences: preferencesInput,
  financeExport: exportInput,
} as const;
