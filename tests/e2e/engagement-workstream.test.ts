import type { Page } from 'playwright-core';
import { axeViolations } from './axe';
import { startE2e, workstreamIdByTitle, type E2e } from './browser';

const WORKSTREAM = 'Urgent and emergency care (demo)';

let e2e: E2e;
let page: Page;

beforeAll(async () => {
  e2e = await startE2e();
  page = await e2e.browser.newPage();
  // Teams on a phone.
  await page.setViewportSize({ width: 320, height: 640 });
});
afterAll(async () => {
  await e2e?.close();
});

/** What has the keyboard focus: its element and its text. */
function focused(): Promise<string> {
  return page.evaluate(() => {
    const active = document.activeElement;
    return `${active?.tagName.toLowerCase()}: ${active?.textContent ?? ''}`;
  });
}

/** Whether the page scrolls sideways, which it must not. */
function scrollsSideways(): Promise<boolean> {
  return page.evaluate(() => (document.scrollingElement ?? document.documentElement).scrollWidth > window.innerWidth);
}

describe('a workstream opened from the Engagement overview, 320 px wide', () => {
  it('opens from the keyboard with the focus on its title, survives a reload, and goes back to the overview by Back or by its link', async () => {
    const workstreamId = await workstreamIdByTitle(e2e.server, WORKSTREAM);
    await page.goto(`${e2e.server.url}/tab/?view=engagement`);
    const overview = page.getByRole('table', { name: 'All workstreams' });
    const link = overview.getByRole('link', { name: WORKSTREAM });
    await link.focus();
    await page.keyboard.press('Enter');
    const title = page.getByRole('heading', { level: 2, name: WORKSTREAM });
    await title.waitFor();
    await page.getByRole('list', { name: 'Partners', exact: true }).getByRole('button').first().waitFor();
    expect(await focused()).toBe(`h2: ${WORKSTREAM}`);
    expect(new URL(page.url()).searchParams.get('workstream')).toBe(String(workstreamId));
    expect(await scrollsSideways()).toBe(false);
    expect(await axeViolations(page)).toEqual([]);

    await page.reload();
    await title.waitFor();
    await page.goBack();
    await link.waitFor();
    expect(new URL(page.url()).searchParams.get('workstream')).toBeNull();

    await link.click();
    await title.waitFor();
    await page.getByRole('link', { name: 'Back to the Engagement overview' }).click();
    await link.waitFor();
    expect(await focused()).toBe(`a: ${WORKSTREAM}`);
    expect(new URL(page.url()).searchParams.get('workstream')).toBeNull();
  });
});
