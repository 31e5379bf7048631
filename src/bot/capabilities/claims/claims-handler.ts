import { approversOf, EXPENSE_KINDS, longDate, pounds, RefusedError, type Claim, type ClaimLine } from '../../../domain';
import type { Cards } from '../../pathway/cards';
import { CARD_MADE_FOR_WORKSTREAM } from '../../pathway/engine';
import { decimal, optionalText, penceOf, recordId, toggle } from '../../pathway/inputs';
import { pressKey, replace, show, type Capability, type Card, type TurnResult, type TurnScope } from '../../pathway/turn';
import { loadPartner } from '../partner/partner-card';
import template from './claim-card.json';
import formTemplate from './claim-form-card.json';
import partnerTemplate from './claim-partner-card.json';
import withdrawnTemplate from './claim-withdrawn-card.json';

/**
 * The expense rows the form holds. A fixed few keeps the card usable on a phone and
 * needs no round trip to add a row; most claims are one or two lines (mileage and
 * parking, say). A claim with more is recorded in the tab.
 */
const EXPENSE_ROWS = 3;

/** The form's choice of no half or full day (a choice, since a chosen radio button cannot be cleared). */
const NO_DAY = 'none';

/** The partners of the conversation's workstream, to choose whom a claim is for. */
async function choosePartner(scope: TurnScope): Promise<TurnResult> {
  if (!scope.workstream) throw new RefusedError('no-workstream', 'Choose a workstream first: type **workstream**.');
  const { rows } = await scope.service.partnerViews.dashboard(scope.turn.actor, scope.workstream.id);
  const card = scope.cards.render(partnerTemplate, {
    workstream: scope.workstream.title,
    partners: rows.map((row) => ({ title: `${row.preferredName ?? row.name} · ${row.roleTitle}`, value: String(row.involvementId) })),
    ref: { [CARD_MADE_FOR_WORKSTREAM]: scope.workstream.id },
  });
  return show(card, 'Record a claim');
}

/**
 * The claim form for one partner, as the use case says a claim for them may be: a
 * half or full day only where their role's level is paid. A card made for another
 * workstream than this conversation's has the partner checked to belong here first.
 */
async function claimForm(scope: TurnScope, data: Readonly<Record<string, unknown>>): Promise<TurnResult> {
  const involvementId = recordId(data.involvementId);
  if (involvementId === undefined) throw new RefusedError('no-partner', 'Choose the partner the claim is for.');
  if (scope.workstream && data[CARD_MADE_FOR_WORKSTREAM] !== scope.workstream.id) await loadPartner(scope, involvementId);
  const offer = await scope.service.claims.offerFor(scope.turn.actor, involvementId);
  const card = scope.cards.render(formTemplate, {
    name: offer.partnerName,
    roleTitle: offer.roleTitle,
    today: scope.today(),
    paymentNote: offer.paymentNote,
    dayLengths: offer.dayLengths,
    noDay: NO_DAY,
    expensesNote: offer.expensesNote,
    linesNote: `Up to ${EXPENSE_ROWS} here; for more, record the claim in the tab.`,
    lines: Array.from({ length: EXPENSE_ROWS }, (_, index) => ({ number: index + 1 })),
    kinds: EXPENSE_KINDS,
    // One key per card: pressing the same button again records nothing twice (see pressKey).
    ref: { involvementId, key: globalThis.crypto.randomUUID(), [CARD_MADE_FOR_WORKSTREAM]: offer.workstreamId },
  });
  return replace(card, `Record a claim for ${offer.partnerName}`);
}

/** The expense rows filled in on the form, as the use case takes them; rows left empty are left out. */
function expensesFrom(data: Readonly<Record<string, unknown>>): unknown[] {
  return Array.from({ length: EXPENSE_ROWS }, (_, index) => index + 1).flatMap((row) => {
    const kind = optionalText(data[`kind${row}`]);
    const amount = data[`amount${row}`];
    if (kind === undefined && optionalText(amount) === undefined) return [];
    const receiptHeld = toggle(data[`receipt${row}`]);
    return [kind === 'Mileage' ? { kind, miles: decimal(amount), receiptHeld } : { kind, amountPence: penceOf(amount), receiptHeld }];
  });
}

/** Records the claim on the form as a Draft. */
function recordDraft(scope: TurnScope, data: Readonly<Record<string, unknown>>): Promise<Claim> {
  return scope.service.claims.create(scope.turn.actor, {
    involvementId: recordId(data.involvementId),
    key: pressKey(scope.turn.action),
    activityDate: optionalText(data.activityDate),
    description: optionalText(data.description),
    dayLength: data.dayLength === NO_DAY ? undefined : optionalText(data.dayLength),
    expenses: expensesFrom(data),
  });
}

/** "Mileage: 12.5 miles, £5.63, receipt held" */
function lineText(line: ClaimLine['lines'][number]): string {
  return `${line.miles === null ? '' : `${line.miles} miles, `}${pounds(line.amountPence)}, receipt ${line.receiptHeld ? 'held' : 'not held'}`;
}

/**
 * A recorded claim's card: what it holds, where it is, who may decide it, and the
 * buttons for its next step. The same card is sent to a submitted claim's approvers.
 */
export function claimCard(cards: Cards, line: ClaimLine): Card {
  const { claim } = line;
  const facts = [
    { title: 'Date', value: longDate(claim.activityDate) },
    { title: 'What it was', value: claim.description },
    ...(claim.dayLength
      ? [{ title: claim.dayLength, value: claim.paymentDeclined ? 'Payment declined' : pounds(claim.paymentPence) }]
      : []),
    ...line.lines.map((expense) => ({ title: expense.kind, value: lineText(expense) })),
    { title: 'Total', value: pounds(claim.paymentPence + claim.expensesPence) },
    { title: 'Recorded by', value: claim.recordedBy },
    ...(claim.submittedBy ? [{ title: 'Submitted by', value: claim.submittedBy }] : []),
    ...(claim.decidedBy ? [{ title: claim.status === 'Rejected' ? 'Rejected by' : 'Approved by', value: claim.decidedBy }] : []),
    ...(claim.rejectionReason ? [{ title: 'Reason', value: claim.rejectionReason }] : []),
  ];
  return cards.render(template, {
    name: line.partnerName,
    status: claim.status,
    facts,
    approvers: claim.status === 'Submitted' ? approversOf(claim) : '',
    canSubmit: claim.status === 'Draft',
    canDecide: claim.status === 'Submitted',
    ref: { claimId: claim.id, version: claim.version, key: globalThis.crypto.randomUUID(), [CARD_MADE_FOR_WORKSTREAM]: claim.workstreamId },
    partnerRef: { involvementId: claim.involvementId, [CARD_MADE_FOR_WORKSTREAM]: claim.workstreamId },
  });
}

/** A recorded claim's card in place of the one pressed. */
async function showClaim(scope: TurnScope, claimId: number, note?: string): Promise<TurnResult> {
  const line = await scope.service.claims.one(scope.turn.actor, claimId);
  return replace(claimCard(scope.cards, line), `Claim for ${line.partnerName || 'a partner'}: ${line.claim.status}`, note);
}

/** What is said once a claim is submitted: who may now approve it. */
const submittedNote = (claim: Claim) => `Submitted for approval. ${approversOf(claim)}`;

/** The claim a card is about; a card without one is refused. */
function cardClaimId(data: Readonly<Record<string, unknown>>): number {
  const id = recordId(data.claimId);
  if (id === undefined) throw new RefusedError('bad-card', 'That card is missing which claim it is about. Nothing was changed.');
  return id;
}

/** A claim card's reference to its claim, as the use cases take it. */
function claimRef(scope: TurnScope, data: Readonly<Record<string, unknown>>) {
  return { claimId: cardClaimId(data), version: recordId(data.version), key: pressKey(scope.turn.action) };
}

/**
 * Claims for a partner's involvement payment and expenses: recorded by staff in chat
 * (typed, or from the partner's card after a one-to-one or a meeting), saved as a
 * draft or submitted, and approved or rejected by whoever the use case allows.
 */
export const claimsCapability: Capability = {
  name: 'claims',
  triggers: ['claim', 'record a claim', 'new claim'],
  onText: (scope) => choosePartner(scope),
  actions: {
    'claim.new': (scope, data) => claimForm(scope, data),
    'claim.save': async (scope, data) => {
      const draft = await recordDraft(scope, data);
      return showClaim(scope, draft.id, 'Saved as a draft. Submit it for approval when it is ready.');
    },
    'claim.submitNew': async (scope, data) => {
      const draft = await recordDraft(scope, data);
      const key = pressKey(scope.turn.action);
      const submitted = await scope.service.claims.submit(scope.turn.actor, {
        claimId: draft.id,
        version: draft.version,
        key: key && `${key}:submit`,
      });
      return showClaim(scope, submitted.id, submittedNote(submitted));
    },
    'claim.open': (scope, data) => showClaim(scope, cardClaimId(data)),
    'claim.submit': async (scope, data) => {
      const submitted = await scope.service.claims.submit(scope.turn.actor, claimRef(scope, data));
      return showClaim(scope, submitted.id, submittedNote(submitted));
    },
    'claim.withdraw': async (scope, data) => {
      const { claim, partnerName } = await scope.service.claims.one(scope.turn.actor, cardClaimId(data));
      await scope.service.claims.withdraw(scope.turn.actor, claimRef(scope, data));
      const card = scope.cards.render(withdrawnTemplate, {
        name: partnerName,
        partnerRef: { involvementId: claim.involvementId, [CARD_MADE_FOR_WORKSTREAM]: claim.workstreamId },
      });
      return replace(
        card,
        `Claim for ${partnerName || 'a partner'} withdrawn`,
        'Draft claim withdrawn: it is deleted, and nothing is claimed.',
      );
    },
    'claim.approve': async (scope, data) => {
      const overCap = toggle(data.adviceHadAndGoesOverCap) === true;
      const approved = await scope.service.claims.approve(scope.turn.actor, {
        ...claimRef(scope, data),
        ...(overCap ? { adviceHadAndGoesOverCap: true } : {}),
      });
      return showClaim(scope, approved.id, 'Claim approved.');
    },
    'claim.reject': async (scope, data) => {
      const rejected = await scope.service.claims.reject(scope.turn.actor, { ...claimRef(scope, data), reason: optionalText(data.reason) });
      return showClaim(scope, rejected.id, 'Claim rejected, with your reason.');
    },
  },
};
