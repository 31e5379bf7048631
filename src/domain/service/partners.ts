import { z } from 'zod';
import { RefusedError } from '../errors';
import { checkPreferredContact, emailInput, phoneInput } from '../contact';
import { linkedItemChanges } from '../induction';
import { refuseIfErased } from '../personal-data';
import type { Principal } from '../principal';
import { partners, type Partner } from '../schema/lists';
import type { Change } from '../store';
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

const TITLES = titlesOf('partners', { partnerId: 'Partner', version: 'Version', answer: 'Answer', date: 'Date' });

/** Keeping a partner's own details and their Peer Support Network place up to date. */
export class PartnerUseCases {
  constructor(private readonly ctx: UseCaseContext) {}

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
      return this.ctx.commitFirst<'partners'>(actor, [
        { op: 'update', list: 'partners', id: partnerId, version, values, summary: 'Partner details updated' },
      ], key);
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
      return this.ctx.commitFirst<'partners'>(actor, [
        {
          op: 'update',
          list: 'partners',
          id: partnerId,
          version,
          values: { peerNetworkStatus: 'Invited', peerNetworkDate: on },
          summary: 'Invited to the Peer Support Network',
        },
        ...(await peerNetworkItems(this.ctx, partnerId, true, { date: on, by: actor.name })),
      ], key);
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
      return this.ctx.commitFirst<'partners'>(actor, [
        { op: 'update', list: 'partners', id: partnerId, version, values: { peerNetworkStatus: 'Not invited', peerNetworkDate: null }, summary: 'Peer Support Network invitation taken back' },
        ...(await peerNetworkItems(this.ctx, partnerId, false, { date: this.ctx.today(), by: actor.name })),
      ], key);
    });
  }

  /** Records the partner's answer to the invitation: joining is their choice. */
  async recordPeerNetworkAnswer(actor: Principal, input: unknown): Promise<Partner> {
    const { partnerId, version, key, answer, date } = parseInput(answerInput, input, TITLES);
    return this.repeatable(actor, partnerId, key, async () => {
      const partner = await this.ctx.loadPartner(actor, partnerId);
      if (partner.peerNetworkStatus === 'Not invited') {
        throw new RefusedError('not-invited', `${displayName(partner)} has not been invited to the Peer Support Network yet. Record the invitation first.`);
      }
      return this.ctx.commitFirst<'partners'>(actor, [
        {
          op: 'update',
          list: 'partners',
          id: partnerId,
          version,
          values: { peerNetworkStatus: answer, peerNetworkDate: date ?? this.ctx.today() },
          summary: `Peer Support Network: ${answer}`,
        },
      ], key);
    });
  }
}

/**
 * The changes that make "Peer Support Network invitation sent" say `invited` on the
 * checklist of each of the partner's involvements in induction, with their stored
 * progress: committed with the invitation (or its withdrawal), so the two agree.
 */
export async function peerNetworkItems(ctx: UseCaseContext, partnerId: number, invited: boolean, stamp: { readonly date: string; readonly by: string }): Promise<Change[]> {
  const inInduction = await ctx.store.find({ list: 'involvements', where: { partnerId, stage: 'Induction' } });
  if (inInduction.length === 0) return [];
  // Whole checklists: the stored progress is counted from every item.
  const checklists = await ctx.store.find({ list: 'inductionTasks', where: { involvementId: inInduction.map((involvement) => involvement.id) } });
  return inInduction.flatMap((involvement) => linkedItemChanges(involvement, checklists, 'Peer Support Network invitation', invited, stamp));
}
