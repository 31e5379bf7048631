import { pathOf } from '../../../src/contract/api';
import { stageRequest } from '../../../src/tab/api/changes';
import { createApiClient } from '../../../src/tab/api/client';
import { ApiError } from '../../../src/tab/api/parse';
import type { Stage, StageChange } from '../../../src/tab/api/types';

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
    fetchMock.mockResolvedValue(answer(404, JSON.stringify({ error: { code: 'not-found', message: 'There is no workstream 7.' } })));
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

  it('reads who is signed in from /api/me: the principal, the local development identity, the Engagement team and their workstreams', async () => {
    fetchMock.mockResolvedValueOnce(
      answer(
        200,
        JSON.stringify({
          principal: { id: 'oid-1', name: 'Asha Patel', email: 'asha@nhs.net', tenantId: 't' },
          identity: 'entra',
          engagementTeam: false,
          workstreamIds: [2, 5],
        }),
      ),
    );
    fetchMock.mockResolvedValueOnce(
      answer(
        200,
        JSON.stringify({
          principal: { id: 'local-developer', name: 'Local Developer' },
          identity: 'local-development',
          engagementTeam: true,
          workstreamIds: [],
        }),
      ),
    );
    const api = createApiClient(async () => null);
    expect(await api.me(signal)).toEqual({
      id: 'oid-1',
      name: 'Asha Patel',
      localDevelopment: false,
      engagementTeam: false,
      workstreamIds: [2, 5],
    });
    expect(await api.me(signal)).toEqual({
      id: 'local-developer',
      name: 'Local Developer',
      localDevelopment: true,
      engagementTeam: true,
      workstreamIds: [],
    });
  });

  it('reads the first screen in one call, at the workstream asked for or at none, with who is signed in as /api/me gives it', async () => {
    const me = { principal: { id: 'oid-1', name: 'Asha Patel', email: 'asha@nhs.net', tenantId: 't' }, identity: 'entra' };
    const body = JSON.stringify({ me: { ...me, engagementTeam: false, workstreamIds: [2] }, workstreams: [], dashboard: null });
    fetchMock.mockImplementation(async () => answer(200, body));
    const api = createApiClient(async () => 'sso-token');
    const opened = await api.firstScreen(2, signal);
    await api.firstScreen(null, signal);
    expect(fetchMock.mock.calls.map(([path]) => path)).toEqual(['/api/first-screen/2', '/api/first-screen']);
    expect(opened).toEqual({
      me: { id: 'oid-1', name: 'Asha Patel', localDevelopment: false, engagementTeam: false, workstreamIds: [2] },
      workstreams: [],
      dashboard: null,
    });
  });

  it("reads the bot's id, or null when the server has no bot", async () => {
    fetchMock
      .mockResolvedValueOnce(answer(200, JSON.stringify({ botId: 'b0t' })))
      .mockResolvedValueOnce(answer(200, JSON.stringify({ botId: null })));
    const api = createApiClient(async () => null);
    expect(await api.botId(signal)).toBe('b0t');
    expect(await api.botId(signal)).toBeNull();
  });

  it('reads the equality monitoring counts for the period chosen, in the query, and every quarter without one', async () => {
    fetchMock.mockImplementation(async () => answer(200, '{}'));
    const api = createApiClient(async () => null);
    await api.representativeness({ from: '2025-Q1', to: '2025-Q4' }, signal);
    await api.representativeness({}, signal);
    expect(fetchMock.mock.calls.map(([path]) => path)).toEqual([
      '/api/equality-monitoring?from=2025-Q1&to=2025-Q4',
      '/api/equality-monitoring',
    ]);
  });

  it('refuses a page that is not JSON, such as the tab itself served in place of the API', async () => {
    fetchMock.mockResolvedValue(new Response('<!doctype html><title>Partner Pathway</title>', { status: 200 }));
    await expect(createApiClient(async () => null).workstreams(signal)).rejects.toMatchObject({
      code: 'unexpected-response',
    });
  });
});

describe('stageRequest', () => {
  /** The last part of the path the stage change is posted to, and its body. */
  const asked = (from: Stage, change: StageChange) => {
    const { route, body } = stageRequest(from, change);
    return { action: pathOf(route, { involvementId: 7 }).split('/').pop(), body };
  };

  it.each([
    [
      'Interested',
      { to: 'Chat booked', at: '2026-03-04T10:00:00.000Z', where: 'Teams' },
      'book-chat',
      { at: '2026-03-04T10:00:00.000Z', where: 'Teams' },
    ],
    ['Chat booked', { to: 'Chat held', notes: '  ' }, 'hold-chat', {}],
    [
      'Chat held',
      { to: 'Offered', criteria: { 'Lived experience': 'Met' }, reason: 'Knows the service' },
      'offer',
      { criteria: { 'Lived experience': 'Met' }, reason: 'Knows the service' },
    ],
    ['Chat held', { to: 'Offered', criteria: {}, reason: 'Knows the service' }, 'offer', { reason: 'Knows the service' }],
    ['Offered', { to: 'Induction' }, 'start-induction', {}],
    ['Induction', { to: 'Active' }, 'activate', {}],
    ['Paused', { to: 'Active' }, 'resume', {}],
    ['Active', { to: 'Paused', reason: 'Caring for a relative' }, 'pause', { reason: 'Caring for a relative' }],
    [
      'Active',
      { to: 'Ended', reason: 'Moved away', exitConversationOffered: true },
      'end',
      { reason: 'Moved away', exitConversationOffered: true },
    ],
    [
      'Offered',
      { to: 'Not progressed', reason: 'Chose another role', criteria: { 'Lived experience': 'Not assessed' } },
      'not-progressed',
      { reason: 'Chose another role', criteria: { 'Lived experience': 'Not assessed' } },
    ],
  ] as const)('from %s asks for %j with the action the bot uses', (from, change, action, body) => {
    expect(asked(from, change)).toEqual({ action, body });
  });

  it('posts the stage change with the version the panel read, under its key', async () => {
    const fetchMock = jest.spyOn(globalThis, 'fetch').mockResolvedValue(new Response('{}', { status: 200 }));
    await createApiClient(async () => null).changeStage({ id: 7, version: 3, stage: 'Paused' }, { to: 'Active' }, 'key-of-the-press');
    const [path, init] = fetchMock.mock.calls[0] as [string, RequestInit];
    expect(path).toBe('/api/involvements/7/resume');
    expect(init.method).toBe('POST');
    expect(JSON.parse(String(init.body))).toEqual({ version: 3, key: 'key-of-the-press' });
    fetchMock.mockRestore();
  });

  it.each([
    [
      { to: 'Paused', reason: 'Caring for a relative', cancelBooked: true },
      'pause',
      { reason: 'Caring for a relative', cancelBooked: true },
    ],
    [
      { to: 'Not progressed', reason: 'Chose another role', criteria: {}, cancelBooked: false },
      'not-progressed',
      { reason: 'Chose another role', cancelBooked: false },
    ],
    [
      { to: 'Ended', reason: 'Moved away', exitConversationOffered: false, cancelBooked: true },
      'end',
      { reason: 'Moved away', exitConversationOffered: false, cancelBooked: true },
    ],
  ] as const)('says whether to cancel the one-to-one booked with %j', (change, action, body) => {
    expect(asked('Active', change)).toEqual({ action, body });
  });

  it('records the chat as held with the adjustments agreed, then its outcome on the version the chat left, under a key of its own', async () => {
    const fetchMock = jest
      .spyOn(globalThis, 'fetch')
      .mockResolvedValueOnce(new Response(JSON.stringify({ id: 7, version: 4, stage: 'Chat held' }), { status: 200 }))
      .mockResolvedValueOnce(new Response(JSON.stringify({ id: 7, version: 5, stage: 'Not progressed' }), { status: 200 }));
    await createApiClient(async () => null).changeStage(
      { id: 7, version: 3, stage: 'Chat booked' },
      {
        to: 'Chat held',
        notes: '',
        adjustments: ' Large print papers ',
        outcome: { to: 'Not progressed', reason: 'Wants a shorter role', criteria: {} },
      },
      'key-of-the-press',
    );
    const calls = fetchMock.mock.calls.map(([path, init]) => [path, JSON.parse(String((init as RequestInit).body))]);
    expect(calls).toEqual([
      ['/api/involvements/7/hold-chat', { version: 3, key: 'key-of-the-press', adjustments: 'Large print papers' }],
      ['/api/involvements/7/not-progressed', { version: 4, key: 'key-of-the-press:outcome', reason: 'Wants a shorter role' }],
    ]);
    fetchMock.mockRestore();
  });

  it('sends the adjustments asked for with the informal chat, when there are some', () => {
    expect(
      asked('Chat booked', { to: 'Chat booked', at: '2026-03-04T10:00:00.000Z', where: 'Teams', adjustments: ' Captions on ' }),
    ).toEqual({
      action: 'book-chat',
      body: { at: '2026-03-04T10:00:00.000Z', where: 'Teams', adjustments: 'Captions on' },
    });
  });
});

describe('the changes that carry an idempotency key', () => {
  let fetchMock: jest.SpyInstance;
  beforeEach(() => {
    fetchMock = jest.spyOn(globalThis, 'fetch').mockResolvedValue(new Response('{"survivor":{"id":4},"moved":2}', { status: 200 }));
  });
  afterEach(() => {
    fetchMock.mockRestore();
  });

  function sent(): { path: string; method: string | undefined; body: unknown } {
    const [path, init] = fetchMock.mock.calls[0] as [string, RequestInit];
    return { path, method: init.method, body: JSON.parse(String(init.body)) };
  }

  const api = () => createApiClient(async () => null);

  it('moves a booked one-to-one to a date, time and place', async () => {
    await api().moveOneToOne({ id: 31, version: 2 }, { date: '2026-03-20', time: '10:30', where: ' Library ' }, 'k-move');
    expect(sent()).toEqual({
      path: '/api/one-to-ones/31/move',
      method: 'POST',
      body: { version: 2, date: '2026-03-20', time: '10:30', where: 'Library', key: 'k-move' },
    });
  });

  it('moves one to a date alone, leaving out an empty time and place', async () => {
    await api().moveOneToOne({ id: 31, version: 2 }, { date: '2026-03-20', time: '', where: '' }, 'k-move');
    expect(sent().body).toEqual({ version: 2, date: '2026-03-20', key: 'k-move' });
  });

  it('cancels a booked one-to-one', async () => {
    await api().cancelOneToOne({ id: 31, version: 2 }, 'k-cancel');
    expect(sent()).toEqual({ path: '/api/one-to-ones/31/cancel', method: 'POST', body: { version: 2, key: 'k-cancel' } });
  });

  it('books a one-to-one under its key', async () => {
    await api().bookOneToOne(7, { date: '2026-03-20' }, 'k-book');
    expect(sent()).toEqual({ path: '/api/involvements/7/one-to-ones', method: 'POST', body: { date: '2026-03-20', key: 'k-book' } });
  });

  it('ticks and unticks an item under its key', async () => {
    await api().completeTask({ id: 11, version: 1 }, 'k-tick', '2026-03-01');
    expect(sent()).toEqual({
      path: '/api/induction-tasks/11/complete',
      method: 'POST',
      body: { version: 1, key: 'k-tick', date: '2026-03-01' },
    });
  });

  it('corrects a partner with a PATCH of only what changed, an emptied field as null', async () => {
    await api().correctPartner({ id: 5, version: 2 }, { email: 'sam@example.org', phone: null }, 'k-details');
    expect(sent()).toEqual({
      path: '/api/partners/5',
      method: 'PATCH',
      body: { version: 2, key: 'k-details', email: 'sam@example.org', phone: null },
    });
  });

  it('hands a partner to another named contact by their Entra object id', async () => {
    await api().changeNamedContact({ id: 7, version: 3 }, 'oid-2', 'k-contact');
    expect(sent()).toEqual({
      path: '/api/involvements/7/named-contact',
      method: 'POST',
      body: { version: 3, key: 'k-contact', ownerId: 'oid-2' },
    });
  });

  it('invites a partner to the Peer Support Network', async () => {
    await api().invitePeerNetwork({ id: 5, version: 2 }, 'k-invite');
    expect(sent()).toEqual({ path: '/api/partners/5/peer-network/invite', method: 'POST', body: { version: 2, key: 'k-invite' } });
  });

  it('sends only the equality monitoring answers given, at the version read, under the key given', async () => {
    await api().submitMonitoring({ id: 7, version: 3 }, { sex: 'Prefer not to say', postcode: 'LS6' }, 'k-form');
    expect(sent()).toEqual({
      path: '/api/involvements/7/equality-monitoring',
      method: 'POST',
      body: { sex: 'Prefer not to say', postcode: 'LS6', version: 3, key: 'k-form' },
    });
  });

  it('records that the partner declined the equality monitoring form', async () => {
    await api().declineMonitoring({ id: 8, version: 1 }, 'k-decline');
    expect(sent()).toEqual({
      path: '/api/involvements/8/equality-monitoring/decline',
      method: 'POST',
      body: { version: 1, key: 'k-decline' },
    });
  });

  it('merges a duplicate into the record kept, each at the version read, and says how many involvements moved', async () => {
    const merged = await api().mergePartners({ survivor: { id: 4, version: 6 }, duplicate: { id: 9, version: 1 } }, 'k-merge');
    expect(sent()).toEqual({
      path: '/api/partners/merge',
      method: 'POST',
      body: { survivorId: 4, survivorVersion: 6, duplicateId: 9, duplicateVersion: 1, key: 'k-merge' },
    });
    expect(merged.moved).toBe(2);
  });
});

describe('downloads', () => {
  it('fetches a file with the Teams token and names it as the server does', async () => {
    const fetchMock = jest
      .spyOn(globalThis, 'fetch')
      .mockResolvedValue(
        new Response('BEGIN:VCALENDAR', { status: 200, headers: { 'Content-Disposition': 'attachment; filename="one-to-one-31.ics"' } }),
      );
    const file = await createApiClient(async () => 'sso-token').download('invitation', { oneToOneId: 31 });
    expect(file.fileName).toBe('one-to-one-31.ics');
    expect(await file.blob.text()).toBe('BEGIN:VCALENDAR');
    const [path, init] = fetchMock.mock.calls[0] as [string, RequestInit];
    expect(path).toBe('/api/one-to-ones/31/invitation.ics');
    expect(init.headers).toMatchObject({ Authorization: 'Bearer sso-token' });
    fetchMock.mockRestore();
  });

  it("fails with the server's refusal when there is nothing to download", async () => {
    const fetchMock = jest
      .spyOn(globalThis, 'fetch')
      .mockResolvedValue(
        new Response(JSON.stringify({ error: { code: 'not-booked', message: 'This one-to-one is cancelled.' } }), { status: 422 }),
      );
    await expect(createApiClient(async () => null).download('invitation', { oneToOneId: 31 })).rejects.toMatchObject({
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

  it("reads and replaces a workstream's induction template or the organisation's, sending every item in order with labels trimmed", async () => {
    fetchMock.mockImplementation(async () => new Response('{"source":"default","items":[]}', { status: 200 }));
    const api = createApiClient(async () => null);
    await api.inductionTemplate({ workstreamId: 4 }, new AbortController().signal);
    await api.inductionTemplate('organisation', new AbortController().signal);
    const items = [
      { label: ' Welcome ', kind: 'Task', required: true },
      { label: 'First one-to-one booked', kind: 'One-to-one booked', required: false },
    ] as const;
    await api.setInductionTemplate({ workstreamId: 4 }, items, '7.2 8.1');
    await api.setInductionTemplate('organisation', items, '');
    const body = (basedOn: string) => ({ items: [{ ...items[0], label: 'Welcome' }, items[1]], basedOn });
    expect([0, 1, 2, 3].map(sent)).toEqual([
      { path: '/api/workstreams/4/induction-template', method: 'GET', body: undefined },
      { path: '/api/induction-template', method: 'GET', body: undefined },
      { path: '/api/workstreams/4/induction-template', method: 'PUT', body: body('7.2 8.1') },
      { path: '/api/induction-template', method: 'PUT', body: body('') },
    ]);
  });

  it("fails an add with the server's message for each field", async () => {
    fetchMock.mockResolvedValue(
      answer(
        400,
        JSON.stringify({ error: { code: 'validation', message: 'Name is required.', fields: { userName: 'Name is required.' } } }),
      ),
    );
    await expect(createApiClient(async () => null).addMember({ workstreamId: 4 }, { userId: 'oid-1', userName: '' })).rejects.toMatchObject(
      {
        status: 400,
        fields: { userName: 'Name is required.' },
      },
    );
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
      {
        path: '/api/roles/9/approve-advert',
        method: 'POST',
        body: { version: 4, advertUrl: 'https://example.org/opportunities/9', key: 'approve-9-abcdef' },
      },
      {
        path: '/api/roles/9/send-advert-back',
        method: 'POST',
        body: { version: 5, comment: 'Say how often the board meets.', key: 'back-9-abcdef' },
      },
    ]);
  });

  it("fails with the server's sentence for the link", async () => {
    const message = 'Advert link must be the https address of the advert on the opportunities pages.';
    fetchMock.mockResolvedValue(answer(400, JSON.stringify({ error: { code: 'validation', message, fields: { advertUrl: message } } })));
    await expect(
      createApiClient(async () => null).approveAdvert(
        { roleId: 9, version: 4 },
        { advertUrl: 'http://example.org', key: 'approve-9-abcdef' },
      ),
    ).rejects.toMatchObject({
      status: 400,
      fields: { advertUrl: message },
    });
  });
});

describe('roles', () => {
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

  it('reads the template and a role, plans one in a workstream, and edits or moves one at the version read under its key', async () => {
    fetchMock.mockImplementation(async () => new Response('{}', { status: 200 }));
    const api = createApiClient(async () => null);
    const signal = new AbortController().signal;
    await api.roleDescription(signal);
    await api.role(7, signal);
    await api.planRole(4, { title: 'Maternity voices partner' }, 'plan-abcdef');
    await api.updateRole({ id: 7, version: 2 }, { purpose: null }, 'edit-abcdef');
    await api.moveRole({ id: 7, version: 3 }, 'sendAdvert', { contact: 'Jo' }, 'send-abcdef');
    await api.changeRoleLead({ id: 7, version: 4 }, 'aad-sam', 'lead-abcdef');
    expect([0, 1, 2, 3, 4, 5].map(sent)).toEqual([
      { path: '/api/role-description', method: 'GET', body: undefined },
      { path: '/api/roles/7', method: 'GET', body: undefined },
      { path: '/api/roles', method: 'POST', body: { title: 'Maternity voices partner', workstreamId: 4, key: 'plan-abcdef' } },
      { path: '/api/roles/7', method: 'PATCH', body: { purpose: null, version: 2, key: 'edit-abcdef' } },
      { path: '/api/roles/7/send-advert', method: 'POST', body: { contact: 'Jo', version: 3, key: 'send-abcdef' } },
      { path: '/api/roles/7/lead', method: 'POST', body: { version: 4, key: 'lead-abcdef', ownerId: 'aad-sam' } },
    ]);
  });

  it('sends a plan without a title for the server to refuse under its field', async () => {
    const message = 'Role title is required.';
    fetchMock.mockResolvedValue(answer(400, JSON.stringify({ error: { code: 'validation', message, fields: { title: message } } })));
    await expect(createApiClient(async () => null).planRole(4, {}, 'plan-abcdef')).rejects.toMatchObject({ fields: { title: message } });
    expect(sent(0).body).toEqual({ title: '', workstreamId: 4, key: 'plan-abcdef' });
  });
});
