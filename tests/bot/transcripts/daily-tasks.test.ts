import { advertisedRole, at, interested, workstream } from '../arrange';
import { button, buttonsOf, LEAD_PRINCIPAL, textOf, Transcript } from '../transcript-harness';

let t: Transcript;
beforeEach(async () => {
  t = await Transcript.start('2026-03-10');
});
afterEach(() => t.close());

const SAM = { id: '5a7c9e1b-3d5f-4a6b-8c9d-0e1f2a3b4c5d', name: 'Sam Jones', email: '', tenantId: 'tenant' };

async function partnerAt(stage: 'Chat booked' | 'Chat held' | 'Induction' | 'Active', members = [SAM]) {
  const ws = await workstream(t.service, 'Maternity', members);
  const involvement = await at(t.service, await interested(t.service, (await advertisedRole(t.service, ws.id)).id), stage);
  const card = (await t.presses('partner.open', { involvementId: involvement.id })).updated;
  return { involvement, card };
}

describe('One-to-ones: booked one at a time, moved, cancelled', () => {
  it('lead books a one-to-one, then moves it and cancels it / each from the card, and Book comes back only once none is booked', async () => {
    const { involvement, card } = await partnerAt('Active');
    const booked = (
      await t.presses('oneToOne.book', { ...button(card, 'oneToOne.book'), date: '2026-03-20', time: '10:00', where: 'Cafe' })
    ).updated;
    expect(buttonsOf(booked).map((b) => b.verb)).not.toContain('oneToOne.book');
    const moved = await t.presses('oneToOne.move', {
      ...button(booked, 'oneToOne.move'),
      date: '2026-03-24',
      time: '11:00',
      where: 'Teams',
    });
    expect(moved.replies.map((reply) => reply.text)).toEqual(['One-to-one moved to Tuesday 24 March 2026 at 11:00.']);
    expect(textOf(moved.updated)).toContain('Booked: Tuesday 24 March 2026 at 11:00, Teams.');
    const cancelled = await t.presses('oneToOne.cancel', button(moved.updated, 'oneToOne.cancel'));
    expect(textOf(cancelled.updated)).toContain('None booked.');
    expect(buttonsOf(cancelled.updated).map((b) => b.verb)).toContain('oneToOne.book');
    expect((await t.service.partnerViews.partnerDetail(LEAD_PRINCIPAL, involvement.id)).oneToOnes.map((item) => item.status)).toContain(
      'Cancelled',
    );
  });

  it('a second booking pressed from an old card / refused, saying when the first one is', async () => {
    const { card } = await partnerAt('Active');
    await t.presses('oneToOne.book', { ...button(card, 'oneToOne.book'), date: '2026-03-20' });
    const { invoke } = await t.presses('oneToOne.book', { ...button(card, 'oneToOne.book'), date: '2026-03-27' });
    expect(invoke?.body.value).toBe(
      'Maya Jones already has a one-to-one booked for Friday 20 March 2026. Move or cancel that one rather than booking another.',
    );
  });

  it('lead pauses a partner with a one-to-one booked / offered to cancel it, and it is cancelled with the pause', async () => {
    const { involvement, card } = await partnerAt('Active');
    const booked = (await t.presses('oneToOne.book', { ...button(card, 'oneToOne.book'), date: '2026-03-20' })).updated;
    expect(textOf(booked)).toContain('Also cancel the one-to-one booked for Friday 20 March 2026');
    await t.presses('involvement.pause', { ...button(booked, 'involvement.pause'), reason: 'Caring for her mother', cancelBooked: 'true' });
    const { oneToOnes, involvement: paused } = await t.service.partnerViews.partnerDetail(LEAD_PRINCIPAL, involvement.id);
    expect(paused.stage).toBe('Paused');
    expect(oneToOnes.filter((item) => item.status === 'Booked')).toEqual([]);
  });

  it('in induction, "First one-to-one booked" has no tick of its own: booking the first one-to-one ticks it', async () => {
    const { card } = await partnerAt('Induction');
    expect(textOf(card)).toContain('Ticked when the first one-to-one is booked, under One-to-ones');
    const after = (await t.presses('oneToOne.book', { ...button(card, 'oneToOne.book'), date: '2026-03-17' })).updated;
    expect(textOf(after)).toContain('1 of 12 done');
  });
});

describe('What staff write can be read again', () => {
  it('the chat adjustments and notes, and the latest one-to-one notes, are on the partner card', async () => {
    const ws = await workstream(t.service);
    const maya = await interested(t.service, (await advertisedRole(t.service, ws.id)).id);
    const card = (await t.presses('partner.open', { involvementId: maya.id })).updated;
    const chatBooked = (
      await t.presses('chat.book', {
        ...button(card, 'chat.book'),
        date: '2026-03-12',
        time: '10:00',
        where: 'Teams',
        adjustments: 'Short breaks; she uses oxygen',
      })
    ).updated;
    const held = (await t.presses('chat.hold', { ...button(chatBooked, 'chat.hold'), notes: 'Keen on antenatal classes' })).updated;
    const text = textOf(held);
    expect(text).toContain('What has been written down');
    expect(text).toContain('Short breaks; she uses oxygen');
    expect(text).toContain('Keen on antenatal classes');
  });
});

describe('Records can be corrected', () => {
  it("lead corrects a partner's details, postal address included / saved, and a bad email is refused with what to fix", async () => {
    const { involvement, card } = await partnerAt('Chat booked');
    const refused = await t.presses('partner.update', { ...button(card, 'partner.update'), fullName: 'Maya Jones', email: 'not an email' });
    expect(refused.invoke?.body.value).toBe('Email must be an address like name@example.org. Leave it empty if they have none.');
    const { updated, replies } = await t.presses('partner.update', {
      ...button(card, 'partner.update'),
      fullName: 'Maya Jones-Reid',
      postalAddress: '1 High Street, Leeds LS1 1AA',
      preferredContact: 'Post',
    });
    expect(replies.map((reply) => reply.text)).toEqual(['Their details are saved.']);
    expect(textOf(updated)).toContain('Maya Jones-Reid');
    const { partner } = await t.service.partnerViews.partnerDetail(LEAD_PRINCIPAL, involvement.id);
    expect(partner).toMatchObject({ fullName: 'Maya Jones-Reid', postalAddress: '1 High Street, Leeds LS1 1AA', preferredContact: 'Post' });
  });

  it('lead hands a partner to a colleague / the colleague is the named contact, and their "my partners" lists them', async () => {
    const { involvement, card } = await partnerAt('Active');
    const { replies } = await t.presses('partner.reassign', { ...button(card, 'partner.reassign'), ownerId: SAM.id });
    expect(replies.map((reply) => reply.text)).toEqual(["Sam Jones is now Maya Jones's named contact, and gets the reminders about them."]);
    expect((await t.service.partnerViews.partnerDetail(LEAD_PRINCIPAL, involvement.id)).involvement.ownerName).toBe('Sam Jones');
    expect((await t.service.worklists.myPartners(SAM)).map((line) => line.name)).toEqual(['Maya Jones']);
  });
});

describe('A role can change hands', () => {
  it('lead hands the recruiting to a colleague from the role card / new interest then has the colleague as named contact', async () => {
    const ws = await workstream(t.service, 'Maternity', [SAM]);
    const role = await advertisedRole(t.service, ws.id);
    const card = (await t.presses('role.open', { roleId: role.id })).updated;
    const { replies } = await t.presses('role.reassign', { ...button(card, 'role.reassign'), ownerId: SAM.id });
    expect(replies.map((reply) => reply.text)).toEqual([
      'Sam Jones now leads the recruiting for "Maternity partner". People who show interest from now on have them as named contact.',
    ]);
    expect((await interested(t.service, role.id, 'Grace Li')).ownerName).toBe('Sam Jones');
  });
});

describe('One person, one record', () => {
  async function logInterest(roleId: number, fullName: string) {
    const card = (await t.presses('role.open', { roleId })).updated;
    return t.presses('interest.log', {
      ...button(card, 'interest.log'),
      fullName,
      email: 'maya@example.org',
      phone: '07700 900123',
      consentGiven: 'true',
    });
  }

  it('lead logs interest from someone already on record for another role / asked if it is them, links it, and they keep one record', async () => {
    const ws = await workstream(t.service);
    const first = await advertisedRole(t.service, ws.id, 'Maternity partner');
    const second = await advertisedRole(t.service, ws.id, 'Antenatal classes partner');
    await logInterest(first.id, 'Maya Jones');
    const { updated } = await logInterest(second.id, 'Maya Jones');
    expect(textOf(updated)).toContain('Is this someone already on record?');
    expect(textOf(updated)).toContain('Maternity partner (Interested)');
    const linked = await t.presses('interest.link', button(updated, 'interest.link'));
    expect(linked.replies.map((reply) => reply.text)).toEqual([
      expect.stringMatching(/^Interest logged on their existing record, so they have one record\./),
    ]);
    expect(await t.store.find({ list: 'partners' })).toHaveLength(1);
    expect(await t.store.find({ list: 'involvements' })).toHaveLength(2);
  });

  it('lead says it is a different person / a second record is made, with the details typed once', async () => {
    const ws = await workstream(t.service);
    const first = await advertisedRole(t.service, ws.id, 'Maternity partner');
    const second = await advertisedRole(t.service, ws.id, 'Antenatal classes partner');
    await logInterest(first.id, 'Maya Jones');
    const { updated } = await logInterest(second.id, 'Ayesha Jones');
    await t.presses('interest.log', button(updated, 'interest.log'));
    expect((await t.store.find({ list: 'partners' })).map((partner) => partner.fullName).sort()).toEqual(['Ayesha Jones', 'Maya Jones']);
  });
});
