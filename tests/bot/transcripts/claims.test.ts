import type { Involvement, Principal } from '../../../src/domain';
import { advertisedRole, at, interested, workstream } from '../arrange';
import { until } from '../../wait';
import {
  button,
  buttonsOf,
  ENGAGEMENT,
  ENGAGEMENT_CHANNEL,
  factsOf,
  LEAD,
  LEAD_PRINCIPAL,
  NADIA,
  textOf,
  Transcript,
  type Where,
} from '../transcript-harness';

/** A colleague in the workstream, who records claims that the named contact (the lead) then decides. */
const SAM = { id: '29:sam', name: 'Sam Jones', aadObjectId: '5a7c9e1b-3d5f-4a6b-8c9d-0e1f2a3b4c5d' };
const SAM_PRINCIPAL: Principal = { id: SAM.aadObjectId, name: SAM.name, email: '', tenantId: 'tenant' };
const SAMS_CHAT: Where = { conversation: { id: 'a:sam-personal', conversationType: 'personal' }, channelData: {} };

let t: Transcript;
beforeEach(async () => {
  t = await Transcript.start('2026-03-10');
});
afterEach(() => t.close());

/** Maya, Active in a level 4 role (paid under the default rule), and Leo, Active in a level 2 role (not paid). */
async function partners(): Promise<{ maya: Involvement; leo: Involvement }> {
  const ws = await workstream(t.service, 'Maternity', [SAM_PRINCIPAL]);
  const senior = await advertisedRole(t.service, ws.id, 'Senior partner', LEAD_PRINCIPAL, { level: 4 });
  const panel = await advertisedRole(t.service, ws.id, 'Panel member', LEAD_PRINCIPAL, { level: 2 });
  const maya = await at(t.service, await interested(t.service, senior.id, 'Maya Jones'), 'Active');
  const leo = await at(t.service, await interested(t.service, panel.id, 'Leo Grant'), 'Active');
  return { maya, leo };
}

/** What the form sends for a full day with mileage and parking. */
const FILLED = {
  activityDate: '2026-03-09',
  description: 'Design group workshop',
  dayLength: 'Full day',
  kind1: 'Mileage',
  amount1: '12.5',
  receipt1: 'false',
  kind2: 'Parking',
  amount2: '£4.50',
  receipt2: 'true',
  receipt3: 'false',
};

/** The value a choice with this title on a card sends. */
function choiceOf(card: unknown, title: string): string {
  const choices: Array<{ title: string; value: string }> = [];
  JSON.stringify(card, (key, value: unknown) => {
    if (key === 'choices' && Array.isArray(value)) choices.push(...(value as typeof choices));
    return value;
  });
  const found = choices.find((choice) => choice.title === title);
  if (!found) throw new Error(`No choice "${title}" on the card`);
  return found.value;
}

/** The claim form for `involvementId`, opened by `who`, filled in with `fields` and pressed at `verb`: that press's turn. */
async function filledIn(involvementId: number, verb: string, fields: Record<string, unknown>, where?: Where, who = LEAD) {
  const form = (await t.presses('claim.new', { involvementId }, where, who)).updated;
  return t.presses(verb, { ...button(form, verb), ...fields }, where, who);
}

const claimsNow = () => t.store.find({ list: 'claims' });

/** A claim for Maya recorded and submitted in chat by `who`: its card. */
async function submittedBy(who: typeof LEAD, where?: Where) {
  const { maya } = await partners();
  return (await filledIn(maya.id, 'claim.submitNew', FILLED, where, who)).updated;
}

describe('Record a claim', () => {
  it('lead types "record a claim", chooses Maya, fills in a full day with mileage and parking, and submits / recorded at the rates, and the bot says who can approve it', async () => {
    const { maya } = await partners();
    const picker = (await t.says('record a claim')).cards[0];
    expect(textOf(picker)).toContain('Who is the claim for?');
    expect(textOf(picker)).toContain('Maya Jones · Senior partner');
    const form = (await t.presses('claim.new', { ...button(picker, 'claim.new'), involvementId: String(maya.id) })).updated;
    expect(textOf(form)).toContain('Record a claim for Maya Jones');
    expect(textOf(form)).toContain('A half day is paid £75.00 and a full day £150.00.');
    expect(textOf(form)).toContain('Half or full day');

    const { updated, replies } = await t.presses('claim.submitNew', { ...button(form, 'claim.submitNew'), ...FILLED });
    expect(replies.map((reply) => reply.text)).toEqual(['Submitted for approval. The Engagement team can approve or reject it.']);
    expect(factsOf(updated)).toEqual(
      expect.arrayContaining([
        { title: 'Full day', value: '£150.00' },
        { title: 'Mileage', value: '12.5 miles, £5.63, receipt not held' },
        { title: 'Parking', value: '£4.50, receipt held' },
        { title: 'Total', value: '£160.13' },
      ]),
    );
    expect(await claimsNow()).toEqual([
      expect.objectContaining({
        status: 'Submitted',
        involvementId: maya.id,
        activityDate: '2026-03-09',
        dayLength: 'Full day',
        paymentPence: 15000,
        expensesPence: 563 + 450,
        submittedBy: 'Priya Shah',
      }),
    ]);
  });

  it('a colleague submits a claim for a partner whose named contact is the lead / the bot says the lead or the Engagement team can approve it', async () => {
    const { maya } = await partners();
    const { replies } = await filledIn(maya.id, 'claim.submitNew', FILLED, SAMS_CHAT, SAM);
    expect(replies.map((reply) => reply.text)).toEqual([
      'Submitted for approval. Priya Shah or the Engagement team can approve or reject it.',
    ]);
  });

  it('lead saves a draft, then submits it from the claim card / Draft, then Submitted', async () => {
    const { maya } = await partners();
    const form = (await t.presses('claim.new', { involvementId: maya.id })).updated;
    const saved = await t.presses('claim.save', {
      ...button(form, 'claim.save'),
      ...FILLED,
      dayLength: choiceOf(form, 'Neither: expenses only'),
    });
    expect(saved.replies.map((reply) => reply.text)).toEqual(['Saved as a draft. Submit it for approval when it is ready.']);
    expect((await claimsNow()).map((claim) => [claim.status, claim.paymentPence])).toEqual([['Draft', 0]]);
    const { replies } = await t.presses('claim.submit', button(saved.updated, 'claim.submit'));
    expect(replies.map((reply) => reply.text)).toEqual(['Submitted for approval. The Engagement team can approve or reject it.']);
    expect((await claimsNow()).map((claim) => claim.status)).toEqual(['Submitted']);
  });

  it('the partner card, after the lead records a one-to-one as held, offers "Record a claim" / its form is for that partner, with no one to choose', async () => {
    const { maya } = await partners();
    const held = await t.presses('oneToOne.held', { involvementId: maya.id, version: maya.version, date: '2026-03-10' });
    expect(held.replies.map((reply) => reply.text)).toEqual(['One-to-one recorded. The next one is due a cadence from it.']);
    const { updated } = await t.presses('claim.new', button(held.updated, 'claim.new', 'Record a claim'));
    expect(textOf(updated)).toContain('Record a claim for Maya Jones');
    expect(textOf(updated)).not.toContain('Who is the claim for?');
    expect(buttonsOf(updated).find((b) => b.title === 'Back to Maya Jones')?.verb).toBe('partner.open');
  });

  it('for a role whose level is not paid / the form offers no half or full day and says why in the domain’s words', async () => {
    const { leo } = await partners();
    const { updated } = await t.presses('claim.new', { involvementId: leo.id });
    expect(textOf(updated)).toContain("Level 2 roles are not paid under your organisation's rules. Claim the expenses only.");
    expect(textOf(updated)).not.toContain('Half or full day');
  });
});

describe('Refusals, shown plainly, change nothing', () => {
  it('a full day for a level 2 role (an old card) / refused with the domain’s sentence, nothing stored', async () => {
    const { leo } = await partners();
    const { invoke } = await filledIn(leo.id, 'claim.submitNew', FILLED);
    expect(invoke?.body.value).toBe(
      "Level 2 roles are not paid under your organisation's rules. Leave out the half or full day and claim the expenses only.",
    );
    expect(await claimsNow()).toEqual([]);
  });

  it('nothing claimed / refused: a claim needs a day or an expense, nothing stored', async () => {
    const { maya } = await partners();
    const { invoke } = await filledIn(maya.id, 'claim.save', { activityDate: '2026-03-09', description: 'Workshop', receipt1: 'false' });
    expect(invoke?.body.value).toBe('A claim needs a half or full day of paid involvement, or at least one expense.');
    expect(await claimsNow()).toEqual([]);
  });

  it('an amount that is not money, mileage with no miles and care costs with no amount / each line named, in pounds as typed, nothing stored', async () => {
    const { maya } = await partners();
    const { invoke } = await filledIn(maya.id, 'claim.save', {
      activityDate: '2026-03-09',
      description: 'Workshop',
      kind1: 'Parking',
      amount1: 'four pounds',
      kind2: 'Mileage',
      kind3: 'Care costs',
    });
    expect(invoke?.body.value).toBe(
      'Please correct 3 things: Expense 1: Amount must be in pounds, such as 4.50. Expense 2: Mileage needs the number of miles. Expense 3: Care costs needs the amount spent.',
    );
    expect(await claimsNow()).toEqual([]);
  });
});

describe('Approving and rejecting', () => {
  it('the lead approves the claim they submitted / refused: someone else must, and it stays Submitted', async () => {
    const card = await submittedBy(LEAD);
    const { invoke } = await t.presses('claim.approve', button(card, 'claim.approve'));
    expect(invoke?.body.value).toBe('You submitted this claim, so someone else must approve or reject it: the Engagement team.');
    expect((await claimsNow()).map((claim) => claim.status)).toEqual(['Submitted']);
  });

  it('a claim waits 15 days / the Engagement team’s reminder leads to the claim, and they approve it', async () => {
    await submittedBy(LEAD);
    t.clock.goTo('2026-03-26');
    await t.says('send reminders', ENGAGEMENT, NADIA);
    const sent = t.messenger.sent.map((message) => message.reply);
    const reminder = sent.flatMap((reply) =>
      'card' in reply && reply.summary === 'Claim waiting for approval: Maya Jones' ? [reply.card] : [],
    )[0];
    expect(buttonsOf(reminder).find((b) => b.verb === 'claim.open')?.title).toBe('Approve or reject');
    const claim = (await t.presses('claim.open', button(reminder, 'claim.open'), ENGAGEMENT, NADIA)).updated;
    expect(textOf(claim)).toContain('The Engagement team can approve or reject it.');
    const { replies, updated } = await t.presses('claim.approve', button(claim, 'claim.approve'), ENGAGEMENT, NADIA);
    expect(replies.map((reply) => reply.text)).toEqual(['Claim approved.']);
    expect(factsOf(updated)).toContainEqual({ title: 'Approved by', value: 'Nadia Ali' });
    expect((await claimsNow()).map((claim) => [claim.status, claim.decidedBy])).toEqual([['Approved', 'Nadia Ali']]);
  });

  it('the named contact rejects a colleague’s claim with a reason / Rejected, the reason on the card', async () => {
    const card = await submittedBy(SAM, SAMS_CHAT);
    const { updated } = await t.presses('claim.reject', { ...button(card, 'claim.reject'), reason: 'Same workshop claimed twice' });
    expect(factsOf(updated)).toContainEqual({ title: 'Reason', value: 'Same workshop claimed twice' });
    expect((await claimsNow()).map((claim) => [claim.status, claim.rejectionReason])).toEqual([
      ['Rejected', 'Same workshop claimed twice'],
    ]);
  });

  it('rejecting with no reason / refused, still Submitted', async () => {
    const card = await submittedBy(SAM, SAMS_CHAT);
    const { invoke } = await t.presses('claim.reject', button(card, 'claim.reject'));
    expect(invoke?.body.value).toBe('Reason is required.');
    expect((await claimsNow()).map((claim) => claim.status)).toEqual(['Submitted']);
  });
});

describe('The approvers are told when a claim is submitted', () => {
  /** The claim cards sent to approvers so far, with whom each went to. */
  const notices = () =>
    t.messenger.sent.flatMap(({ to, reply }) =>
      'card' in reply && reply.summary?.includes('to approve') ? [{ to, card: reply.card }] : [],
    );

  it('a colleague submits a claim in chat / the lead, its named contact, gets its card in their personal chat and approves it there; the colleague is told nothing', async () => {
    await submittedBy(SAM, SAMS_CHAT);
    await until(() => notices().length > 0);
    const [notice] = notices();
    expect(notice.to).toEqual({ userId: LEAD.aadObjectId });
    expect(textOf(notice.card)).toContain('Claim for Maya Jones');
    expect(textOf(notice.card)).toContain('Priya Shah or the Engagement team can approve or reject it.');
    expect(factsOf(notice.card)).toContainEqual({ title: 'Submitted by', value: 'Sam Jones' });
    expect(buttonsOf(notice.card).map((b) => b.title)).toEqual(expect.arrayContaining(['Approve the claim', 'Reject the claim']));
    expect(t.messenger.sent.filter(({ to }) => 'userId' in to && to.userId === SAM.aadObjectId)).toEqual([]);

    const { replies } = await t.presses('claim.approve', button(notice.card, 'claim.approve'));
    expect(replies.map((reply) => reply.text)).toEqual(['Claim approved.']);
    expect((await claimsNow()).map((claim) => [claim.status, claim.decidedBy])).toEqual([['Approved', 'Priya Shah']]);
  });

  it('the lead submits a claim for their own partner / the Engagement team is told in their channel, and the lead is not', async () => {
    await submittedBy(LEAD);
    await until(() => notices().length > 0);
    expect(notices().map((notice) => notice.to)).toEqual([{ teamsChannelId: ENGAGEMENT_CHANNEL }]);
  });

  it('a claim submitted from the tab / its approver is told in chat just the same', async () => {
    const { maya } = await partners();
    const draft = await t.service.claims.create(SAM_PRINCIPAL, {
      involvementId: maya.id,
      activityDate: '2026-03-09',
      description: 'Workshop',
      expenses: [{ kind: 'Parking', amountPence: 450, receiptHeld: true }],
    });
    await t.service.claims.submit(SAM_PRINCIPAL, { claimId: draft.id, version: draft.version });
    await until(() => notices().length > 0);
    expect(notices().map((notice) => notice.to)).toEqual([{ userId: LEAD.aadObjectId }]);
  });

  it('the approver has never talked to the bot / the claim is submitted all the same, and nothing fails', async () => {
    t.messenger.reachable = false;
    const { maya } = await partners();
    const { replies } = await filledIn(maya.id, 'claim.submitNew', FILLED, SAMS_CHAT, SAM);
    expect(replies.map((reply) => reply.text)).toEqual([
      'Submitted for approval. Priya Shah or the Engagement team can approve or reject it.',
    ]);
    await t.notices.settled();
    expect((await claimsNow()).map((claim) => claim.status)).toEqual(['Submitted']);
    expect(t.messenger.sent).toEqual([]);
    expect(t.logged).toEqual([]);
  });
});

describe('Withdrawing a draft in chat', () => {
  /** A draft for Maya saved in chat by the lead: its card. */
  async function savedDraft() {
    const { maya } = await partners();
    return (await filledIn(maya.id, 'claim.save', { ...FILLED, dayLength: 'none' })).updated;
  }

  it('lead saves a draft and withdraws it from its card / deleted, the audit trail says so, and the card leads back to the partner', async () => {
    const draft = await savedDraft();
    expect(buttonsOf(draft).map((b) => b.title)).toEqual(expect.arrayContaining(['Withdraw and delete the claim']));
    const { replies, updated } = await t.presses('claim.withdraw', button(draft, 'claim.withdraw'));
    expect(replies.map((reply) => reply.text)).toEqual(['Draft claim withdrawn: it is deleted, and nothing is claimed.']);
    expect(textOf(updated)).toContain('Withdrawn: the draft is deleted, and nothing is claimed.');
    expect(buttonsOf(updated).map((b) => b.verb)).toContain('partner.open');
    expect(await claimsNow()).toEqual([]);
    const trail = await t.store.find({ list: 'activity', where: { list: 'claims' } });
    expect(trail.map((entry) => entry.summary)).toContain('Draft claim withdrawn');
  });

  it('the draft was changed in the tab since the card was shown / refused as stale, nothing deleted', async () => {
    const draft = await savedDraft();
    const [stored] = await claimsNow();
    await t.service.claims.edit(LEAD_PRINCIPAL, { claimId: stored.id, version: stored.version, description: 'Workshop, morning' });
    const { invoke } = await t.presses('claim.withdraw', button(draft, 'claim.withdraw'));
    expect(invoke?.body.value).toMatch(/changed by someone else since you opened it/);
    expect((await claimsNow()).map((claim) => claim.description)).toEqual(['Workshop, morning']);
  });

  it('the draft was submitted since the card was shown / refused with the reason, still Submitted', async () => {
    const draft = await savedDraft();
    const [stored] = await claimsNow();
    await t.service.claims.submit(LEAD_PRINCIPAL, { claimId: stored.id, version: stored.version });
    const { invoke } = await t.presses('claim.withdraw', button(draft, 'claim.withdraw'));
    expect(invoke?.body.value).toBe(
      'This claim is Submitted, so it can no longer be withdrawn: only a Draft can. If it is wrong, its approver can reject it with a reason, and a corrected claim can be recorded.',
    );
    expect((await claimsNow()).map((claim) => claim.status)).toEqual(['Submitted']);
  });
});
