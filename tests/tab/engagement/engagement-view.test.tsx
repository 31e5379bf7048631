/** @jest-environment jsdom */
import { screen, within } from '@testing-library/react';
import type { EngagementOverview, StageCounts } from '../../../src/tab/api/types';
import { EngagementView } from '../../../src/tab/engagement/engagement-view';
import { renderInFluent } from '../render';

function counts(some: Partial<StageCounts>): StageCounts {
  return {
    Interested: 0,
    'Chat booked': 0,
    'Chat held': 0,
    Offered: 0,
    Induction: 0,
    Active: 0,
    Paused: 0,
    Ended: 0,
    'Not progressed': 0,
    ...some,
  };
}

const OVERVIEW: EngagementOverview = {
  today: '2026-03-02',
  workstreams: [
    { id: 1, title: 'Maternity', stageCounts: counts({ Induction: 1, Active: 2 }), overdueOneToOnes: 1, dueSoonOneToOnes: 0, advertsAwaitingApproval: [{ roleId: 9, title: 'Board member', closingDate: '2026-04-30' }] },
    { id: 2, title: 'Mental health', stageCounts: counts({}), overdueOneToOnes: 0, dueSoonOneToOnes: 2, advertsAwaitingApproval: [] },
  ],
  peerNetwork: {
    counts: { 'Not invited': 0, Invited: 1, Joined: 1, Declined: 0 },
    members: [
      { partnerId: 4, name: 'Hannah Price', status: 'Joined', date: '2026-02-15', workstreams: ['Maternity'] },
      { partnerId: 5, name: 'Kwame Mensah', status: 'Invited', date: null, workstreams: ['Maternity', 'Mental health'] },
    ],
  },
};

describe('the Engagement overview', () => {
  it('puts every workstream side by side: partners by stage, overdue one-to-ones, adverts awaiting approval', () => {
    renderInFluent(<EngagementView overview={OVERVIEW} />);
    const maternity = screen.getByRole('row', { name: /^Maternity/ });
    expect(within(maternity).getByText('Induction 1, Active 2')).toBeTruthy();
    expect(within(maternity).getByText('1 overdue')).toBeTruthy();
    expect(within(maternity).getByText('Board member, closes Thu 30 Apr 2026')).toBeTruthy();
    const mentalHealth = screen.getByRole('row', { name: /^Mental health/ });
    expect(within(mentalHealth).getByText('Nobody yet')).toBeTruthy();
    expect(within(mentalHealth).getByText('None waiting')).toBeTruthy();
  });

  it('lists the Peer Support Network roster with each person\'s workstreams', () => {
    renderInFluent(<EngagementView overview={OVERVIEW} />);
    expect(screen.getByText('1 joined, 1 invited and waiting for an answer, 0 declined.')).toBeTruthy();
    const roster = screen.getByRole('table', { name: 'Peer Support Network roster' });
    const kwame = within(roster).getByRole('row', { name: /Kwame Mensah/ });
    expect(within(kwame).getByText('Maternity, Mental health')).toBeTruthy();
    expect(within(kwame).getByText('Not recorded')).toBeTruthy();
  });

  it('says what to do when there are no workstreams and nobody is invited', () => {
    renderInFluent(<EngagementView overview={{ ...OVERVIEW, workstreams: [], peerNetwork: { counts: OVERVIEW.peerNetwork.counts, members: [] } }} />);
    expect(screen.getByText('No workstreams yet. A workstream starts when someone adds the Partner Pathway tab to its Teams channel and chooses “A new workstream”.')).toBeTruthy();
    expect(screen.getByText(/Nobody has been invited yet/)).toBeTruthy();
  });
});
