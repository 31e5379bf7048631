import {
  acknowledgementFor,
  CONTACT_METHODS,
  dateIn,
  describeDue,
  longDate,
  RefusedError,
  timeIn,
  type ItemDocument,
  type Member,
  type PartnerDetail,
} from '../../../domain';
import { CARD_MADE_FOR_WORKSTREAM } from '../../pathway/engine';
import type { Card, TurnScope } from '../../pathway/turn';
import { recordId } from '../../pathway/inputs';
import template from './partner-card.json';
import { CRITERIA_ON_CARD, selectionOnCard } from './selection-on-card';

/** The involvement a card is about; a card without one is refused. */
export function cardInvolvementId(involvementId: unknown): number {
  const id = recordId(involvementId);
  if (id === undefined) {
    throw new RefusedError('bad-card', 'That card is missing which partner it is about. Type **my partners** to find them again.');
  }
  return id;
}

/** One partner in one role, read through the service and checked to belong to this conversation's workstream. */
export async function loadPartner(scope: TurnScope, involvementId: unknown): Promise<PartnerDetail> {
  const id = cardInvolvementId(involvementId);
  const detail = await scope.service.partnerViews.partnerDetail(scope.turn.actor, id);
  if (scope.workstream && detail.workstream.id !== scope.workstream.id) {
    const hint =
      scope.turn.conversation.kind === 'channel' ? '' : ` Type **workstream** and choose ${detail.workstream.title} to work on them here.`;
    throw new RefusedError(
      'other-workstream',
      `That partner belongs to another workstream, not ${scope.workstream.title}. Nothing was changed.${hint}`,
    );
  }
  return detail;
}

/** The field of the "Record as held" button's data naming the one-to-one booked when the card was drawn, or false for none. */
export const BOOKED_ON_CARD = 'booked';

/** How many one-to-one notes the card shows, newest first: the rest are in the tab. */
const NOTES_SHOWN = 3;

/**
 * What staff have written about the partner, to be read again: the adjustments
 * asked for or agreed at the chat, and (while the partner's consent to notes stands) the chat
 * notes and the latest one-to-one notes. Pause and end reasons are among the facts.
 */
function writtenDown(detail: PartnerDetail): Array<{ title: string; value: string }> {
  const { involvement, partner } = detail;
  const written: Array<{ title: string; value: string }> = [];
  if (involvement.chatAdjustments) written.push({ title: detail.chatAdjustmentsTitle, value: involvement.chatAdjustments });
  if (!partner.notesConsent) return written;
  if (involvement.chatNotes) written.push({ title: 'Informal chat notes', value: involvement.chatNotes });
  const held = detail.oneToOnes.filter((item) => item.status === 'Held' && item.notes).slice(0, NOTES_SHOWN);
  for (const item of held) written.push({ title: `One-to-one, ${longDate(item.date)}`, value: item.notes ?? '' });
  return written;
}

/** The link to the document an item concerns, as the card shows it under the item; empty when there is none. */
const documentText = (document: ItemDocument | undefined): string => (document ? `Open the [${document.name}](${document.url})` : '');

/**
 * The partner card: where the partner is on the pathway, the guidance for this
 * stage, what staff have written, the buttons for every step open from here (as the
 * domain's {@link PartnerDetail.actions} says: for new interest, a message ready to
 * send), corrections to their details and named contact (`colleagues`: the
 * workstream's members), and a link to the partner in the workstream's tab.
 */
export function partnerCard(scope: TurnScope, detail: PartnerDetail, colleagues: readonly Member[] = []): Card {
  const { involvement, partner, role, workstream, actions } = detail;
  const stage = involvement.stage;
  const guidance = scope.guidance;
  // One key per card: each button's press is safe to repeat (see pressKey).
  const ref = {
    involvementId: involvement.id,
    version: involvement.version,
    partnerId: partner.id,
    partnerVersion: partner.version,
    key: globalThis.crypto.randomUUID(),
    [CARD_MADE_FOR_WORKSTREAM]: workstream.id,
  };
  const facts = [
    { title: 'Stage', value: stage },
    { title: 'Named contact', value: involvement.ownerName ?? 'Not set' },
    { title: 'Interest received', value: longDate(involvement.interestDate) },
    { title: 'Acknowledged', value: involvement.acknowledgedDate ? longDate(involvement.acknowledgedDate) : 'Not yet' },
  ];
  if (involvement.chatAt)
    facts.push({ title: 'Informal chat', value: `${chatWhen(involvement.chatAt, scope)} · ${involvement.chatWhere ?? ''}` });
  if (involvement.stageReason) facts.push({ title: 'Reason', value: involvement.stageReason });
  if (stage === 'Ended') facts.push({ title: 'Exit conversation', value: involvement.exitConversationOffered ? 'Offered' : 'Not offered' });
  facts.push({ title: 'Consent to hold details', value: consentState(partner.consentGiven, partner.consentDate, 'Not recorded') });
  if (partner.erasedDate) facts.push({ title: 'Personal data', value: `Erased on ${longDate(partner.erasedDate)}` });
  const booked = detail.oneToOnes.find((item) => item.status === 'Booked');
  const held = detail.oneToOnes.find((item) => item.status === 'Held');
  const bookedWhen = booked ? `${longDate(booked.date)}${booked.time ? ` at ${booked.time}` : ''}` : '';
  const firstItem = detail.checklist.find((task) => task.kind === 'One-to-one booked');
  const documents = guidance.itemDocuments(detail.checklist);
  return scope.cards.render(template, {
    name: detail.name,
    roleTitle: role.title,
    workstreamTitle: workstream.title,
    facts,
    guidanceTitle: `What to do at ${stage}`,
    guidance: guidance.text('pathway', stage),
    ref,
    actions,
    today: scope.today(),
    isInduction: stage === 'Induction',
    hasOneToOnes: actions.recordOneToOne,
    acknowledgement: actions.acknowledgeInterest ? acknowledgementFor(scope.guidance, detail, scope.turn.actor.name) : undefined,
    tabUrl: scope.tabLinks.workstream(workstream, partner.id),
    bookChatTitle: stage === 'Chat booked' ? 'Move the chat' : 'Book informal chat',
    written: writtenDown(detail),
    booked: booked
      ? {
          date: booked.date,
          time: booked.time ?? '',
          where: booked.where ?? '',
          when: bookedWhen,
          ref: { ...ref, oneToOneId: booked.id, oneToOneVersion: booked.version },
        }
      : undefined,
    // "Record as held" on the booked one's date records that one, so the button carries it (false: none was booked).
    heldRef: { ...ref, [BOOKED_ON_CARD]: booked ? { oneToOneId: booked.id, oneToOneVersion: booked.version, date: booked.date } : false },
    cancelNote:
      stage === 'Induction' && firstItem?.done && detail.oneToOnes.filter((item) => item.status !== 'Cancelled').length === 1
        ? `"${firstItem.label}" will be unticked until another is booked.`
        : '',
    details: {
      fullName: partner.fullName,
      preferredName: partner.preferredName ?? '',
      email: partner.email ?? '',
      phone: partner.phone ?? '',
      postalAddress: partner.postalAddress ?? '',
      preferredContact: partner.preferredContact ?? '',
      accessNeeds: partner.accessNeeds ?? '',
    },
    contactMethods: CONTACT_METHODS,
    // "Record the chat" starts from those asked for: what is agreed replaces them.
    chatAdjustments: involvement.chatAdjustments ?? '',
    ownerId: involvement.ownerId ?? '',
    colleagues: colleagues.map((member) => ({ id: member.userId, name: member.userName })),
    doneCount: detail.checklist.filter((task) => task.done).length,
    taskCount: detail.checklist.length,
    whatsLeft:
      detail.induction && detail.induction.missingRequired.length > 0
        ? `Still needed before ${detail.name} can be Active: ${detail.induction.missingRequired.join('; ')}.`
        : 'Every required item is done: make them Active when you are ready.',
    checklist: detail.checklist.map((task) => ({
      documentText: documentText(documents.find((document) => document.taskId === task.id)),
      label: task.label,
      done: task.done,
      isAgreement: task.kind === 'Agreement',
      byBooking: task.kind === 'One-to-one booked',
      mark: task.done ? '✅' : task.required ? '⬜' : '▫️',
      status: task.done
        ? `${task.kind === 'Agreement' ? 'Signed' : 'Done'} ${task.doneDate ? longDate(task.doneDate) : ''}`
        : task.kind === 'One-to-one booked'
          ? 'Ticked when the first one-to-one is booked, under One-to-ones'
          : task.required
            ? 'Required before Active'
            : 'Good practice',
      ref: { ...ref, taskId: task.id, taskVersion: task.version },
    })),
    cadenceWeeks: involvement.cadenceWeeks,
    oneToOneText: [
      `Every ${involvement.cadenceWeeks} weeks. ${describeDue(detail.nextOneToOne)}${detail.nextOneToOne.due ? ` (${longDate(detail.nextOneToOne.due)})` : ''}.`,
      booked ? `Booked: ${bookedWhen}${booked.where ? `, ${booked.where}` : ''}.` : 'None booked.',
      held ? `Last held: ${longDate(held.date)}.` : 'None held yet.',
    ].join(' '),
    oneToOneGuidance: guidance.text('one-to-ones', 'guidance'),
    canConsent: !partner.erasedDate,
    // The use case refuses a claim for someone whose personal data is erased.
    canClaim: !partner.erasedDate,
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
    selection: selectionOnCard(detail.selection),
    // The criteria as drawn go with the press, so each answer is taken for the criterion it was shown beside.
    selectionRef: { ...ref, [CRITERIA_ON_CARD]: detail.selection.criteria },
  });
}

/** "given on Tuesday 3 March 2026", or what to say when it was not given. */
function consentState(given: boolean, date: string | null, otherwise: string): string {
  if (!given) return otherwise;
  return date ? `given on ${longDate(date)}` : 'given';
}

function chatWhen(at: string, scope: TurnScope): string {
  const when = new Date(at);
  return `${longDate(dateIn(scope.timeZone, when))} at ${timeIn(scope.timeZone, when)}`;
}
