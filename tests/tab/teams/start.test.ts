/** @jest-environment jsdom */
import { mayBeInTeams, startTeams } from '../../../src/tab/teams/start';

/** A window as the page would see it: `parent` and `opener` as given, and anything else it has. */
function pageWith(view: { parent?: unknown; opener?: unknown; nativeInterface?: unknown }): Window {
  const page: Record<string, unknown> = { opener: null, ...view };
  page.self = page;
  page.parent ??= page;
  return page as unknown as Window;
}

describe('whether the page may be inside Teams', () => {
  it('is not when opened on its own in a browser tab', () => {
    expect(mayBeInTeams(pageWith({}))).toBe(false);
  });

  it.each([
    ['shown in a frame, as Teams shows a tab on the web and desktop', { parent: {} }],
    ['opened by another window, as Teams opens sign-in and task pages', { opener: {} }],
    ["in Teams' mobile web view", { nativeInterface: {} }],
  ])('is when %s', (_where, view) => {
    expect(mayBeInTeams(pageWith(view))).toBe(true);
  });

  it('starts standalone at once outside Teams: no host, and the first call goes without a token', async () => {
    const teams = startTeams(pageWith({}));
    await expect(teams.host).resolves.toBeNull();
    await expect(teams.firstToken).resolves.toBeNull();
  });
});
