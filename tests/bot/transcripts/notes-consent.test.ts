import { advertisedRole, at, workstream } from '../arrange';
import { button, textOf, LEAD_PRINCIPAL, Transcript } from '../transcript-harness';

let t: Transcript;
beforeEach(async () => {
  t = await Transcript.start('2026-03-10');
});
afterEach(() => t.close());

/** Maya, Active, who agreed we may hold her details but was not asked about notes. */
async function activeWithoutNotesConsent() {
  const ws = await workstream(t.service);
  const role = await advertisedRole(t.service, ws.id);
  const involvement = await t.service.involvements.recordInterest(LEAD_PRINCIPAL, {
    roleId: role.id,
    partner: { fullName: 'Maya Jones', consentGiven: true, notesConsent: false },
  });
  return at(t.service, involvement, 'Active');
}

const partnerOf = async (involvementId: number) => (await t.service.partnerViews.partnerDetail(LEAD_PRINCIPAL, involvementId)).partner;

describe('Consent to notes, on the partner card', () => {
  it('lead opens a partner who was not asked about notes / the card says so, and the one-to-one form explains why no notes can be kept', async () => {
    const involvement = await activeWithoutNotesConsent();
    const { updated } = await t.presses('partner.open', { involvementId: involvement.id });
    const text = textOf(updated);
    expect(text).toContain('Consent to notes about their experience: not given');
    expect(text).toContain('Consent to hold details');
    expect(text).toContain('No notes can be kept: they have not given explicit consent to notes about their experience.');
    expect(text).not.toContain('Short notes (optional)');
    expect(text).toContain('special category data under UK GDPR');
  });

  it('lead records consent to notes / the card shows it given today, the notes box is back, and notes are kept', async () => {
    const involvement = await activeWithoutNotesConsent();
    const card = (await t.presses('partner.open', { involvementId: involvement.id })).updated;
    const { updated, replies } = await t.presses('notesConsent.record', button(card, 'notesConsent.record'));
    expect(replies.map((reply) => reply.text)).toEqual(['Consent to notes recorded for Maya Jones, dated today.']);
    expect(textOf(updated)).toContain('Consent to notes about their experience: given on Tuesday 10 March 2026');
    expect(textOf(updated)).toContain('Short notes (optional)');
    expect((await partnerOf(involvement.id)).notesConsentDate).toBe('2026-03-10');
    const held = await t.presses('oneToOne.held', {
      ...button(updated, 'oneToOne.held'),
      date: '2026-03-10',
      notes: 'Finding the meetings useful.',
    });
    expect(textOf(held.updated)).toContain('Last held: Tuesday 10 March 2026.');
  });

  it('lead records a one-to-one with notes before consent / refused with the reason, nothing kept', async () => {
    const involvement = await activeWithoutNotesConsent();
    const { invoke } = await t.presses('oneToOne.held', {
      involvementId: involvement.id,
      version: involvement.version,
      date: '2026-03-10',
      notes: 'Talked about her diagnosis.',
    });
    expect(invoke?.body.value).toMatch(/^Notes about Maya Jones's experience can be kept only with their explicit consent/);
    expect(
      (await t.service.partnerViews.partnerDetail(LEAD_PRINCIPAL, involvement.id)).oneToOnes.filter((item) => item.status !== 'Cancelled'),
    ).toEqual([]);
  });

  it('lead withdraws consent after reading what it does / the notes are deleted and the card says consent is not given', async () => {
    const involvement = await activeWithoutNotesConsent();
    const opened = (await t.presses('partner.open', { involvementId: involvement.id })).updated;
    const consented = (await t.presses('notesConsent.record', button(opened, 'notesConsent.record'))).updated;
    await t.presses('oneToOne.held', { ...button(consented, 'oneToOne.held'), date: '2026-03-10', notes: 'Finding the meetings useful.' });
    const card = (await t.presses('partner.open', { involvementId: involvement.id })).updated;
    expect(textOf(card)).toContain(
      'Withdrawing deletes every note about their experience (informal chat and one-to-one notes) from every workstream',
    );
    const { updated, replies } = await t.presses(
      'notesConsent.withdraw',
      button(card, 'notesConsent.withdraw', 'Withdraw and delete the notes'),
    );
    expect(replies.map((reply) => reply.text)).toEqual([
      'Consent to notes withdrawn for Maya Jones: notes about their experience were deleted from every workstream.',
    ]);
    expect(textOf(updated)).toContain('Consent to notes about their experience: not given');
    expect(
      (await t.service.partnerViews.partnerDetail(LEAD_PRINCIPAL, involvement.id)).oneToOnes
        .filter((item) => item.status === 'Held')
        .map((item) => item.notes),
    ).toEqual([null]);
  });

  it('lead presses Record the chat for a partner without notes consent / the form explains instead of offering a notes box', async () => {
    const ws = await workstream(t.service);
    const role = await advertisedRole(t.service, ws.id);
    const interested = await t.service.involvements.recordInterest(LEAD_PRINCIPAL, {
      roleId: role.id,
      partner: { fullName: 'Maya Jones', consentGiven: true },
    });
    const booked = await at(t.service, interested, 'Chat booked');
    const { updated } = await t.presses('partner.open', { involvementId: booked.id });
    expect(textOf(updated)).toContain('No notes can be kept');
    expect(textOf(updated)).not.toContain('Short notes (optional)');
    const held = await t.presses('chat.hold', button(updated, 'chat.hold'));
    expect(textOf(held.updated)).toContain('Chat held');
  });
});
