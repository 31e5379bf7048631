import { z } from 'zod';
import { NotFoundError, RefusedError } from '../errors';
import { checkPreferredContact, emailInput, phoneInput } from '../contact';
import { storedProgress, templateFor, type TemplateItem } from '../induction';
import { CLOSED_STAGES, checkStageChange, NEW_INVOLVEMENT_DEFAULTS } from '../involvement';
import { checkNotesConsent, refuseIfErased } from '../personal-data';
import { checkSelection, CRITERION_MAX, SELECTION_VERDICTS, type SelectionDecision } from '../selection';
import { nextOneToOneDue } from '../one-to-ones';
import { reviewDatesAtStart } from '../reviews';
import type { Principal } from '../principal';
import { involvements, LISTS, partners, type Fields, type Involvement, type Stage } from '../schema/lists';
import type { Change } from '../store';
import { displayName, idempotencyKey, itemRef, newKey, parseInput, titlesOf, UseCaseContext } from './context';
import { possibleMatches } from './partners';

const ref = { involvementId: itemRef.id, version: itemRef.version, key: idempotencyKey };
const reason = involvements.fields.stageReason.unwrap().min(1);

const newPartner = partners.schema
  .pick({ fullName: true, preferredName: true, email: true, phone: true, postalAddress: true, preferredContact: true, accessNeeds: true })
  .partial()
  .required({ fullName: true })
  .extend({
    email: emailInput.optional(),
    phone: phoneInput.optional(),
    consentGiven: z.literal(true, { error: 'Consent to hold details must be confirmed before details are saved.' }),
    /** Their explicit consent to notes about their lived experience: a separate question, recorded with its own date. */
    notesConsent: z.boolean().optional(),
  })
  .strict();

const recordInterestInput = z
  .object({
    roleId: itemRef.id,
    key: idempotencyKey,
    partnerId: itemRef.id.optional(),
    partner: newPartner.optional(),
    /** Confirms that a new person is not one already on record with the same email or phone. */
    newPerson: z.boolean().optional(),
    interestDate: involvements.fields.interestDate.optional(),
  })
  .strict()
  .refine((input) => (input.partnerId === undefined) !== (input.partner === undefined), {
    error: "Give either an existing partner or the new partner's details, not both.",
    path: ['partner'],
  });

const TITLES = titlesOf('involvements', {
  cancelBooked: 'Cancel the booked one-to-ones',
  ...titlesOf('partners'),
  involvementId: 'Involvement',
  version: 'Version',
  roleId: 'Role',
  partnerId: 'Partner',
  partner: 'Partner details',
  newPerson: 'A different person',
  at: 'Date and time of the chat',
  where: 'Where',
  adjustments: 'Adjustments asked for',
  notes: 'Notes',
  reason: 'Reason',
  criteria: 'Selection criteria',
  date: 'Date',
});

const bookChatInput = z
  .object({
    ...ref,
    at: involvements.fields.chatAt.unwrap(),
    where: involvements.fields.chatWhere.unwrap().min(1),
    adjustments: involvements.fields.chatAdjustments.optional(),
  })
  .strict();
/** The chat as held: short notes, and the adjustments agreed in it (replacing those asked for when it was booked). */
const holdChatInput = z
  .object({ ...ref, notes: involvements.fields.chatNotes.optional(), adjustments: involvements.fields.chatAdjustments.optional() })
  .strict();
const plainInput = z.object(ref).strict();
/** Whether to cancel the one-to-ones still booked with the partner, in the same commit. */
const cancelBooked = z.boolean().optional();
const reasonInput = z.object({ ...ref, reason, cancelBooked }).strict();
/** How each of the role's criteria was judged, by the criterion's words (see `selection.ts`). */
const criteria = z.record(z.string().max(CRITERION_MAX), z.enum(SELECTION_VERDICTS)).optional();
/** An offer with its reason against the role's criteria; the reason is optional here so that the rules refuse its absence in their own words. */
const offerInput = z.object({ ...ref, criteria, reason: involvements.fields.offerReason.unwrap().optional() }).strict();
const notProgressInput = z.object({ ...ref, reason, cancelBooked, criteria }).strict();
const endInput = z.object({ ...ref, reason, exitConversationOffered: z.boolean(), cancelBooked }).strict();
const cadenceInput = z.object({ ...ref, cadenceWeeks: involvements.fields.cadenceWeeks }).strict();
const acknowledgeInput = z.object({ ...ref, date: involvements.fields.acknowledgedDate.unwrap().optional() }).strict();
const reassignInput = z.object({ ...ref, ownerId: involvements.fields.ownerId.unwrap().min(1) }).strict();

/** The use cases that move one partner through one role. */
export class InvolvementUseCases {
  constructor(private readonly ctx: UseCaseContext) {}

  /** A change to one involvement that is safe to send twice (see {@link UseCaseContext.repeatable}); a repeat answers with the involvement as it is now. */
  private repeatable(
    actor: Principal,
    involvementId: number,
    key: string | undefined,
    attempt: () => Promise<Involvement>,
  ): Promise<Involvement> {
    return this.ctx.repeatable(key, attempt, () => this.ctx.loadOwned(actor, 'involvements', involvementId));
  }

  /**
   * Logs that someone is interested in a role: a new partner (with their consent to
   * hold their details) or one already known, at stage Interested.
   */
  async recordInterest(actor: Principal, input: unknown): Promise<Involvement> {
    const parsed = parseInput(recordInterestInput, input, TITLES);
    const key = parsed.key ?? newKey();
    // Sent again after a lost answer, the person it made is now "already on record": answer with what was made.
    return this.ctx.repeatable(
      key,
      () => this.recordInterestNow(actor, parsed, key),
      async (done) => {
        const made = done.find((entry) => entry.list === 'involvements');
        if (!made) throw new NotFoundError(LISTS.involvements.itemName, 0);
        return this.ctx.loadOwned(actor, 'involvements', made.itemId);
      },
    );
  }

  private async recordInterestNow(actor: Principal, parsed: z.infer<typeof recordInterestInput>, key: string): Promise<Involvement> {
    const role = await this.ctx.loadOwned(actor, 'roles', parsed.roleId);
    if (role.status === 'Draft' || role.status === 'Closed') {
      throw new RefusedError(
        'role-not-open',
        `"${role.title}" is ${role.status}, so it cannot take interest. ${role.status === 'Draft' ? 'Finish planning the role first.' : 'Point the person to other opportunities.'}`,
      );
    }
    const today = this.ctx.today();
    const changes: Change[] = [];
    let partnerId: number | { ref: string };
    if (parsed.partner) {
      checkPreferredContact({
        email: null,
        phone: null,
        postalAddress: null,
        preferredName: null,
        preferredContact: null,
        ...parsed.partner,
      });
      if (!parsed.newPerson) await this.refuseIfKnown(actor, parsed.partner);
      changes.push({
        op: 'create',
        list: 'partners',
        key: `${key}:partner`,
        ref: 'partner',
        summary: 'Partner details recorded with consent',
        values: {
          fullName: parsed.partner.fullName,
          preferredName: parsed.partner.preferredName ?? null,
          email: parsed.partner.email ?? null,
          phone: parsed.partner.phone ?? null,
          postalAddress: parsed.partner.postalAddress ?? null,
          preferredContact: parsed.partner.preferredContact ?? null,
          accessNeeds: parsed.partner.accessNeeds ?? null,
          consentGiven: true,
          consentDate: today,
          notesConsent: parsed.partner.notesConsent === true,
          notesConsentDate: parsed.partner.notesConsent === true ? today : null,
          erasedDate: null,
          peerNetworkStatus: 'Not invited',
          peerNetworkDate: null,
          mergedInto: null,
        },
      });
      partnerId = { ref: 'partner' };
    } else {
      const existing = await this.ctx.loadPartner(actor, parsed.partnerId as number);
      refuseIfErased(existing);
      const current = await this.ctx.store.find({
        list: 'involvements',
        where: { partnerId: existing.id, roleId: role.id },
      });
      if (current.some((involvement) => !CLOSED_STAGES.includes(involvement.stage))) {
        throw new RefusedError('already-involved', `${displayName(existing)} is already on the pathway for "${role.title}".`);
      }
      partnerId = existing.id;
    }
    changes.push({
      op: 'create',
      list: 'involvements',
      key,
      summary: `Interest logged in role ${role.id}`,
      values: {
        partnerId,
        roleId: role.id,
        workstreamId: role.workstreamId,
        stage: 'Interested',
        stageChangedBy: actor.name,
        stageChangedAt: this.ctx.nowIso(),
        ownerId: role.ownerId ?? actor.id,
        ownerName: role.ownerName ?? actor.name,
        interestDate: parsed.interestDate ?? today,
        acknowledgedDate: null,
        chatAt: null,
        chatWhere: null,
        chatAdjustments: null,
        chatNotes: null,
        offeredDate: null,
        inductionStartedDate: null,
        activeDate: null,
        stageReason: null,
        exitConversationOffered: false,
        cadenceWeeks: this.ctx.settings.defaultCadenceWeeks,
        lastOneToOneDate: null,
        nextOneToOneDue: null,
        inductionDone: null,
        inductionTotal: null,
        inductionStillRequired: null,
        ...NEW_INVOLVEMENT_DEFAULTS,
      },
    });
    const written = await this.ctx.store.commit(changes, this.ctx.commitContext(actor, key));
    return written[written.length - 1] as Involvement;
  }

  /**
   * Refuses a new person whose email or phone is already on record for someone the
   * person logging may see, naming them, so the interest can be linked to that
   * record rather than making a second one (or confirmed as another person).
   */
  private async refuseIfKnown(
    actor: Principal,
    partner: { readonly fullName: string; readonly email?: string | null; readonly phone?: string | null },
  ): Promise<void> {
    const matches = await possibleMatches(this.ctx, actor, partner);
    if (matches.length === 0) return;
    const [first] = matches;
    const shared = first.sameEmail && first.samePhone ? 'email and phone' : first.sameEmail ? 'email' : 'phone';
    throw new RefusedError(
      'possibly-known',
      `${matches.length === 1 ? `${first.name} is` : `${matches.length} people are`} already on record with the same ${shared} as ${partner.fullName}. If it is the same person, link this interest to their record, so they have one record; if not, say they are a different person.`,
      { matches },
    );
  }

  /** Records that the person's interest was acknowledged (today unless a date is given). */
  async acknowledgeInterest(actor: Principal, input: unknown): Promise<Involvement> {
    const { involvementId, version, key, date } = parseInput(acknowledgeInput, input, TITLES);
    return this.repeatable(actor, involvementId, key, async () => {
      await this.ctx.loadOwned(actor, 'involvements', involvementId);
      return this.ctx.commitFirst<'involvements'>(
        actor,
        [
          {
            op: 'update',
            list: 'involvements',
            id: involvementId,
            version,
            values: { acknowledgedDate: date ?? this.ctx.today() },
            summary: 'Interest acknowledged',
          },
        ],
        key,
      );
    });
  }

  /** Books the informal chat, or moves one already booked. */
  async bookChat(actor: Principal, input: unknown): Promise<Involvement> {
    const { involvementId, version, key, at, where, adjustments } = parseInput(bookChatInput, input, TITLES);
    return this.repeatable(actor, involvementId, key, async () => {
      const involvement = await this.ctx.loadOwned(actor, 'involvements', involvementId);
      const values = { chatAt: at, chatWhere: where, chatAdjustments: adjustments ?? null };
      if (involvement.stage === 'Chat booked') {
        return this.ctx.commitFirst<'involvements'>(
          actor,
          [{ op: 'update', list: 'involvements', id: involvementId, version, values, summary: 'Informal chat moved' }],
          key,
        );
      }
      return this.changeStage(actor, involvement, { version, key }, 'Chat booked', values);
    });
  }

  /**
   * Records the informal chat as held, with short notes (which need the partner's
   * consent to notes about their experience) and the adjustments agreed, when given.
   */
  async holdChat(actor: Principal, input: unknown): Promise<Involvement> {
    const { involvementId, version, key, notes, adjustments } = parseInput(holdChatInput, input, TITLES);
    return this.repeatable(actor, involvementId, key, async () => {
      const involvement = await this.ctx.loadOwned(actor, 'involvements', involvementId);
      const partner = await this.ctx.load('partners', involvement.partnerId);
      checkNotesConsent(partner, displayName(partner), notes);
      return this.changeStage(actor, involvement, { version, key }, 'Chat held', {
        chatNotes: notes ?? null,
        ...(adjustments === undefined ? {} : { chatAdjustments: adjustments }),
      });
    });
  }

  /** Offers the role after the chat, with the reason against the role's criteria (see `selection.ts`). */
  async makeOffer(actor: Principal, input: unknown): Promise<Involvement> {
    const { involvementId, version, key, criteria: judged, reason: why } = parseInput(offerInput, input, TITLES);
    return this.repeatable(actor, involvementId, key, async () => {
      const involvement = await this.ctx.loadOwned(actor, 'involvements', involvementId);
      const offerCriteria = await this.judged(involvement, 'Offered', judged, why);
      return this.changeStage(actor, involvement, { version, key }, 'Offered', {
        offeredDate: this.ctx.today(),
        offerCriteria,
        offerReason: why ?? null,
      });
    });
  }

  /** "Not this time": from any stage before Active, with a kind reason, judged against the role's criteria. */
  async notProgress(actor: Principal, input: unknown): Promise<Involvement> {
    const { involvementId, version, key, reason, cancelBooked: cancel, criteria: judged } = parseInput(notProgressInput, input, TITLES);
    return this.repeatable(actor, involvementId, key, async () => {
      const involvement = await this.ctx.loadOwned(actor, 'involvements', involvementId);
      const notProgressedCriteria = await this.judged(involvement, 'Not progressed', judged, reason);
      return this.changeStage(
        actor,
        involvement,
        { version, key },
        'Not progressed',
        { stageReason: reason, notProgressedCriteria, notProgressedFrom: involvement.stage },
        reason,
        await this.cancellations(involvementId, cancel),
      );
    });
  }

  /**
   * The judgement against the role's criteria as stored, once the move itself is
   * allowed (so a move the flow refuses says so first) and the decision is reasoned.
   */
  private async judged(
    involvement: Involvement,
    to: SelectionDecision,
    judged: Readonly<Record<string, (typeof SELECTION_VERDICTS)[number]>> | undefined,
    why: string | undefined,
  ): Promise<string | null> {
    const [partner, role] = await Promise.all([
      this.ctx.load('partners', involvement.partnerId),
      this.ctx.load('roles', involvement.roleId),
    ]);
    const partnerName = displayName(partner);
    checkStageChange({ partnerName, from: involvement.stage, to, reason: why });
    return checkSelection({ partnerName, role, to, judged, reason: why });
  }

  /** Starts induction: the checklist is made from the workstream's template. */
  async startInduction(actor: Principal, input: unknown): Promise<Involvement> {
    const { involvementId, version, key } = parseInput(plainInput, input, TITLES);
    return this.repeatable(actor, involvementId, key, async () => {
      const involvement = await this.ctx.loadOwned(actor, 'involvements', involvementId);
      const [template, partner] = await Promise.all([
        this.templateFor(involvement.workstreamId),
        this.ctx.load('partners', involvement.partnerId),
      ]);
      // A partner invited to the Peer Support Network already (for another role) starts with that item done: the item and the invitation are one fact.
      const invited = partner.peerNetworkStatus !== 'Not invited';
      const items = template.map((item) => ({ ...item, done: item.kind === 'Peer Support Network invitation' && invited }));
      const tasks: Change[] = items.map((item, order) => ({
        op: 'create',
        list: 'inductionTasks',
        key: `${involvement.key}:induction:${order}`,
        values: {
          involvementId,
          workstreamId: involvement.workstreamId,
          label: item.label,
          kind: item.kind,
          required: item.required,
          order,
          done: item.done,
          doneDate: item.done ? (partner.peerNetworkDate ?? this.ctx.today()) : null,
          doneBy: item.done ? actor.name : null,
        },
      }));
      const progress = storedProgress(items);
      return this.changeStage(
        actor,
        involvement,
        { version, key },
        'Induction',
        { inductionStartedDate: this.ctx.today(), ...progress },
        null,
        tasks,
      );
    });
  }

  /**
   * Induction to Active: every required checklist item must be done. The reviews that
   * come round start from here: the term from the role's, the agreements from their dates signed.
   */
  async activate(actor: Principal, input: unknown): Promise<Involvement> {
    const { involvementId, version, key } = parseInput(plainInput, input, TITLES);
    return this.repeatable(actor, involvementId, key, async () => {
      const { item: involvement, answers } = await this.ctx.loadOwnedWith(actor, 'involvements', involvementId, [
        { list: 'inductionTasks', where: { involvementId } },
      ]);
      const role = await this.ctx.load('roles', involvement.roleId);
      const today = this.ctx.today();
      const values = {
        activeDate: today,
        ...this.schedule(involvement, 'Active', today),
        ...reviewDatesAtStart(today, role.termMonths, answers[0], this.ctx.reviewSettings),
      };
      return this.changeStage(actor, involvement, { version, key }, 'Active', values);
    });
  }

  /** Pauses an active partner (health, caring, life), with a reason; with `cancelBooked`, their booked one-to-ones are cancelled too. */
  async pause(actor: Principal, input: unknown): Promise<Involvement> {
    const { involvementId, version, key, reason, cancelBooked: cancel } = parseInput(reasonInput, input, TITLES);
    return this.repeatable(actor, involvementId, key, async () => {
      const involvement = await this.ctx.loadOwned(actor, 'involvements', involvementId);
      return this.changeStage(
        actor,
        involvement,
        { version, key },
        'Paused',
        { stageReason: reason, nextOneToOneDue: null },
        reason,
        await this.cancellations(involvementId, cancel),
      );
    });
  }

  /** A paused partner returns; their next one-to-one is due again. */
  async resume(actor: Principal, input: unknown): Promise<Involvement> {
    const { involvementId, version, key } = parseInput(plainInput, input, TITLES);
    return this.repeatable(actor, involvementId, key, async () => {
      const involvement = await this.ctx.loadOwned(actor, 'involvements', involvementId);
      const values = { stageReason: null, ...this.schedule(involvement, 'Active', involvement.activeDate) };
      return this.changeStage(actor, involvement, { version, key }, 'Active', values);
    });
  }

  /** Ends an involvement with a reason, recording whether an exit conversation was offered; with `cancelBooked`, their booked one-to-ones are cancelled too. */
  async end(actor: Principal, input: unknown): Promise<Involvement> {
    const {
      involvementId,
      version,
      key,
      reason,
      exitConversationOffered,
      cancelBooked: cancel,
    } = parseInput(endInput, input, {
      ...TITLES,
      exitConversationOffered: 'Exit conversation offered',
    });
    return this.repeatable(actor, involvementId, key, async () => {
      const involvement = await this.ctx.loadOwned(actor, 'involvements', involvementId);
      const values = { stageReason: reason, exitConversationOffered, nextOneToOneDue: null };
      return this.changeStage(
        actor,
        involvement,
        { version, key },
        'Ended',
        values,
        reason,
        await this.cancellations(involvementId, cancel),
      );
    });
  }

  /** With `cancel`, the changes that cancel the one-to-ones still booked with this involvement's partner. */
  private async cancellations(involvementId: number, cancel: boolean | undefined): Promise<Change[]> {
    if (!cancel) return [];
    const booked = await this.ctx.store.find({ list: 'oneToOnes', where: { involvementId, status: 'Booked' } });
    return booked.map((item): Change => ({
      op: 'update',
      list: 'oneToOnes',
      id: item.id,
      version: item.version,
      values: { status: 'Cancelled' },
      summary: 'One-to-one cancelled with the stage change',
    }));
  }

  /**
   * Makes another member of the workstream the partner's named contact (when staff
   * leave or share out their partners); reminders about the partner go to them from then on.
   */
  async reassign(actor: Principal, input: unknown): Promise<Involvement> {
    const { involvementId, version, key, ownerId } = parseInput(reassignInput, input, { ...TITLES, ownerId: 'Named contact' });
    return this.repeatable(actor, involvementId, key, async () => {
      const involvement = await this.ctx.loadOwned(actor, 'involvements', involvementId);
      const owner = await this.ctx.workstreamMember(involvement.workstreamId, ownerId, 'named contact');
      return this.ctx.commitFirst<'involvements'>(
        actor,
        [
          {
            op: 'update',
            list: 'involvements',
            id: involvementId,
            version,
            values: { ownerId: owner.userId, ownerName: owner.userName },
            summary: 'Named contact changed',
          },
        ],
        key,
      );
    });
  }

  /** Sets how often this partner has a one-to-one; the next due date follows. */
  async setCadence(actor: Principal, input: unknown): Promise<Involvement> {
    const { involvementId, version, key, cadenceWeeks } = parseInput(cadenceInput, input, TITLES);
    return this.repeatable(actor, involvementId, key, async () => {
      const involvement = await this.ctx.loadOwned(actor, 'involvements', involvementId);
      const next = { ...involvement, cadenceWeeks };
      return this.ctx.commitFirst<'involvements'>(
        actor,
        [
          {
            op: 'update',
            list: 'involvements',
            id: involvementId,
            version,
            values: { cadenceWeeks, ...this.schedule(next, next.stage, next.activeDate) },
            summary: `One-to-one cadence set to every ${cadenceWeeks} weeks`,
          },
        ],
        key,
      );
    });
  }

  private schedule(involvement: Involvement, stage: Stage, activeDate: string | null): Pick<Fields<'involvements'>, 'nextOneToOneDue'> {
    return {
      nextOneToOneDue: nextOneToOneDue({
        stage,
        cadenceWeeks: involvement.cadenceWeeks,
        lastHeld: involvement.lastOneToOneDate,
        activeDate,
      }),
    };
  }

  private async templateFor(workstreamId: number): Promise<readonly TemplateItem[]> {
    const [own, organisation] = await this.ctx.store.findAll([
      { list: 'inductionTemplateItems', where: { workstreamId }, orderBy: [{ field: 'order' }] },
      { list: 'inductionTemplateItems', where: { workstreamId: null }, orderBy: [{ field: 'order' }] },
    ]);
    return templateFor(own, organisation);
  }

  /**
   * Moves an involvement to another stage after the rules allow it, recording who
   * and when; `extra` changes are committed with it as one unit.
   */
  private async changeStage(
    actor: Principal,
    involvement: Involvement,
    { version, key }: { readonly version: number; readonly key: string | undefined },
    to: Stage,
    values: Partial<Fields<'involvements'>>,
    reason: string | null = null,
    extra: Change[] = [],
  ): Promise<Involvement> {
    const partner = await this.ctx.load('partners', involvement.partnerId);
    const checklist =
      to === 'Active' && involvement.stage === 'Induction'
        ? await this.ctx.store.find({ list: 'inductionTasks', where: { involvementId: involvement.id } })
        : undefined;
    checkStageChange({ partnerName: displayName(partner), from: involvement.stage, to, reason, checklist });
    return this.ctx.commitFirst<'involvements'>(
      actor,
      [
        {
          op: 'update',
          list: 'involvements',
          id: involvement.id,
          version,
          values: { ...values, stage: to, stageChangedBy: actor.name, stageChangedAt: this.ctx.nowIso() },
          summary: `Stage: ${involvement.stage} to ${to}`,
        },
        ...extra,
      ],
      key,
    );
  }
}

/** What each use case above takes, as the schema that checks it (the API contract derives request bodies from these). */
export const involvementInputs = {
  recordInterest: recordInterestInput,
  acknowledgeInterest: acknowledgeInput,
  bookChat: bookChatInput,
  holdChat: holdChatInput,
  makeOffer: offerInput,
  notProgress: notProgressInput,
  startInduction: plainInput,
  activate: plainInput,
  pause: reasonInput,
  resume: plainInput,
  end: endInput,
  reassign: reassignInput,
  setCadence: cadenceInput,
} as const;
