import type { TeamsHost } from '../../src/tab/teams/teams-host';

/** A Teams host whose every call is a jest mock, in a channel tab's content frame, without a people picker unless a test says otherwise. */
export function fakeHost(overrides: Partial<TeamsHost> = {}): jest.Mocked<TeamsHost> {
  return {
    theme: 'light',
    channelId: '19:channel',
    frameContext: 'content',
    pageId: null,
    subPageId: null,
    pickPeople: null,
    openLink: jest.fn(async () => undefined),
    onThemeChange: jest.fn(),
    getToken: jest.fn(async () => null),
    reportLoaded: jest.fn(),
    reportFailed: jest.fn(),
    tabConfig: { setValid: jest.fn(), onSave: jest.fn(), onRemove: jest.fn() },
    ...overrides,
  } as jest.Mocked<TeamsHost>;
}
