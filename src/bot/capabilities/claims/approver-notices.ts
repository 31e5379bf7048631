import type { Claim, PathwayService, Principal } from '../../../domain';
import { errorFields, type Logger } from '../../../logging/logger';
import type { Cards } from '../../pathway/cards';
import type { Messenger, Recipient } from '../../pathway/messenger';
import { claimCard } from './claims-handler';

/**
 * Tells a submitted claim's approvers, as soon as it is submitted (in chat or from the
 * tab), with its card and its Approve and Reject buttons: the named contact who is to
 * approve it in their personal chat, or the Engagement team in their channel when it
 * is theirs. Never the submitter. Whoever cannot be reached yet (the bot has no
 * conversation with them) is not told, and the 14-day reminder remains; the claim is
 * submitted all the same. Logs carry no names.
 */
export class ApproverNotices {
  private readonly sending = new Set<Promise<void>>();

  constructor(
    private readonly service: PathwayService,
    private readonly messenger: Messenger,
    private readonly cards: Cards,
    private readonly engagementChannelId: string | undefined,
    private readonly logger: Logger,
  ) {}

  /** Starts telling the approvers of each claim the service submits. */
  listen(): void {
    this.service.claims.whenSubmitted((submitter, claim) => this.track(this.tell(submitter, claim)));
  }

  /** Resolves once every notice being sent has been sent or given up. */
  async settled(): Promise<void> {
    await Promise.all([...this.sending]);
  }

  private track(sending: Promise<void>): void {
    const done: Promise<void> = sending
      .catch((error: unknown) => this.logger.error('The approver of a submitted claim could not be told', errorFields(error)))
      .finally(() => this.sending.delete(done));
    this.sending.add(done);
  }

  private async tell(submitter: Principal, claim: Claim): Promise<void> {
    const to = this.approverOf(claim);
    if (!to) return;
    // Read as the submitter, who may see the claim: the card then shows what its approver sees on opening it.
    const line = await this.service.claims.one(submitter, claim.id);
    const sent = await this.messenger.send(to, {
      card: claimCard(this.cards, line),
      summary: `A claim for ${line.partnerName} to approve`,
    });
    if (!sent) this.logger.info('The approver of a submitted claim is not reachable in chat yet', { claimId: claim.id });
  }

  /** Where the people who may approve the claim are: its named approver, else the Engagement team's channel; never its submitter. */
  private approverOf(claim: Claim): Recipient | undefined {
    if (claim.approverId) return claim.approverId === claim.submittedById ? undefined : { userId: claim.approverId };
    return this.engagementChannelId ? { teamsChannelId: this.engagementChannelId } : undefined;
  }
}
