import type { Page } from 'playwright-core';
import { axeViolations } from './axe';
import { startE2e, workstreamIdByTitle, type E2e } from './browser';
import { openInTestHost, type HostSetup } from './teams-test-host';

let e2e: E2e;
let page: Page;

/** A registered bot, so the tab can offer a chat with it; the tab API still uses the local development identity. */
const BOT_ID = '6f1b2a3c-0000-4000-8000-00000000b0d1';

beforeAll(async () => {
  e2e = await startE2e({ bot: { appId: BOT_ID, password: 'e2e-secret', tenantId: '0f1b2a3c-0000-4000-8000-0000000000aa' } });
});
afterAll(async () => {
  await e2e?.close();
});
beforeEach(async () => {
  page = await e2e.browser.newPage();
});
afterEach(async () => {
  await page?.close();
});

const workstreamId = (title: string): Promise<number> => workstreamIdByTitle(e2e.server, title);

/** The tab in the stand-in host at the workstream called `title`, as a saved channel tab opens it; `setup` changes the rest. */
async function openWorkstreamInHost(title: string, setup: Partial<HostSetup> = {}) {
  return openInTestHost(page, {
    tabUrl: `${e2e.server.url}/tab/index.html?workstream=${await workstreamId(title)}`,
    frameContext: 'content',
    theme: 'default',
    ssoToken: null,
    ...setup,
  });
}

/** Waits until the configuration page has told Teams its Save button may be pressed. */
async function untilSaveIsEnabled(): Promise<void> {
  await page.waitForFunction(() =>
    (window as unknown as { sent: Array<{ func: string; args: unknown[] }> }).sent.some(
      (message) => message.func === 'settings.setValidityState' && message.args[0] === true,
    ),
  );
}

/** The theme the tab shows, as its Fluent provider says. */
async function shownTheme(host: Awaited<ReturnType<typeof openInTestHost>>): Promise<string | null> {
  return host.frame.locator('.fui-FluentProvider').first().getAttribute('data-theme');
}

describe('the tab inside Teams (a stand-in host that speaks the teams-js protocol)', () => {
  it('tells Teams it has loaded, and calls the API with the Teams sign-in token, with nothing refused by its CSP', async () => {
    const authorised: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/api/')) authorised.push(request.headers().authorization ?? 'none');
    });
    const refused: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) refused.push(message.text());
    });
    const host = await openWorkstreamInHost('Mental health (demo)', { ssoToken: 'test-sso-token' });
    await host.waitFor('appInitialization.success');
    await host.frame.getByRole('heading', { level: 2, name: 'Mental health (demo)' }).waitFor();
    expect(authorised.length).toBeGreaterThan(0);
    expect(new Set(authorised)).toEqual(new Set(['Bearer test-sso-token']));
    expect(refused).toEqual([]);
  });

  it("opens the partner a bot's deep link names, in the channel tab's workstream", async () => {
    const id = await workstreamId('Urgent and emergency care (demo)');
    const dashboard = (await (await fetch(`${e2e.server.url}/api/workstreams/${id}/dashboard`)).json()) as {
      rows: Array<{ partnerId: number; name: string; stage: string }>;
    };
    const partner = dashboard.rows.find((row) => row.stage === 'Induction');
    if (!partner) throw new Error('No partner in induction in the demo data');
    const host = await openInTestHost(page, {
      // The link carries the tab's entity id and the partner; the workstream comes from the entity id.
      tabUrl: `${e2e.server.url}/tab/index.html`,
      frameContext: 'content',
      theme: 'default',
      entityId: `workstream-${id}`,
      subEntityId: `partner-${partner.partnerId}`,
      ssoToken: null,
    });
    const dialog = host.frame.getByRole('dialog', { name: partner.name });
    await dialog.getByRole('heading', { name: 'Induction checklist' }).waitFor();
    // Behind the modal panel, so hidden from assistive technology while it is open.
    expect(await host.frame.getByRole('heading', { level: 2, name: 'Urgent and emergency care (demo)', includeHidden: true }).count()).toBe(
      1,
    );
  });

  it('opens a chat with the bot through Teams from the header', async () => {
    const host = await openWorkstreamInHost('Mental health (demo)');
    await host.frame.getByRole('button', { name: 'Chat with the Partner Pathway bot' }).click();
    expect(await host.waitFor('executeDeepLink')).toEqual([`https://teams.microsoft.com/l/chat/0/0?users=28:${BOT_ID}`]);
  });

  it("adds colleagues chosen in Teams' people picker, from anywhere in the organisation, with no axe-core violations in high contrast", async () => {
    const host = await openWorkstreamInHost('Digital inclusion (demo)', {
      theme: 'contrast',
      pickedPeople: [{ objectId: '9a8b7c6d-0000-4000-8000-00000000a001', displayName: 'Morgan Reid', email: 'morgan.reid@example.org' }],
    });
    await host.frame.getByRole('tab', { name: 'People' }).click();
    await host.frame.getByRole('button', { name: 'Add people to Digital inclusion (demo)' }).click();
    await host.frame.getByText('Added Morgan Reid to Digital inclusion (demo).').waitFor();
    const [inputs] = await host.waitFor('people.selectPeople');
    expect(inputs).toMatchObject({ title: 'Add people to Digital inclusion (demo)', openOrgWideSearchInChatOrChannel: true });
    await host.frame.getByRole('listitem').filter({ hasText: 'Morgan Reid' }).waitFor();
    expect(await host.frame.getByRole('form').count()).toBe(0);
    expect(await axeViolations(host.frame)).toEqual([]);
  });

  it('adds nobody when the people picker is closed without choosing', async () => {
    const host = await openWorkstreamInHost('Digital inclusion (demo)');
    await host.frame.getByRole('tab', { name: 'People' }).click();
    await host.frame.getByRole('button', { name: 'Add people to Digital inclusion (demo)' }).click();
    await host.frame.getByText('Nobody was added.').waitFor();
  });

  it('shows the workstream linked to the channel when the address names none', async () => {
    const id = await workstreamId('Maternity and neonatal (demo)');
    const stored = await e2e.server.store.get('workstreams', id);
    if (!stored) throw new Error('The demo workstream has gone');
    await e2e.server.store.commit(
      [{ op: 'update', list: 'workstreams', id, version: stored.version, values: { teamsChannelId: '19:maternity@thread.tacv2' } }],
      { actor: { id: 'e2e', name: 'End-to-end test', email: 'e2e@example.org', tenantId: 'test' }, at: new Date().toISOString() },
    );
    const host = await openInTestHost(page, {
      tabUrl: `${e2e.server.url}/tab/index.html`,
      frameContext: 'content',
      theme: 'default',
      channelId: '19:maternity@thread.tacv2',
      ssoToken: null,
    });
    await host.frame.getByRole('heading', { level: 2, name: 'Maternity and neonatal (demo)' }).waitFor();
  });

  it('follows the Teams theme as it changes, and has no axe-core violations in any of the three', async () => {
    const host = await openWorkstreamInHost('Urgent and emergency care (demo)');
    await host.frame.getByRole('table', { name: 'Partners' }).waitFor();
    for (const [teamsTheme, fluentTheme] of [
      ['default', 'light'],
      ['dark', 'dark'],
      ['contrast', 'contrast'],
    ] as const) {
      await host.changeTheme(teamsTheme);
      await host.frame.locator(`.fui-FluentProvider[data-theme="${fluentTheme}"]`).first().waitFor();
      expect(await shownTheme(host)).toBe(fluentTheme);
      expect(await axeViolations(host.frame)).toEqual([]);
    }
  });

  it('saves the chosen workstream as the channel tab, with a suggested name', async () => {
    const id = await workstreamId('Mental health (demo)');
    const host = await openInTestHost(page, {
      tabUrl: `${e2e.server.url}/tab/config.html`,
      frameContext: 'settings',
      theme: 'dark',
      ssoToken: null,
    });
    await host.waitFor('appInitialization.success');
    await host.frame.getByRole('radio', { name: 'Mental health (demo)' }).check();
    await untilSaveIsEnabled();
    expect(await axeViolations(host.frame)).toEqual([]);
    await host.pressSave();
    const [settings] = await host.waitFor('settings.setSettings');
    expect(settings).toMatchObject({
      entityId: `workstream-${id}`,
      contentUrl: `${e2e.server.url}/tab/index.html?workstream=${id}`,
      suggestedDisplayName: 'Partners: Mental health (demo)',
    });
    await host.waitFor('settings.save.success');
  });

  it('starts a new workstream from the configuration page, with its creator as first member, and saves the tab for it', async () => {
    const host = await openInTestHost(page, {
      tabUrl: `${e2e.server.url}/tab/config.html`,
      frameContext: 'settings',
      theme: 'default',
      ssoToken: null,
    });
    await host.waitFor('appInitialization.success');
    await host.frame.getByRole('radio', { name: 'A new workstream' }).check();
    await host.frame.getByRole('textbox', { name: /Name of the new workstream/ }).fill('Stroke recovery');
    await host.frame.getByRole('textbox', { name: 'What it works on (optional)' }).fill('Life after a stroke, at home.');
    await untilSaveIsEnabled();
    expect(await axeViolations(host.frame)).toEqual([]);
    await host.pressSave();
    const [settings] = await host.waitFor('settings.setSettings');
    await host.waitFor('settings.save.success');
    const id = await workstreamId('Stroke recovery');
    expect(settings).toMatchObject({
      entityId: `workstream-${id}`,
      contentUrl: `${e2e.server.url}/tab/index.html?workstream=${id}`,
      suggestedDisplayName: 'Partners: Stroke recovery',
    });
    const members = (await (await fetch(`${e2e.server.url}/api/workstreams/${id}/members`)).json()) as Array<{ userName: string }>;
    expect(members.map((member) => member.userName)).toEqual(['Local Developer']);
  });

  it('opens the configuration of a saved tab at its workstream', async () => {
    const id = await workstreamId('Maternity and neonatal (demo)');
    const host = await openInTestHost(page, {
      tabUrl: `${e2e.server.url}/tab/config.html`,
      frameContext: 'settings',
      theme: 'default',
      entityId: `workstream-${id}`,
      ssoToken: null,
    });
    const saved = host.frame.getByRole('radio', { name: 'Maternity and neonatal (demo)' });
    await saved.waitFor();
    expect(await saved.isChecked()).toBe(true);
  });

  it('lets Teams remove the tab, saying nothing is deleted', async () => {
    const host = await openInTestHost(page, {
      tabUrl: `${e2e.server.url}/tab/config.html`,
      frameContext: 'remove',
      theme: 'default',
      ssoToken: null,
    });
    await host.frame.getByRole('heading', { name: 'Remove this tab' }).waitFor();
    await host.pressRemove();
    await host.waitFor('settings.remove.success');
  });
});
