/** @jest-environment jsdom */
import { FluentProvider, teamsLightTheme } from '@fluentui/react-components';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ApiError } from '../../../src/tab/api/parse';
import type { DuplicateGroup, EngagementOverview, StageCounts } from '../../../src/tab/api/types';
import { EngagementView, type WorkstreamOpening } from '../../../src/tab/engagement/engagement-view';
import { fakeApi } from '../fake-api';
import { findConfirmation, renderInFluent } from '../render';

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
    {
      id: 1,
      title: 'Maternity',
      stageCounts: counts({ Induction: 1, Active: 2 }),
      overdueOneToOnes: 1,
      dueSoonOneToOnes: 0,
      advertsAwaitingApproval: [{ roleId: 9, version: 4, title: 'Board member', closingDate: '2026-04-30' }],
    },
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

/** Opening a workstream, which the workspace's tests follow. */
const OPENING: WorkstreamOpening = { href: (id) => `?view=engagement&workstream=${id}`, open: jest.fn(), leftId: null };

describe('the Engagement overview', () => {
  it('puts every workstream side by side: partners by stage, overdue one-to-ones, adverts awaiting approval', () => {
    renderInFluent(<EngagementView opening={OPENING} overview={OVERVIEW} api={fakeApi()} onChanged={jest.fn()} />);
    const maternity = screen.getByRole('row', { name: /^Maternity/ });
    expect(within(maternity).getByText('Induction 1, Active 2')).toBeInTheDocument();
    expect(within(maternity).getByText('1 overdue')).toBeInTheDocument();
    expect(within(maternity).getByText('Board member, closes Thu 30 Apr 2026')).toBeInTheDocument();
    const mentalHealth = screen.getByRole('row', { name: /^Mental health/ });
    expect(within(mentalHealth).getByText('Nobody yet')).toBeInTheDocument();
    expect(within(mentalHealth).getByText('None waiting')).toBeInTheDocument();
  });

  it("lists the Peer Support Network roster with each person's workstreams", () => {
    renderInFluent(<EngagementView opening={OPENING} overview={OVERVIEW} api={fakeApi()} onChanged={jest.fn()} />);
    expect(screen.getByText('1 joined, 1 invited and waiting for an answer, 0 declined, 0 not invited yet.')).toBeInTheDocument();
    const roster = screen.getByRole('table', { name: 'Peer Support Network roster' });
    const kwame = within(roster).getByRole('row', { name: /Kwame Mensah/ });
    expect(within(kwame).getByText('Maternity, Mental health')).toBeInTheDocument();
    expect(within(kwame).getByText('Not recorded')).toBeInTheDocument();
  });

  it('says what to do when there are no workstreams and nobody is invited', () => {
    renderInFluent(
      <EngagementView
        opening={OPENING}
        overview={{ ...OVERVIEW, workstreams: [], peerNetwork: { counts: OVERVIEW.peerNetwork.counts, members: [], notInvited: [] } }}
        api={fakeApi()}
        onChanged={jest.fn()}
      />,
    );
    expect(
      screen.getByText(
        'No workstreams yet. A workstream starts when someone adds the Partner Pathway tab to its Teams channel and chooses “A new workstream”.',
      ),
    ).toBeInTheDocument();
    expect(screen.getByText(/Nobody has been invited yet/)).toBeInTheDocument();
  });
});

/** The overview once the advert for the Board member role is no longer waiting. */
const DECIDED: EngagementOverview = {
  ...OVERVIEW,
  workstreams: OVERVIEW.workstreams.map((workstream) => ({ ...workstream, advertsAwaitingApproval: [] })),
};

function renderAdverts(api = fakeApi()) {
  const onChanged = jest.fn();
  const view = renderInFluent(<EngagementView opening={OPENING} overview={OVERVIEW} api={api} onChanged={onChanged} />);
  const adverts = screen.getByRole('list', { name: 'Adverts awaiting approval' });
  return {
    api,
    onChanged,
    adverts,
    rerender: (overview: EngagementOverview) =>
      view.rerender(
        <FluentProvider theme={teamsLightTheme}>
          <EngagementView opening={OPENING} overview={overview} api={api} onChanged={onChanged} />
        </FluentProvider>,
      ),
  };
}

const LINK = 'Link to the advert on the opportunities pages';

describe('adverts awaiting approval, in the Engagement overview', () => {
  it('approves an advert with its link, at the version read, then says so and reads the overview again', async () => {
    const { api, onChanged, adverts, rerender } = renderAdverts();
    const advert = within(adverts).getByRole('listitem');
    expect(within(advert).getByText('Board member')).toBeInTheDocument();
    expect(within(advert).getByText('Maternity')).toBeInTheDocument();
    expect(within(advert).getByText('Thu 30 Apr 2026')).toBeInTheDocument();
    await userEvent.click(within(advert).getByRole('button', { name: 'Approve the advert for Board member' }));
    const link = within(advert).getByRole('textbox', { name: new RegExp(LINK) });
    expect(link).toHaveFocus();
    await userEvent.type(link, 'https://example.org/opportunities/board-member');
    await userEvent.click(within(advert).getByRole('button', { name: 'Approve advert' }));
    expect(api.approveAdvert).toHaveBeenCalledWith(expect.objectContaining({ roleId: 9, version: 4 }), {
      advertUrl: 'https://example.org/opportunities/board-member',
      key: expect.stringMatching(/^.{8,}$/),
    });
    expect(onChanged).toHaveBeenCalledTimes(1);
    const done = await screen.findByText('Advert approved: Board member (Maternity) is now advertised.');
    rerender(DECIDED);
    expect(screen.getByText(/No adverts are waiting/)).toBeInTheDocument();
    // The buttons went with the advert: the focus is on what was done, not lost to the page.
    await waitFor(() => expect(document.activeElement?.contains(done)).toBe(true));
  });

  it("shows the server's sentence for the link under the field, and approves nothing until it is an https address", async () => {
    const message = 'Advert link must be the https address of the advert on the opportunities pages.';
    const api = fakeApi({
      approveAdvert: jest
        .fn()
        .mockRejectedValueOnce(new ApiError('validation', message, 400, { advertUrl: message }))
        .mockResolvedValue(undefined),
    });
    const { adverts } = renderAdverts(api);
    await userEvent.click(within(adverts).getByRole('button', { name: 'Approve the advert for Board member' }));
    const link = within(adverts).getByRole('textbox', { name: new RegExp(LINK) });
    await userEvent.type(link, 'http://example.org/board');
    await userEvent.click(within(adverts).getByRole('button', { name: 'Approve advert' }));
    expect(await within(adverts).findByText(message)).toBeInTheDocument();
    expect(link).toHaveAttribute('aria-invalid', 'true');
    expect(screen.queryByText('Not done')).not.toBeInTheDocument();
    await userEvent.clear(link);
    await userEvent.type(link, 'https://example.org/board');
    await userEvent.click(within(adverts).getByRole('button', { name: 'Approve advert' }));
    expect(await screen.findByText('Advert approved: Board member (Maternity) is now advertised.')).toBeInTheDocument();
    // Both presses were one decision: the same key, so a retried press after a lost answer counts once.
    const [first, second] = (api.approveAdvert as jest.Mock).mock.calls.map(([, approval]) => approval.key);
    expect(second).toBe(first);
  });

  it('sends an advert back with a comment', async () => {
    const { api, adverts } = renderAdverts();
    await userEvent.click(within(adverts).getByRole('button', { name: 'Send back the advert for Board member' }));
    await userEvent.type(within(adverts).getByRole('textbox', { name: /What needs changing/ }), 'Say how often the board meets.');
    await userEvent.click(within(adverts).getByRole('button', { name: 'Send back' }));
    expect(api.sendAdvertBack).toHaveBeenCalledWith(expect.objectContaining({ roleId: 9, version: 4 }), {
      comment: 'Say how often the board meets.',
      key: expect.any(String),
    });
    expect(await screen.findByText('Advert sent back: Maternity can read your comment on Board member.')).toBeInTheDocument();
  });

  it("shows a refusal that is not about the comment in the form, in the server's words", async () => {
    const refusal = 'There is no advert for "Board member" waiting for approval (its advert is approved).';
    const api = fakeApi({ sendAdvertBack: jest.fn().mockRejectedValue(new ApiError('advert-not-awaiting-approval', refusal, 422)) });
    const { adverts } = renderAdverts(api);
    await userEvent.click(within(adverts).getByRole('button', { name: 'Send back the advert for Board member' }));
    await userEvent.type(within(adverts).getByRole('textbox', { name: /What needs changing/ }), 'Too long.');
    await userEvent.click(within(adverts).getByRole('button', { name: 'Send back' }));
    expect(await within(adverts).findByText(refusal)).toBeInTheDocument();
  });

  it('changes nothing when cancelled, and gives the focus back to the button that opened the form', async () => {
    const { api, adverts } = renderAdverts();
    await userEvent.click(within(adverts).getByRole('button', { name: 'Approve the advert for Board member' }));
    await userEvent.click(within(adverts).getByRole('button', { name: 'Cancel' }));
    expect(within(adverts).queryByRole('textbox')).not.toBeInTheDocument();
    expect(within(adverts).getByRole('button', { name: 'Approve the advert for Board member' })).toHaveFocus();
    expect(api.approveAdvert).not.toHaveBeenCalled();
  });
});

const NEVER_INVITED: EngagementOverview = {
  ...OVERVIEW,
  peerNetwork: {
    ...OVERVIEW.peerNetwork,
    counts: { ...OVERVIEW.peerNetwork.counts, 'Not invited': 1 },
    notInvited: [{ partnerId: 7, version: 4, name: 'Aisha Rahman', status: 'Not invited', date: null, workstreams: ['Maternity'] }],
  },
};

/** The overview once Aisha Rahman is invited. */
const ALL_INVITED: EngagementOverview = { ...OVERVIEW, peerNetwork: { ...OVERVIEW.peerNetwork, notInvited: [] } };

describe('partners never invited to the Peer Support Network, in the Engagement overview', () => {
  it('are counted and listed, and each is invited at the version read, under a key', async () => {
    const onChanged = jest.fn();
    const api = fakeApi();
    const view = renderInFluent(<EngagementView opening={OPENING} overview={NEVER_INVITED} api={api} onChanged={onChanged} />);
    expect(screen.getByText('1 joined, 1 invited and waiting for an answer, 0 declined, 1 not invited yet.')).toBeInTheDocument();
    const list = screen.getByRole('list', { name: 'Not invited yet (1)' });
    const aisha = within(list).getByRole('listitem');
    expect(within(aisha).getByText('Maternity')).toBeInTheDocument();
    await userEvent.click(within(aisha).getByRole('button', { name: 'Invite Aisha Rahman to the Peer Support Network' }));
    expect(api.invitePeerNetwork).toHaveBeenCalledWith({ id: 7, version: 4 }, expect.stringMatching(/^.{8,}$/));
    expect(onChanged).toHaveBeenCalledTimes(1);
    const done = await screen.findByText('Aisha Rahman is invited to the Peer Support Network, dated today.');
    view.rerender(
      <FluentProvider theme={teamsLightTheme}>
        <EngagementView opening={OPENING} overview={ALL_INVITED} api={api} onChanged={onChanged} />
      </FluentProvider>,
    );
    expect(screen.getByText('Every partner in induction, active or paused has been invited.')).toBeInTheDocument();
    await waitFor(() => expect(document.activeElement?.contains(done)).toBe(true));
  });

  it("shows the server's refusal in its own words", async () => {
    const refusal = 'Aisha is already in the Peer Support Network.';
    const api = fakeApi({ invitePeerNetwork: jest.fn().mockRejectedValue(new ApiError('already-joined', refusal, 422)) });
    renderInFluent(<EngagementView opening={OPENING} overview={NEVER_INVITED} api={api} onChanged={jest.fn()} />);
    await userEvent.click(screen.getByRole('button', { name: 'Invite Aisha Rahman to the Peer Support Network' }));
    expect(await screen.findByText(refusal)).toBeInTheDocument();
  });
});

const GROUPS: DuplicateGroup[] = [
  {
    sharing: 'sam@example.org',
    partners: [
      { partnerId: 4, version: 6, name: 'Samira Patel', involvements: 2 },
      { partnerId: 9, version: 1, name: 'Sam Patel', involvements: 1 },
    ],
  },
];

describe('possible duplicates, in the Engagement overview', () => {
  it('merges the record not kept into the one kept, after a confirmation saying what a merge does', async () => {
    const onChanged = jest.fn();
    const duplicates = jest.fn().mockResolvedValueOnce(GROUPS).mockResolvedValue([]);
    const api = fakeApi({ duplicates, mergePartners: jest.fn(async () => ({ survivor: {} as never, moved: 1 })) });
    renderInFluent(<EngagementView opening={OPENING} overview={OVERVIEW} api={api} onChanged={onChanged} />);
    const list = await screen.findByRole('list', { name: 'Possible duplicates' });
    expect(within(list).getByText('Sharing sam@example.org')).toBeInTheDocument();
    const merge = within(list).getByRole('button', { name: 'Choose the record to keep' });
    expect(merge).toHaveAttribute('aria-disabled', 'true');
    await userEvent.click(within(list).getByRole('radio', { name: 'Keep Samira Patel, partner 4, 2 roles' }));
    await userEvent.click(within(list).getByRole('button', { name: 'Merge partner 9 into partner 4' }));
    const confirm = await findConfirmation('Merge Sam Patel (partner 9) into Samira Patel (partner 4)?');
    expect(within(confirm).getByText(/roles move to the record kept, with their checklists, one-to-ones and history/)).toBeInTheDocument();
    expect(within(confirm).getByText(/details the record kept lacks .* are filled in from the duplicate/)).toBeInTheDocument();
    expect(within(confirm).getByText(/the duplicate is emptied of personal data/)).toBeInTheDocument();
    expect(api.mergePartners).not.toHaveBeenCalled();
    await userEvent.click(within(confirm).getByRole('button', { name: 'Merge the records', hidden: true }));
    expect(api.mergePartners).toHaveBeenCalledWith(
      { survivor: { id: 4, version: 6 }, duplicate: { id: 9, version: 1 } },
      expect.stringMatching(/^.{8,}$/),
    );
    expect(await screen.findByText('Merged partner 9 into Samira Patel (partner 4): 1 role moved.')).toBeInTheDocument();
    expect(await screen.findByText('No records share an email address or phone number.')).toBeInTheDocument();
    expect(onChanged).toHaveBeenCalled();
  });

  it('asks which record to merge when three share a detail', async () => {
    const three: DuplicateGroup[] = [
      { ...GROUPS[0], partners: [...GROUPS[0].partners, { partnerId: 12, version: 2, name: 'S. Patel', involvements: 0 }] },
    ];
    renderInFluent(
      <EngagementView
        opening={OPENING}
        overview={OVERVIEW}
        api={fakeApi({ duplicates: jest.fn(async () => three) })}
        onChanged={jest.fn()}
      />,
    );
    const list = await screen.findByRole('list', { name: 'Possible duplicates' });
    await userEvent.click(within(list).getByRole('radio', { name: 'Keep Samira Patel, partner 4, 2 roles' }));
    expect(within(list).getByRole('button', { name: 'Choose the record to keep' })).toHaveAttribute('aria-disabled', 'true');
    await userEvent.click(within(list).getByRole('radio', { name: 'Merge S. Patel, partner 12, 0 roles' }));
    expect(within(list).getByRole('button', { name: 'Merge partner 12 into partner 4' })).not.toHaveAttribute('aria-disabled', 'true');
  });

  it("shows the server's refusal in its own words", async () => {
    const refusal =
      'Both records are on the pathway for the same role. Close one of those involvements (Not progressed) before merging, so the person has one place on it.';
    const api = fakeApi({
      duplicates: jest.fn(async () => GROUPS),
      mergePartners: jest.fn().mockRejectedValue(new ApiError('merge-same-role', refusal, 422)),
    });
    renderInFluent(<EngagementView opening={OPENING} overview={OVERVIEW} api={api} onChanged={jest.fn()} />);
    const list = await screen.findByRole('list', { name: 'Possible duplicates' });
    await userEvent.click(within(list).getByRole('radio', { name: 'Keep Sam Patel, partner 9, 1 role' }));
    await userEvent.click(within(list).getByRole('button', { name: 'Merge partner 4 into partner 9' }));
    await userEvent.click(
      within(await findConfirmation('Merge Samira Patel (partner 4) into Sam Patel (partner 9)?')).getByRole('button', {
        name: 'Merge the records',
        hidden: true,
      }),
    );
    expect(await screen.findByText(refusal)).toBeInTheDocument();
  });

  it('says when there are none', async () => {
    renderInFluent(
      <EngagementView opening={OPENING} overview={OVERVIEW} api={fakeApi({ duplicates: jest.fn(async () => []) })} onChanged={jest.fn()} />,
    );
    expect(await screen.findByText('No records share an email address or phone number.')).toBeInTheDocument();
  });
});
