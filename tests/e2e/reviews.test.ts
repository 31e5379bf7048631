import type { Frame, Locator, Page } from 'playwright-core';
import { agreementsDueFrom, DEFAULT_REVIEW_SETTINGS } from '../../src/domain/reviews';
import { until } from '../wait';
import { axeViolations } from './axe';
import { startE2e, type E2e } from './browser';
import { openWorkstreamViewIn, type TabTheme } from './teams-test-host';

let e2e: E2e;
let page: Page;
let workstream: { id: number; title: string };
/** Two Active demo partners of the workstream: the first renews and reviews, the second ends. */
let staying: Row;
let leaving: Row;
let today: string;

interface Row {
  readonly involvementId: number;
  readonly name: string;
  readonly stage: string;
}

interface Reviews {
  readonly version: number;
  /** The name the partner goes by, as the panel's messages say it. */
  readonly name: string;
  readonly today: string;
}

async function api<T>(path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${e2e.server.url}/api${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${path} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
}

const reviewsOf = (row: Row): Promise<Reviews> => api<Reviews>(`/involvements/${row.involvementId}/reviews`);

/** The partner's involvement as stored. */
async function involvement(row: Row) {
  const [stored] = await e2e.server.store.find({ list: 'involvements', where: { id: row.involvementId } });
  return stored;
}

/** The day `days` after `date`, as the API writes dates. */
function plusDays(date: string, days: number): string {
  const moved = new Date(`${date}T12:00:00Z`);
  moved.setUTCDate(moved.getUTCDate() + days);
  return moved.toISOString().slice(0, 10);
}

/**
 * Brings reviews round within the agenda's weeks for two Active demo partners, as staff
 * would through the API: an access needs review next week for both, and a term ending
 * in three weeks for the one who will end.
 */
async function reviewsComingRound(): Promise<void> {
  const workstreams = await api<Array<{ id: number; title: string }>>('/workstreams');
  for (const candidate of workstreams) {
    const { rows } = await api<{ rows: Row[] }>(`/workstreams/${candidate.id}/dashboard`);
    const active = rows.filter((row) => row.stage === 'Active');
    if (active.length >= 2) {
      workstream = candidate;
      [staying, leaving] = active;
      break;
    }
  }
  if (!workstream) throw new Error('No demo workstream has two Active partners');
  today = (await reviewsOf(staying)).today;
  for (const row of [staying, leaving]) {
    const { version } = await reviewsOf(row);
    await api(`/involvements/${row.involvementId}/access-review`, {
      version,
      key: `e2e-access-${row.involvementId}`,
      nextReviewDate: plusDays(today, 7),
    });
  }
  const { version } = await reviewsOf(leaving);
  await api(`/involvements/${leaving.involvementId}/renew-term`, { version, key: 'e2e-term-leaving', termEndDate: plusDays(today, 21) });
}

beforeAll(async () => {
  e2e = await startE2e();
  page = await e2e.browser.newPage();
  await reviewsComingRound();
});
afterAll(async () => {
  await e2e?.close();
});

/** Opens the workstream's One-to-ones view in `theme` and gives the agenda's reviews. */
async function openAgenda(target: Page, theme: TabTheme): Promise<{ tab: Page | Frame; reviews: Locator }> {
  const tab = await openWorkstreamViewIn(target, e2e.server.url, theme, workstream, 'One-to-ones');
  const reviews = tab.getByRole('region', { name: /^Reviews coming round \(\d+\)$/ });
  await reviews.waitFor();
  return { tab, reviews };
}

/** Whether the page scrolls sideways, which it must not: its scroll width is the window's. */
function scrollsSideways(tab: Page | Frame): Promise<boolean> {
  return tab.evaluate(() => (document.scrollingElement ?? document.documentElement).scrollWidth > window.innerWidth);
}

/** Opens `row`'s partner panel from the agenda's reviews and gives its Reviews section. */
async function reviewsSectionFrom(tab: Page | Frame, reviews: Locator, row: Row) {
  await reviews.getByRole('button', { name: row.name, exact: true }).first().click();
  const dialog = tab.getByRole('dialog', { name: row.name });
  const section = dialog.getByRole('region', { name: 'Reviews', exact: true });
  await section.getByRole('button', { name: 'Access needs reviewed' }).waitFor();
  await section.scrollIntoViewIfNeeded();
  return { dialog, section };
}

describe.each<TabTheme>(['light', 'dark', 'contrast'])('the reviews coming round in the %s theme', (theme) => {
  it.each([320, 360, 1280])(
    'lists them in the agenda and opens them in the partner panel, nothing sideways and no axe-core violations, %i px wide',
    async (width) => {
      const themed = await e2e.browser.newPage();
      await themed.setViewportSize({ width, height: width === 1280 ? 900 : 640 });
      const { tab, reviews } = await openAgenda(themed, theme);
      expect(await reviews.getByRole('listitem').allInnerTexts()).toEqual([
        expect.stringContaining(staying.name),
        expect.stringContaining(leaving.name),
        expect.stringContaining(leaving.name),
      ]);
      expect({ sideways: await scrollsSideways(tab), violations: await axeViolations(tab) }).toEqual({ sideways: false, violations: [] });

      const { dialog, section } = await reviewsSectionFrom(tab, reviews, leaving);
      await section.getByRole('button', { name: 'End at the end of the term' }).click();
      await section.getByRole('form', { name: 'End the involvement' }).waitFor();
      const panelFits = await dialog.evaluate((element) => element.scrollWidth <= element.clientWidth);
      expect({ sideways: await scrollsSideways(tab), panelFits, violations: await axeViolations(tab) }).toEqual({
        sideways: false,
        panelFits: true,
        violations: [],
      });
      await themed.close();
    },
  );
});

describe('the reviews, recorded from the partner panel', () => {
  it('renews the term to a chosen date, records the agreements re-signed and the access needs reviewed, each in the store', async () => {
    await page.setViewportSize({ width: 360, height: 640 });
    const { tab, reviews } = await openAgenda(page, 'light');
    const { dialog, section } = await reviewsSectionFrom(tab, reviews, staying);
    const { name } = await reviewsOf(staying);

    const newEnd = plusDays(today, 400);
    const renew = section.getByRole('form', { name: 'Renew the term' });
    await renew.getByLabel('The new term ends on').fill(newEnd);
    await renew.getByRole('button', { name: 'Renew the term' }).click();
    await dialog.getByText(`${name}'s term renewed: it now ends `).waitFor();
    await until(async () => (await involvement(staying)).termEndDate === newEnd);

    const signedOn = plusDays(today, -2);
    const resign = section.getByRole('form', { name: 'Agreements re-signed' });
    await resign.getByLabel('Re-signed on').fill(signedOn);
    await resign.getByRole('button', { name: 'Record agreements re-signed' }).click();
    await dialog.getByText(`${name}'s agreements recorded as re-signed on `).waitFor();
    const agreements = await e2e.server.store.find({ list: 'inductionTasks', where: { involvementId: staying.involvementId } });
    const signed = agreements.filter((task) => /agreement/i.test(task.label));
    expect(signed.map((task) => [task.done, task.doneDate])).toEqual(signed.map(() => [true, signedOn]));
    expect((await involvement(staying)).agreementsDue).toBe(agreementsDueFrom([signedOn], DEFAULT_REVIEW_SETTINGS));

    await section.getByRole('button', { name: 'Access needs reviewed' }).click();
    await dialog.getByText(`${name}'s access needs review recorded; the next is due `).waitFor();
    expect((await involvement(staying)).accessReviewedDate).toBe(today);
    expect(await dialog.evaluate(() => Boolean(document.activeElement?.closest('[role="dialog"]')))).toBe(true);
  });

  it('ends the involvement at the end of the term with the reason kept, in the store', async () => {
    await page.setViewportSize({ width: 320, height: 640 });
    const { tab, reviews } = await openAgenda(page, 'light');
    const { dialog, section } = await reviewsSectionFrom(tab, reviews, leaving);
    const { name } = await reviewsOf(leaving);
    await section.getByRole('button', { name: 'End at the end of the term' }).click();
    const form = section.getByRole('form', { name: 'End the involvement' });
    await form.getByRole('checkbox', { name: 'An exit conversation was offered' }).check();
    await form.getByRole('button', { name: 'End the involvement' }).click();
    await dialog.getByText(`${name}'s involvement has ended.`).waitFor();
    const ended = await involvement(leaving);
    expect({ stage: ended.stage, reason: ended.stageReason, exit: ended.exitConversationOffered }).toEqual({
      stage: 'Ended',
      reason: 'Their term of office came to an end.',
      exit: true,
    });
  });
});
