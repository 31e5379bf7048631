import {
  ApiError,
  apiErrorFrom,
  botIdFrom,
  dashboardFrom,
  isNoAccess,
  membersFrom,
  signedInUserFrom,
  workstreamsFrom,
} from '../../../src/tab/api/parse';
import type { Workstream } from '../../../src/tab/api/types';

const workstream: Workstream = {
  id: 1,
  title: 'Diabetes prevention',
  description: null,
  teamsChannelId: null,
  version: 1,
  key: 'ws-1',
  created: '2026-03-01T09:00:00Z',
  modified: '2026-03-01T09:00:00Z',
};

describe('apiErrorFrom', () => {
  it("shows the server's own message and code", () => {
    const error = apiErrorFrom(409, { error: { code: 'conflict', message: 'Someone else changed this role first.' } });
    expect(error).toBeInstanceOf(ApiError);
    expect(error.message).toBe('Someone else changed this role first.');
    expect(error.code).toBe('conflict');
    expect(error.status).toBe(409);
  });

  it('explains a refusal in plain words, with what to do, when the body has no message', () => {
    expect(apiErrorFrom(401, undefined).message).toBe('Your sign-in could not be checked. Close and reopen the tab.');
    expect(apiErrorFrom(403, '<html>Forbidden</html>').message).toBe(
      'You do not have access to this. Ask the Engagement team or a member of the workstream to add you.',
    );
  });

  it("keeps the server's sentence for a refusal of access, and knows it for one", () => {
    const message = 'You are not a member of this workstream, so you cannot see or change its records. Ask the Engagement team or a member of the workstream to add you.';
    const error = apiErrorFrom(403, { error: { code: 'no-access', message } });
    expect(error.message).toBe(message);
    expect(isNoAccess(error)).toBe(true);
    expect(isNoAccess(apiErrorFrom(404, undefined))).toBe(false);
    expect(isNoAccess(new Error('x'))).toBe(false);
  });

  it("keeps the server's message for each field, by field name", () => {
    const error = apiErrorFrom(400, {
      error: { code: 'validation', message: 'Name is required.', fields: { userName: 'Name is required.', odd: 7 } },
    });
    expect(error.fields).toEqual({ userName: 'Name is required.' });
    expect(apiErrorFrom(409, { error: { code: 'conflict', message: 'Changed.' } }).fields).toEqual({});
  });

  it('names the status when a gateway answered with no usable body', () => {
    expect(apiErrorFrom(502, undefined).message).toBe('The server could not answer just now (HTTP 502).');
    expect(apiErrorFrom(500, { error: { code: 'x', message: '  ' } }).message).toContain('HTTP 500');
  });
});

describe('workstreamsFrom', () => {
  it('accepts a bare array', () => {
    expect(workstreamsFrom([workstream])).toEqual([workstream]);
  });

  it('accepts the list wrapped as { workstreams }', () => {
    expect(workstreamsFrom({ workstreams: [workstream] })).toEqual([workstream]);
  });

  it('refuses anything else with a plain message rather than failing later', () => {
    expect(() => workstreamsFrom({ items: [] })).toThrow(ApiError);
    expect(() => workstreamsFrom(undefined)).toThrow('list of workstreams');
  });
});

describe('dashboardFrom', () => {
  const dashboard = {
    workstream,
    today: '2026-03-31',
    roles: [],
    rows: [],
    stageCounts: {},
    needsAttention: 0,
  };

  it('accepts the dashboard bare or wrapped as { dashboard }', () => {
    expect(dashboardFrom(dashboard)).toBe(dashboard);
    expect(dashboardFrom({ dashboard })).toBe(dashboard);
  });

  it('refuses a body without rows and roles', () => {
    expect(() => dashboardFrom({ workstream })).toThrow('workstream dashboard');
  });
});

describe('signedInUserFrom', () => {
  it("reads who is signed in, whether they are in the Engagement team and their workstreams from /api/me", () => {
    expect(
      signedInUserFrom({
        principal: { id: 'oid-1', name: 'Asha Patel', email: 'asha@nhs.net', tenantId: 't' },
        identity: 'entra',
        engagementTeam: false,
        workstreamIds: [2, 5],
      }),
    ).toEqual({ id: 'oid-1', name: 'Asha Patel', localDevelopment: false, engagementTeam: false, workstreamIds: [2, 5] });
  });

  it('notices the local development identity and the Engagement team', () => {
    expect(
      signedInUserFrom({ principal: { id: 'local-developer', name: 'Local Developer' }, identity: 'local-development', engagementTeam: true, workstreamIds: [] }),
    ).toMatchObject({ id: 'local-developer', localDevelopment: true, engagementTeam: true });
  });

  it('tolerates other spellings of the same facts, and counts only an explicit yes as the Engagement team', () => {
    expect(signedInUserFrom({ principal: { displayName: 'Sam Jones' }, kind: 'local-development' })).toMatchObject({
      name: 'Sam Jones',
      localDevelopment: true,
      engagementTeam: false,
      workstreamIds: [],
    });
    expect(signedInUserFrom({ me: { email: 'sam@nhs.net', localDevelopment: true }, engagementTeam: 'yes' })).toMatchObject({
      name: 'sam@nhs.net',
      localDevelopment: true,
      engagementTeam: false,
    });
  });

  it('still shows someone when the server sends no name', () => {
    expect(signedInUserFrom({ id: 'x' }).name).toBe('Unknown person');
  });
});

describe('membersFrom', () => {
  it('accepts a list of members and refuses anything else', () => {
    const member = { id: 3, version: 1, workstreamId: 4, userId: 'oid-1', userName: 'Priya Shah' };
    expect(membersFrom([member])).toEqual([member]);
    expect(() => membersFrom({ members: [member] })).toThrow('the list of people');
    expect(() => membersFrom([{ id: 3 }])).toThrow(ApiError);
  });
});

describe('botIdFrom', () => {
  it("reads the bot's id, or null when the server has no bot", () => {
    expect(botIdFrom({ botId: ' 6f1b2a3c-0000-4000-8000-00000000b0d1 ' })).toBe('6f1b2a3c-0000-4000-8000-00000000b0d1');
    expect(botIdFrom({ botId: null })).toBeNull();
    expect(botIdFrom({ botId: '' })).toBeNull();
  });

  it('refuses anything else', () => {
    expect(() => botIdFrom({})).toThrow(ApiError);
    expect(() => botIdFrom({ botId: 7 })).toThrow("the bot's details");
  });
});
