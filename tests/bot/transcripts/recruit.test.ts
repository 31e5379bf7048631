import { advertisedRole, at, interested, workstream } from '../arrange';
import { MAILTO_LIMIT } from '../../../src/domain';
import { CARD_SIZE_LIMIT } from '../../../src/bot/pathway/cards';
import { button, buttonsOf, factsOf, inputsOf, LEAD_PRINCIPAL, linksOf, textOf, Transcript } from '../transcript-harness';

let t: Transcript;
beforeEach(async () => {
  t = await Transcript.start('2026-03-10');
});
afterEach(() => t.close());

async function openRole() {
  const ws = await workstream(t.service);
  const role = await advertisedRole(t.service, ws.id);
  const card = (await t.presses('role.open', { roleId: role.id })).updated;
  return { ws, role, card };
}

describe('Log interest and acknowledge it', () => {
  it('lead logs interest with consent / partner is Interested and their card asks for an acknowledgement', async () => {
    const { card } = await openRole();
    const { updated, replies } = await t.presses('interest.log', {
      ...button(card, 'interest.log'),
      fullName: 'Maya Jones',
      email: 'maya@example.org',
      preferredContact: 'Email',
      consentGiven: 'true',
    });
    expect(replies.map((reply) => reply.text)).toEqual([expect.stringMatching(/^Interest logged\./)]);
    expect(textOf(updated)).toContain('Maya Jones');
    expect(textOf(updated)).toContain('Interested');
    expect(button(updated, 'interest.acknowledge')).toHaveProperty('involvementId');
  });

  it('lead logs interest without ticking consent / refused and nobody is recorded', async () => {
    const { ws, card } = await openRole();
    const { invoke } = await t.presses('interest.log', { ...button(card, 'interest.log'), fullName: 'Maya Jones', consentGiven: 'false' });
    expect(invoke?.body.value).toBe('Consent to hold details must be confirmed before details are saved.');
    expect((await t.service.partnerViews.dashboard(LEAD_PRINCIPAL, ws.id)).rows).toEqual([]);
  });

  it('lead logs interest with a name over 120 characters / refused with the limit and nothing saved', async () => {
    const { ws, card } = await openRole();
    const { invoke } = await t.presses('interest.log', {
      ...button(card, 'interest.log'),
      fullName: 'M'.repeat(121),
      consentGiven: 'true',
    });
    expect(invoke?.body.value).toBe('Partner details must be 120 characters or fewer.');
    expect((await t.service.partnerViews.dashboard(LEAD_PRINCIPAL, ws.id)).rows).toEqual([]);
  });

  /** The "Acknowledge interest" part of a partner's card: its text and its mailto link, if any. */
  async function acknowledgeCard(partner: Record<string, unknown>) {
    const { role } = await openRole();
    const involvement = await t.service.involvements.recordInterest(LEAD_PRINCIPAL, {
      roleId: role.id,
      partner: { consentGiven: true, ...partner },
    });
    const { updated } = await t.presses('partner.open', { involvementId: involvement.id });
    const showCard = (updated?.actions as Array<Record<string, any>>).find((action) => action.title === 'Acknowledge interest');
    return {
      involvement,
      card: updated,
      text: textOf(showCard?.card),
      mailto: linksOf(showCard?.card).find((link) => link.url.startsWith('mailto:'))?.url,
    };
  }

  it('lead opens someone with an email address / the card offers a ready-to-send acknowledgement as a pre-filled email', async () => {
    const { text, mailto } = await acknowledgeCard({
      fullName: 'Maya Jones',
      email: 'maya.jones+ppp@example.org',
      preferredContact: 'Email',
    });
    expect(text).toContain('Dear Maya Jones,');
    expect(text).toContain('[expenses policy](https://example.org/expenses)');
    const url = new URL(mailto ?? '');
    expect(url.pathname).toBe('maya.jones%2Bppp@example.org');
    expect(decodeURIComponent(url.pathname)).toBe('maya.jones+ppp@example.org');
    expect(url.searchParams.get('subject')).toBe('Thank you for your interest in the Maternity partner role');
    const body = decodeURIComponent(/[?&]body=([^&]*)/.exec(mailto ?? '')?.[1] ?? '');
    expect(body).toMatch(
      /^Dear Maya Jones,\r\n\r\nThank you for getting in touch about the Maternity partner role with our Maternity work\./,
    );
    for (const said of [
      'informal chat',
      'not an interview',
      'expenses policy (https://example.org/expenses)',
      'easy read or large print',
      'With best wishes,\r\nPriya Shah',
    ]) {
      expect(body).toContain(said);
    }
    expect(body).not.toContain('[');
  });

  it('lead opens someone with no email address / the message is there to copy, with their phone number and no email button', async () => {
    const { text, mailto } = await acknowledgeCard({ fullName: 'Sam Patel', phone: '07700 900456', preferredContact: 'Phone' });
    expect(mailto).toBeUndefined();
    expect(text).toContain(
      'Sam Patel has no email address on record, so copy this message into a letter or text message, or phone them on 07700 900456',
    );
    expect(text).toContain('Their preferred contact: Phone.');
    expect(text).toContain('Dear Sam Patel,');
  });

  it('the longest name and email address allowed / the email link stays within what mail programs accept and the card under 28 KB', async () => {
    const { card, mailto } = await acknowledgeCard({ fullName: 'M'.repeat(120), email: `${'m'.repeat(64)}@${'e'.repeat(180)}.org` });
    expect(mailto?.length).toBeLessThanOrEqual(MAILTO_LIMIT);
    expect(Buffer.byteLength(JSON.stringify(card))).toBeLessThan(CARD_SIZE_LIMIT);
  });

  it('lead records the acknowledgement / the card shows the date and no longer asks', async () => {
    const { role } = await openRole();
    const involvement = await interested(t.service, role.id);
    const { updated } = await t.presses('interest.acknowledge', { involvementId: involvement.id, version: involvement.version });
    expect(textOf(updated)).toContain('Tuesday 10 March 2026');
    expect(buttonsOf(updated).map((b) => b.verb)).not.toContain('interest.acknowledge');
  });
});

/** A partner's chat booked from their card with the adjustments asked for, and the card as it then stands. */
async function chatBookedWith(adjustments: string) {
  const { role } = await openRole();
  const involvement = await interested(t.service, role.id);
  const card = (await t.presses('partner.open', { involvementId: involvement.id })).updated;
  const fields = { date: '2026-04-02', time: '14:30', where: 'Teams', adjustments };
  return { involvement, booked: (await t.presses('chat.book', { ...button(card, 'chat.book'), ...fields })).updated };
}

describe('Informal chat', () => {
  it('lead books the chat / partner is Chat booked, at the time given in UK time', async () => {
    const { role } = await openRole();
    const involvement = await interested(t.service, role.id);
    const card = (await t.presses('partner.open', { involvementId: involvement.id })).updated;
    const { updated } = await t.presses('chat.book', {
      ...button(card, 'chat.book'),
      date: '2026-04-02',
      time: '14:30',
      where: 'Teams',
      adjustments: 'Captions',
    });
    expect(textOf(updated)).toContain('Chat booked');
    expect(textOf(updated)).toContain('Thursday 2 April 2026 at 14:30');
    expect((await t.service.partnerViews.partnerDetail(LEAD_PRINCIPAL, involvement.id)).involvement.chatAt).toBe(
      '2026-04-02T13:30:00.000Z',
    );
  });

  it('lead books a chat without saying where / refused with what is missing', async () => {
    const { role } = await openRole();
    const involvement = await interested(t.service, role.id);
    const { invoke } = await t.presses('chat.book', {
      involvementId: involvement.id,
      version: involvement.version,
      date: '2026-04-02',
      time: '14:30',
    });
    expect(invoke?.body.value).toBe('Where is required.');
    expect((await t.service.partnerViews.partnerDetail(LEAD_PRINCIPAL, involvement.id)).involvement.stage).toBe('Interested');
  });

  it('lead opens the chat guide / bot shows tips, suggested questions and adjustments', async () => {
    const { role } = await openRole();
    const involvement = await at(t.service, await interested(t.service, role.id), 'Chat booked');
    const { cards } = await t.presses('chat.guide', { involvementId: involvement.id });
    const text = textOf(cards[0]);
    expect(text).toContain('Questions you might ask');
    expect(text).toContain('What made you interested in this role?');
    expect(text).toContain('Adjustments to offer');
  });

  it('lead records the chat and offers the role / partner is Offered and can start induction', async () => {
    const { role } = await openRole();
    const booked = await at(t.service, await interested(t.service, role.id), 'Chat booked');
    const held = (await t.presses('chat.hold', { involvementId: booked.id, version: booked.version, notes: 'Keen.' })).updated;
    expect(textOf(held)).toContain('Chat held');
    const offered = (await t.presses('chat.offer', { ...button(held, 'chat.offer'), reason: 'Knows the service well.' })).updated;
    expect(textOf(offered)).toContain('Offered');
    expect(button(offered, 'induction.start')).toHaveProperty('involvementId', booked.id);
  });

  it('lead records the chat with the adjustments agreed / the card starts from those asked for, then names them as agreed', async () => {
    const { involvement, booked } = await chatBookedWith('Captions');
    expect(factsOf(booked)).toContainEqual({ title: 'Adjustments asked for the informal chat', value: 'Captions' });
    expect(inputsOf(booked, 'agreedAdjustments')).toEqual([{ label: 'Adjustments agreed (optional)', value: 'Captions' }]);
    const held = (await t.presses('chat.hold', { ...button(booked, 'chat.hold'), agreedAdjustments: 'Captions; a break every half hour' }))
      .updated;
    expect(factsOf(held)).toContainEqual({ title: 'Adjustments agreed at the informal chat', value: 'Captions; a break every half hour' });
    expect((await t.service.partnerViews.partnerDetail(LEAD_PRINCIPAL, involvement.id)).involvement.chatAdjustments).toBe(
      'Captions; a break every half hour',
    );
  });

  it('lead records the chat with the adjustments emptied / none are kept', async () => {
    const { involvement, booked } = await chatBookedWith('Captions');
    const held = (await t.presses('chat.hold', { ...button(booked, 'chat.hold'), agreedAdjustments: '  ' })).updated;
    expect(textOf(held)).not.toContain('Adjustments');
    expect((await t.service.partnerViews.partnerDetail(LEAD_PRINCIPAL, involvement.id)).involvement.chatAdjustments).toBeNull();
  });

  it("lead records chat notes for a partner who has not consented to notes / refused in the rule's words, stage unchanged", async () => {
    const { role } = await openRole();
    const involvement = await t.service.involvements.recordInterest(LEAD_PRINCIPAL, {
      roleId: role.id,
      partner: { fullName: 'Ravi Kumar', consentGiven: true },
    });
    const booked = await at(t.service, involvement, 'Chat booked');
    const { invoke } = await t.presses('chat.hold', {
      involvementId: booked.id,
      version: booked.version,
      notes: 'Talked about his heart surgery.',
    });
    expect(invoke?.body.value).toBe(
      "Notes about Ravi Kumar's experience can be kept only with their explicit consent. Record their consent first, or leave the notes out.",
    );
    expect((await t.service.partnerViews.partnerDetail(LEAD_PRINCIPAL, booked.id)).involvement).toMatchObject({
      stage: 'Chat booked',
      chatNotes: null,
    });
  });

  it('lead marks a partner as not progressed without a reason / refused, stage unchanged', async () => {
    const { role } = await openRole();
    const held = await at(t.service, await interested(t.service, role.id), 'Chat held');
    const { invoke } = await t.presses('involvement.notProgress', { involvementId: held.id, version: held.version, reason: '  ' });
    expect(invoke?.body.value).toBe('Reason is required.');
    expect((await t.service.partnerViews.partnerDetail(LEAD_PRINCIPAL, held.id)).involvement.stage).toBe('Chat held');
  });

  it('lead marks a partner as not progressed with a kind reason / recorded with the reason on the card', async () => {
    const { role } = await openRole();
    const held = await at(t.service, await interested(t.service, role.id), 'Chat held');
    const { updated, replies } = await t.presses('involvement.notProgress', {
      involvementId: held.id,
      version: held.version,
      reason: 'Another role suits better',
    });
    expect(textOf(updated)).toContain('Not progressed');
    expect(textOf(updated)).toContain('Another role suits better');
    expect(replies.map((reply) => reply.text)).toEqual([expect.stringMatching(/point them to other opportunities/)]);
  });

  it('lead presses Offer on a partner whose chat is not held / refused with the next step', async () => {
    const { role } = await openRole();
    const involvement = await interested(t.service, role.id);
    const { invoke } = await t.presses('chat.offer', { involvementId: involvement.id, version: involvement.version });
    expect(invoke?.body.value).toBe(
      'Maya Jones cannot be offered the role while at Interested. From Interested the next step is Chat booked or Not progressed.',
    );
  });
});
