import { z } from 'zod';
import { RefusedError } from '../errors';
import { refuseIfErased } from '../personal-data';
import type { Principal } from '../principal';
import { partners, type Partner } from '../schema/lists';
import { displayName, idempotencyKey, itemRef, parseInput, titlesOf, UseCaseContext } from './context';

const ref = { partnerId: itemRef.id, version: itemRef.version, key: idempotencyKey };

const updateInput = partners.schema
  .pick({ fullName: true, preferredName: true, email: true, phone: true, postalAddress: true, preferredContact: true, accessNeeds: true })
  .partial()
  .extend(ref)
  .strict();

const answerInput = z
  .object({ ...ref, answer: z.enum(['Joined', 'Declined']), date: partners.fields.peerNetworkDate.unwrap().optional() })
  .strict();
const inviteInput = z.object({ ...ref, date: partners.fields.peerNetworkDate.unwrap().optional() }).strict();

const TITLES = titlesOf('partners', { partnerId: 'Partner', version: 'Version', answer: 'Answer', date: 'Date' });

/** Keeping a partner's own details and their Peer Support Network place up to date. */
export class PartnerUseCases {
  constructor(private readonly ctx: UseCaseContext) {}

  /** A change to one partner that is safe to send twice (see {@link UseCaseContext.repeatable}); a repeat answers with the partner as they are now. */
  private repeatable(actor: Principal, partnerId: number, key: string | undefined, attempt: () => Promise<Partner>): Promise<Partner> {
    return this.ctx.repeatable(key, attempt, () => this.ctx.loadPartner(actor, partnerId));
  }

  /** Changes a partner's contact details, preferences or access needs; not an erased partner's. */
  async updateDetails(actor: Principal, input: unknown): Promise<Partner> {
    const { partnerId, version, key, ...values } = parseInput(updateInput, input, TITLES);
    return this.repeatable(actor, partnerId, key, async () => {
      refuseIfErased(await this.ctx.loadPartner(actor, partnerId));
      return this.ctx.commitFirst<'partners'>(actor, [
        { op: 'update', list: 'partners', id: partnerId, version, values, summary: 'Partner details updated' },
      ], key);
    });
  }

  /** Records that the partner was invited to the Peer Support Network. */
  async invitePeerNetwork(actor: Principal, input: unknown): Promise<Partner> {
    const { partnerId, version, key, date } = parseInput(inviteInput, input, TITLES);
    return this.repeatable(actor, partnerId, key, async () => {
      const partner = await this.ctx.loadPartner(actor, partnerId);
      if (partner.peerNetworkStatus === 'Joined') {
        throw new RefusedError('already-joined', `${displayName(partner)} is already in the Peer Support Network.`);
      }
      return this.ctx.commitFirst<'partners'>(actor, [
        {
          op: 'update',
          list: 'partners',
          id: partnerId,
          version,
          values: { peerNetworkStatus: 'Invited', peerNetworkDate: date ?? this.ctx.today() },
          summary: 'Invited to the Peer Support Network',
        },
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
