import {
  chooseWorkstream,
  partnerIdFromSubPage,
  partnerShowFromSearch,
  searchForWorkstreams,
  searchOpeningWorkstream,
  searchWithPartnerShow,
  searchWithWorkstream,
  searchWithoutWorkstream,
  workstreamIdFromSearch,
} from '../../../src/tab/shared/url-state';

const workstreams = [
  { id: 3, teamsChannelId: null },
  { id: 7, teamsChannelId: '19:diabetes@thread.tacv2' },
  { id: 9, teamsChannelId: '19:maternity@thread.tacv2' },
];

describe('workstreamIdFromSearch', () => {
  it('reads the workstream id from the query string', () => {
    expect(workstreamIdFromSearch('?workstream=12')).toBe(12);
    expect(workstreamIdFromSearch('?view=engagement&workstream=4')).toBe(4);
  });

  it.each(['', '?view=engagement', '?workstream=', '?workstream=abc', '?workstream=-2', '?workstream=1.5'])(
    'finds no workstream in %p',
    (search) => {
      expect(workstreamIdFromSearch(search)).toBeNull();
    },
  );
});

describe('searchWithWorkstream', () => {
  it('sets the workstream and keeps the parameters Teams put there', () => {
    expect(searchWithWorkstream('?view=engagement', 5)).toBe('?view=engagement&workstream=5');
  });

  it('replaces an earlier choice rather than adding a second one', () => {
    expect(searchWithWorkstream('?workstream=2&view=x', 5)).toBe('?workstream=5&view=x');
    expect(searchWithWorkstream('', 5)).toBe('?workstream=5');
  });
});

describe('chooseWorkstream', () => {
  it('shows the workstream the address names when the person can see it', () => {
    expect(chooseWorkstream(workstreams, 9, '19:diabetes@thread.tacv2')).toBe(9);
  });

  it('falls back to the workstream linked to the Teams channel when the address names one the person cannot see', () => {
    expect(chooseWorkstream(workstreams, 42, '19:diabetes@thread.tacv2')).toBe(7);
  });

  it('falls back to the first workstream when neither the address nor the channel picks one', () => {
    expect(chooseWorkstream(workstreams, null, null)).toBe(3);
    expect(chooseWorkstream(workstreams, null, '19:unlinked@thread.tacv2')).toBe(3);
  });

  it('chooses nothing when there are no workstreams', () => {
    expect(chooseWorkstream([], 3, null)).toBeNull();
  });
});

describe('partnerIdFromSubPage', () => {
  it("reads the partner from a bot deep link's sub-page", () => {
    expect(partnerIdFromSubPage('partner-34')).toBe(34);
  });

  it.each([null, '', 'partner-', 'partner-abc', 'workstream-3', 'partner-3-extra'])('finds no partner in %p', (subPageId) => {
    expect(partnerIdFromSubPage(subPageId)).toBeNull();
  });
});

describe('searchForWorkstreams', () => {
  it('drops the Engagement surface and keeps every other parameter', () => {
    expect(searchForWorkstreams('?view=engagement&theme=dark')).toBe('?theme=dark');
    expect(searchForWorkstreams('?view=engagement')).toBe('');
  });
});

describe('a workstream opened in the Engagement overview', () => {
  it('names the workstream, showing all its partners, and keeps every other parameter', () => {
    expect(searchOpeningWorkstream('?view=engagement&theme=dark&show=Active', 12)).toBe('?view=engagement&theme=dark&workstream=12');
    expect(workstreamIdFromSearch(searchOpeningWorkstream('?view=engagement', 12))).toBe(12);
  });

  it('leaves the workstream, and the partners shown in it, for the overview', () => {
    expect(searchWithoutWorkstream('?view=engagement&workstream=12&show=Induction&theme=dark')).toBe('?view=engagement&theme=dark');
    expect(searchWithoutWorkstream('?workstream=12')).toBe('');
  });
});

describe('partnerShowFromSearch', () => {
  it('reads the stage, or those needing attention, that the address shows', () => {
    expect(partnerShowFromSearch('?workstream=4&show=Induction')).toBe('Induction');
    expect(partnerShowFromSearch('?show=Chat+booked')).toBe('Chat booked');
    expect(partnerShowFromSearch('?show=needs-attention')).toBe('needs-attention');
  });

  it.each(['', '?show=', '?show=induction', '?show=Retired', '?workstream=4'])('shows everyone for %p', (search) => {
    expect(partnerShowFromSearch(search)).toBe('all');
  });
});

describe('searchWithPartnerShow', () => {
  it('sets what is shown and keeps every other parameter', () => {
    expect(searchWithPartnerShow('?workstream=4', 'Chat booked')).toBe('?workstream=4&show=Chat+booked');
    expect(searchWithPartnerShow('?workstream=4&show=Active', 'needs-attention')).toBe('?workstream=4&show=needs-attention');
  });

  it('leaves the parameter out when everyone is shown', () => {
    expect(searchWithPartnerShow('?workstream=4&show=Active', 'all')).toBe('?workstream=4');
    expect(searchWithPartnerShow('?show=Active', 'all')).toBe('');
  });

  it('reads back what it wrote', () => {
    expect(partnerShowFromSearch(searchWithPartnerShow('', 'Not progressed'))).toBe('Not progressed');
  });
});
