import {
  ApiError,
  apiErrorFrom,
  botIdFrom,
  dashboardFrom,
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

  it('explains a refusal in plain words when the body has no message', () => {
    expect(apiErrorFrom(401, undefined).message).toBe('You are not signed in, or you do not have access to this.');
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
  it('reads the name and notices the local development identity', () => {
    expect(
      signedInUserFrom({ id: 'local', name: 'Local Developer', email: 'dev@localhost', identity: 'local-development' }),
    ).toEqual({ name: 'Local Developer', localDevelopment: true });
  });

  it('treats an Entra identity as a real sign-in', () => {
    expect(signedInUserFrom({ id: 'abc', name: 'Asha Patel', identity: 'entra' })).toEqual({
      name: 'Asha Patel',
      localDevelopment: false,
    });
  });

  it('tolerates other spellings of the same facts', () => {
    expect(signedInUserFrom({ principal: { displayName: 'Sam Jones' }, kind: 'local-development' })).toEqual({
      name: 'Sam Jones',
      localDevelopment: true,
    });
    expect(signedInUserFrom({ me: { email: 'sam@nhs.net', localDevelopment: true } })).toEqual({
      name: 'sam@nhs.net',
      localDevelopment: true,
    });
  });

  it('still shows someone when the server sends no name', () => {
    expect(signedInUserFrom({ id: 'x' }).name).toBe('Unknown person');
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
