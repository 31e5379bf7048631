import fs from 'node:fs';
import type { Frame, Locator, Page } from 'playwright-core';
import { axeViolations } from './axe';
import { startE2e, workstreamIdByTitle, type E2e } from './browser';
import { openTabIn } from './teams-test-host';

let e2e: E2e;
let page: Page;

beforeAll(async () => {
  e2e = await startE2e();
});
afterAll(async () => {
  await e2e?.close();
});
afterEach(async () => {
  await page?.close();
});

const WORKSTREAM = 'Urgent and emergency care (demo)';

/** Teams on the narrowest phone. */
const PHONE = { width: 320, height: 640 };

/** A calendar date some days from now, as a date input takes it. */
function daysFromNow(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

/** Nothing scrolls sideways and axe-core finds nothing, said with where the tab was. */
async function expectFits(tab: Page | Frame, where: string): Promise<void> {
  const sideways = await tab.evaluate(() => (document.scrollingElement ?? document.documentElement).scrollWidth > window.innerWidth);
  expect({ where, sideways, violations: await axeViolations(tab) }).toEqual({ where, sideways: false, violations: [] });
}

/** Whether the keyboard focus is on something in the page rather than fallen to its body. */
function focusKept(tab: Page | Frame): Promise<boolean> {
  return tab.evaluate(() => document.activeElement !== null && document.activeElement !== document.body);
}

/** The Roles view of the demo workstream. */
async function openRoles(tab: Page | Frame): Promise<void> {
  await tab.getByRole('heading', { level: 2, name: WORKSTREAM }).waitFor();
  await tab.getByRole('tab', { name: 'Roles' }).click();
  await tab.getByRole('button', { name: 'Plan a role' }).waitFor();
}

/** Fills the rest of the role description, as a lead would, field by field. */
async function describe_(form: Locator): Promise<void> {
  await form.getByLabel(/^Purpose/).fill('Bring lived experience of urgent care to the redesign of the waiting area.');
  await form.getByLabel('What the partner will do').fill('Join a monthly design meeting and test new signs with us.');
  await form.getByLabel('Time commitment').fill('About three hours a month for a year');
  await form.getByLabel('Where').selectOption('Both');
  await form.getByLabel('Payment and expenses').fill('Travel and care costs are refunded under the expenses policy.');
  await form.getByLabel('Skills or experience welcomed').fill('Experience of using urgent care as a patient or carer.');
  await form.getByLabel('Support offered').fill('A named contact, one-to-ones and the Peer Support Network.');
  await form.getByLabel('Contact for questions').fill('Jo Bloggs, 07700 900123');
  await form.getByLabel('Closing date').fill(daysFromNow(30));
  await form.getByLabel(/^Involvement level/).selectOption('2');
  await form.getByRole('checkbox', { name: 'Easy read' }).check();
}

describe('a role from Draft to Advertised in the tab alone, on a 320 px phone', () => {
  it('plans it, completes it with the guidance beside each field, marks it Ready, sends the advert, and the Engagement team approves it', async () => {
    page = await e2e.browser.newPage();
    await page.setViewportSize(PHONE);
    const workstreamId = await workstreamIdByTitle(e2e.server, WORKSTREAM);
    await page.goto(`${e2e.server.url}/tab/?workstream=${workstreamId}`);
    await openRoles(page);

    await page.getByRole('button', { name: 'Plan a role' }).click();
    const heading = page.getByRole('heading', { level: 3, name: 'Plan a role' });
    await heading.waitFor();
    expect(await heading.evaluate((element) => element === document.activeElement)).toBe(true);
    const form = page.getByRole('form', { name: 'Role description' });
    // The organisation's guidance, from content/guidance, beside its field.
    await expect(form.getByLabel(/^Role title/).getAttribute('aria-describedby')).resolves.toBeTruthy();
    await form.getByText('The last day to express interest.').waitFor();
    await expectFits(page, 'planning a role');

    // A title is all a Draft needs; the server says so under the field when it is missing.
    await form.getByRole('button', { name: 'Save as Draft' }).click();
    await form.getByText('Role title is required.').waitFor();
    await expect(form.getByLabel(/^Role title/).getAttribute('aria-invalid')).resolves.toBe('true');
    await form.getByLabel(/^Role title/).fill('Waiting area partner (e2e)');
    await form.getByLabel('Start date').fill(daysFromNow(35));
    await form.getByRole('button', { name: 'Save as Draft' }).click();
    await page.getByRole('heading', { level: 3, name: 'Waiting area partner (e2e)' }).waitFor();
    await page.getByText('Saved as Draft.').waitFor();
    // As the domain works them out: the start date is sooner than recruiting takes, and what is missing before Ready.
    await page.getByText(/^The start date is 5 weeks away\./).waitFor();
    await page.getByText('Still needed before this role can be Ready').waitFor();
    await page.getByText(/^Purpose, What the partner will do, /).waitFor();
    await expectFits(page, 'a Draft role with warnings');

    // Refused while the description is incomplete, in the server's words, by the steps.
    const saved = page.getByRole('form', { name: 'Role description' });
    await saved.getByRole('button', { name: 'Mark Ready' }).click();
    await saved.getByText(/cannot be Ready yet: the role description still needs purpose/).waitFor();
    expect(await focusKept(page)).toBe(true);

    // Mark Ready carries what was typed and not yet saved.
    await describe_(saved);
    await saved.getByRole('button', { name: 'Mark Ready' }).click();
    await page.getByText('The role is Ready.').waitFor();
    await page.getByText('Still needed before this role can be Ready').waitFor({ state: 'detached' });
    expect(await focusKept(page)).toBe(true);

    const ready = page.getByRole('form', { name: 'Role description' });
    await ready.getByRole('button', { name: 'Send advert to the Engagement team' }).click();
    await page.getByText('The advert is sent.').waitFor();
    await page.getByText(/The advert is waiting for the Engagement team to approve it\./).waitFor();
    await ready.getByRole('button', { name: 'Send advert to the Engagement team' }).waitFor({ state: 'detached' });
    expect(await focusKept(page)).toBe(true);
    await expectFits(page, 'a Ready role with its advert sent');

    const advert = await page.getByRole('textbox', { name: 'Advert text' }).inputValue();
    expect(advert).toMatch(/^Waiting area partner \(e2e\)\n\nWhy this role matters\nBring lived experience of urgent care/);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download the advert (.txt)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('advert-waiting-area-partner-e2e.txt');
    expect(fs.readFileSync(await download.path(), 'utf8')).toBe(advert);

    // The Engagement team approves it from their overview, in the tab too.
    await page.goto(`${e2e.server.url}/tab/?view=engagement`);
    await page.getByRole('button', { name: 'Approve the advert for Waiting area partner (e2e)' }).click();
    await page.getByRole('textbox', { name: /^Link to the advert/ }).fill('https://example.org/opportunities/waiting-area');
    await page.getByRole('button', { name: 'Approve advert' }).click();
    await page.getByRole('button', { name: 'Approve the advert for Waiting area partner (e2e)' }).waitFor({ state: 'detached' });

    await page.goto(`${e2e.server.url}/tab/?workstream=${workstreamId}`);
    await openRoles(page);
    const row = page.getByRole('row', { name: /Waiting area partner \(e2e\)/ });
    await row.getByText('Advertised').waitFor();
    await row.getByRole('button', { name: 'Waiting area partner (e2e)' }).click();
    await page.getByText(/^Advertised, recruiting lead .*Advert: https:\/\/example\.org\/opportunities\/waiting-area$/).waitFor();
    // Past planning the description is read, not edited, and the steps left are Filled and Close.
    expect(await page.getByRole('form', { name: 'Role description' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Mark Filled' }).waitFor();
    await expectFits(page, 'an Advertised role');

    await page.getByRole('button', { name: 'All roles' }).click();
    await page.getByRole('row', { name: /Waiting area partner \(e2e\)/ }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.textContent === 'Waiting area partner (e2e)')).toBe(true);
  });
});

describe.each(['light', 'dark', 'contrast'] as const)('the Roles view in the %s theme', (theme) => {
  it('shows a role being planned, with its warnings and what is missing, with no axe-core violations at 320 px', async () => {
    page = await e2e.browser.newPage();
    await page.setViewportSize(PHONE);
    const workstreamId = await workstreamIdByTitle(e2e.server, WORKSTREAM);
    const tab = await openTabIn(page, e2e.server.url, theme, `?workstream=${workstreamId}`);
    await openRoles(tab);
    await expectFits(tab, 'the roles');
    await tab.getByRole('button', { name: 'Plan a role' }).click();
    const form = tab.getByRole('form', { name: 'Role description' });
    await form.getByLabel(/^Role title/).fill(`Theme check (${theme})`);
    await form.getByLabel('Start date').fill(daysFromNow(14));
    await form.getByLabel(/^Involvement level/).selectOption('4');
    await form.getByRole('button', { name: 'Save as Draft' }).click();
    await tab.getByText(/^Level 4 roles are paid/).waitFor();
    await tab.getByText('Still needed before this role can be Ready').waitFor();
    await expectFits(tab, 'a Draft role with warnings');
  });
});

describe.each([360, 1280])('the Roles view %i px wide', (width) => {
  it('shows a role being planned, the guidance beside or under each field, with nothing sideways and no axe-core violations', async () => {
    page = await e2e.browser.newPage();
    await page.setViewportSize({ width, height: width <= 360 ? 640 : 900 });
    const workstreamId = await workstreamIdByTitle(e2e.server, WORKSTREAM);
    await page.goto(`${e2e.server.url}/tab/?workstream=${workstreamId}`);
    await openRoles(page);
    await page.getByRole('button', { name: 'Plan a role' }).click();
    const form = page.getByRole('form', { name: 'Role description' });
    await form.getByLabel(/^Role title/).fill(`Width check (${width} px)`);
    await form.getByRole('button', { name: 'Save as Draft' }).click();
    await page.getByText('Still needed before this role can be Ready').waitFor();
    const title = page.getByRole('form', { name: 'Role description' }).getByLabel(/^Role title/);
    const help = page.getByText('A short, plain name people will recognise', { exact: false });
    const [field, guidance] = await Promise.all([title.boundingBox(), help.boundingBox()]);
    // Beside its field where there is room; under it on a phone.
    if (width >= 1280) expect(guidance!.x).toBeGreaterThan(field!.x + field!.width);
    else expect(guidance!.y).toBeGreaterThan(field!.y);
    await expectFits(page, `a Draft role at ${width} px`);
  });
});
