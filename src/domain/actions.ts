import { STAGE_TRANSITIONS } from './involvement';
import { isErased } from './personal-data';
import { ROLE_TRANSITIONS } from './role';
import type { Involvement, OneToOne, Partner, Role, Stage } from './schema/lists';

/**
 * What can be done next with one partner in one role, decided here once for the bot's
 * cards and the tab alike: each surface shows what is true here and nothing else. The
 * use cases still check every rule when the step is taken (the facts may have moved
 * on); these say only which steps are worth offering.
 */
export interface PartnerActions {
  /** The stages the involvement may move to from here. */
  readonly nextStages: readonly Stage[];
  readonly acknowledgeInterest: boolean;
  /** Book the informal chat, or move the one booked. */
  readonly bookChat: boolean;
  readonly holdChat: boolean;
  readonly offer: boolean;
  readonly startInduction: boolean;
  /** Tick and untick induction items. */
  readonly changeChecklist: boolean;
  readonly activate: boolean;
  readonly pause: boolean;
  readonly resume: boolean;
  readonly end: boolean;
  readonly notProgress: boolean;
  /** Book a one-to-one: only while none is booked (move or cancel that one instead). */
  readonly bookOneToOne: boolean;
  /** Move or cancel the one-to-one booked. */
  readonly changeBookedOneToOne: boolean;
  readonly recordOneToOne: boolean;
  readonly setCadence: boolean;
  readonly invitePeerNetwork: boolean;
  readonly recordPeerNetworkAnswer: boolean;
  /** Take back an invitation to the Peer Support Network not answered yet. */
  readonly withdrawPeerNetworkInvitation: boolean;
  /** Correct the partner's details, and record or withdraw consent to notes. */
  readonly editDetails: boolean;
  /** Change who is the partner's named contact. */
  readonly reassign: boolean;
  /** Offer the equality monitoring form: once, until it is answered or declined. */
  readonly fillMonitoring: boolean;
}

/** The stages at which a partner has one-to-ones. */
const ONE_TO_ONE_STAGES: readonly Stage[] = ['Induction', 'Active', 'Paused'];

/** What can be done next with `involvement`, whose partner is `partner` and one-to-ones `oneToOnes`. */
export function partnerActions(involvement: Involvement, partner: Partner, oneToOnes: readonly OneToOne[]): PartnerActions {
  const stage = involvement.stage;
  const open = !isErased(partner);
  const next = open ? STAGE_TRANSITIONS[stage] : [];
  const hasOneToOnes = open && ONE_TO_ONE_STAGES.includes(stage);
  const booked = oneToOnes.some((item) => item.status === 'Booked');
  return {
    nextStages: next,
    acknowledgeInterest: open && stage === 'Interested' && involvement.acknowledgedDate === null,
    bookChat: open && (next.includes('Chat booked') || stage === 'Chat booked'),
    holdChat: next.includes('Chat held'),
    offer: next.includes('Offered'),
    startInduction: next.includes('Induction'),
    changeChecklist: open && stage === 'Induction',
    activate: stage === 'Induction' && next.includes('Active'),
    pause: next.includes('Paused'),
    resume: stage === 'Paused' && next.includes('Active'),
    end: next.includes('Ended'),
    notProgress: next.includes('Not progressed'),
    bookOneToOne: hasOneToOnes && !booked,
    changeBookedOneToOne: hasOneToOnes && booked,
    recordOneToOne: hasOneToOnes,
    setCadence: hasOneToOnes,
    invitePeerNetwork: open && (partner.peerNetworkStatus === 'Not invited' || partner.peerNetworkStatus === 'Declined'),
    recordPeerNetworkAnswer: open && partner.peerNetworkStatus !== 'Not invited',
    withdrawPeerNetworkInvitation: open && partner.peerNetworkStatus === 'Invited',
    editDetails: open,
    reassign: open && !['Ended', 'Not progressed'].includes(stage),
    fillMonitoring: open && !involvement.monitoring,
  };
}

/** What can be done next with a role, decided once for the bot and the tab (see {@link PartnerActions}). */
export interface RoleActions {
  /** The description may be edited (Draft and Ready). */
  readonly edit: boolean;
  readonly markReady: boolean;
  readonly backToDraft: boolean;
  /** Send the advert to the Engagement team: Ready, and not already waiting for them. */
  readonly sendAdvert: boolean;
  /** Approve or send back the advert: it waits for the Engagement team, and the person is in it. */
  readonly decideAdvert: boolean;
  readonly markFilled: boolean;
  readonly close: boolean;
  readonly logInterest: boolean;
  /** Change who leads the recruiting. */
  readonly reassign: boolean;
}

/** What can be done next with `role`, by someone who is (or is not) in the Engagement team. */
export function roleActions(role: Role, engagementTeam: boolean): RoleActions {
  const next = ROLE_TRANSITIONS[role.status];
  const waiting = role.advertState === 'Awaiting approval';
  return {
    edit: role.status === 'Draft' || role.status === 'Ready',
    markReady: next.includes('Ready') && role.status === 'Draft',
    backToDraft: role.status === 'Ready',
    sendAdvert: role.status === 'Ready' && !waiting,
    decideAdvert: waiting && engagementTeam,
    markFilled: next.includes('Filled'),
    close: next.includes('Closed'),
    logInterest: role.status === 'Ready' || role.status === 'Advertised',
    reassign: role.status !== 'Filled' && role.status !== 'Closed',
  };
}
