import { advertisedRole, at, interested, workstream } from '../arrange';
import { button, buttonsOf, LEAD_PRINCIPAL, textOf, Transcript } from '../transcript-harness';

let t: Transcript;
beforeEach(async () => {
  t = await Transcript.start('2026-01-06');
});
afterEach(() => t.close());

/** Maya, Active from today in a role with a 6-month term: it ends on Monday 6 July 2026. */
async function active() {
  const ws = await workstream(t.service);
  const role = await advertisedRole(t.service, ws.id, undefined, LEAD_PRINCIPAL, { closingDate: '2026-06-30', termMonths: 6 });
  return at(t.service, await interested(t.service, role.id), 'Active');
}

async function openReviews(involvementId: number) {
  const { updated } = await t.presses('reviews.open', { involvementId });
  return updated;
}

const stored = (involvementId: number) => t.service.partnerViews.partnerDetail(LEAD_PRINCIPAL, involvementId);

describe('Reviews that come round, from the bot', () => {
  it('lead opens the reviews 8 weeks before the term ends / the card says so and offers Renew, End, Re-signed and Reviewed', async () => {
    const involvement = await active();
    t.clock.goTo('2026-05-11');
    const card = await openReviews(involvement.id);
    expect(textOf(card)).toContain("Maya Jones's term of office (Maternity partner) ends on Monday 6 July 2026.");
    expect(buttonsOf(card).map((b) => `${b.verb}/${b.title}`)).toEqual([
      'term.renew/Renew',
      'involvement.end/End',
      'agreements.reconfirm/Record re-signing',
      'access.reviewed/Access needs reviewed',
      'next/Next step',
    ]);
  });

  it('lead renews the term / it ends one term later, and the audit trail has it', async () => {
    const involvement = await active();
    t.clock.goTo('2026-05-11');
    const card = await openReviews(involvement.id);
    const { updated, replies } = await t.presses('term.renew', { ...button(card, 'term.renew'), termEndDate: '2027-01-06' });
    expect(replies.map((reply) => reply.text)).toEqual(['Term renewed: it now ends on Wednesday 6 January 2027.']);
    expect(textOf(updated)).toContain('Ends Wednesday 6 January 2027');
    expect((await stored(involvement.id)).involvement.termEndDate).toBe('2027-01-06');
    const audit = await t.store.find({ list: 'activity', where: { list: 'involvements', itemId: involvement.id } });
    expect(audit.map((entry) => entry.summary)).toContain('Term of office renewed: ends Wednesday 6 January 2027');
  });

  it('lead renews to a date already past / refused with what to do, the term unchanged', async () => {
    const involvement = await active();
    t.clock.goTo('2026-05-11');
    const card = await openReviews(involvement.id);
    const { invoke } = await t.presses('term.renew', { ...button(card, 'term.renew'), termEndDate: '2026-05-01' });
    expect(invoke?.body.value).toBe("The new end of Maya Jones's term must be after today: choose a later date.");
    expect((await stored(involvement.id)).involvement.termEndDate).toBe('2026-07-06');
  });

  it('lead ends the involvement at the end of the term / it is Ended with the reason given', async () => {
    const involvement = await active();
    t.clock.goTo('2026-07-06');
    const card = await openReviews(involvement.id);
    const end = button(card, 'involvement.end');
    const { updated } = await t.presses('involvement.end', {
      ...end,
      reason: 'Their term of office came to an end.',
      exitConversationOffered: 'true',
    });
    expect(textOf(updated)).toContain('Their term of office came to an end.');
    expect((await stored(involvement.id)).involvement.stage).toBe('Ended');
  });

  it('lead records the agreements re-signed a year on / each is dated and comes round again a year later', async () => {
    const involvement = await active();
    t.clock.goTo('2027-01-08');
    const card = await openReviews(involvement.id);
    expect(textOf(card)).toContain('A year has passed since Maya Jones signed their agreements');
    const { updated, replies } = await t.presses('agreements.reconfirm', { ...button(card, 'agreements.reconfirm'), date: '2027-01-07' });
    expect(replies.map((reply) => reply.text)).toEqual(['Agreements re-signed. They come round again on Friday 7 January 2028.']);
    expect(textOf(updated)).toContain('Confidentiality agreement signed\nSigned Thursday 7 January 2027');
    const detail = await stored(involvement.id);
    expect(detail.checklist.filter((item) => item.kind === 'Agreement').map((item) => item.doneDate)).toEqual(['2027-01-07', '2027-01-07']);
    expect(textOf(updated)).not.toContain('A year has passed');
  });

  it('lead records the access needs reviewed / the next review is 12 months on', async () => {
    const involvement = await active();
    t.clock.goTo('2027-01-08');
    const card = await openReviews(involvement.id);
    const { updated, replies } = await t.presses('access.reviewed', button(card, 'access.reviewed'));
    expect(replies.map((reply) => reply.text)).toEqual(['Access needs review recorded. The next is due on Saturday 8 January 2028.']);
    expect(textOf(updated)).toContain('Reviewed Friday 8 January 2027; next review Saturday 8 January 2028');
    expect((await stored(involvement.id)).involvement.accessReviewedDate).toBe('2027-01-08');
  });

  it('the same press twice / recorded once', async () => {
    const involvement = await active();
    t.clock.goTo('2027-01-08');
    const press = button(await openReviews(involvement.id), 'access.reviewed');
    await t.presses('access.reviewed', press);
    const { updated } = await t.presses('access.reviewed', press);
    expect(textOf(updated)).toContain('next review Saturday 8 January 2028');
    const audit = await t.store.find({ list: 'activity', where: { list: 'involvements', itemId: involvement.id } });
    expect(audit.filter((entry) => entry.summary?.startsWith('Access needs reviewed'))).toHaveLength(1);
  });
});
