import type { Frame, Locator, Page } from 'playwright-core';
import { axeViolations } from './axe';
import { startE2e, type E2e } from './browser';
import { openTabIn } from './teams-test-host';

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
  // Teams on a phone.
  await page.setViewportSize({ width: 320, height: 640 });
});
afterEach(async () => {
  await page?.close();
});

/** Reads the server's JSON API as the local development identity, as the tab would. */
async function read<T>(path: string): Promise<T> {
  return (await (await fetch(`${e2e.server.url}${path}`)).json()) as T;
}

interface Dashboard {
  readonly workstream: { readonly id: number; readonly title: string };
  readonly roles: ReadonlyArray<{ readonly id: number; readonly title: string; readonly takesInterest: boolean }>;
  readonly rows: ReadonlyArray<{ readonly involvementId: number; readonly name: string; readonly stage: string }>;
}

/** A demo workstream with a role taking interest, that role, and the email of someone already on record there. */
async function openRole(): Promise<{ workstream: Dashboard['workstream']; role: string; knownEmail: string }> {
  for (const { id } of await read<Array<{ id: number }>>('/api/workstreams')) {
    const dashboard = await read<Dashboard>(`/api/workstreams/${id}/dashboard`);
    const role = dashboard.roles.find((candidate) => candidate.takesInterest);
    if (!role) continue;
    for (const row of dashboard.rows) {
      const { partner } = await read<{ partner: { email: string | null } }>(`/api/involvements/${row.involvementId}`);
      if (partner.email) return { workstream: dashboard.workstream, role: role.title, knownEmail: partner.email };
    }
  }
  throw new Error('No demo workstream has a role taking interest and someone with an email on record');
}

/** A date-and-time input's value some days from now, in the browser's time. */
function inDays(days: number): string {
  const at = new Date(Date.now() + days * 86_400_000);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T10:00`;
}

type Tab = Page | Frame;

/** Fills in the "Log interest" form for a new person with their consent, as a member of staff would. */
async function fillInterest(tab: Tab, role: string, name: string, email: string): Promise<Locator> {
  await tab.getByRole('button', { name: 'Log interest' }).click();
  const form = tab.getByRole('form', { name: 'Log interest' });
  await form.getByLabel('Role').selectOption({ label: role });
  await form.getByRole('textbox', { name: /^Full name/ }).fill(name);
  await form.getByRole('textbox', { name: /^Email/ }).fill(email);
  await form.getByRole('checkbox', { name: 'They agreed that we may hold these details' }).check();
  return form;
}

/** Chooses the next step in the partner panel, which then asks for what that step needs. */
async function nextStep(panel: Locator, step: string): Promise<void> {
  await panel.getByRole('combobox', { name: 'Next step' }).selectOption({ label: step });
}

describe('a partner from interest to Active, in the tab alone, at 320 px', () => {
  it('logs interest, acknowledges it, books and records the chat with its guide, offers, inducts and makes them Active', async () => {
    const { workstream, role } = await openRole();
    await page.goto(`${e2e.server.url}/tab/?workstream=${workstream.id}`);
    await page.getByRole('heading', { level: 2, name: workstream.title }).waitFor();

    const form = await fillInterest(page, role, 'Robin Ellis', 'robin.ellis@example.org');
    await form.getByText('Only record details the person has agreed you may hold').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await form.getByRole('button', { name: 'Log interest' }).click();

    // Logged: their panel opens on the acknowledgement the organisation wrote for them.
    const panel = page.getByRole('dialog', { name: 'Robin Ellis' });
    const message = panel.getByRole('region', { name: 'Acknowledgement message' });
    await message.getByText(/^Dear Robin Ellis,/).waitFor();
    expect(await panel.getByRole('link', { name: 'Write the email' }).getAttribute('href')).toMatch(/^mailto:robin\.ellis@example\.org\?/);
    expect(await axeViolations(page)).toEqual([]);
    await panel.getByRole('button', { name: 'Record acknowledgement' }).click();
    await panel.getByText('Interest acknowledged for Robin Ellis.').waitFor();

    // The chat guide beside the booking.
    await panel.getByRole('button', { name: 'Informal chat guide' }).click();
    const guide = panel.getByRole('region', { name: 'Informal chat guide' });
    await guide.getByRole('list', { name: 'Questions you might ask' }).getByText('What made you interested in this role?').waitFor();
    await nextStep(panel, 'Book the informal chat');
    await panel.getByLabel(/^Date and time of the chat/).fill(inDays(2));
    await panel.getByRole('textbox', { name: /^Where the chat will be/ }).fill('Community room');
    await panel.getByRole('textbox', { name: /^Adjustments asked for/ }).fill('Large print');
    expect(await axeViolations(page)).toEqual([]);
    await panel.getByRole('button', { name: 'Book the informal chat' }).click();
    await panel.getByText('Robin Ellis moved on: Chat booked.').waitFor();

    // The chat held: the adjustments agreed and its outcome, in one step.
    await nextStep(panel, 'Record the chat as held');
    await panel.getByRole('textbox', { name: /^Adjustments agreed/ }).fill('Large print, step-free access');
    await panel.getByRole('radio', { name: 'Offer the role' }).check();
    // Judged against each of the demo role's selection criteria, then the reason.
    const met = panel.getByRole('radio', { name: 'Met', exact: true });
    expect(await met.count()).toBe(3);
    for (let index = 0; index < 3; index += 1) await met.nth(index).check();
    await panel.getByRole('textbox', { name: /^Why they are offered the role/ }).fill('Recent experience of the service.');
    expect(await axeViolations(page)).toEqual([]);
    await panel.getByRole('button', { name: 'Record the chat as held' }).click();
    await panel.getByText('Robin Ellis moved on: Chat held. Chat recorded, then: Offered.').waitFor();
    // Kept with what staff wrote, and readable beside its long term even at 320 px.
    await panel.getByText('Large print, step-free access').waitFor();

    await nextStep(panel, 'Start induction');
    await panel.getByRole('button', { name: 'Start induction' }).click();
    const checklist = panel.getByRole('list', { name: 'Induction checklist' });
    await checklist.waitFor();
    // Every required item ticked, one at a time as a person would; the first one-to-one by booking it.
    for (;;) {
      const required = checklist.getByRole('checkbox', { name: /\(required\)$/, checked: false });
      if ((await required.count()) === 0) break;
      const item = required.first();
      const label = await item.evaluate((box) => (box as HTMLInputElement).labels?.[0]?.textContent ?? '');
      // Clicked rather than checked: the box shows what the server recorded, once it has.
      await item.click();
      await checklist.getByRole('checkbox', { name: label, exact: true, checked: true }).waitFor();
    }
    await checklist.getByRole('button', { name: 'Book it under One-to-ones' }).click();
    const book = panel.getByRole('form', { name: 'Book a one-to-one' });
    await book.getByLabel(/^Date/).fill(inDays(10).slice(0, 10));
    await book.getByRole('button', { name: 'Book one-to-one' }).click();
    await panel.getByText('One-to-one booked.').waitFor();

    await nextStep(panel, 'Make active');
    await panel.getByRole('button', { name: 'Make active' }).click();
    await panel.getByText('Robin Ellis moved on: Active.').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await panel.waitFor({ state: 'detached' });
    const active = await read<Dashboard>(`/api/workstreams/${workstream.id}/dashboard`);
    expect(active.rows.filter((row) => row.name === 'Robin Ellis').map((row) => row.stage)).toEqual(['Active']);
  });
});

describe('the "Log interest" form on a phone', () => {
  it('stays within the 320 px width whatever the length of the role titles it offers', async () => {
    const offered = [];
    for (const { id } of await read<Array<{ id: number }>>('/api/workstreams')) {
      const dashboard = await read<Dashboard>(`/api/workstreams/${id}/dashboard`);
      offered.push(
        ...dashboard.roles.filter((role) => role.takesInterest).map((role) => ({ workstream: dashboard.workstream, role: role.title })),
      );
    }
    const longest = offered.reduce((a, b) => (b.role.length > a.role.length ? b : a));
    expect(longest.role.length).toBeGreaterThan(40);
    await page.goto(`${e2e.server.url}/tab/?workstream=${longest.workstream.id}`);
    await page.getByRole('heading', { level: 2, name: longest.workstream.title }).waitFor();
    await page.getByRole('button', { name: 'Log interest' }).click();
    await page.getByRole('form', { name: 'Log interest' }).getByLabel('Role').selectOption({ label: longest.role });
    const widths = await page.evaluate(() => ({
      page: (document.scrollingElement ?? document.documentElement).scrollWidth,
      window: window.innerWidth,
    }));
    expect(widths).toEqual({ page: 320, window: 320 });
  });
});

describe.each(['light', 'dark', 'contrast'] as const)('logging interest and the informal chat in the %s theme', (theme) => {
  const openTab = (workstreamId: number): Promise<Tab> => openTabIn(page, e2e.server.url, theme, `?workstream=${workstreamId}`);

  it('asks whether someone is already on record, then shows the acknowledgement, the guide and the chat form, all without axe violations', async () => {
    const { workstream, role, knownEmail } = await openRole();
    const tab = await openTab(workstream.id);
    await tab.getByRole('heading', { level: 2, name: workstream.title }).waitFor();
    const name = `Alex Moreno ${theme}`;
    const form = await fillInterest(tab, role, name, knownEmail);
    await form.getByRole('button', { name: 'Log interest' }).click();
    const question = tab.getByRole('region', { name: 'Is this someone already on record?' });
    await question.getByText(/already on record with the same email/).waitFor();
    expect(await axeViolations(tab)).toEqual([]);
    await question.getByRole('button', { name: 'A different person: log them' }).click();

    const panel = tab.getByRole('dialog', { name });
    await panel.getByRole('region', { name: 'Acknowledgement message' }).waitFor();
    await panel.getByRole('button', { name: 'Informal chat guide' }).click();
    await panel.getByRole('region', { name: 'Informal chat guide' }).getByRole('list', { name: 'Tips' }).waitFor();
    expect(await axeViolations(tab)).toEqual([]);
    await nextStep(panel, 'Book the informal chat');
    await panel.getByLabel(/^Date and time of the chat/).fill(inDays(3));
    await panel.getByRole('textbox', { name: /^Where the chat will be/ }).fill('Online');
    await panel.getByRole('button', { name: 'Book the informal chat' }).click();
    await panel.getByText(`${name} moved on: Chat booked.`).waitFor();
    await nextStep(panel, 'Record the chat as held');
    await panel.getByRole('radio', { name: 'Not this time (not progressed)' }).check();
    await panel.getByRole('textbox', { name: /^Reason/ }).waitFor();
    expect(await axeViolations(tab)).toEqual([]);
  });
});
