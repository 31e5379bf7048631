import { describeDue, longDate, RefusedError, type PartnerDetail } from '../../../domain';
import { CARD_WORKSTREAM } from '../../pathway/engine';
import type { Card, TurnScope } from '../../pathway/turn';
import { recordId } from '../../pathway/inputs';
import { acknowledgementFor } from '../interest/acknowledgement';
import template from './partner-card.json';

const RECRUITING = ['Interested', 'Chat booked', 'Chat held', 'Offered', 'Induction'];

/** One partner in one role, read through the service and checked to belong to this conversation's workstream. */
export async function loadPartner(scope: TurnScope, involvementId: unknown): Promise<PartnerDetail> {
  const id = recordId(involvementId);
  if (id === undefined) {
    throw new RefusedError('bad-card', 'That card is missing which partner it is about. Type **my partners** to find them again.');
  }
  const detail = await scope.service.views.partnerDetail(scope.turn.actor, id);
  if (scope.workstream && detail.workstream.id !== scope.workstream.id) {
    const hint = scope.turn.conversation.kind === 'channel' ? '' : ` Type **workstream** and choose ${detail.workstream.title} to work on them here.`;
    throw new RefusedError('other-workstream', `That partner belongs to another workstream, not ${scope.workstream.title}. Nothing was changed.${hint}`);
  }
  return detail;
}

/**
 * The partner card: where the partner is on the pathway, the guidance for this
 * stage, the buttons for every step open from here (for new interest, a message
 * ready to send), and a link to the partner in the workstream's tab.
 */
export function partnerCard(scope: TurnScope, detail: PartnerDetail): Card {
  const { involvement, partner, role, workstream } = detail;
  const stage = involvement.stage;
  const guidance = scope.guidance;
  // One key per card: each button's press is safe to repeat (see pressKey).
  const ref = {
    involvementId: involvement.id,
    version: involvement.version,
    partnerId: partner.id,
    partnerVersion: partner.version,
    key: globalThis.crypto.randomUUID(),
    [CARD_WORKSTREAM]: workstream.id,
  };
  const facts = [
    { title: 'Stage', value: stage },
    { title: 'Named contact', value: involvement.ownerName ?? 'Not set' },
    { title: 'Interest received', value: longDate(involvement.interestDate) },
    { title: 'Acknowledged', value: involvement.acknowledgedDate ? longDate(involvement.acknowledgedDate) : 'Not yet' },
  ];
  if (involvement.chatAt) facts.push({ title: 'Informal chat', value: `${chatWhen(involvement.chatAt, scope)} · ${involvement.chatWhere ?? ''}` });
  if (involvement.stageReason) facts.push({ title: 'Reason', value: involvement.stageReason });
  if (stage === 'Ended') facts.push({ title: 'Exit conversation', value: involvement.exitConversationOffered ? 'Offered' : 'Not offered' });
  facts.push({ title: 'Consent to hold details', value: consentState(partner.consentGiven, partner.consentDate, 'Not recorded') });
  if (partner.erasedDate) facts.push({ title: 'Personal data', value: `Erased on ${longDate(partner.erasedDate)}` });
  const booked = detail.oneToOnes.filter((item) => item.status === 'Booked');
  const held = detail.oneToOnes.find((item) => item.status === 'Held');
  const canAcknowledge = stage === 'Interested' && !involvement.acknowledgedDate;
  return scope.cards.render(template, {
    name: detail.name,
    roleTitle: role.title,
    workstreamTitle: workstream.title,
    facts,
    guidanceTitle: `What to do at ${stage}`,
    guidance: guidance.text('pathway', stage),
    ref,
    today: scope.today(),
    isInduction: stage === 'Induction',
    isActive: stage === 'Active',
    isPaused: stage === 'Paused',
    hasOneToOnes: ['Induction', 'Active', 'Paused'].includes(stage),
    canAcknowledge,
    acknowledgement: canAcknowledge ? acknowledgementFor(scope, detail) : undefined,
    tabUrl: scope.tabLinks.workstream(workstream, partner.id),
    canBookChat: stage === 'Interested' || stage === 'Chat booked',
    bookChatTitle: stage === 'Chat booked' ? 'Move the chat' : 'Book informal chat',
    canHoldChat: stage === 'Chat booked',
    canOffer: stage === 'Chat held',
    canStartInduction: stage === 'Offered',
    canEnd: stage === 'Active' || stage === 'Paused',
    canNotProgress: RECRUITING.includes(stage),
    doneCount: detail.checklist.filter((task) => task.done).length,
    taskCount: detail.checklist.length,
    whatsLeft:
      detail.induction && detail.induction.missingRequired.length > 0
        ? `Still needed before ${detail.name} can be Active: ${detail.induction.missingRequired.join('; ')}.`
        : 'Every required item is done: make them Active when you are ready.',
    checklist: detail.checklist.map((task) => ({
      label: task.label,
      done: task.done,
      isAgreement: task.kind === 'Agreement',
      mark: task.done ? '✅' : task.required ? '⬜' : '▫️',
      status: task.done
        ? `${task.kind === 'Agreement' ? 'Signed' : 'Done'} ${task.doneDate ? longDate(task.doneDate) : ''}`
        : task.required
          ? 'Required before Active'
          : 'Good practice',
      ref: { ...ref, taskId: task.id, taskVersion: task.version },
    })),
    cadenceWeeks: involvement.cadenceWeeks,
    oneToOneText: [
      `Every ${involvement.cadenceWeeks} weeks. ${describeDue(detail.nextOneToOne)}${detail.nextOneToOne.due ? ` (${longDate(detail.nextOneToOne.due)})` : ''}.`,
      booked.length > 0 ? `Booked: ${booked.map((item) => `${longDate(item.date)}${item.time ? ` at ${item.time}` : ''}`).join(', ')}.` : 'None booked.',
      held ? `Last held: ${longDate(held.date)}.` : 'None held yet.',
    ].join(' '),
    oneToOneGuidance: guidance.text('one-to-ones', 'guidance'),
    canConsent: !partner.erasedDate,
    notesConsent: partner.notesConsent,
    notesConsentState: consentState(partner.notesConsent, partner.notesConsentDate, 'not given'),
    consent: {
      notes: guidance.text('consent', 'notes'),
      record: guidance.text('consent', 'record'),
      withdraw: guidance.text('consent', 'withdraw'),
      noConsent: guidance.text('consent', 'no consent'),
    },
    peerText: `Peer Support Network: ${partner.peerNetworkStatus}. ${guidance.text('peer-support-network', 'invite')}`,
    pauseGuidance: guidance.text('pause-and-end', 'pause'),
    endGuidance: guidance.text('pause-and-end', 'end'),
    notProgressGuidance: guidance.text('pause-and-end', 'not progressed'),
  });
}

/** "given on Tuesday 3 March 2026", or what to say when it was not given. */
function consentState(given: boolean, date: string | null, otherwise: string): string {
  if (!given) return otherwise;
  return date ? `given on ${longDate(date)}` : 'given';
}

function chatWhen(at: string, scope: TurnScope): string {
  const when = new Date(at);
  const zone = scope.timeZone;
  const time = new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit' }).format(when);
  const date = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(when);
  return `${longDate(date)} at ${time}`;
}
