/** @jest-environment jsdom */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ApiError } from '../../src/tab/api/parse';
import type { EngagementOverview, SignedInUser } from '../../src/tab/api/types';
import { EngagementWorkspace } from '../../src/tab/engagement-workspace';
import { dashboard, member, stageCounts } from './builders';
import { addColleague } from './people/add-colleague';
import { fakeApi } from './fake-api';
import { fakeHost } from './fake-host';
import { findConfirmation, renderInFluent } from './render';

const OVERVIEW: EngagementOverview = {
  today: '2026-03-02',
  workstreams: [],
  peerNetwork: { counts: { 'Not invited': 0, Invited: 0, Joined: 0, Declined: 0 }, members: [], notInvited: [] },
};

const person = (engagementTeam: boolean): SignedInUser => ({
  id: 'oid-me',
  name: 'Jo Bloggs',
  localDevelopment: false,
  engagementTeam,
  workstreamIds: [4],
});
const ENGAGEMENT_ONLY =
  'Only the Engagement team can see every workstream. Ask them in their channel, or through the bot\'s "ask" command.';

describe('the Engagement personal tab', () => {
  beforeEach(() => {
    window.history.replaceState(null, '', '/tab/index.html?view=engagement&theme=dark');
  });

  it("shows the organisation's induction template when that tab is chosen, read in one more call", async () => {
    const inductionTemplate = jest.fn(async () => ({
      revision: '',
      source: 'organisation' as const,
      guidance: ['This is the organisation’s template: every workstream without its own uses it.'],
      items: [{ label: 'ICS welcome pack', kind: 'Task' as const, required: true }],
    }));
    const api = fakeApi({ me: jest.fn(async () => person(true)), overview: jest.fn(async () => OVERVIEW), inductionTemplate });
    renderInFluent(<EngagementWorkspace host={null} api={api} />);
    await userEvent.click(await screen.findByRole('tab', { name: 'Induction template' }));
    expect(await screen.findByRole('form', { name: 'Induction template for the organisation' })).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: /Label/ })).toHaveValue('ICS welcome pack');
    expect(inductionTemplate).toHaveBeenCalledTimes(1);
    expect(inductionTemplate).toHaveBeenCalledWith('organisation', expect.anything());
  });

  it("shows the Engagement team's members when that tab is chosen, read in one more call, with the same add and remove", async () => {
    const nadia = member({ id: 1, workstreamId: null, userId: 'oid-nadia', userName: 'Nadia Ali' });
    const api = fakeApi({
      me: jest.fn(async () => person(true)),
      overview: jest.fn(async () => OVERVIEW),
      members: jest.fn(async () => [nadia]),
    });
    renderInFluent(<EngagementWorkspace host={null} api={api} />);
    expect(await screen.findByRole('heading', { name: 'All workstreams' })).toBeInTheDocument();
    expect(api.members).not.toHaveBeenCalled();
    await userEvent.click(screen.getByRole('tab', { name: 'Engagement team' }));
    const list = await screen.findByRole('list', { name: 'People in the Engagement team (1)' });
    expect(api.members).toHaveBeenCalledTimes(1);
    expect(api.members).toHaveBeenCalledWith('engagement-team', expect.anything());
    await userEvent.click(within(list).getByRole('button', { name: 'Remove Nadia Ali' }));
    const dialog = await findConfirmation('Remove Nadia Ali from the Engagement team?');
    expect(within(dialog).getByText(/no longer see every workstream/)).toBeInTheDocument();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Remove Nadia Ali', hidden: true }));
    expect(api.removeMember).toHaveBeenCalledWith(nadia);
    const form = screen.getByRole('form', { name: 'Add a colleague to the Engagement team' });
    await addColleague(form, 'Sam Lee', 'oid-sam');
    expect(api.addMember).toHaveBeenCalledWith('engagement-team', { userId: 'oid-sam', userName: 'Sam Lee' });
  });

  it('explains to someone outside the Engagement team what the view is for and where their workstreams are, rather than an error', async () => {
    const host = fakeHost();
    const api = fakeApi({
      me: jest.fn(async () => person(false)),
      overview: jest.fn().mockRejectedValue(new ApiError('no-access', ENGAGEMENT_ONLY, 403)),
    });
    renderInFluent(<EngagementWorkspace host={host} api={api} />);
    expect(await screen.findByRole('heading', { name: 'This view is for the Engagement team' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Open your workstreams' })).toHaveAttribute('href', '/tab/index.html?theme=dark');
    expect(screen.queryByRole('tab')).not.toBeInTheDocument();
    expect(screen.queryByText(ENGAGEMENT_ONLY)).not.toBeInTheDocument();
    expect(host.reportLoaded).toHaveBeenCalled();
    expect(host.reportFailed).not.toHaveBeenCalled();
  });

  it('explains the same when the server refuses the overview and could not say who is signed in', async () => {
    const api = fakeApi({
      me: jest.fn().mockRejectedValue(new ApiError('network', 'The tab could not reach the server.', null)),
      overview: jest.fn().mockRejectedValue(new ApiError('no-access', ENGAGEMENT_ONLY, 403)),
    });
    renderInFluent(<EngagementWorkspace host={null} api={api} />);
    expect(await screen.findByRole('heading', { name: 'This view is for the Engagement team' })).toBeInTheDocument();
  });

  it('shows any other failure as one, with Retry, and tells Teams', async () => {
    const host = fakeHost();
    const api = fakeApi({
      me: jest.fn(async () => person(true)),
      overview: jest
        .fn()
        .mockRejectedValueOnce(new ApiError('store-unavailable', 'The data store is not available just now.', 503))
        .mockResolvedValue(OVERVIEW),
    });
    renderInFluent(<EngagementWorkspace host={host} api={api} />);
    expect(await screen.findByText('Could not load the Engagement overview')).toBeInTheDocument();
    expect(host.reportFailed).toHaveBeenCalledWith('The data store is not available just now.');
    await userEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('heading', { name: 'All workstreams' })).toBeInTheDocument();
  });

  describe('a workstream opened from the overview', () => {
    const WITH_WORKSTREAMS: EngagementOverview = {
      ...OVERVIEW,
      workstreams: [4, 6].map((id) => ({
        id,
        title: id === 4 ? 'Maternity voices' : 'Mental health',
        stageCounts: stageCounts({ Induction: 1 }),
        overdueOneToOnes: 0,
        dueSoonOneToOnes: 0,
        advertsAwaitingApproval: [],
      })),
    };
    const setUp = () => {
      const api = fakeApi({
        me: jest.fn(async () => person(true)),
        overview: jest.fn(async () => WITH_WORKSTREAMS),
        dashboard: jest.fn(async () => dashboard()),
      });
      renderInFluent(<EngagementWorkspace host={null} api={api} />);
      return api;
    };
    const linkTo = async (title: string) =>
      within(await screen.findByRole('table', { name: 'All workstreams' })).getByRole('link', { name: title });

    it('shows it as its team sees it, named in the address, the focus on its title; back, the focus is on its link again', async () => {
      const api = setUp();
      const link = await linkTo('Maternity voices');
      expect(link).toHaveAttribute('href', '/tab/index.html?view=engagement&theme=dark&workstream=4');
      await userEvent.click(link);
      const title = await screen.findByRole('heading', { level: 2, name: 'Maternity voices' });
      expect(api.dashboard).toHaveBeenCalledWith(4, expect.anything());
      await waitFor(() => expect(title).toHaveFocus());
      expect(window.location.search).toBe('?view=engagement&theme=dark&workstream=4');
      expect(screen.getByRole('tablist', { name: 'Workstream views' })).toBeInTheDocument();
      expect(screen.queryByRole('tablist', { name: 'Engagement views' })).not.toBeInTheDocument();

      await userEvent.click(screen.getByRole('link', { name: 'Back to the Engagement overview' }));
      expect(await linkTo('Maternity voices')).toHaveFocus();
      expect(window.location.search).toBe('?view=engagement&theme=dark');
      // What was done in the workstream may have changed the counts.
      expect(api.overview).toHaveBeenCalledTimes(2);
    });

    it("follows the browser's Back and Forward", async () => {
      setUp();
      await userEvent.click(await linkTo('Mental health'));
      await screen.findByRole('heading', { level: 2, name: 'Maternity voices' });
      window.history.back();
      expect(await linkTo('Mental health')).toHaveFocus();
      expect(window.location.search).toBe('?view=engagement&theme=dark');
      window.history.forward();
      expect(await screen.findByRole('heading', { level: 2, name: 'Maternity voices' })).toBeInTheDocument();
      expect(window.location.search).toBe('?view=engagement&theme=dark&workstream=6');
    });

    it('stays open on a reload', async () => {
      window.history.replaceState(null, '', '/tab/index.html?view=engagement&workstream=4');
      const api = setUp();
      expect(await screen.findByRole('heading', { level: 2, name: 'Maternity voices' })).toBeInTheDocument();
      expect(api.dashboard).toHaveBeenCalledWith(4, expect.anything());
      expect(screen.getByRole('link', { name: 'Back to the Engagement overview' })).toHaveAttribute(
        'href',
        '/tab/index.html?view=engagement',
      );
    });
  });
});
