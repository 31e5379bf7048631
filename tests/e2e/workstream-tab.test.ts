import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { axeViolations } from './axe';
import { startE2e, workstreamIdByTitle, type E2e } from './browser';
import { openInTestHost } from './teams-test-host';

let e2e: E2e;
let page: Page;

beforeAll(async () => {
  e2e = await startE2e();
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

/** A calendar date some days from now, as a date input takes it. */
function daysFromNow(days: number): string {
  const at = new Date(Date.now() + days * 86_400_000);
  return at.toISOString().slice(0, 10);
}

/** Opens the workstream straight from the address, as a saved tab or a shared link does: one dashboard read, not two. */
async function openWorkstream(title: string): Promise<void> {
  await page.goto(`${e2e.server.url}/tab/?workstream=${await workstreamIdByTitle(e2e.server, title)}`);
  await page.getByRole('heading', { level: 2, name: title }).waitFor();
}

/** Shows only the partners at `stage`, with its counter above the views. */
async function showStage(stage: string): Promise<void> {
  await page.getByRole('button', { name: new RegExp(`^${stage} \\d+$`) }).click();
}

/**
 * Opens the first partner at `stage`. The row is found by its stage cell, not by
 * position, so it cannot be a row from before the stage filter re-rendered the table.
 */
async function openPartnerAt(stage: string): Promise<string> {
  await showStage(stage);
  const atStage = page
    .getByRole('table')
    .getByRole('row')
    .filter({ has: page.getByRole('cell', { name: stage, exact: true }) });
  const first = atStage.first().getByRole('button').first();
  const name = (await first.textContent()) ?? '';
  await first.click();
  await page.getByRole('dialog', { name }).waitFor();
  return name;
}

describe('the workstream tab in a browser', () => {
  it('opens with every request answered, its icon included, as a newcomer first sees it', async () => {
    const refused: string[] = [];
    page.on('response', (response) => {
      if (response.status() >= 400) refused.push(`${response.status()} ${new URL(response.url()).pathname}`);
    });
    const icon = page.waitForResponse((response) => /\/tab\/assets\/color-[\w-]+\.png$/.test(response.url()));
    await page.goto(`${e2e.server.url}/tab/`);
    await page.getByRole('combobox', { name: 'Workstream', exact: true }).waitFor();
    expect((await icon).status()).toBe(200);
    expect(refused).toEqual([]);
  });

  it('finds a partner by name and shows only the matching rows, in the workstream chosen from the list', async () => {
    await page.goto(`${e2e.server.url}/tab/`);
    await page.getByRole('combobox', { name: 'Workstream', exact: true }).selectOption({ label: 'Urgent and emergency care (demo)' });
    await page.getByRole('heading', { level: 2, name: 'Urgent and emergency care (demo)' }).waitFor();
    const everyone = await page.getByRole('table').getByRole('button').allTextContents();
    expect(everyone.length).toBeGreaterThan(2);
    await page.getByLabel('Search by name').fill(everyone[1].slice(0, 5));
    await page
      .getByRole('status')
      .filter({ hasText: /^Showing/ })
      .waitFor();
    expect(await page.getByRole('table').getByRole('button').allTextContents()).toContain(everyone[1]);
    expect(await page.getByRole('table').getByRole('button').count()).toBeLessThan(everyone.length);
  });

  it('ticks an induction item and the progress moves on, in the panel and in the table', async () => {
    await openWorkstream('Urgent and emergency care (demo)');
    const name = await openPartnerAt('Induction');
    const dialog = page.getByRole('dialog', { name });
    const progress = dialog.getByText(/^Induction progress: \d+ of \d+ done$/);
    const [, before, total] = /(\d+) of (\d+)/.exec((await progress.textContent()) ?? '') ?? [];
    // A click, not check(): the box is ticked once the server has recorded it, not at once.
    await dialog.getByRole('checkbox', { checked: false }).first().click();
    await dialog.getByText(`Induction progress: ${Number(before) + 1} of ${total} done`).waitFor();
    await dialog.getByRole('button', { name: 'Close' }).click();
    await page
      .getByRole('row', { name: new RegExp(name) })
      .getByText(`${Number(before) + 1} of ${total} done`)
      .waitFor();
  });

  it("refuses to make a partner active while required items are missing, with the rule's own words", async () => {
    await openWorkstream('Urgent and emergency care (demo)');
    const name = await openPartnerAt('Induction');
    const dialog = page.getByRole('dialog', { name });
    await dialog.getByLabel('Next step').selectOption({ label: 'Make active' });
    await dialog.getByRole('button', { name: 'Make active' }).click();
    await dialog.getByText('Not done').waitFor();
    expect(await dialog.getByText(/cannot become Active/).count()).toBe(1);
  });

  it("edits, reorders and saves a workstream's induction template, keeping the focus, and shows what was saved when read again", async () => {
    // A workstream no other test here opens, so the inductions they start keep the default template.
    const title = 'Digital inclusion (demo)';
    await openWorkstream(title);
    await page.getByRole('tab', { name: 'Checklist' }).click();
    const form = page.getByRole('form', { name: `Induction template for ${title}` });
    await form.waitFor();
    await page.getByText(`${title} uses the default template`).waitFor();
    await page.getByText('Changes apply to inductions started after you save.', { exact: false }).waitFor();
    const item = (n: number) => form.getByRole('group', { name: `Item ${n}`, exact: true });
    const label = (n: number) => item(n).getByRole('textbox', { name: /Label/ });
    const required = (n: number) => item(n).getByRole('checkbox', { name: 'Required before Active' });
    const first = await label(1).inputValue();
    expect(await required(2).isChecked()).toBe(true);
    await label(2).fill('Welcome to digital inclusion');
    await required(2).setChecked(false);
    await item(1).getByRole('button', { name: 'Move down item 1' }).focus();
    await page.keyboard.press('Enter');
    expect(await label(1).inputValue()).toBe('Welcome to digital inclusion');
    expect(await label(2).inputValue()).toBe(first);
    expect(
      await item(2)
        .getByRole('button', { name: 'Move down item 2' })
        .evaluate((button) => button === document.activeElement),
    ).toBe(true);
    const save = form.getByRole('button', { name: 'Save template' });
    await save.click();
    await page.getByText('Template saved.', { exact: true }).waitFor();
    await page.getByText(`${title} uses its own template.`).waitFor();
    expect(await save.evaluate((button) => button === document.activeElement)).toBe(true);
    expect(await axeViolations(page)).toEqual([]);

    await page.reload();
    await page.getByRole('tab', { name: 'Checklist' }).click();
    await form.waitFor();
    expect(await label(1).inputValue()).toBe('Welcome to digital inclusion');
    expect(await required(1).isChecked()).toBe(false);
    expect(await label(2).inputValue()).toBe(first);
  });

  it('books a one-to-one and shows it in the agenda', async () => {
    await openWorkstream('Urgent and emergency care (demo)');
    const name = await openPartnerAt('Active');
    const dialog = page.getByRole('dialog', { name });
    const date = daysFromNow(9);
    const form = dialog.getByRole('form', { name: 'Book a one-to-one' });
    await form.getByLabel(/^Date/).fill(date);
    await form.getByLabel('Time (optional)').fill('10:30');
    await form.getByRole('button', { name: 'Book one-to-one' }).click();
    await dialog.getByText('One-to-one booked.').waitFor();
    await dialog.getByRole('button', { name: 'Close' }).click();
    // Wait for the panel to go rather than clicking through its fading backdrop until a click lands.
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('tab', { name: 'One-to-ones' }).click();
    const coming = page.getByRole('table', { name: /Coming up/ });
    const row = coming.getByRole('row', { name: new RegExp(`${name}.*Booked at 10:30`) });
    await row.waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      row.getByRole('button', { name: /Download the invitation/ }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^one-to-one-\d+\.ics$/);
    const ics = fs.readFileSync(await download.path(), 'utf8');
    expect(ics).toContain('BEGIN:VCALENDAR');
    expect(ics).toMatch(/DTSTART:\d{8}T\d{4}00Z/);
    expect(ics).toContain('SUMMARY:One-to-one with ');
  });

  it("exports the workstream's partners as a CSV file", async () => {
    await openWorkstream('Urgent and emergency care (demo)');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export partners (CSV)' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^partners-urgent-and-emergency-care-demo-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = fs.readFileSync(await download.path(), 'utf8');
    expect(csv.split('\n')[0]).toMatch(/^\uFEFFName,Role,Stage,/);
    expect(csv).toContain('Aisha Rahman');
  });

  it('works from the keyboard: a partner opens with Enter, Escape closes the panel and focus goes back to their name', async () => {
    await openWorkstream('Urgent and emergency care (demo)');
    const first = page.getByRole('table').getByRole('button').first();
    const name = (await first.textContent()) ?? '';
    await first.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name });
    await dialog.getByRole('heading', { name: 'Contact and access needs' }).waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(name);
  });

  it('shows the Engagement team every workstream side by side and the Peer Support Network roster', async () => {
    await page.goto(`${e2e.server.url}/tab/?view=engagement`);
    const workstreams = page.getByRole('table', { name: 'All workstreams' });
    await workstreams.waitFor();
    expect(await workstreams.getByRole('row').count()).toBe(5);
    expect(await page.getByRole('table', { name: 'Peer Support Network roster' }).getByRole('row').count()).toBeGreaterThan(1);
  });

  it('shows only the partners at a stage when its counter is pressed, keeps that across a reload, and shows everyone when it is pressed again', async () => {
    await openWorkstream('Urgent and emergency care (demo)');
    const everyone = await page.getByRole('table').getByRole('row').count();
    const induction = page.getByRole('button', { name: /^Induction \d+$/ });
    const [, count] = /(\d+)$/.exec((await induction.textContent()) ?? '') ?? [];
    await induction.click();
    await page
      .getByRole('status')
      .filter({ hasText: /partners at Induction$/ })
      .waitFor();
    expect(await induction.getAttribute('aria-pressed')).toBe('true');
    expect(new URL(page.url()).searchParams.get('show')).toBe('Induction');
    const stages = await page.getByRole('table').getByRole('row').locator('td:nth-child(3)').allTextContents();
    expect(stages).toEqual(Array(Number(count)).fill('Induction'));

    await page.reload();
    await page
      .getByRole('status')
      .filter({ hasText: /partners at Induction$/ })
      .waitFor();
    expect(await page.getByRole('button', { name: /^Induction \d+$/ }).getAttribute('aria-pressed')).toBe('true');

    await page.getByRole('button', { name: /^Induction \d+$/ }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /^\d+ partners$/ })
      .waitFor();
    expect(await page.getByRole('table').getByRole('row').count()).toBe(everyone);
    expect(new URL(page.url()).searchParams.get('show')).toBeNull();
  });

  it('lets the Engagement team approve an advert in the tab with its link, the server checking the link, with no axe-core violations', async () => {
    await page.goto(`${e2e.server.url}/tab/?view=engagement`);
    const adverts = page.getByRole('list', { name: 'Adverts awaiting approval' });
    const approve = adverts.getByRole('button', { name: /^Approve the advert for / }).first();
    const title = ((await approve.getAttribute('aria-label')) ?? '').replace('Approve the advert for ', '');
    await approve.click();
    const form = page.getByRole('form', { name: `Approve the advert for ${title}` });
    await form.getByRole('textbox', { name: /^Link to the advert/ }).fill('http://example.org/opportunities/lead');
    await form.getByRole('button', { name: 'Approve advert' }).click();
    // The server's own sentence, under the field it is about.
    await form.getByText('Advert link must be the https address of the advert on the opportunities pages.').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await form.getByRole('textbox', { name: /^Link to the advert/ }).fill('https://example.org/opportunities/lead');
    await form.getByRole('button', { name: 'Approve advert' }).click();
    const approved = page.getByText(/^Advert approved: .+ is now advertised\.$/);
    await approved.waitFor();
    expect(await approved.textContent()).toContain(title);
    await adverts.getByRole('button', { name: `Approve the advert for ${title}` }).waitFor({ state: 'detached' });
    const overview = (await (await fetch(`${e2e.server.url}/api/overview`)).json()) as {
      workstreams: Array<{ advertsAwaitingApproval: Array<{ title: string }> }>;
    };
    expect(overview.workstreams.flatMap((workstream) => workstream.advertsAwaitingApproval.map((waiting) => waiting.title))).not.toContain(
      title,
    );
    expect(await axeViolations(page)).toEqual([]);
  });

  it('adds a colleague to the workstream by Entra object id and name, and removes them after confirming, with no axe-core violations', async () => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await openWorkstream('Mental health (demo)');
    await page.getByRole('tab', { name: 'People' }).click();
    const form = page.getByRole('form', { name: 'Add a colleague to Mental health (demo)' });
    await form.getByRole('textbox', { name: /^Name/ }).fill('Rowan Ellis');
    await form.getByRole('button', { name: 'Add to Mental health (demo)' }).click();
    // The server's own message, under the field it is about.
    await form.getByText('Person (Entra object id) is required.').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await form.getByRole('textbox', { name: /^Entra object id/ }).fill('rowan.ellis@example.nhs.uk');
    await form.getByRole('button', { name: 'Add to Mental health (demo)' }).click();
    await form.getByText(/^This is not an Entra object id, so nobody could sign in as it\./).waitFor();
    await form.getByRole('textbox', { name: /^Entra object id/ }).fill('5d7c2a10-3b4e-4f60-9a81-0c2d3e4f5a6b');
    await form.getByRole('button', { name: 'Add to Mental health (demo)' }).click();
    await page.getByText('Added Rowan Ellis to Mental health (demo).').waitFor();
    const people = page.getByRole('list', { name: /^People in Mental health \(demo\)/ });
    await people.getByRole('listitem').filter({ hasText: 'Rowan Ellis' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);

    await people.getByRole('button', { name: 'Remove Rowan Ellis' }).click();
    const confirm = page.getByRole('alertdialog', { name: 'Remove Rowan Ellis from Mental health (demo)?' });
    await confirm.getByText(/will no longer see this workstream's partners/).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await confirm.getByRole('button', { name: 'Remove Rowan Ellis' }).click();
    await page.getByText('Rowan Ellis removed from Mental health (demo).').waitFor();
    expect(await people.getByText('Rowan Ellis').count()).toBe(0);
    const members = (await (
      await fetch(`${e2e.server.url}/api/workstreams/${await workstreamIdByTitle(e2e.server, 'Mental health (demo)')}/members`)
    ).json()) as Array<{ userName: string }>;
    expect(members.map((member) => member.userName)).not.toContain('Rowan Ellis');
  });

  it.each(['light', 'dark'] as const)('has no axe-core violations in the %s theme, with a partner open', async (colorScheme) => {
    await page.emulateMedia({ colorScheme });
    await openWorkstream('Urgent and emergency care (demo)');
    expect(await axeViolations(page)).toEqual([]);
    await openPartnerAt('Induction');
    expect(await axeViolations(page)).toEqual([]);
  });

  it('has no axe-core violations on the one-to-ones, roles and Engagement views', async () => {
    await openWorkstream('Urgent and emergency care (demo)');
    await page.getByRole('tab', { name: 'One-to-ones' }).click();
    await page
      .getByRole('table', { name: /Overdue|Coming up/ })
      .first()
      .waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('tab', { name: 'Roles' }).click();
    await page.getByRole('columnheader', { name: 'At each stage' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.goto(`${e2e.server.url}/tab/?view=engagement`);
    await page.getByRole('table', { name: 'All workstreams' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
  });
});

/** Whether the keyboard focus is inside the open partner panel. */
function focusInPanel(): Promise<boolean> {
  return page.evaluate(() => Boolean(document.activeElement?.closest('[role="dialog"]')));
}

interface Bookable {
  readonly involvementId: number;
  readonly name: string;
  readonly today: string;
}

/**
 * Opens, in the browser, a partner who can have a one-to-one booked now (in induction,
 * active or paused, with none booked: they are booked one at a time), found in the
 * demo data through the API, as earlier tests have booked some.
 */
async function openPartnerWithNothingBooked(): Promise<Bookable> {
  const workstreams = (await (await fetch(`${e2e.server.url}/api/workstreams`)).json()) as Array<{ id: number; title: string }>;
  for (const workstream of workstreams) {
    const dashboard = (await (await fetch(`${e2e.server.url}/api/workstreams/${workstream.id}/dashboard`)).json()) as {
      today: string;
      rows: Array<{ involvementId: number; partnerId: number; name: string; stage: string; booked: unknown }>;
    };
    const bookable = dashboard.rows.find(
      (row) =>
        ['Induction', 'Active', 'Paused'].includes(row.stage) && row.booked === null && row.name !== `Erased partner ${row.partnerId}`,
    );
    if (!bookable) continue;
    await openWorkstream(workstream.title);
    await page.getByRole('table').getByRole('button', { name: bookable.name, exact: true }).click();
    await page.getByRole('dialog', { name: bookable.name }).getByRole('heading', { name: 'One-to-ones' }).waitFor();
    return { involvementId: bookable.involvementId, name: bookable.name, today: dashboard.today };
  }
  throw new Error('No partner in the demo data can have a one-to-one booked');
}

describe('the partner panel keeps the keyboard focus after every action in it', () => {
  it('after booking a one-to-one from the keyboard, and Escape still closes the panel', async () => {
    const { name } = await openPartnerWithNothingBooked();
    const dialog = page.getByRole('dialog', { name });
    const form = dialog.getByRole('form', { name: 'Book a one-to-one' });
    await form.getByLabel(/^Date/).fill(daysFromNow(11));
    await form.getByLabel('Where (optional)').fill('Community room');
    await form.getByRole('button', { name: 'Book one-to-one' }).focus();
    await page.keyboard.press('Enter');
    await dialog.getByText('One-to-one booked.').waitFor();
    // The panel has read the partner again: the booking is in their history.
    await dialog
      .getByRole('list', { name: 'One-to-one history' })
      .getByText(/Community room/)
      .waitFor();
    expect(await focusInPanel()).toBe(true);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
  });

  it('after booking a one-to-one with the mouse', async () => {
    const { name } = await openPartnerWithNothingBooked();
    const dialog = page.getByRole('dialog', { name });
    const form = dialog.getByRole('form', { name: 'Book a one-to-one' });
    await form.getByLabel(/^Date/).fill(daysFromNow(12));
    await form.getByLabel('Where (optional)').fill('Library');
    await form.getByRole('button', { name: 'Book one-to-one' }).click();
    await dialog.getByText('One-to-one booked.').waitFor();
    await dialog
      .getByRole('list', { name: 'One-to-one history' })
      .getByText(/Library/)
      .waitFor();
    expect(await focusInPanel()).toBe(true);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
  });

  it('after recording a booked one-to-one as held, whose button then goes: focus moves to what was done', async () => {
    const { involvementId, name, today } = await openPartnerWithNothingBooked();
    const booked = await fetch(`${e2e.server.url}/api/involvements/${involvementId}/one-to-ones`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ date: today }),
    });
    expect(booked.status).toBe(201);
    // Read again with the booking, as a colleague's booking would be.
    await page.reload();
    await page.getByRole('table').getByRole('button', { name, exact: true }).click();
    const dialog = page.getByRole('dialog', { name });
    const record = dialog.getByRole('button', { name: /^Record .* as held$/ });
    await record.focus();
    await page.keyboard.press('Enter');
    await dialog.getByText('One-to-one recorded as held.').waitFor();
    await record.waitFor({ state: 'detached' });
    expect(await focusInPanel()).toBe(true);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
  });

  it('after a stage change, the form emptied', async () => {
    await openWorkstream('Urgent and emergency care (demo)');
    const name = await openPartnerAt('Active');
    const dialog = page.getByRole('dialog', { name });
    await dialog.getByLabel('Next step').selectOption({ label: 'Pause' });
    await dialog.getByRole('textbox', { name: /^Reason/ }).fill('Taking a break over the summer');
    await dialog.getByRole('button', { name: 'Pause' }).click();
    // When a one-to-one was booked, the sentence goes on to say it was cancelled with the pause.
    await dialog.getByText(/moved on: Paused\./).waitFor();
    await dialog.getByText('Stage: Paused').waitFor();
    expect(await focusInPanel()).toBe(true);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
  });
});

/** Opens the workstream, then the first partner at `stage` (any stage when left out); the demo's local identity is in the Engagement team. */
async function openPartner(title: string, stage?: string): Promise<string> {
  await page.goto(`${e2e.server.url}/tab/?workstream=${await workstreamIdByTitle(e2e.server, title)}`);
  await page.getByRole('heading', { level: 2, name: title }).waitFor();
  if (stage) await showStage(stage);
  const rows = page.getByRole('table').getByRole('row');
  const first = (stage ? rows.filter({ has: page.getByRole('cell', { name: stage, exact: true }) }) : rows).getByRole('button').first();
  const name = (await first.textContent()) ?? '';
  await first.click();
  await page.getByRole('dialog', { name }).getByRole('heading', { name: 'Consent' }).waitFor();
  return name;
}

describe('personal data in the tab, in a browser', () => {
  it('explains why notes cannot be kept without consent, records consent, then saves a one-to-one with notes, with no axe-core violations', async () => {
    const name = await openPartner('Mental health (demo)', 'Active');
    const dialog = page.getByRole('dialog', { name });
    await dialog.getByRole('button', { name: 'Withdraw consent to notes' }).click();
    const confirm = page.getByRole('alertdialog', { name: /consent to notes\?$/ });
    await confirm.getByText(/will be deleted from every workstream/).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await confirm.getByRole('button', { name: 'Withdraw and delete the notes' }).click();
    await dialog.getByText(/^Consent to notes withdrawn for /).waitFor();

    const held = dialog.getByRole('form', { name: 'Record a one-to-one that was held' });
    await held.getByText(/has not given explicit consent to notes about their experience/).waitFor();
    expect(await held.getByRole('textbox', { name: /^Notes/ }).count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    await held.getByRole('button', { name: /consent to notes$/ }).click();
    await dialog.getByText(/^Consent to notes recorded for .*, dated today\.$/).waitFor();
    await dialog
      .getByRole('region', { name: 'Consent' })
      .getByText(/^Given on /)
      .nth(1)
      .waitFor();

    await held.getByRole('textbox', { name: /^Notes/ }).fill('Enjoying the design meetings; would like to join the next workshop.');
    await held.getByRole('button', { name: 'Record as held' }).click();
    await dialog.getByText('One-to-one recorded as held.').waitFor();
  });

  it('lets the Engagement team download a person’s data and erase it, the name replaced everywhere, with no axe-core violations', async () => {
    await page.emulateMedia({ colorScheme: 'dark' });
    const name = await openPartner('Digital inclusion (demo)');
    const dialog = page.getByRole('dialog', { name });

    const [json] = await Promise.all([
      page.waitForEvent('download'),
      dialog.getByRole('button', { name: 'Download their data (JSON)' }).click(),
    ]);
    expect(json.suggestedFilename()).toMatch(/^partner-\d+-personal-data\.json$/);
    const exported = JSON.parse(fs.readFileSync(await json.path(), 'utf8')) as { partner: { id: number; fullName: string } };
    expect(exported.partner.fullName).toBe(name);
    const [summary] = await Promise.all([
      page.waitForEvent('download'),
      dialog.getByRole('button', { name: 'Download their data as a readable summary' }).click(),
    ]);
    expect(fs.readFileSync(await summary.path(), 'utf8')).toContain(`What Partner Pathway holds about`);

    await dialog.getByRole('button', { name: 'Erase their personal data' }).click();
    const confirm = page.getByRole('alertdialog', { name: `Erase ${name}'s personal data?` });
    await confirm.getByText(/Kept, without anything that names them/).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    const erase = confirm.getByRole('button', { name: 'Erase their personal data' });
    expect(await erase.isDisabled()).toBe(true);
    await confirm.getByRole('textbox', { name: /Type their full name/ }).fill(name);
    await erase.click();

    const erasedName = `Erased partner ${exported.partner.id}`;
    const erased = page.getByRole('dialog', { name: erasedName });
    await erased.getByText(/^Their personal data was erased on /).waitFor();
    expect(await erased.getByRole('button', { name: /consent to notes|Erase/ }).count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    await erased.getByRole('button', { name: 'Close' }).click();
    await erased.waitFor({ state: 'detached' });
    const row = page.getByRole('row', { name: new RegExp(erasedName) });
    await row.getByText('Personal data erased').waitFor();
    expect(await page.getByRole('table').getByText(name, { exact: true }).count()).toBe(0);
  });

  it('has no axe-core violations in high contrast, with the consent and data sections open inside Teams', async () => {
    const host = await openInTestHost(page, {
      tabUrl: `${e2e.server.url}/tab/index.html?workstream=${await workstreamIdByTitle(e2e.server, 'Maternity and neonatal (demo)')}`,
      frameContext: 'content',
      theme: 'contrast',
      ssoToken: null,
    });
    const first = host.frame.getByRole('table').getByRole('button').first();
    const name = (await first.textContent()) ?? '';
    await first.click();
    const dialog = host.frame.getByRole('dialog', { name });
    await dialog.getByRole('heading', { name: 'Their data (Engagement team)' }).waitFor();
    expect(await axeViolations(host.frame)).toEqual([]);
    await dialog.getByRole('button', { name: 'Erase their personal data' }).click();
    await host.frame.getByRole('alertdialog', { name: `Erase ${name}'s personal data?` }).waitFor();
    expect(await axeViolations(host.frame)).toEqual([]);
  });
});
