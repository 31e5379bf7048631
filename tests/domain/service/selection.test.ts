import type { Involvement } from '../../../src/domain';
import { ENGAGEMENT, harness, LEAD, rejection, type Harness } from './harness';
import { completeDescription } from './harness';

const CRITERIA = ['Recent experience of urgent care', 'Can join a monthly design group'];
const ref = (involvement: Involvement) => ({ involvementId: involvement.id, version: involvement.version });

let h: Harness;
beforeEach(async () => {
  h = await harness();
});

/** An advertised role with the two criteria, ready to take interest. */
async function roleWithCriteria(): Promise<number> {
  const workstream = await h.service.workstreams.create(LEAD, { title: 'Urgent and emergency care' });
  const { role } = await h.service.roles.planRole(LEAD, { ...completeDescription(workstream.id), selectionCriteria: CRITERIA.join('\n') });
  const ready = await h.service.roles.markReady(LEAD, { roleId: role.id, version: role.version });
  const sent = await h.service.roles.sendAdvert(LEAD, { roleId: role.id, version: ready.role.version });
  await h.service.roles.approveAdvert(ENGAGEMENT, { roleId: role.id, version: sent.role.version, advertUrl: 'https://example.org/r/1' });
  return role.id;
}

async function chatHeld(roleId: number, fullName: string): Promise<Involvement> {
  let involvement = await h.service.involvements.recordInterest(LEAD, { roleId, partner: { fullName, consentGiven: true } });
  involvement = await h.service.involvements.bookChat(LEAD, { ...ref(involvement), at: '2026-03-12T10:00:00Z', where: 'Online' });
  return h.service.involvements.holdChat(LEAD, ref(involvement));
}

describe('offering the role against its criteria', () => {
  it('records the judgement and the reason with the move to Offered, in one audited change', async () => {
    const held = await chatHeld(await roleWithCriteria(), 'Maya Jones');
    const offered = await h.service.involvements.makeOffer(LEAD, {
      ...ref(held),
      criteria: { [CRITERIA[0]]: 'Met', [CRITERIA[1]]: 'Met' },
      reason: 'Spoke clearly about her experience; free on the meeting day.',
    });
    expect(offered).toMatchObject({
      stage: 'Offered',
      offerCriteria: `Met: ${CRITERIA[0]}\nMet: ${CRITERIA[1]}`,
      offerReason: 'Spoke clearly about her experience; free on the meeting day.',
    });
    const [entry] = await h.store.find({
      list: 'activity',
      where: { list: 'involvements', itemId: held.id, summary: 'Stage: Chat held to Offered' },
    });
    const changes = JSON.parse(entry.changes ?? '{}') as Record<string, unknown>;
    expect(changes).toMatchObject({ stage: { from: 'Chat held', to: 'Offered' }, offerCriteria: { to: offered.offerCriteria } });
    // The reason is personal: the audit trail says only that it changed.
    expect(JSON.stringify(changes.offerReason)).not.toContain('Spoke clearly');
  });

  it('refuses an offer with no reason, plainly, and changes nothing', async () => {
    const held = await chatHeld(await roleWithCriteria(), 'Maya Jones');
    const error = await rejection(
      h.service.involvements.makeOffer(LEAD, { ...ref(held), criteria: { [CRITERIA[0]]: 'Met', [CRITERIA[1]]: 'Met' } }),
    );
    expect(error.message).toBe(
      'Please give a reason against the role’s criteria: Maya Jones cannot be offered the role without one. Nothing was changed.',
    );
    expect(await h.store.get('involvements', held.id)).toEqual(held);
  });

  it('refuses a "not this time" with a criterion unjudged, and changes nothing', async () => {
    const held = await chatHeld(await roleWithCriteria(), 'Maya Jones');
    const error = await rejection(
      h.service.involvements.notProgress(LEAD, { ...ref(held), reason: 'Another role suits better.', criteria: { [CRITERIA[0]]: 'Met' } }),
    );
    expect(error.code).toBe('criteria-not-judged');
    expect(await h.store.get('involvements', held.id)).toEqual(held);
  });

  it('refuses criteria typed for a role that has none, and takes the reason alone', async () => {
    const workstream = await h.service.workstreams.create(LEAD, { title: 'Maternity' });
    const { role } = await h.service.roles.planRole(LEAD, completeDescription(workstream.id));
    await h.service.roles.markReady(LEAD, { roleId: role.id, version: role.version });
    const held = await chatHeld(role.id, 'Sam Green');
    expect(
      (await rejection(h.service.involvements.makeOffer(LEAD, { ...ref(held), criteria: { Kindness: 'Met' }, reason: 'Good fit.' }))).code,
    ).toBe('criterion-unknown');
    expect(await h.service.involvements.makeOffer(LEAD, { ...ref(held), reason: 'Good fit.' })).toMatchObject({
      stage: 'Offered',
      offerCriteria: null,
      offerReason: 'Good fit.',
    });
  });
});

describe('a role’s selection summary', () => {
  it('counts interest, chats, offers and not progressed, and each criterion’s verdicts, for the Engagement team', async () => {
    const roleId = await roleWithCriteria();
    await h.service.involvements.recordInterest(LEAD, { roleId, partner: { fullName: 'Ann Interested', consentGiven: true } });
    const early = await h.service.involvements.recordInterest(LEAD, { roleId, partner: { fullName: 'Ben Early', consentGiven: true } });
    await h.service.involvements.notProgress(LEAD, {
      ...ref(early),
      reason: 'Withdrew before the chat.',
      criteria: { [CRITERIA[0]]: 'Not assessed', [CRITERIA[1]]: 'Not assessed' },
    });
    const both = { [CRITERIA[0]]: 'Met', [CRITERIA[1]]: 'Met' };
    await h.service.involvements.makeOffer(LEAD, { ...ref(await chatHeld(roleId, 'Cara Offered')), criteria: both, reason: 'Fits well.' });
    await h.service.involvements.notProgress(LEAD, {
      ...ref(await chatHeld(roleId, 'Dan Later')),
      reason: 'The meetings clash with his work.',
      criteria: { [CRITERIA[0]]: 'Met', [CRITERIA[1]]: 'Not met' },
    });

    const summary = await h.service.roleViews.selectionSummary(ENGAGEMENT, roleId);

    expect(summary).toMatchObject({
      criteria: CRITERIA,
      expressedInterest: 4,
      chattedWith: 2,
      offered: 1,
      notProgressed: 2,
      offeredWithoutCriteria: 0,
      notProgressedWithoutCriteria: 0,
    });
    expect(summary.byCriterion).toEqual([
      {
        criterion: CRITERIA[0],
        current: true,
        offered: { Met: 1, 'Not met': 0, 'Not assessed': 0 },
        notProgressed: { Met: 1, 'Not met': 0, 'Not assessed': 1 },
      },
      {
        criterion: CRITERIA[1],
        current: true,
        offered: { Met: 1, 'Not met': 0, 'Not assessed': 0 },
        notProgressed: { Met: 0, 'Not met': 1, 'Not assessed': 1 },
      },
    ]);
    expect(JSON.stringify(summary)).not.toMatch(/Withdrew|clash|Dan|Cara/);
  });

  it('is refused to staff outside the Engagement team', async () => {
    const roleId = await roleWithCriteria();
    expect((await rejection(h.service.roleViews.selectionSummary(LEAD, roleId))).code).toBe('no-access');
  });
});
