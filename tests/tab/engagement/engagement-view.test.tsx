/** @jest-environment jsdom */
import { FluentProvider, teamsLightTheme } from '@fluentui/react-components';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ApiError } from '../../../src/tab/api/parse';
import type { EngagementOverview, StageCounts } from '../../../src/tab/api/types';
import { EngagementView } from '../../../src/tab/engagement/engagement-view';
import { fakeApi } from '../fake-api';
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
    { id: 1, title: 'Maternity', stageCounts: counts({ Induction: 1, Active: 2 }), overdueOneToOnes: 1, dueSoonOneToOnes: 0, advertsAwaitingApproval: [{ roleId: 9, version: 4, title: 'Board member', closingDate: '2026-04-30' }] },
    { id: 2, title: 'Mental health', stageCounts: counts({}), overdueOneToOnes: 0, dueSoonOneToOnes: 2, advertsAwaitingApproval: [] },
  ],
  peerNetwork: {
    counts: { 'Not invited': 0, Invited: 1, Joined: 1, Declined: 0 },
    members: [
      { partnerId: 4, version: 3, name: 'Hannah Price', status: 'Joined', date: '2026-02-15', workstreams: ['Maternity'] },
      { partnerId: 5, version: 1, name: 'Kwame Mensah', status: 'Invited', date: null, workstreams: ['Maternity', 'Mental health'] },
    ],
    notInvited: [],
  },
};

describe('the Engagement overview', () => {
  it('puts every workstream side by side: partners by stage, overdue one-to-ones, adverts awaiting approval', () => {
    renderInFluent(<EngagementView overview={OVERVIEW} api={fakeApi()} onChanged={jest.fn()} />);
    const maternity = screen.getByRole('row', { name: /^Maternity/ });
    expect(within(maternity).getByText('Induction 1, Active 2')).toBeTruthy();
    expect(within(maternity).getByText('1 overdue')).toBeTruthy();
    expect(within(maternity).getByText('Board member, closes Thu 30 Apr 2026')).toBeTruthy();
    const mentalHealth = screen.getByRole('row', { name: /^Mental health/ });
    expect(within(mentalHealth).getByText('Nobody yet')).toBeTruthy();
    expect(within(mentalHealth).getByText('None waiting')).toBeTruthy();
  });

  it('lists the Peer Support Network roster with each person\'s workstreams', () => {
    renderInFluent(<EngagementView overview={OVERVIEW} api={fakeApi()} onChanged={jest.fn()} />);
    expect(screen.getByText('1 joined, 1 invited and waiting for an answer, 0 declined.')).toBeTruthy();
    const roster = screen.getByRole('table', { name: 'Peer Support Network roster' });
    const kwame = within(roster).getByRole('row', { name: /Kwame Mensah/ });
    expect(within(kwame).getByText('Maternity, Mental health')).toBeTruthy();
    expect(within(kwame).getByText('Not recorded')).toBeTruthy();
  });

  it('says what to do when there are no workstreams and nobody is invited', () => {
    renderInFluent(<EngagementView overview={{ ...OVERVIEW, workstreams: [], peerNetwork: { counts: OVERVIEW.peerNetwork.counts, members: [], notInvited: [] } }} api={fakeApi()} onChanged={jest.fn()} />);
    expect(screen.getByText('No workstreams yet. A workstream starts when someone adds the Partner Pathway tab to its Teams channel and chooses “A new workstream”.')).toBeTruthy();
    expect(screen.getByText(/Nobody has been invited yet/)).toBeTruthy();
  });
});

/** The overview once the advert for the Board member role is no longer waiting. */
const DECIDED: EngagementOverview = { ...OVERVIEW, workstreams: OVERVIEW.workstreams.map((workstream) => ({ ...workstream, advertsAwaitingApproval: [] })) };

function renderAdverts(api = fakeApi()) {
  const onChanged = jest.fn();
  const view = renderInFluent(<EngagementView overview={OVERVIEW} api={api} onChanged={onChanged} />);
  const adverts = screen.getByRole('list', { name: 'Adverts awaiting approval' });
  return { api, onChanged, adverts, rerender: (overview: EngagementOverview) =>
      view.rerender(
        <FluentProvider theme={teamsLightTheme}>
          <EngagementView overview={overview} api={api} onChanged={onChanged} />
        </FluentProvider>,
      ),
  };
}

const LINK = 'Link to the advert on the opportunities pages';

describe('adverts awaiting approval, in the Engagement overview', () => {
  it('approves an advert with its link, at the version read, then says so and reads the overview again', async () => {
    const { api, onChanged, adverts, rerender } = renderAdverts();
    const advert = within(adverts).getByRole('listitem');
    expect(within(advert).getByText('Board member')).toBeTruthy();
    expect(within(advert).getByText('Maternity')).toBeTruthy();
    expect(within(advert).getByText('Thu 30 Apr 2026')).toBeTruthy();
    await userEvent.click(within(advert).getByRole('button', { name: 'Approve the advert for Board member' }));
    const link = within(advert).getByRole('textbox', { name: new RegExp(LINK) });
    expect(document.activeElement).toBe(link);
    await userEvent.type(link, 'https://example.org/opportunities/board-member');
    await userEvent.click(within(advert).getByRole('button', { name: 'Approve advert' }));
    expect(api.approveAdvert).toHaveBeenCalledWith(
      expect.objectContaining({ roleId: 9, version: 4 }),
      { advertUrl: 'https://example.org/opportunities/board-member', key: expect.stringMatching(/^.{8,}$/) },
    );
    expect(onChanged).toHaveBeenCalledTimes(1);
    const done = await screen.findByText('Advert approved: Board member (Maternity) is now advertised.');
    rerender(DECIDED);
    expect(screen.getByText(/No adverts are waiting/)).toBeTruthy();
    // The buttons went with the advert: the focus is on what was done, not lost to the page.
    await waitFor(() => expect(document.activeElement?.contains(done)).toBe(true));
  });

  it("shows the server's sentence for the link under the field, and approves nothing until it is an https address", async () => {
    const message = 'Advert link must be the https address of the advert on the opportunities pages.';
    const api = fakeApi({ approveAdvert: jest.fn().mockRejectedValueOnce(new ApiError('validation', message, 400, { advertUrl: message })).mockResolvedValue(undefined) });
    const { adverts } = renderAdverts(api);
    await userEvent.click(within(adverts).getByRole('button', { name: 'Approve the advert for Board member' }));
    const link = within(adverts).getByRole('textbox', { name: new RegExp(LINK) });
    await userEvent.type(link, 'http://example.org/board');
    await userEvent.click(within(adverts).getByRole('button', { name: 'Approve advert' }));
    expect(await within(adverts).findByText(message)).toBeTruthy();
    expect(link.getAttribute('aria-invalid')).toBe('true');
    expect(screen.queryByText('Not done')).toBeNull();
    await userEvent.clear(link);
    await userEvent.type(link, 'https://example.org/board');
    await userEvent.click(within(adverts).getByRole('button', { name: 'Approve advert' }));
    expect(await screen.findByText('Advert approved: Board member (Maternity) is now advertised.')).toBeTruthy();
    // Both presses were one decision: the same key, so a retried press after a lost answer counts once.
    const [first, second] = (api.approveAdvert as jest.Mock).mock.calls.map(([, approval]) => approval.key);
    expect(second).toBe(first);
  });

  it('sends an advert back with a comment', async () => {
    const { api, adverts } = renderAdverts();
    await userEvent.click(within(adverts).getByRole('button', { name: 'Send back the advert for Board member' }));
    await userEvent.type(within(adverts).getByRole('textbox', { name: /What needs changing/ }), 'Say how often the board meets.');
    await userEvent.click(within(adverts).getByRole('button', { name: 'Send back' }));
    expect(api.sendAdvertBack).toHaveBeenCalledWith(expect.objectContaining({ roleId: 9, version: 4 }), { comment: 'Say how often the board meets.', key: expect.any(String) });
    expect(await screen.findByText('Advert sent back: Maternity can read your comment on Board member.')).toBeTruthy();
  });

  it("shows a refusal that is not about the comment in the form, in the server's words", async () => {
    const refusal = 'There is no advert for "Board member" waiting for approval (its advert is approved).';
    const api = fakeApi({ sendAdvertBack: jest.fn().mockRejectedValue(new ApiError('advert-not-awaiting-approval', refusal, 422)) });
    const { adverts } = renderAdverts(api);
    await userEvent.click(within(adverts).getByRole('button', { name: 'Send back the advert for Board member' }));
    await userEvent.type(within(adverts).getByRole('textbox', { name: /What needs changing/ }), 'Too long.');
    await userEvent.click(within(adverts).getByRole('button', { name: 'Send back' }));
    expect(await within(adverts).findByText(refusal)).toBeTruthy();
  });

  it('changes nothing when cancelled, and gives the focus back to the button that opened the form', async () => {
    const { api, adverts } = renderAdverts();
    await userEvent.click(within(adverts).getByRole('button', { name: 'Approve the advert for Board member' }));
    await userEvent.click(within(adverts).getByRole('button', { name: 'Cancel' }));
    expect(within(adverts).queryByRole('textbox')).toBeNull();
    expect(document.activeElement).toBe(within(adverts).getByRole('button', { name: 'Approve the advert for Board member' }));
    expect(api.approveAdvert).not.toHaveBeenCalled();
  });
});
