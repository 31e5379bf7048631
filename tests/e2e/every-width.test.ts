import type { Frame, Page } from 'playwright-core';
import { axeViolations } from './axe';
import { startE2e, workstreamIdByTitle, type E2e } from './browser';
import { openTabIn, type TabTheme } from './teams-test-host';

let e2e: E2e;
let page: Page;

/** Posts to the server's API as the local development identity, as the tab would. */
async function post(path: string, body: unknown): Promise<void> {
  const response = await fetch(`${e2e.server.url}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${path} answered ${response.status}`);
}

/**
 * Gives the Engagement overview something in each of its lists: one partner never
 * invited to the Peer Support Network (an invitation taken back) and two records of one
 * person (logged again, as someone new, by another workstream).
 */
async function somethingToInviteAndMerge(): Promise<void> {
  const workstreams = (await (await fetch(`${e2e.server.url}/api/workstreams`)).json()) as Array<{ id: number }>;
  const [first, second] = workstreams;
  const dashboard = (await (await fetch(`${e2e.server.url}/api/workstreams/${first.id}/dashboard`)).json()) as {
    rows: Array<{ involvementId: number; stage: string; peerNetworkStatus: string }>;
  };
  const invited = dashboard.rows.find(
    (row) => ['Induction', 'Active', 'Paused'].includes(row.stage) && row.peerNetworkStatus === 'Invited',
  );
  if (!invited) throw new Error('No partner in the demo data is invited and on the pathway');
  const { partner } = (await (await fetch(`${e2e.server.url}/api/involvements/${invited.involvementId}`)).json()) as {
    partner: { id: number; version: number; fullName: string; email: string };
  };
  await post(`/api/partners/${partner.id}/peer-network/withdraw`, { version: partner.version });
  const roles = (
    (await (await fetch(`${e2e.server.url}/api/workstreams/${second.id}/dashboard`)).json()) as {
      roles: Array<{ id: number; status: string }>;
    }
  ).roles;
  const advertised = roles.find((role) => role.status === 'Advertised');
  if (!advertised) throw new Error('No advertised role in the second demo workstream');
  await post('/api/involvements', {
    roleId: advertised.id,
    partner: { fullName: partner.fullName, email: partner.email, consentGiven: true },
    newPerson: true,
  });
}

beforeAll(async () => {
  e2e = await startE2e();
  await somethingToInviteAndMerge();
});
afterAll(async () => {
  await e2e?.close();
});
afterEach(async () => {
  await page?.close();
});

const WORKSTREAM = 'Urgent and emergency care (demo)';

/** Teams on a phone (320 and 360 px), a tablet or narrow window, and a laptop. */
const WIDTHS = [320, 360, 768, 1280] as const;
const THEMES: readonly TabTheme[] = ['light', 'dark', 'contrast'];

/** How tall the window is: a phone's screen for the phone widths. */
const heightFor = (width: number): number => (width <= 360 ? 640 : 900);

/** What sticks out sideways: the page's own scroll, and each badge's words beyond its pill. */
async function overflow(tab: Page | Frame): Promise<{ pageScrollsSideways: boolean; badgesOverflowing: string[] }> {
  return tab.evaluate(() => {
    const scroller = document.scrollingElement ?? document.documentElement;
    const badgesOverflowing = Array.from(document.querySelectorAll<HTMLElement>('.fui-Badge'))
      .filter((badge) => badge.getClientRects().length > 0)
      .filter((badge) => badge.scrollWidth > badge.clientWidth || badge.scrollHeight > badge.clientHeight)
      .map((badge) => badge.textContent ?? '');
    return { pageScrollsSideways: scroller.scrollWidth > window.innerWidth, badgesOverflowing };
  });
}

/** Checks what the tab shows now: nothing sideways, every badge's words inside it, nothing axe-core finds. */
async function expectFits(tab: Page | Frame, where: string): Promise<void> {
  expect({ where, ...(await overflow(tab)) }).toEqual({ where, pageScrollsSideways: false, badgesOverflowing: [] });
  expect({ where, violations: await axeViolations(tab) }).toEqual({ where, violations: [] });
}

describe.each(THEMES)('the tab in the %s theme', (theme) => {
  it.each(WIDTHS)(
    'fits a window %i px wide: every view and the partner panel, with nothing sideways and no axe-core violations',
    async (width) => {
      page = await e2e.browser.newPage();
      await page.setViewportSize({ width, height: heightFor(width) });
      const workstreamId = await workstreamIdByTitle(e2e.server, WORKSTREAM);
      const tab = await openTabIn(page, e2e.server.url, theme, `?workstream=${workstreamId}`);
      await tab.getByRole('heading', { level: 2, name: WORKSTREAM }).waitFor();
      const firstPartner = tab
        .getByRole(width < 1024 ? 'list' : 'table', { name: 'Partners', exact: true })
        .getByRole('button')
        .first();
      await firstPartner.waitFor();
      if (width === 360) {
        // On a phone the first partner is on the first screen, not 850 px down.
        const top = await firstPartner.evaluate((name) => name.getBoundingClientRect().top);
        expect(top).toBeLessThan(heightFor(width) - 32);
      }
      await expectFits(tab, 'partners');

      const name = (await firstPartner.textContent()) ?? '';
      await firstPartner.click();
      const panel = tab.getByRole('dialog', { name });
      await panel.getByRole('heading', { name: 'Consent' }).waitFor();
      await expectFits(tab, 'partner panel');
      // The panel's own lines fit it too: an email address or access needs are not cut off at its edge.
      expect(await panel.evaluate((dialog) => dialog.scrollWidth <= dialog.clientWidth)).toBe(true);
      await panel.getByRole('button', { name: 'Correct their details' }).click();
      await panel.getByRole('form', { name: 'Correct their details' }).waitFor();
      await expectFits(tab, 'correcting their details');
      expect(await panel.evaluate((dialog) => dialog.scrollWidth <= dialog.clientWidth)).toBe(true);
      await panel.getByRole('button', { name: 'Close' }).click();
      await panel.waitFor({ state: 'detached' });

      await tab.getByRole('tab', { name: 'One-to-ones' }).click();
      await tab.getByRole('heading', { level: 3, name: /^Overdue \(/ }).waitFor();
      // The badge that ran out of its pill at 1280 px.
      await tab.getByText('Overdue, nothing booked').first().waitFor();
      await expectFits(tab, 'one-to-ones');

      await tab.getByRole('tab', { name: 'Roles' }).click();
      await tab.getByRole('columnheader', { name: 'At each stage' }).waitFor();
      await expectFits(tab, 'roles');

      await tab.getByRole('tab', { name: 'People' }).click();
      await tab.getByRole('list', { name: /^People in / }).waitFor();
      await expectFits(tab, 'people');

      await tab.getByRole('tab', { name: 'Checklist' }).click();
      await tab.getByRole('form', { name: `Induction template for ${WORKSTREAM}` }).waitFor();
      await expectFits(tab, 'checklist');

      const engagement = await openTabIn(page, e2e.server.url, theme, '?view=engagement');
      await engagement.getByRole('table', { name: 'All workstreams' }).waitFor();
      await engagement.getByRole('table', { name: 'Peer Support Network roster' }).waitFor();
      await engagement.getByRole('list', { name: 'Not invited yet (1)' }).waitFor();
      await engagement.getByRole('list', { name: 'Possible duplicates' }).getByRole('radio').first().waitFor();
      await expectFits(engagement, 'Engagement overview');
      await engagement
        .getByRole('button', { name: /^Approve the advert for / })
        .first()
        .click();
      await engagement.getByRole('textbox', { name: /^Link to the advert/ }).waitFor();
      await expectFits(engagement, 'approving an advert');
      await engagement.getByRole('tab', { name: 'Induction template' }).click();
      await engagement.getByRole('form', { name: 'Induction template for the organisation' }).waitFor();
      await expectFits(engagement, "the organisation's induction template");
      await engagement.getByRole('tab', { name: 'Equality monitoring' }).click();
      await engagement.getByRole('table', { name: 'Sex: the whole system' }).waitFor();
      await expectFits(engagement, 'equality monitoring');
      await engagement.getByRole('tab', { name: 'Selection' }).click();
      await engagement.getByRole('combobox', { name: 'Role' }).waitFor();
      await engagement.getByRole('list', { name: /^Counts for / }).waitFor();
      await expectFits(engagement, 'the selection summary');
    },
  );
});
