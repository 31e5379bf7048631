/** @jest-environment jsdom */
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ApiError } from '../../src/tab/api/parse';
import type { Dashboard, FirstScreenView, SignedInUser, StageCounts, Workstream } from '../../src/tab/api/types';
import { WorkstreamWorkspace } from '../../src/tab/workstream-workspace';
import { agenda } from './builders';
import { fakeApi } from './fake-api';
import { fakeHost } from './fake-host';
import { withLayout } from './layout';
import { renderInFluent } from './render';

withLayout();

const NO_ONE = {
  Interested: 0,
  'Chat booked': 0,
  'Chat held': 0,
  Offered: 0,
  Induction: 0,
  Active: 0,
  Paused: 0,
  Ended: 0,
  'Not progressed': 0,
} satisfies StageCounts;
const workstream = (id: number, title: string): Workstream => ({
  id,
  title,
  description: null,
  teamsChannelId: null,
  version: 1,
  key: `w${id}`,
  created: '',
  modified: '',
});
const MINE = [workstream(4, 'Maternity'), workstream(6, 'Digital inclusion')];
const ME: SignedInUser = { id: 'oid-me', name: 'Jo Bloggs', localDevelopment: false, engagementTeam: false, workstreamIds: [4, 6] };
const dashboardOf = async (id: number): Promise<Dashboard> => ({
  workstream: MINE.find((candidate) => candidate.id === id) ?? workstream(id, 'Unknown'),
  today: '2026-03-02',
  roles: [],
  rows: [],
  stageCounts: NO_ONE,
  needsAttention: 0,
});

/** As the server answers it: the dashboard of the workstream asked for if it is theirs, else of their first. */
async function firstScreenOf(workstreamId: number | null): Promise<FirstScreenView> {
  const shown = MINE.find((candidate) => candidate.id === workstreamId) ?? MINE[0];
  return { me: ME, workstreams: MINE, dashboard: await dashboardOf(shown.id) };
}

function api() {
  return fakeApi({
    firstScreen: jest.fn(firstScreenOf),
    dashboard: jest.fn(dashboardOf),
    agenda: jest.fn(async () => agenda([])),
  });
}

const NOT_A_MEMBER = 'This tab is for a workstream you are not a member of';

describe('the workstream tab opened for a workstream', () => {
  it('that the person is not a member of says so above their own workstreams, naming nothing of it, until they pick one', async () => {
    window.history.replaceState(null, '', '/tab/index.html?workstream=9');
    renderInFluent(<WorkstreamWorkspace host={null} api={api()} />);
    expect(await screen.findByText(NOT_A_MEMBER)).toBeInTheDocument();
    expect(screen.getByText(/ask one of its members, or the Engagement team, to add you/)).toBeInTheDocument();
    expect(await screen.findByRole('heading', { name: 'Maternity' })).toBeInTheDocument();
    expect(window.location.search).toBe('?workstream=4');
    await userEvent.selectOptions(screen.getByRole('combobox', { name: /workstream/i }), 'Digital inclusion');
    expect(await screen.findByRole('heading', { name: 'Digital inclusion' })).toBeInTheDocument();
    expect(screen.queryByText(NOT_A_MEMBER)).not.toBeInTheDocument();
  });

  it('that the person is a member of shows it, with no notice', async () => {
    window.history.replaceState(null, '', '/tab/index.html?workstream=6');
    renderInFluent(<WorkstreamWorkspace host={null} api={api()} />);
    expect(await screen.findByRole('heading', { name: 'Digital inclusion' })).toBeInTheDocument();
    expect(screen.queryByText(NOT_A_MEMBER)).not.toBeInTheDocument();
  });

  it('that the person is in none of: says how to start one from the channel tab, and how to join one', async () => {
    window.history.replaceState(null, '', '/tab/index.html');
    renderInFluent(
      <WorkstreamWorkspace
        host={null}
        api={fakeApi({ firstScreen: jest.fn(async () => ({ me: { ...ME, workstreamIds: [] }, workstreams: [], dashboard: null })) })}
      />,
    );
    expect(await screen.findByRole('heading', { name: 'No workstreams yet' })).toBeInTheDocument();
    expect(screen.getByText(/add Partner Pathway as a tab in your workstream.s Teams channel/)).toBeInTheDocument();
    expect(screen.getByText(/choose “A new workstream”/)).toBeInTheDocument();
    expect(screen.getByText(/ask a member of it, or the Engagement team, to add you/)).toBeInTheDocument();
  });
});

describe('the workstream tab opening', () => {
  it('shows who is signed in, their workstreams and the workstream from one call, reading its dashboard again only after a pick', async () => {
    window.history.replaceState(null, '', '/tab/index.html?workstream=6');
    const calls = api();
    renderInFluent(<WorkstreamWorkspace host={null} api={calls} />);
    expect(await screen.findByRole('heading', { name: 'Digital inclusion' })).toBeInTheDocument();
    expect(screen.getByText('Jo Bloggs')).toBeInTheDocument();
    expect(calls.firstScreen).toHaveBeenCalledWith(6, expect.anything());
    expect(calls.dashboard).not.toHaveBeenCalled();
    await userEvent.selectOptions(screen.getByRole('combobox', { name: /workstream/i }), 'Maternity');
    await userEvent.selectOptions(screen.getByRole('combobox', { name: /workstream/i }), 'Digital inclusion');
    expect(await screen.findByRole('heading', { name: 'Digital inclusion' })).toBeInTheDocument();
    expect(calls.dashboard.mock.calls.map(([workstreamId]) => workstreamId)).toEqual([4, 6]);
    expect(calls.firstScreen).toHaveBeenCalledTimes(1);
  });

  it('uses the read started before the page rendered, and reads again itself when the person retries after it failed', async () => {
    window.history.replaceState(null, '', '/tab/index.html?workstream=4');
    const calls = api();
    const started = Promise.reject(
      new ApiError('network', 'The tab could not reach the server. Check your connection, then try again.', null),
    );
    renderInFluent(<WorkstreamWorkspace host={null} api={calls} started={started} />);
    expect(await screen.findByText(/could not reach the server/)).toBeInTheDocument();
    expect(calls.firstScreen).not.toHaveBeenCalled();
    await userEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('heading', { name: 'Maternity' })).toBeInTheDocument();
    expect(calls.firstScreen).toHaveBeenCalledTimes(1);
  });

  it("shows the workstream linked to the tab's channel when the address names none, reading that one's dashboard", async () => {
    window.history.replaceState(null, '', '/tab/index.html');
    const linked = { ...MINE[1], teamsChannelId: '19:channel' };
    const calls = api();
    calls.firstScreen.mockImplementation(async () => ({ me: ME, workstreams: [MINE[0], linked], dashboard: await dashboardOf(4) }));
    renderInFluent(<WorkstreamWorkspace host={fakeHost({ channelId: '19:channel' })} api={calls} />);
    expect(await screen.findByRole('heading', { name: 'Digital inclusion' })).toBeInTheDocument();
    expect(calls.dashboard.mock.calls.map(([workstreamId]) => workstreamId)).toEqual([6]);
    expect(window.location.search).toBe('?workstream=6');
  });
});
