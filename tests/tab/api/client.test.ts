import { createApiClient, stageRequest } from '../../../src/tab/api/client';
import { ApiError } from '../../../src/tab/api/parse';

function answer(status: number, body: string): Response {
  return new Response(body, { status, headers: { 'Content-Type': 'application/json' } });
}

describe('createApiClient', () => {
  const signal = new AbortController().signal;
  let fetchMock: jest.SpyInstance;

  beforeEach(() => {
    fetchMock = jest.spyOn(globalThis, 'fetch');
  });

  afterEach(() => {
    fetchMock.mockRestore();
  });

  it('asks for one dashboard in one call, with the Teams token when there is one', async () => {
    fetchMock.mockResolvedValue(answer(200, JSON.stringify({ workstream: {}, roles: [], rows: [] })));
    const api = createApiClient(async () => 'sso-token');

    await api.dashboard(7, signal);

    expect(fetchMock).toHaveBeenCalledTimes(1);
    const [path, init] = fetchMock.mock.calls[0] as [string, RequestInit];
    expect(path).toBe('/api/workstreams/7/dashboard');
    expect(init.headers).toMatchObject({ Authorization: 'Bearer sso-token' });
  });

  it('sends no Authorization header outside Teams', async () => {
    fetchMock.mockResolvedValue(answer(200, '[]'));
    await createApiClient(async () => null).workstreams(signal);
    const [, init] = fetchMock.mock.calls[0] as [string, RequestInit];
    expect(init.headers).not.toHaveProperty('Authorization');
  });

  it("fails with the server's own message", async () => {
    fetchMock.mockResolvedValue(
      answer(404, JSON.stringify({ error: { code: 'not-found', message: 'There is no workstream 7.' } })),
    );
    await expect(createApiClient(async () => null).dashboard(7, signal)).rejects.toMatchObject({
      code: 'not-found',
      message: 'There is no workstream 7.',
    });
  });

  it('says the server could not be reached when the request never arrives', async () => {
    fetchMock.mockRejectedValue(new TypeError('fetch failed'));
    const failure = createApiClient(async () => null).me(signal);
    await expect(failure).rejects.toBeInstanceOf(ApiError);
    await expect(failure).rejects.toMatchObject({ code: 'network', status: null });
  });

  it('refuses a page that is not JSON, such as the tab itself served in place of the API', async () => {
    fetchMock.mockResolvedValue(new Response('<!doctype html><title>Partner Pathway</title>', { status: 200 }));
    await expect(createApiClient(async () => null).workstreams(signal)).rejects.toMatchObject({
      code: 'unexpected-response',
    });
  });
});

describe('stageRequest', () => {
  it.each([
    ['Interested', { to: 'Chat booked', at: '2026-03-04T10:00:00.000Z', where: 'Teams' }, 'book-chat', { at: '2026-03-04T10:00:00.000Z', where: 'Teams' }],
    ['Chat booked', { to: 'Chat held', notes: '  ' }, 'hold-chat', {}],
    ['Chat held', { to: 'Offered' }, 'offer', {}],
    ['Offered', { to: 'Induction' }, 'start-induction', {}],
    ['Induction', { to: 'Active' }, 'activate', {}],
    ['Paused', { to: 'Active' }, 'resume', {}],
    ['Active', { to: 'Paused', reason: 'Caring for a relative' }, 'pause', { reason: 'Caring for a relative' }],
    ['Active', { to: 'Ended', reason: 'Moved away', exitConversationOffered: true }, 'end', { reason: 'Moved away', exitConversationOffered: true }],
    ['Offered', { to: 'Not progressed', reason: 'Chose another role' }, 'not-progressed', { reason: 'Chose another role' }],
  ] as const)('from %s asks for %j with the action the bot uses', (from, change, action, body) => {
    expect(stageRequest(from, change)).toEqual({ action, body });
  });

  it('posts the stage change with the version the panel read', async () => {
    const fetchMock = jest.spyOn(globalThis, 'fetch').mockResolvedValue(new Response('{}', { status: 200 }));
    await createApiClient(async () => null).changeStage({ id: 7, version: 3, stage: 'Paused' }, { to: 'Active' });
    const [path, init] = fetchMock.mock.calls[0] as [string, RequestInit];
    expect(path).toBe('/api/involvements/7/resume');
    expect(init.method).toBe('POST');
    expect(JSON.parse(String(init.body))).toEqual({ version: 3 });
    fetchMock.mockRestore();
  });
});

describe('downloads', () => {
  it('fetches a file with the Teams token and names it as the server does', async () => {
    const fetchMock = jest.spyOn(globalThis, 'fetch').mockResolvedValue(
      new Response('BEGIN:VCALENDAR', { status: 200, headers: { 'Content-Disposition': 'attachment; filename="one-to-one-31.ics"' } }),
    );
    const file = await createApiClient(async () => 'sso-token').download('/api/one-to-ones/31/invitation.ics');
    expect(file.fileName).toBe('one-to-one-31.ics');
    expect(await file.blob.text()).toBe('BEGIN:VCALENDAR');
    const [, init] = fetchMock.mock.calls[0] as [string, RequestInit];
    expect(init.headers).toMatchObject({ Authorization: 'Bearer sso-token' });
    fetchMock.mockRestore();
  });

  it("fails with the server's refusal when there is nothing to download", async () => {
    const fetchMock = jest.spyOn(globalThis, 'fetch').mockResolvedValue(
      new Response(JSON.stringify({ error: { code: 'not-booked', message: 'This one-to-one is cancelled.' } }), { status: 422 }),
    );
    await expect(createApiClient(async () => null).download('/api/one-to-ones/31/invitation.ics')).rejects.toMatchObject({
      code: 'not-booked',
      message: 'This one-to-one is cancelled.',
    });
    fetchMock.mockRestore();
  });
});

describe('members', () => {
  let fetchMock: jest.SpyInstance;
  beforeEach(() => {
    fetchMock = jest.spyOn(globalThis, 'fetch');
  });
  afterEach(() => {
    fetchMock.mockRestore();
  });
  const sent = (call: number) => {
    const [path, init] = fetchMock.mock.calls[call] as [string, RequestInit];
    return { path, method: init.method, body: init.body === undefined ? undefined : JSON.parse(String(init.body)) };
  };

  it("reads a workstream's members or the Engagement team's, adds a person by id and name, and removes a member at the version read", async () => {
    fetchMock.mockImplementation(async () => new Response('[]', { status: 200 }));
    const api = createApiClient(async () => null);
    await api.members({ workstreamId: 4 }, new AbortController().signal);
    await api.members('engagement-team', new AbortController().signal);
    await api.addMember({ workstreamId: 4 }, { userId: ' oid-1 ', userName: ' Priya Shah ' });
    await api.addMember('engagement-team', { userId: 'oid-2', userName: 'Nadia Ali' });
    await api.removeMember({ id: 9, version: 2 });
    expect([0, 1, 2, 3, 4].map(sent)).toEqual([
      { path: '/api/workstreams/4/members', method: 'GET', body: undefined },
      { path: '/api/engagement-team/members', method: 'GET', body: undefined },
      { path: '/api/workstreams/4/members', method: 'POST', body: { userId: 'oid-1', userName: 'Priya Shah' } },
      { path: '/api/engagement-team/members', method: 'POST', body: { userId: 'oid-2', userName: 'Nadia Ali' } },
      { path: '/api/members/9/remove', method: 'POST', body: { version: 2 } },
    ]);
  });

  it("fails an add with the server's message for each field", async () => {
    fetchMock.mockResolvedValue(
      answer(400, JSON.stringify({ error: { code: 'validation', message: 'Name is required.', fields: { userName: 'Name is required.' } } })),
    );
    await expect(createApiClient(async () => null).addMember({ workstreamId: 4 }, { userId: 'oid-1', userName: '' })).rejects.toMatchObject({
      status: 400,
      fields: { userName: 'Name is required.' },
    });
  });
});

describe('adverts awaiting approval', () => {
  let fetchMock: jest.SpyInstance;
  beforeEach(() => {
    fetchMock = jest.spyOn(globalThis, 'fetch');
  });
  afterEach(() => {
    fetchMock.mockRestore();
  });
  const sent = (call: number) => {
    const [path, init] = fetchMock.mock.calls[call] as [string, RequestInit];
    return { path, method: init.method, body: JSON.parse(String(init.body)) };
  };

  it('approves with the link, or sends back with the comment, at the version read and under the key given', async () => {
    fetchMock.mockImplementation(async () => new Response('{}', { status: 200 }));
    const api = createApiClient(async () => null);
    await api.approveAdvert({ roleId: 9, version: 4 }, { advertUrl: ' https://example.org/opportunities/9 ', key: 'approve-9-abcdef' });
    await api.sendAdvertBack({ roleId: 9, version: 5 }, { comment: ' Say how often the board meets. ', key: 'back-9-abcdef' });
    expect([0, 1].map(sent)).toEqual([
      { path: '/api/roles/9/approve-advert', method: 'POST', body: { roleId: 9, version: 4, advertUrl: 'https://example.org/opportunities/9', key: 'approve-9-abcdef' } },
      { path: '/api/roles/9/send-advert-back', method: 'POST', body: { roleId: 9, version: 5, comment: 'Say how often the board meets.', key: 'back-9-abcdef' } },
    ]);
  });

  it("fails with the server's sentence for the link", async () => {
    const message = 'Advert link must be the https address of the advert on the opportunities pages.';
    fetchMock.mockResolvedValue(answer(400, JSON.stringify({ error: { code: 'validation', message, fields: { advertUrl: message } } })));
    await expect(createApiClient(async () => null).approveAdvert({ roleId: 9, version: 4 }, { advertUrl: 'http://example.org', key: 'approve-9-abcdef' })).rejects.toMatchObject({
      status: 400,
      fields: { advertUrl: message },
    });
  });
});
