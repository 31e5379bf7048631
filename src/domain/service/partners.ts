import { z } from 'zod';
import { RefusedError } from '../errors';
import { refuseIfErased } from '../personal-data';
import type { Principal } from '../principal';
import { partners, type Partner } from '../schema/lists';
import { displayName, itemRef, parseInput, titlesOf, UseCaseContext } from './context';

const ref = { partnerId: itemRef.id, version: itemRef.version };

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

  /** Changes a partner's contact details, preferences or access needs; not an erased partner's. */
  async updateDetails(actor: Principal, input: unknown): Promise<Partner> {
    const { partnerId, version, ...values } = parseInput(updateInput, input, TITLES);
    refuseIfErased(await this.ctx.loadPartner(actor, partnerId));
    return this.ctx.commitFirst<'partners'>(actor, [
      { op: 'update', list: 'partners', id: partnerId, version, values, summary: 'Partner details updated' },
    ]);
  }

  /** Records that the partner was invited to the Peer Support Network. */
  async invitePeerNetwork(actor: Principal, input: unknown): Promise<Partner> {
    const { partnerId, version, date } = parseInput(inviteInput, input, TITLES);
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
    ]);
  }

  /** Records the partner's answer to the invitation: joining is their choice. */
  async recordPeerNetworkAnswer(actor: Principal, input: unknown): Promise<Partner> {
    const { partnerId, version, answer, date } = parseInput(answerInput, input, TITLES);
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
    ]);
  }
}
