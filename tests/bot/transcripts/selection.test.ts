import { advertisedRole, at, COMPLETE, interested, workstream } from '../arrange';
import { button, choiceSetsOf, inputsOf, LEAD_PRINCIPAL, textOf, Transcript } from '../transcript-harness';

let t: Transcript;
beforeEach(async () => {
  t = await Transcript.start('2026-03-10');
});
afterEach(() => t.close());

const CRITERIA = ['Lived experience of maternity services', 'Can join a monthly online meeting'];

/** A partner whose informal chat is held, for a role with two selection criteria, and their card. */
async function heldForRoleWithCriteria() {
  const ws = await workstream(t.service);
  const role = await advertisedRole(t.service, ws.id, 'Maternity partner', LEAD_PRINCIPAL, {
    selectionCriteria: CRITERIA.join('\n'),
  } as Partial<typeof COMPLETE>);
  const held = await at(t.service, await interested(t.service, role.id), 'Chat held');
  const card = (await t.presses('partner.open', { involvementId: held.id })).updated;
  return { held, card };
}

describe('Offer the role, judged against the criteria', () => {
  it('the card asks how each criterion was judged and why / lead offers with them, and the offer is recorded with both', async () => {
    const { held, card } = await heldForRoleWithCriteria();
    expect(choiceSetsOf(card).filter((input) => CRITERIA.includes(input.label))).toEqual([
      { id: 'criterion0', label: CRITERIA[0], choices: ['Met', 'Not met', 'Not assessed'] },
      { id: 'criterion1', label: CRITERIA[1], choices: ['Met', 'Not met', 'Not assessed'] },
      { id: 'criterion0', label: CRITERIA[0], choices: ['Met', 'Not met', 'Not assessed'] },
      { id: 'criterion1', label: CRITERIA[1], choices: ['Met', 'Not met', 'Not assessed'] },
    ]);
    expect(inputsOf(card, 'reason').map((input) => input.label)).toContain('Why they are offered the role');
    expect(textOf(card)).toContain('Judge them against the role’s selection criteria');

    const { updated } = await t.presses('chat.offer', {
      ...button(card, 'chat.offer'),
      criterion0: 'Met',
      criterion1: 'Not met',
      reason: 'Spoke about her own experience; can join most meetings.',
    });

    expect(textOf(updated)).toContain('Offered');
    const stored = await t.service.partnerViews.partnerDetail(LEAD_PRINCIPAL, held.id);
    expect(stored.involvement).toMatchObject({
      stage: 'Offered',
      offerCriteria: `Met: ${CRITERIA[0]}\nNot met: ${CRITERIA[1]}`,
      offerReason: 'Spoke about her own experience; can join most meetings.',
    });
  });

  it('lead presses Offer with a criterion unanswered / refused naming it, and Maya stays Chat held', async () => {
    const { held, card } = await heldForRoleWithCriteria();
    const { invoke } = await t.presses('chat.offer', {
      ...button(card, 'chat.offer'),
      criterion0: 'Met',
      reason: 'Strong lived experience.',
    });
    expect(invoke?.body.value).toBe(
      `Say how Maya Jones was judged against each criterion for "Maternity partner": "${CRITERIA[1]}" has no answer (met, not met, or not assessed). Nothing was changed.`,
    );
    expect((await t.service.partnerViews.partnerDetail(LEAD_PRINCIPAL, held.id)).involvement.stage).toBe('Chat held');
  });

  it('lead presses Offer with no reason / refused in plain words, nothing changed', async () => {
    const { held, card } = await heldForRoleWithCriteria();
    const { invoke } = await t.presses('chat.offer', { ...button(card, 'chat.offer'), criterion0: 'Met', criterion1: 'Met', reason: ' ' });
    expect(invoke?.body.value).toBe(
      'Please give a reason against the role’s criteria: Maya Jones cannot be offered the role without one. Nothing was changed.',
    );
    expect((await t.service.partnerViews.partnerDetail(LEAD_PRINCIPAL, held.id)).involvement).toMatchObject({
      stage: 'Chat held',
      version: held.version,
    });
  });

  it('lead chooses Not this time judging each criterion / the partner is Not progressed with the criteria recorded', async () => {
    const { held, card } = await heldForRoleWithCriteria();
    const { updated } = await t.presses('involvement.notProgress', {
      ...button(card, 'involvement.notProgress'),
      criterion0: 'Not assessed',
      criterion1: 'Not met',
      reason: 'The meetings clash with her caring; we will let her know of other roles.',
    });
    expect(textOf(updated)).toContain('Not progressed');
    expect((await t.service.partnerViews.partnerDetail(LEAD_PRINCIPAL, held.id)).involvement).toMatchObject({
      notProgressedCriteria: `Not assessed: ${CRITERIA[0]}\nNot met: ${CRITERIA[1]}`,
      notProgressedFrom: 'Chat held',
    });
  });
});
