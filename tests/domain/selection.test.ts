import { checkSelection, judgedFrom, selectionQuestion, tidyCriteria } from '../../src/domain';
import { refusal } from './refusal';

const role = { title: 'Maternity partner', selectionCriteria: 'Lived experience of maternity services\nCan join a monthly meeting' };

describe('selection criteria on a role', () => {
  it('keeps one criterion a line, trimmed, blank lines dropped; none at all is null', () => {
    expect(tidyCriteria('  Lived experience \n\n Can travel to Leeds  \n')).toBe('Lived experience\nCan travel to Leeds');
    expect(tidyCriteria(' \n ')).toBeNull();
  });

  it('refuses more than 12, one over 150 characters, or the same criterion twice', () => {
    expect(refusal(() => tidyCriteria(Array.from({ length: 13 }, (_, i) => `Criterion ${i}`).join('\n'))).message).toBe(
      'A role can have at most 12 selection criteria, one a line; these are 13. Keep to what matters most.',
    );
    expect(refusal(() => tidyCriteria('x'.repeat(151))).code).toBe('criterion-too-long');
    expect(refusal(() => tidyCriteria('Lived experience\nlived experience')).message).toBe(
      'The selection criterion "lived experience" is there twice. Keep it once.',
    );
  });

  it('asks, for a role with no criteria, for the reason in full', () => {
    expect(selectionQuestion({ title: 'Peer reviewer', selectionCriteria: null })).toMatchObject({
      criteria: [],
      guidance: expect.stringMatching(/^"Peer reviewer" has no selection criteria yet, so give the reason for this decision in full\./),
    });
  });
});

describe('an offer or a "not this time" reasoned against the criteria', () => {
  const judgedBoth = { 'Lived experience of maternity services': 'Met', 'Can join a monthly meeting': 'Not met' } as const;

  it('stores each criterion with its verdict, in the role’s order', () => {
    const stored = checkSelection({
      partnerName: 'Maya',
      role,
      to: 'Offered',
      judged: { 'Can join a monthly meeting': 'Not met', 'Lived experience of maternity services': 'Met' },
      reason: 'Strong lived experience; meetings can move.',
    });
    expect(stored).toBe('Met: Lived experience of maternity services\nNot met: Can join a monthly meeting');
    expect(judgedFrom(stored)).toEqual([
      { criterion: 'Lived experience of maternity services', verdict: 'Met' },
      { criterion: 'Can join a monthly meeting', verdict: 'Not met' },
    ]);
  });

  it('refuses a decision without a reason, in plain words', () => {
    const error = refusal(() => checkSelection({ partnerName: 'Maya', role, to: 'Offered', judged: judgedBoth, reason: '  ' }));
    expect(error.code).toBe('selection-reason-required');
    expect(error.message).toBe(
      'Please give a reason against the role’s criteria: Maya cannot be offered the role without one. Nothing was changed.',
    );
  });

  it('refuses a criterion left unjudged, naming it', () => {
    const error = refusal(() =>
      checkSelection({
        partnerName: 'Maya',
        role,
        to: 'Not progressed',
        judged: { 'Lived experience of maternity services': 'Not assessed' },
        reason: 'Withdrew.',
      }),
    );
    expect(error.message).toBe(
      'Say how Maya was judged against each criterion for "Maternity partner": "Can join a monthly meeting" has no answer (met, not met, or not assessed). Nothing was changed.',
    );
  });

  it('refuses a criterion the role does not have, listing those it has', () => {
    const error = refusal(() =>
      checkSelection({ partnerName: 'Maya', role, to: 'Offered', judged: { ...judgedBoth, 'Drives a car': 'Met' }, reason: 'Good fit.' }),
    );
    expect(error.message).toBe(
      '"Drives a car" is not one of the criteria for "Maternity partner": they are "Lived experience of maternity services" and "Can join a monthly meeting".',
    );
  });

  it('takes a free-text reason alone where the role has no criteria yet, and stores no judgement', () => {
    expect(
      checkSelection({
        partnerName: 'Maya',
        role: { title: 'Peer reviewer', selectionCriteria: null },
        to: 'Offered',
        reason: 'Good fit.',
      }),
    ).toBeNull();
    expect(
      refusal(() => checkSelection({ partnerName: 'Maya', role: { title: 'Peer reviewer', selectionCriteria: null }, to: 'Offered' })).code,
    ).toBe('selection-reason-required');
  });
});
