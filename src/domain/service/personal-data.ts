import { z } from 'zod';
import { longDate, plusMonths } from '../calendar';
import { CLAIM_RECORD_YEARS, claimRecordKeptUntil, expenseLinesOf, expenseWords } from '../claims';
import { blankPersonalFields, DEFAULT_RETENTION_MONTHS, erasedName, isErased, refuseIfErased, retentionDue } from '../personal-data';
import type { Principal } from '../principal';
import { agreementsOf } from '../reviews';
import {
  columnsOf,
  partners,
  type ActivityEntry,
  type Claim,
  type InductionTask,
  type Involvement,
  type ListName,
  type OneToOne,
  type Partner,
  type PaymentPreference,
  type RecordOf,
} from '../schema/lists';
import type { Change, ItemRef } from '../store';
import { displayName, idempotencyKey, itemRef, parseInput, titlesOf, UseCaseContext } from './context';

/**
 * The fixed identity the scheduled job acts as when it applies the retention
 * schedule: named in the audit trail as "Retention schedule".
 */
export const RETENTION_ACTOR: Principal = {
  id: 'partner-pathway-retention',
  name: 'Retention schedule',
  email: 'retention@partner-pathway.invalid',
  tenantId: 'partner-pathway',
};

/** One of the partner's involvements with everything held about it. */
export interface InvolvementExport {
  readonly involvement: Involvement;
  readonly roleTitle: string;
  readonly workstreamTitle: string;
  readonly inductionItems: readonly InductionTask[];
  readonly oneToOnes: readonly OneToOne[];
  /** Claims for involvement payments and expenses in this role, oldest activity first. */
  readonly claims: readonly Claim[];
}

/** Everything held about one person: their answer to a subject access request. */
export interface PersonalDataExport {
  readonly exportedAt: string;
  readonly exportedBy: string;
  readonly partner: Partner;
  /** Their choices about involvement payments (to decline, a cap), if they made any. */
  readonly paymentPreferences: PaymentPreference | null;
  readonly involvements: readonly InvolvementExport[];
  /** The audit entries about the partner and their involvements, induction items, one-to-ones and claims, oldest first. */
  readonly auditTrail: readonly ActivityEntry[];
}

/** What an erasure did. */
export interface Erasure {
  readonly partner: Partner;
  /** False when the partner had been erased before: nothing new was written. */
  readonly erasedNow: boolean;
  readonly involvements: number;
  readonly oneToOnes: number;
  /** Claims kept as financial records, without the person's identity. */
  readonly claimsKept: number;
  /** What was kept and why, in a sentence for the person who asked. */
  readonly kept: string;
}

/** What of a claim erasure keeps, and why: HMRC asks for financial records to be kept six years. */
const FINANCIAL_RECORD =
  'as financial records, as HMRC requires for six years: dates, amounts and who approved and paid them, with no name and no description of the activity.';

/** What erasure will keep of the person's claims, for staff to read before they confirm it. */
export const CLAIMS_KEPT_ON_ERASURE = `Their claims, if they have any, are kept ${FINANCIAL_RECORD}`;

/** What erasure says it kept. */
export function keptSentence(claims: number): string {
  if (claims === 0) return 'No claims were held, so no financial record was kept.';
  return `${claims === 1 ? '1 claim was' : `${claims} claims were`} kept ${FINANCIAL_RECORD}`;
}

const ref = { partnerId: itemRef.id, version: itemRef.version, key: idempotencyKey };
const consentInput = z.object({ ...ref, date: partners.fields.notesConsentDate.unwrap().optional() }).strict();
const partnerInput = z.object(ref).strict();
const TITLES = titlesOf('partners', { partnerId: 'Partner', version: 'Version', date: 'Date' });

const ERASED = 'Personal data erased';

/** What an erased partner's claim says it was for. */
export const ERASED_DESCRIPTION = 'Details erased';

/** The partner's involvements, and the induction items and one-to-ones of each, and the duplicate records merged into theirs. */
interface Held {
  readonly merged: readonly Partner[];
  readonly involvements: readonly Involvement[];
  readonly inductionItems: readonly InductionTask[];
  readonly oneToOnes: readonly OneToOne[];
  readonly claims: readonly Claim[];
  readonly paymentPreferences: readonly PaymentPreference[];
}

/**
 * The partner's side of data protection: explicit consent to notes about lived
 * experience, a copy of everything held (subject access), erasure, and the
 * retention schedule that erases people some time after their involvement ended.
 */
export class PersonalDataUseCases {
  constructor(private readonly ctx: UseCaseContext) {}

  /** Records the partner's explicit consent to notes about their lived experience (today unless a date is given). */
  async recordNotesConsent(actor: Principal, input: unknown): Promise<Partner> {
    const { partnerId, version, key, date } = parseInput(consentInput, input, TITLES);
    return this.ctx.repeatable(
      key,
      async () => {
        refuseIfErased(await this.ctx.loadPartner(actor, partnerId));
        return this.ctx.commitFirst<'partners'>(
          actor,
          [
            {
              op: 'update',
              list: 'partners',
              id: partnerId,
              version,
              values: { notesConsent: true, notesConsentDate: date ?? this.ctx.today() },
              summary: 'Consent to notes about lived experience recorded',
            },
          ],
          key,
        );
      },
      () => this.ctx.loadPartner(actor, partnerId),
    );
  }

  /**
   * Records that the partner withdrew that consent. The notes it covered (informal
   * chat and one-to-one notes, in every workstream) are blanked in the same commit,
   * and the store's earlier versions of them removed.
   */
  async withdrawNotesConsent(actor: Principal, input: unknown): Promise<Partner> {
    const { partnerId, version, key } = parseInput(partnerInput, input, TITLES);
    return this.ctx.repeatable(
      key,
      () => this.withdrawNow(actor, partnerId, version, key),
      () => this.ctx.loadPartner(actor, partnerId),
    );
  }

  private async withdrawNow(actor: Principal, partnerId: number, version: number, key: string | undefined): Promise<Partner> {
    await this.ctx.loadPartner(actor, partnerId);
    const held = await this.held(partnerId);
    const involvements = held.involvements.filter((involvement) => involvement.chatNotes !== null);
    const oneToOnes = held.oneToOnes.filter((oneToOne) => oneToOne.notes !== null);
    const summary = 'Notes removed: consent withdrawn';
    const [partner] = await this.ctx.store.commit(
      [
        {
          op: 'update',
          list: 'partners',
          id: partnerId,
          version,
          values: { notesConsent: false, notesConsentDate: null },
          summary: 'Consent to notes about lived experience withdrawn',
        },
        ...involvements.map((item): Change => ({
          op: 'update',
          list: 'involvements',
          id: item.id,
          version: item.version,
          values: { chatNotes: null },
          summary,
        })),
        ...oneToOnes.map((item): Change => ({
          op: 'update',
          list: 'oneToOnes',
          id: item.id,
          version: item.version,
          values: { notes: null },
          summary,
        })),
      ],
      this.ctx.commitContext(actor, key),
    );
    await this.ctx.store.purgeHistory([...refsOf('involvements', involvements), ...refsOf('oneToOnes', oneToOnes)]);
    return partner as Partner;
  }

  /**
   * Everything held about one person, for a subject access request: their details,
   * each involvement with its role, workstream, induction items and one-to-ones, and
   * the audit entries about all of them. Engagement team only; the export itself is
   * recorded in the audit trail.
   */
  async export(actor: Principal, partnerId: number): Promise<PersonalDataExport> {
    await this.ctx.access.requireEngagementTeam(actor, "export a person's data");
    const partner = await this.ctx.load('partners', partnerId);
    const held = await this.held(partnerId);
    const [roles, workstreams, ...audit] = await this.ctx.store.findAll([
      { list: 'roles', where: { id: ids(held.involvements.map((item) => item.roleId)) } },
      { list: 'workstreams', where: { id: ids(held.involvements.map((item) => item.workstreamId)) } },
      // Records merged into this one were the same person: their trail is theirs too.
      { list: 'activity', where: { list: 'partners', itemId: [partnerId, ...held.merged.map((item) => item.id)] } },
      { list: 'activity', where: { list: 'involvements', itemId: ids(held.involvements.map((item) => item.id)) } },
      { list: 'activity', where: { list: 'inductionTasks', itemId: ids(held.inductionItems.map((item) => item.id)) } },
      { list: 'activity', where: { list: 'oneToOnes', itemId: ids(held.oneToOnes.map((item) => item.id)) } },
      { list: 'activity', where: { list: 'claims', itemId: ids(held.claims.map((item) => item.id)) } },
      { list: 'activity', where: { list: 'paymentPreferences', itemId: ids(held.paymentPreferences.map((item) => item.id)) } },
    ]);
    const exported: PersonalDataExport = {
      exportedAt: this.ctx.nowIso(),
      exportedBy: actor.name,
      partner,
      paymentPreferences: held.paymentPreferences[0] ?? null,
      involvements: held.involvements.map((involvement) => ({
        involvement,
        roleTitle: roles.find((role) => role.id === involvement.roleId)?.title ?? '',
        workstreamTitle: workstreams.find((workstream) => workstream.id === involvement.workstreamId)?.title ?? '',
        inductionItems: held.inductionItems.filter((item) => item.involvementId === involvement.id).sort((a, b) => a.order - b.order),
        oneToOnes: held.oneToOnes.filter((item) => item.involvementId === involvement.id).sort((a, b) => a.date.localeCompare(b.date)),
        claims: held.claims
          .filter((item) => item.involvementId === involvement.id)
          .sort((a, b) => a.activityDate.localeCompare(b.activityDate)),
      })),
      auditTrail: audit.flat().sort((a, b) => a.at.localeCompare(b.at) || a.id - b.id),
    };
    await this.ctx.store.recordAccess(
      { list: 'partners', id: partnerId, action: 'Exported', summary: 'Personal data exported (subject access)' },
      this.ctx.commitContext(actor),
    );
    return exported;
  }

  /**
   * Erases one person: every personal field of the partner, their involvements and
   * their one-to-ones is blanked in one commit (the partner keeps the name "Erased
   * partner <id>", so stages, dates and counts still add up), then the store removes
   * earlier versions. Engagement team only. Erasing an erased partner writes nothing
   * and finishes any purge an earlier attempt left undone.
   */
  async erase(actor: Principal, input: unknown): Promise<Erasure> {
    const { partnerId, version } = parseInput(partnerInput, input, TITLES);
    await this.ctx.access.requireEngagementTeam(actor, "erase a person's data");
    const partner = await this.ctx.load('partners', partnerId);
    return this.eraseNow(actor, partner, version);
  }

  /**
   * Erases every partner whose involvements all closed (Ended or Not progressed)
   * more than the retention period ago. Run by the scheduled job as
   * {@link RETENTION_ACTOR}; anyone else must be in the Engagement team. Returns how
   * many were erased.
   */
  async applyRetention(actor: Principal): Promise<number> {
    await this.requireRetentionActor(actor);
    const months = this.ctx.settings.retentionMonths ?? DEFAULT_RETENTION_MONTHS;
    const today = this.ctx.today();
    const closed = await this.ctx.store.find({ list: 'involvements', where: { stage: ['Ended', 'Not progressed'] } });
    const candidates = ids(closed.map((involvement) => involvement.partnerId));
    if (candidates.length === 0) return 0;
    const [everyInvolvement, people] = await this.ctx.store.findAll([
      { list: 'involvements', where: { partnerId: candidates } },
      { list: 'partners', where: { id: candidates } },
    ]);
    let erased = 0;
    for (const partner of people.filter((person) => !isErased(person))) {
      const theirs = everyInvolvement.filter((involvement) => involvement.partnerId === partner.id);
      if (!retentionDue(theirs, today, months, this.ctx.settings.timeZone)) continue;
      await this.eraseNow(actor, partner, partner.version);
      erased += 1;
    }
    return erased;
  }

  /**
   * Deletes the claims of erased partners once six years have passed since the end
   * of the financial year each relates to ({@link claimRecordKeptUntil}): erasure
   * kept them only because HMRC asks for financial records to be kept that long.
   * Run by the scheduled job after erasure, as {@link RETENTION_ACTOR}; anyone else
   * must be in the Engagement team. Each deletion is audited with a summary free of
   * personal data, then the store's earlier copies are purged. Returns how many
   * claims were deleted.
   */
  async deleteErasedClaimsAfterSixYears(actor: Principal): Promise<number> {
    await this.requireRetentionActor(actor);
    const today = this.ctx.today();
    // A claim's last step is never before its activity, so only activities over six years ago can be due (and the date is indexed).
    const old = await this.ctx.store.find({
      list: 'claims',
      where: { activityDate: { lte: plusMonths(today, -CLAIM_RECORD_YEARS * 12) } },
    });
    const people = await this.ctx.store.find({ list: 'partners', where: { id: ids(old.map((claim) => claim.partnerId)) } });
    const erased = new Set(people.filter(isErased).map((partner) => partner.id));
    const due = old.filter((claim) => erased.has(claim.partnerId) && claimRecordKeptUntil(claim, this.ctx.settings.timeZone) < today);
    for (const partnerId of ids(due.map((claim) => claim.partnerId))) {
      const theirs = due.filter((claim) => claim.partnerId === partnerId);
      await this.ctx.store.commit(
        theirs.map((claim): Change => ({
          op: 'delete',
          list: 'claims',
          id: claim.id,
          version: claim.version,
          summary: 'Financial record deleted: six years after the end of its financial year',
        })),
        this.ctx.commitContext(actor),
      );
      await this.ctx.store.purgeHistory(refsOf('claims', theirs));
    }
    return due.length;
  }

  /** The retention schedule's own identity, or a member of the Engagement team. */
  private async requireRetentionActor(actor: Principal): Promise<void> {
    if (actor.id !== RETENTION_ACTOR.id) await this.ctx.access.requireEngagementTeam(actor, 'apply the retention schedule');
  }

  private async eraseNow(actor: Principal, partner: Partner, version: number): Promise<Erasure> {
    const held = await this.held(partner.id);
    const items = [
      refOf('partners', partner),
      ...refsOf('partners', held.merged),
      ...refsOf('involvements', held.involvements),
      ...refsOf('oneToOnes', held.oneToOnes),
      ...refsOf('claims', held.claims),
      ...refsOf('paymentPreferences', held.paymentPreferences),
    ];
    const counts = {
      involvements: held.involvements.length,
      oneToOnes: held.oneToOnes.length,
      claimsKept: held.claims.length,
      kept: keptSentence(held.claims.length),
    };
    if (isErased(partner)) {
      await this.ctx.store.purgeHistory(items);
      return { partner, erasedNow: false, ...counts };
    }
    const [erased] = await this.ctx.store.commit(
      [
        {
          op: 'update',
          list: 'partners',
          id: partner.id,
          version,
          values: {
            ...blankPersonalFields('partners'),
            fullName: erasedName(partner.id),
            notesConsent: false,
            notesConsentDate: null,
            erasedDate: this.ctx.today(),
          },
          summary: ERASED,
        },
        ...held.involvements.map((item): Change => ({
          op: 'update',
          list: 'involvements',
          id: item.id,
          version: item.version,
          values: blankPersonalFields('involvements'),
          summary: ERASED,
        })),
        ...held.oneToOnes.map((item): Change => ({
          op: 'update',
          list: 'oneToOnes',
          id: item.id,
          version: item.version,
          values: blankPersonalFields('oneToOnes'),
          summary: ERASED,
        })),
        // A claim is a financial record HMRC asks to be kept six years: its amounts, dates and decisions stay, without the description.
        ...held.claims.map((item): Change => ({
          op: 'update',
          list: 'claims',
          id: item.id,
          version: item.version,
          values: { ...blankPersonalFields('claims'), description: ERASED_DESCRIPTION },
          summary: `${ERASED}; financial record kept`,
        })),
        ...held.paymentPreferences.map((item): Change => ({
          op: 'delete',
          list: 'paymentPreferences',
          id: item.id,
          version: item.version,
          summary: ERASED,
        })),
      ],
      this.ctx.commitContext(actor),
    );
    await this.ctx.store.purgeHistory(items);
    return { partner: erased as Partner, erasedNow: true, ...counts };
  }

  /** Everything held about a partner in any workstream (callers have checked access). */
  private async held(partnerId: number): Promise<Held> {
    const [involvements, merged, claims, paymentPreferences] = await this.ctx.store.findAll([
      { list: 'involvements', where: { partnerId } },
      { list: 'partners', where: { mergedInto: partnerId } },
      { list: 'claims', where: { partnerId } },
      { list: 'paymentPreferences', where: { partnerId } },
    ] as const);
    const involvementIds = involvements.map((involvement) => involvement.id);
    const [inductionItems, oneToOnes] = await this.ctx.store.findAll([
      { list: 'inductionTasks', where: { involvementId: involvementIds } },
      { list: 'oneToOnes', where: { involvementId: involvementIds } },
    ]);
    return { merged, involvements, inductionItems, oneToOnes, claims, paymentPreferences };
  }
}

/** The distinct ids, for an "is one of" condition. */
function ids(values: readonly number[]): number[] {
  return [...new Set(values)];
}

function refOf(list: ListName, item: { readonly id: number }): ItemRef {
  return { list, id: item.id };
}

function refsOf(list: ListName, items: ReadonlyArray<{ readonly id: number }>): ItemRef[] {
  return items.map((item) => refOf(list, item));
}

function valueText(value: unknown): string {
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (Array.isArray(value)) return value.join(', ');
  return String(value).replace(/\s*\n\s*/g, ', ');
}

/** "Title: value" for every field of a record that holds something, in schema order, lookups and the fields `apart` left out. */
function fieldLines(list: ListName, record: RecordOf<ListName>, indent: string, apart: readonly string[] = []): string[] {
  const values = record as unknown as Record<string, unknown>;
  return columnsOf(list)
    .filter(({ name, meta }) => meta.kind !== 'lookup' && !apart.includes(name) && values[name] !== null && values[name] !== '')
    .map(({ name, meta }) => `${indent}${meta.title}: ${valueText(values[name])}`);
}

/** The involvement's review dates, written in words by {@link reviewLines} rather than as stored. */
const REVIEW_FIELDS = ['termEndDate', 'agreementsDue', 'accessReviewedDate', 'accessReviewDue'];

/** The reviews that come round for one role, in words: the term's end, each agreement signed and when they are re-confirmed, the access needs review. */
function reviewLines({ involvement, inductionItems }: InvolvementExport): string[] {
  const agreements = agreementsOf(inductionItems);
  const { termEndDate, agreementsDue, accessReviewedDate, accessReviewDue } = involvement;
  if (!termEndDate && !agreementsDue && !accessReviewedDate && !accessReviewDue) return [];
  const signed = agreements.map((task) => `${task.label} (${task.done && task.doneDate ? longDate(task.doneDate) : 'not yet'})`);
  return [
    '  Reviews that come round:',
    `    - Term of office: ${termEndDate ? `ends ${longDate(termEndDate)}` : 'no end date (the role has no fixed term)'}`,
    `    - Agreements: ${[...signed, agreementsDue ? `to be re-confirmed by ${longDate(agreementsDue)}` : 'no date to re-confirm them'].join('; ')}`,
    `    - Access needs and adjustments: ${accessReviewedDate ? `last reviewed ${longDate(accessReviewedDate)}` : 'not reviewed yet'}; ${accessReviewDue ? `next review due ${longDate(accessReviewDue)}` : 'no review date'}`,
  ];
}

/**
 * A subject access export as plain English, to send to the person: their details,
 * each role with its stage history, induction items and one-to-ones, and who did
 * what with their record and when.
 */
export function exportSummary(exported: PersonalDataExport): string {
  const { partner } = exported;
  const lines = [
    `What Partner Pathway holds about ${displayName(partner)} (partner ${partner.id})`,
    `Exported ${exported.exportedAt} by ${exported.exportedBy}.`,
    '',
    'Your details',
    ...fieldLines('partners', partner, '  '),
    ...(exported.paymentPreferences
      ? ['', 'Your choices about payment', ...fieldLines('paymentPreferences', exported.paymentPreferences, '  ')]
      : []),
  ];
  for (const item of exported.involvements) {
    lines.push(
      '',
      `Role: "${item.roleTitle}" (${item.workstreamTitle})`,
      ...fieldLines('involvements', item.involvement, '  ', REVIEW_FIELDS),
      ...reviewLines(item),
    );
    if (item.inductionItems.length > 0) {
      lines.push(
        '  Induction checklist:',
        ...item.inductionItems.map(
          (task) => `    - ${task.label}: ${task.done ? `done${task.doneDate ? ` ${task.doneDate}` : ''}` : 'not done yet'}`,
        ),
      );
    }
    for (const oneToOne of item.oneToOnes) {
      lines.push(`  One-to-one on ${oneToOne.date}:`, ...fieldLines('oneToOnes', oneToOne, '    '));
    }
    for (const claim of item.claims) {
      const expenses = expenseLinesOf(claim);
      lines.push(
        `  Claim for ${claim.activityDate}:`,
        ...fieldLines('claims', claim, '    ', ['expenseLines']),
        ...(expenses.length > 0 ? ['    Expenses:', ...expenses.map((line) => `      - ${expenseWords(line)}`)] : []),
      );
    }
  }
  lines.push(
    '',
    `Who has viewed or changed these records (${exported.auditTrail.length} entries)`,
    ...exported.auditTrail.map(
      (entry) =>
        `  ${entry.at} ${entry.actorName}: ${entry.action} ${entry.list} ${entry.itemId}${entry.summary ? ` (${entry.summary})` : ''}`,
    ),
  );
  return `${lines.join('\n')}\n`;
}

/** What each use case above takes, as the schema that checks it (the API contract derives request bodies from these). */
export const personalDataInputs = {
  recordNotesConsent: consentInput,
  withdrawNotesConsent: partnerInput,
  erase: partnerInput,
} as const;
