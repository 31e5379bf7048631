import { z } from 'zod';
import { RefusedError } from '../errors';
import { checkPreferredContact, emailInput, phoneInput } from '../contact';
import { linkedItemChanges } from '../induction';
import { blankPersonalFields, isErased, refuseIfErased } from '../personal-data';
import type { Principal } from '../principal';
import { partners, type Involvement, type Partner, type Stage } from '../schema/lists';
import type { Change } from '../store';
import { AccessPolicy } from './access';
import { displayName, idempotencyKey, itemRef, parseInput, titlesOf, UseCaseContext } from './context';

const ref = { partnerId: itemRef.id, version: itemRef.version, key: idempotencyKey };

const updateInput = partners.schema
  .pick({ fullName: true, preferredName: true, email: true, phone: true, postalAddress: true, preferredContact: true, accessNeeds: true })
  .partial()
  .extend({ ...ref, email: emailInput.optional(), phone: phoneInput.optional() })
  .strict();

const answerInput = z
  .object({ ...ref, answer: z.enum(['Joined', 'Declined']), date: partners.fields.peerNetworkDate.unwrap().optional() })
  .strict();
const inviteInput = z.object({ ...ref, date: partners.fields.peerNetworkDate.unwrap().optional() }).strict();
const withdrawInput = z.object(ref).strict();
const contactInput = z.object({ email: emailInput.optional(), phone: phoneInput.optional() }).strict();
const mergeInput = z
  .object({
    survivorId: itemRef.id,
    survivorVersion: itemRef.version,
    duplicateId: itemRef.id,
    duplicateVersion: itemRef.version,
    key: idempotencyKey,
  })
  .strict()
  .refine((input) => input.survivorId !== input.duplicateId, { error: 'Choose two different records to merge.', path: ['duplicateId'] });

/** A person already on record with the same email or phone: shown to staff to decide whether it is the same person. */
export interface PartnerMatch {
  readonly partnerId: number;
  readonly version: number;
  readonly name: string;
  /** What they share with the details given: the email, the phone, or both. */
  readonly sameEmail: boolean;
  readonly samePhone: boolean;
  /** Their roles in workstreams the person asking may see. */
  readonly roles: ReadonlyArray<{ readonly involvementId: number; readonly roleId: number; readonly stage: Stage }>;
}

/** Records that look like the same person (the same email or phone), for the Engagement team to merge. */
export interface DuplicateGroup {
  readonly sharing: string;
  readonly partners: ReadonlyArray<{
    readonly partnerId: number;
    readonly version: number;
    readonly name: string;
    readonly involvements: number;
  }>;
}

/** What a merge did. */
export interface Merge {
  readonly survivor: Partner;
  /** How many involvements moved to the survivor. */
  readonly moved: number;
}

const PEER_ORDER: readonly Partner['peerNetworkStatus'][] = ['Not invited', 'Declined', 'Invited', 'Joined'];

const TITLES = titlesOf('partners', { partnerId: 'Partner', version: 'Version', answer: 'Answer', date: 'Date' });

/** Keeping a partner's own details and their Peer Support Network place up to date. */
export class PartnerUseCases {
  constructor(private readonly ctx: UseCaseContext) {}

  /**
   * The people already on record with this email or phone, and their roles, as far
   * as the person asking may see: someone known only to workstreams they are not in
   * is not shown (that would say where else the person is involved), and is left for
   * the Engagement team to merge.
   */
  async possibleMatches(actor: Principal, input: unknown): Promise<PartnerMatch[]> {
    return possibleMatches(this.ctx, actor, parseInput(contactInput, input, TITLES));
  }

  /** Groups of records that share an email or phone, for the Engagement team to merge; erased and merged records are left out. */
  async duplicates(actor: Principal): Promise<DuplicateGroup[]> {
    await this.ctx.access.requireEngagementTeam(actor, 'see possible duplicate records');
    // Every record, read page by page and sifted here: a filter on "not merged" would match nearly all, which SharePoint refuses past its list view threshold.
    const [everyone, involvements] = await this.ctx.store.findAll([{ list: 'partners' }, { list: 'involvements' }]);
    const people = everyone.filter((person) => person.mergedInto === null && !isErased(person));
    const count = new Map<number, number>();
    for (const involvement of involvements) count.set(involvement.partnerId, (count.get(involvement.partnerId) ?? 0) + 1);
    const groups = new Map<string, Partner[]>();
    for (const person of people) {
      for (const sharing of [person.email, person.phone]) {
        if (sharing) groups.set(sharing, [...(groups.get(sharing) ?? []), person]);
      }
    }
    const seen = new Set<string>();
    const result: DuplicateGroup[] = [];
    for (const [sharing, group] of groups) {
      const ids = group
        .map((person) => person.id)
        .sort((a, b) => a - b)
        .join(',');
      if (group.length < 2 || seen.has(ids)) continue;
      seen.add(ids);
      result.push({
        sharing,
        partners: group.map((person) => ({
          partnerId: person.id,
          version: person.version,
          name: person.fullName,
          involvements: count.get(person.id) ?? 0,
        })),
      });
    }
    return result.sort((a, b) => a.partners[0].name.localeCompare(b.partners[0].name, 'en-GB'));
  }

  /**
   * Merges a duplicate record into the record of the same person (Engagement team
   * only), in one commit: the duplicate's involvements move to the survivor (with
   * their checklists, one-to-ones and audit entries, which hang off the
   * involvements); the survivor keeps its details and gains those it lacked; consent
   * to notes stands if either record held it (the earlier date); the Peer Support
   * Network status is the furthest either reached. The duplicate stays, emptied of
   * personal data and marked "Merged into partner N" (its history purged), so its
   * audit trail still answers a subject access request about the survivor.
   */
  async merge(actor: Principal, input: unknown): Promise<Merge> {
    await this.ctx.access.requireEngagementTeam(actor, 'merge duplicate records');
    const { survivorId, survivorVersion, duplicateId, duplicateVersion, key } = parseInput(mergeInput, input, {
      ...TITLES,
      survivorId: 'The record to keep',
      survivorVersion: 'Version',
      duplicateId: 'The duplicate',
      duplicateVersion: 'Version',
    });
    return this.ctx.repeatable(
      key,
      () => this.mergeNow(actor, { survivorId, survivorVersion, duplicateId, duplicateVersion }, key),
      async () => ({ survivor: await this.ctx.load('partners', survivorId), moved: 0 }),
    );
  }

  private async mergeNow(
    actor: Principal,
    ids: { survivorId: number; survivorVersion: number; duplicateId: number; duplicateVersion: number },
    key: string | undefined,
  ): Promise<Merge> {
    const [[survivor], [duplicate], theirs, mine] = await this.ctx.store.findAll([
      { list: 'partners', where: { id: ids.survivorId } },
      { list: 'partners', where: { id: ids.duplicateId } },
      { list: 'involvements', where: { partnerId: ids.duplicateId } },
      { list: 'involvements', where: { partnerId: ids.survivorId } },
    ] as const);
    if (!survivor || !duplicate)
      throw new RefusedError('merge-not-found', 'One of those records is no longer there. Reload the list of possible duplicates.');
    refuseIfErased(survivor);
    refuseIfErased(duplicate);
    const clash = theirs.find(
      (involvement) =>
        involvement.stage !== 'Ended' &&
        involvement.stage !== 'Not progressed' &&
        mine.some((other) => other.roleId === involvement.roleId && other.stage !== 'Ended' && other.stage !== 'Not progressed'),
    );
    if (clash) {
      throw new RefusedError(
        'merge-same-role',
        `Both records are on the pathway for the same role. Close one of those involvements (Not progressed) before merging, so the person has one place on it.`,
        { involvementId: clash.id },
      );
    }
    const filled = Object.fromEntries(
      (['preferredName', 'email', 'phone', 'postalAddress', 'preferredContact', 'accessNeeds'] as const)
        .filter((field) => survivor[field] === null && duplicate[field] !== null)
        .map((field) => [field, duplicate[field]]),
    );
    const consents = [survivor, duplicate].filter((record) => record.notesConsent);
    const notesConsentDate =
      consents
        .map((record) => record.notesConsentDate)
        .filter((date): date is string => date !== null)
        .sort()[0] ?? null;
    const peer = [survivor, duplicate].sort((a, b) => PEER_ORDER.indexOf(b.peerNetworkStatus) - PEER_ORDER.indexOf(a.peerNetworkStatus))[0];
    const written = await this.ctx.store.commit(
      [
        {
          op: 'update',
          list: 'partners',
          id: survivor.id,
          version: ids.survivorVersion,
          values: {
            ...filled,
            notesConsent: consents.length > 0,
            notesConsentDate: consents.length > 0 ? notesConsentDate : null,
            consentDate:
              [survivor.consentDate, duplicate.consentDate].filter((date): date is string => date !== null).sort()[0] ??
              survivor.consentDate,
            peerNetworkStatus: peer.peerNetworkStatus,
            peerNetworkDate: peer.peerNetworkDate,
          },
          summary: `Merged with duplicate record ${duplicate.id}`,
        },
        {
          op: 'update',
          list: 'partners',
          id: duplicate.id,
          version: ids.duplicateVersion,
          values: {
            ...blankPersonalFields('partners'),
            fullName: `Merged into partner ${survivor.id}`,
            notesConsent: false,
            notesConsentDate: null,
            peerNetworkStatus: 'Not invited',
            peerNetworkDate: null,
            mergedInto: survivor.id,
          },
          summary: `Merged into partner ${survivor.id}`,
        },
        ...theirs.map((involvement): Change => ({
          op: 'update',
          list: 'involvements',
          id: involvement.id,
          version: involvement.version,
          values: { partnerId: survivor.id },
          summary: `Moved to partner ${survivor.id}: the same person`,
        })),
      ],
      this.ctx.commitContext(actor, key),
    );
    await this.ctx.store.purgeHistory([{ list: 'partners', id: duplicate.id }]);
    return { survivor: written[0] as Partner, moved: theirs.length };
  }

  /** A change to one partner that is safe to send twice (see {@link UseCaseContext.repeatable}); a repeat answers with the partner as they are now. */
  private repeatable(actor: Principal, partnerId: number, key: string | undefined, attempt: () => Promise<Partner>): Promise<Partner> {
    return this.ctx.repeatable(key, attempt, () => this.ctx.loadPartner(actor, partnerId));
  }

  /**
   * Changes a partner's contact details, preferences or access needs; not an erased
   * partner's. An email or phone number must look like one, and the preferred way of
   * contact must have its details.
   */
  async updateDetails(actor: Principal, input: unknown): Promise<Partner> {
    const { partnerId, version, key, ...values } = parseInput(updateInput, input, TITLES);
    return this.repeatable(actor, partnerId, key, async () => {
      const partner = await this.ctx.loadPartner(actor, partnerId);
      refuseIfErased(partner);
      checkPreferredContact({ ...partner, ...values });
      return this.ctx.commitFirst<'partners'>(
        actor,
        [{ op: 'update', list: 'partners', id: partnerId, version, values, summary: 'Partner details updated' }],
        key,
      );
    });
  }

  /**
   * Records that the partner was invited to the Peer Support Network, and ticks
   * "Peer Support Network invitation sent" on their checklists in induction in the
   * same commit: the invitation and the item are one fact.
   */
  async invitePeerNetwork(actor: Principal, input: unknown): Promise<Partner> {
    const { partnerId, version, key, date } = parseInput(inviteInput, input, TITLES);
    return this.repeatable(actor, partnerId, key, async () => {
      const partner = await this.ctx.loadPartner(actor, partnerId);
      if (partner.peerNetworkStatus === 'Joined') {
        throw new RefusedError('already-joined', `${displayName(partner)} is already in the Peer Support Network.`);
      }
      const on = date ?? this.ctx.today();
      return this.ctx.commitFirst<'partners'>(
        actor,
        [
          {
            op: 'update',
            list: 'partners',
            id: partnerId,
            version,
            values: { peerNetworkStatus: 'Invited', peerNetworkDate: on },
            summary: 'Invited to the Peer Support Network',
          },
          ...(await peerNetworkItems(this.ctx, partnerId, true, { date: on, by: actor.name })),
        ],
        key,
      );
    });
  }

  /**
   * Takes back an invitation recorded by mistake (the partner has not answered it),
   * unticking the checklist item with it.
   */
  async withdrawPeerNetworkInvitation(actor: Principal, input: unknown): Promise<Partner> {
    const { partnerId, version, key } = parseInput(withdrawInput, input, TITLES);
    return this.repeatable(actor, partnerId, key, async () => {
      const partner = await this.ctx.loadPartner(actor, partnerId);
      if (partner.peerNetworkStatus !== 'Invited') {
        throw new RefusedError(
          'invitation-answered',
          partner.peerNetworkStatus === 'Not invited'
            ? `${displayName(partner)} has not been invited to the Peer Support Network, so there is nothing to take back.`
            : `${displayName(partner)} has ${partner.peerNetworkStatus === 'Joined' ? 'joined' : 'declined'} the Peer Support Network, so the invitation cannot be taken back. Record their answer again if it changes.`,
        );
      }
      return this.ctx.commitFirst<'partners'>(
        actor,
        [
          {
            op: 'update',
            list: 'partners',
            id: partnerId,
            version,
            values: { peerNetworkStatus: 'Not invited', peerNetworkDate: null },
            summary: 'Peer Support Network invitation taken back',
          },
          ...(await peerNetworkItems(this.ctx, partnerId, false, { date: this.ctx.today(), by: actor.name })),
        ],
        key,
      );
    });
  }

  /** Records the partner's answer to the invitation: joining is their choice. */
  async recordPeerNetworkAnswer(actor: Principal, input: unknown): Promise<Partner> {
    const { partnerId, version, key, answer, date } = parseInput(answerInput, input, TITLES);
    return this.repeatable(actor, partnerId, key, async () => {
      const partner = await this.ctx.loadPartner(actor, partnerId);
      if (partner.peerNetworkStatus === 'Not invited') {
        throw new RefusedError(
          'not-invited',
          `${displayName(partner)} has not been invited to the Peer Support Network yet. Record the invitation first.`,
        );
      }
      return this.ctx.commitFirst<'partners'>(
        actor,
        [
          {
            op: 'update',
            list: 'partners',
            id: partnerId,
            version,
            values: { peerNetworkStatus: answer, peerNetworkDate: date ?? this.ctx.today() },
            summary: `Peer Support Network: ${answer}`,
          },
        ],
        key,
      );
    });
  }
}

/**
 * The changes that make "Peer Support Network invitation sent" say `invited` on the
 * checklist of each of the partner's involvements in induction, with their stored
 * progress: committed with the invitation (or its withdrawal), so the two agree.
 */
export async function peerNetworkItems(
  ctx: UseCaseContext,
  partnerId: number,
  invited: boolean,
  stamp: { readonly date: string; readonly by: string },
): Promise<Change[]> {
  const inInduction = await ctx.store.find({ list: 'involvements', where: { partnerId, stage: 'Induction' } });
  if (inInduction.length === 0) return [];
  // Whole checklists: the stored progress is counted from every item.
  const checklists = await ctx.store.find({
    list: 'inductionTasks',
    where: { involvementId: inInduction.map((involvement) => involvement.id) },
  });
  return inInduction.flatMap((involvement) =>
    linkedItemChanges(involvement, checklists, 'Peer Support Network invitation', invited, stamp),
  );
}

/**
 * The people on record with this email or phone whom `actor` may see (see
 * {@link PartnerUseCases.possibleMatches}), with their roles in workstreams they may see.
 */
export async function possibleMatches(
  ctx: UseCaseContext,
  actor: Principal,
  contact: { readonly email?: string | null; readonly phone?: string | null },
): Promise<PartnerMatch[]> {
  const queries = [
    ...(contact.email ? [{ list: 'partners' as const, where: { email: contact.email } }] : []),
    ...(contact.phone ? [{ list: 'partners' as const, where: { phone: contact.phone } }] : []),
  ];
  if (queries.length === 0) return [];
  const found = (await ctx.store.findAll(queries)).flat().filter((person) => !isErased(person) && person.mergedInto === null);
  const people = [...new Map(found.map((person) => [person.id, person])).values()];
  if (people.length === 0) return [];
  const [reach, involvements] = await Promise.all([
    ctx.access.reachOf(actor),
    ctx.store.find({ list: 'involvements', where: { partnerId: people.map((person) => person.id) } }),
  ]);
  const visible = (involvement: Involvement) => AccessPolicy.includes(reach, involvement.workstreamId);
  return people
    .map((person) => ({ person, theirs: involvements.filter((involvement) => involvement.partnerId === person.id) }))
    .filter(({ theirs }) => reach.engagementTeam || theirs.some(visible))
    .map(({ person, theirs }) => ({
      partnerId: person.id,
      version: person.version,
      name: displayName(person),
      sameEmail: Boolean(contact.email) && person.email === contact.email,
      samePhone: Boolean(contact.phone) && person.phone === contact.phone,
      roles: theirs
        .filter(visible)
        .map((involvement) => ({ involvementId: involvement.id, roleId: involvement.roleId, stage: involvement.stage })),
    }));
}

/** What each use case above takes, as the schema that checks it (the API contract derives request bodies from these). */
export const partnerInputs = {
  possibleMatches: contactInput,
  merge: mergeInput,
  updateDetails: updateInput,
  invitePeerNetwork: inviteInput,
  withdrawPeerNetworkInvitation: withdrawInput,
  recordPeerNetworkAnswer: answerInput,
} as const;
