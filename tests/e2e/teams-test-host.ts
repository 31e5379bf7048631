import type { Frame, Page } from 'playwright-core';

/**
 * A stand-in for the Teams client. Playwright answers its address on the tab's own
 * origin (nothing is added to the server): the tab's CSP lets its own origin frame it,
 * teams-js trusts messages from its own origin, and Chromium's local network checks
 * would block a public origin from framing a loopback server. It loads the tab in an iframe and answers the
 * teams-js postMessage protocol: `initialize` with the frame context and a runtime
 * that supports tab configuration, `getContext` (with a deep link's sub-entity),
 * `authentication.getAuthToken`, `settings.setSettings`, `executeDeepLink`
 * (`app.openLink`) and `people.selectPeople` (Teams' people picker); it records every message the tab sends, and can send the
 * tab a theme change or press Save.
 */
const HOST_PATH = '/__teams-test-host';

/** What the stand-in tells the tab about where it is. */
export interface HostSetup {
  /** The tab's address on the server under test. */
  readonly tabUrl: string;
  /** `content` for a tab, `settings` for its configuration page, `remove` for removal. */
  readonly frameContext: 'content' | 'settings' | 'remove';
  readonly theme: 'default' | 'dark' | 'contrast';
  /** The saved tab's entity id, if any. */
  readonly entityId?: string;
  /** The part of the tab a deep link asks for (`partner-34`), if any. */
  readonly subEntityId?: string;
  readonly channelId?: string;
  /** The SSO token to give the tab, or null to refuse one. */
  readonly ssoToken: string | null;
  /** Whom the people picker returns, as Teams does; left out, the person closes it without choosing. */
  readonly pickedPeople?: ReadonlyArray<{ readonly objectId: string; readonly displayName?: string; readonly email?: string }>;
}

/** A message the tab sent to the host. */
export interface SentMessage {
  readonly func: string;
  readonly args: unknown[];
}

function hostPage(setup: HostSetup): string {
  const runtime = {
    apiVersion: 4,
    supports: { pages: { config: {}, tabs: {}, appButton: {} }, authentication: {}, appInstallDialog: {}, people: {} },
  };
  const context = {
    locale: 'en-gb',
    theme: setup.theme,
    frameContext: setup.frameContext,
    entityId: setup.entityId ?? '',
    subEntityId: setup.subEntityId,
    channelId: setup.channelId,
    teamId: '19:test-team',
    tid: 'test-tenant',
    userObjectId: 'test-user',
    hostClientType: 'web',
  };
  return `<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8"><title>Teams test host</title></head>
<body style="margin:0">
<iframe id="tab" title="Partner Pathway" style="width:100%;height:100vh;border:0"></iframe>
<script>
  const setup = ${JSON.stringify({ ...setup, runtime: JSON.stringify(runtime), context })};
  const frame = document.getElementById('tab');
  window.sent = [];
  window.addEventListener('message', (event) => {
    if (event.source !== frame.contentWindow) return;
    const message = event.data;
    if (!message || typeof message.func !== 'string') return;
    window.sent.push({ func: message.func, args: message.args });
    const reply = (args) => frame.contentWindow.postMessage({ id: message.id, uuidAsString: message.uuidAsString, args }, '*');
    switch (message.func) {
      case 'initialize': return reply([setup.frameContext, 'web', setup.runtime, '2.58.0']);
      case 'getContext': return reply([setup.context]);
      case 'authentication.getAuthToken':
        return reply(setup.ssoToken ? [true, setup.ssoToken] : [false, 'The test host gives no token.']);
      case 'settings.setSettings': return reply([true]);
      case 'executeDeepLink': return reply([true]);
      case 'people.selectPeople':
        return reply(setup.pickedPeople ? [undefined, setup.pickedPeople] : [{ errorCode: 8000, message: 'The person closed the picker.' }]);
    }
  });
  window.changeTheme = (theme) => frame.contentWindow.postMessage({ func: 'themeChange', args: [theme] }, '*');
  window.pressSave = () => frame.contentWindow.postMessage({ func: 'settings.save', args: [{}] }, '*');
  window.pressRemove = () => frame.contentWindow.postMessage({ func: 'settings.remove', args: [] }, '*');
  frame.src = setup.tabUrl;
</script>
</body></html>`;
}

/** The host page open in `page`, with the tab's frame and the messages the tab has sent. */
export interface TestHost {
  readonly frame: Frame;
  sent(): Promise<SentMessage[]>;
  /** Waits until the tab has sent a message named `func`, and returns its arguments. */
  waitFor(func: string): Promise<unknown[]>;
  changeTheme(theme: HostSetup['theme']): Promise<void>;
  pressSave(): Promise<void>;
  pressRemove(): Promise<void>;
}

/** Opens the stand-in Teams host in `page` with the tab inside it. */
export async function openInTestHost(page: Page, setup: HostSetup): Promise<TestHost> {
  const hostUrl = new URL(HOST_PATH, setup.tabUrl).href;
  await page.route(hostUrl, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: hostPage(setup) }));
  await page.goto(hostUrl);
  const frame = await (await page.waitForSelector('iframe#tab')).contentFrame();
  if (!frame) throw new Error('The test host has no tab frame.');
  const sent = () => page.evaluate(() => (window as unknown as { sent: SentMessage[] }).sent);
  return {
    frame,
    sent,
    async waitFor(func) {
      await page.waitForFunction(
        (name) => (window as unknown as { sent: SentMessage[] }).sent.some((message) => message.func === name),
        func,
      );
      const found = (await sent()).find((message) => message.func === func);
      return found?.args ?? [];
    },
    changeTheme: (theme) => page.evaluate((name) => (window as unknown as { changeTheme(t: string): void }).changeTheme(name), theme),
    pressSave: () => page.evaluate(() => (window as unknown as { pressSave(): void }).pressSave()),
    pressRemove: () => page.evaluate(() => (window as unknown as { pressRemove(): void }).pressRemove()),
  };
}

/** The three themes a person sees the tab in: light and dark as the system's, high contrast as Teams sets it. */
export type TabTheme = 'light' | 'dark' | 'contrast';

/**
 * Opens the tab served at `serverUrl` with the address query `search` (`?workstream=2`) in
 * `theme`: light and dark straight in the page with the system's colour scheme, high
 * contrast in the stand-in host (only Teams sets it). Gives what the tab is drawn in.
 */
export async function openTabIn(page: Page, serverUrl: string, theme: TabTheme, search: string): Promise<Page | Frame> {
  if (theme !== 'contrast') {
    await page.emulateMedia({ colorScheme: theme });
    await page.goto(`${serverUrl}/tab/${search}`);
    return page;
  }
  const host = await openInTestHost(page, {
    tabUrl: `${serverUrl}/tab/index.html${search}`,
    frameContext: 'content',
    theme,
    ssoToken: null,
  });
  return host.frame;
}

/** Opens `workstream`'s tab in `theme` and, once its title shows, the view named `view` ("Payments"). */
export async function openWorkstreamViewIn(
  page: Page,
  serverUrl: string,
  theme: TabTheme,
  workstream: { readonly id: number; readonly title: string },
  view: string,
): Promise<Page | Frame> {
  const tab = await openTabIn(page, serverUrl, theme, `?workstream=${workstream.id}`);
  await tab.getByRole('heading', { level: 2, name: workstream.title }).waitFor();
  await tab.getByRole('tab', { name: view }).click();
  return tab;
}
