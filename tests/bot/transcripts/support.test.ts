import { advertisedRole, at, interested, workstream } from '../arrange';
import { button, buttonsOf, textOf, LEAD_PRINCIPAL, Transcript } from '../transcript-harness';

let t: Transcript;
beforeEach(async () => {
  t = await Transcript.start('2026-03-10');
});
afterEach(() => t.close());

async function active() {
  const ws = await workstream(t.service);
  const role = await advertisedRole(t.service, ws.id);
  return at(t.service, await interested(t.service, role.id), 'Active');
}

describe('One-to-ones', () => {
  it('lead opens an active partner / the card shows the cadence and when the next one-to-one is due', async () => {
    const involvement = await active();
    const { updated } = await t.presses('partner.open', { involvementId: involvement.id });
    expect(textOf(updated)).toContain('Every 8 weeks. Due in 56 days (Tuesday 5 May 2026).');
  });

  it('lead sets the cadence to 6 weeks / the next due date moves', async () => {
    const involvement = await active();
    const { updated } = await t.presses('oneToOne.cadence', {
      involvementId: involvement.id,
      version: involvement.version,
      cadenceWeeks: '6',
    });
    expect(textOf(updated)).toContain('Every 6 weeks. Due in 42 days');
  });

  it('lead sets a cadence of 60 weeks / refused with the limit, cadence unchanged', async () => {
    const involvement = await active();
    const { invoke } = await t.presses('oneToOne.cadence', {
      involvementId: involvement.id,
      version: involvement.version,
      cadenceWeeks: '60',
    });
    expect(invoke?.body.value).toBe('One-to-one every (weeks) must be at most 52.');
    expect((await t.service.partnerViews.partnerDetail(LEAD_PRINCIPAL, involvement.id)).involvement.cadenceWeeks).toBe(8);
  });

  it('lead books a one-to-one / it is listed as booked', async () => {
    const involvement = await active();
    const { updated } = await t.presses('oneToOne.book', {
      involvementId: involvement.id,
      version: involvement.version,
      date: '2026-04-14',
      time: '10:00',
      where: 'Cafe',
    });
    expect(textOf(updated)).toContain('Booked: Tuesday 14 April 2026 at 10:00, Cafe.');
  });

  it('lead books a one-to-one in the past / refused, nothing booked', async () => {
    const involvement = await active();
    const { invoke } = await t.presses('oneToOne.book', {
      involvementId: involvement.id,
      version: involvement.version,
      date: '2026-03-01',
    });
    expect(invoke?.body.value).toMatch(/^A one-to-one cannot be booked for a date that has passed/);
    expect(
      (await t.service.partnerViews.partnerDetail(LEAD_PRINCIPAL, involvement.id)).oneToOnes.filter((item) => item.status !== 'Cancelled'),
    ).toEqual([]);
  });

  it('lead records a one-to-one as held with notes / next one falls due a cadence later', async () => {
    const involvement = await active();
    const { updated } = await t.presses('oneToOne.held', {
      involvementId: involvement.id,
      version: involvement.version,
      date: '2026-03-10',
      notes: 'All well.',
    });
    expect(textOf(updated)).toContain('Last held: Tuesday 10 March 2026.');
    expect(textOf(updated)).toContain('Tuesday 5 May 2026');
  });

  it('lead records the booked one-to-one as held on its date / that one is held and none is left booked', async () => {
    const involvement = await active();
    const card = (await t.presses('partner.open', { involvementId: involvement.id })).updated;
    const booked = (await t.presses('oneToOne.book', { ...button(card, 'oneToOne.book'), date: '2026-03-10', time: '14:00' })).updated;
    const { updated } = await t.presses('oneToOne.held', { ...button(booked, 'oneToOne.held'), date: '2026-03-10' });
    expect(textOf(updated)).toContain('None booked.');
    const oneToOnes = (await t.service.partnerViews.partnerDetail(LEAD_PRINCIPAL, involvement.id)).oneToOnes;
    expect(oneToOnes.filter((item) => item.status !== 'Cancelled').map((item) => [item.status, item.date, item.time])).toEqual([
      ['Held', '2026-03-10', '14:00'],
    ]);
  });

  it('lead records the booked one-to-one as held from a card whose button does not name the booking (an older card) / that one is held', async () => {
    const involvement = await active();
    await t.service.oneToOnes.book(LEAD_PRINCIPAL, { involvementId: involvement.id, date: '2026-03-10', time: '14:00' });
    const { updated } = await t.presses('oneToOne.held', {
      involvementId: involvement.id,
      version: involvement.version,
      date: '2026-03-10',
    });
    expect(textOf(updated)).toContain('None booked.');
    const oneToOnes = (await t.service.partnerViews.partnerDetail(LEAD_PRINCIPAL, involvement.id)).oneToOnes;
    expect(oneToOnes.filter((item) => item.status !== 'Cancelled').map((item) => [item.status, item.date, item.time])).toEqual([
      ['Held', '2026-03-10', '14:00'],
    ]);
  });

  it('lead records a held one-to-one from a card that is out of date / bot shows the latest and records nothing', async () => {
    const involvement = await active();
    const { updated, replies } = await t.presses('oneToOne.held', {
      involvementId: involvement.id,
      version: involvement.version - 1,
      date: '2026-03-10',
    });
    expect(replies.map((reply) => reply.text)).toEqual([
      expect.stringMatching(/changed since this card was sent, so nothing was recorded/),
    ]);
    expect(updated).toBeDefined();
    expect(
      (await t.service.partnerViews.partnerDetail(LEAD_PRINCIPAL, involvement.id)).oneToOnes.filter((item) => item.status !== 'Cancelled'),
    ).toEqual([]);
  });
});

describe('Pause and end', () => {
  it('lead pauses with a reason and the partner returns / Paused then Active again', async () => {
    const involvement = await active();
    const paused = (
      await t.presses('involvement.pause', { involvementId: involvement.id, version: involvement.version, reason: 'Caring duties' })
    ).updated;
    expect(textOf(paused)).toContain('Paused');
    expect(textOf(paused)).toContain('Caring duties');
    const { updated, replies } = await t.presses('involvement.resume', button(paused, 'involvement.resume'));
    expect(textOf(updated)).toContain('Active');
    expect(replies.map((reply) => reply.text)).toEqual(['Welcome back, Maya Jones. Their one-to-ones are due again.']);
  });

  it('lead pauses without a reason / refused, still Active', async () => {
    const involvement = await active();
    const { invoke } = await t.presses('involvement.pause', { involvementId: involvement.id, version: involvement.version });
    expect(invoke?.body.value).toBe('Reason is required.');
    expect((await t.service.partnerViews.partnerDetail(LEAD_PRINCIPAL, involvement.id)).involvement.stage).toBe('Active');
  });

  it('lead ends with a reason and offers an exit conversation / Ended, recorded, with exit conversation guidance', async () => {
    const involvement = await active();
    const { updated, replies } = await t.presses('involvement.end', {
      involvementId: involvement.id,
      version: involvement.version,
      reason: 'Moving away',
      exitConversationOffered: 'true',
    });
    expect(textOf(updated)).toContain('Ended');
    expect(textOf(updated)).toContain('Exit conversation\nOffered');
    expect(replies.map((reply) => reply.text)).toEqual([expect.stringMatching(/^You offered an exit conversation/)]);
  });
});

describe('Peer Support Network', () => {
  it('lead records the invitation then the answer / the card shows Joined', async () => {
    const involvement = await active();
    const invited = (
      await t.presses('peer.invite', button((await t.presses('partner.open', { involvementId: involvement.id })).updated, 'peer.invite'))
    ).updated;
    expect(textOf(invited)).toContain('Peer Support Network: Invited.');
    const { updated } = await t.presses('peer.answer', { ...button(invited, 'peer.answer'), answer: 'Joined' });
    expect(textOf(updated)).toContain('Peer Support Network: Joined.');
  });

  it('lead records an answer before any invitation / the card does not offer it, and an old card pressed anyway is refused, status unchanged', async () => {
    const involvement = await active();
    const card = (await t.presses('partner.open', { involvementId: involvement.id })).updated;
    expect(buttonsOf(card).map((b) => b.verb)).not.toContain('peer.answer');
    const { invoke } = await t.presses('peer.answer', { ...button(card, 'peer.invite'), answer: 'Joined' });
    expect(invoke?.body.value).toBe('Maya Jones has not been invited to the Peer Support Network yet. Record the invitation first.');
    expect((await t.service.partnerViews.partnerDetail(LEAD_PRINCIPAL, involvement.id)).partner.peerNetworkStatus).toBe('Not invited');
  });
});
