import type { Frame, Page } from 'playwright-core';
import { aClaim, aContext, creating } from '../store/builders';
import { axeViolations } from './axe';
import { startE2e, type E2e } from './browser';
import { openWorkstreamViewIn, type TabTheme } from './teams-test-host';

let e2e: E2e;
let page: Page;
let workstream: { id: number; title: string };
let partnerName: string;

/**
 * Two claims waiting for approval in the first demo workstream, submitted by a colleague
 * of the local developer (who is in the Engagement team, so may approve them), and a
 * Draft, written to the store as the claims use cases write them.
 */
async function claimsInTheStore(): Promise<void> {
  [workstream] = (await (await fetch(`${e2e.server.url}/api/workstreams`)).json()) as Array<{ id: number; title: string }>;
  const { rows } = (await (await fetch(`${e2e.server.url}/api/workstreams/${workstream.id}/dashboard`)).json()) as {
    rows: Array<{ involvementId: number; partnerId: number; name: string }>;
  };
  const [row] = rows;
  partnerName = row.name;
  const ids = { involvementId: row.involvementId, workstreamId: workstream.id, partnerId: row.partnerId };
  await e2e.server.store.commit(
    [
      creating('claims', aClaim(ids, { description: 'Design group workshop', submittedAt: '2026-05-13T09:15:00.000Z' })),
      creating(
        'claims',
        aClaim(ids, { description: 'Patient panel', activityDate: '2026-05-19', submittedAt: '2026-05-20T09:15:00.000Z' }),
      ),
      creating(
        'claims',
        aClaim(ids, {
          status: 'Draft',
          description: 'Reading group',
          activityDate: '2026-05-05',
          // The demo partner's role is not paid, so the draft claims expenses only, as the server would take it.
          dayLength: null,
          paymentPence: 0,
          submittedById: null,
          submittedBy: null,
          submittedAt: null,
          approverId: null,
          approverName: null,
        }),
      ),
    ],
    aContext(),
  );
}

beforeAll(async () => {
  e2e = await startE2e();
  page = await e2e.browser.newPage();
  await claimsInTheStore();
});
afterAll(async () => {
  await e2e?.close();
});

/** Opens the workstream's Payments view in `theme`, and waits for its claims. */
async function openPayments(theme: TabTheme): Promise<Page | Frame> {
  const tab = await openWorkstreamViewIn(page, e2e.server.url, theme, workstream, 'Payments');
  await tab.getByRole('heading', { name: /^Waiting for approval/ }).waitFor();
  return tab;
}

/** Whether the page scrolls sideways, which it must not. */
function scrollsSideways(tab: Page | Frame): Promise<boolean> {
  return tab.evaluate(() => (document.scrollingElement ?? document.documentElement).scrollWidth > window.innerWidth);
}

describe('the Payments view, in a browser', () => {
  it.each<TabTheme>(['light', 'dark', 'contrast'])(
    'shows the claims waiting for approval with no axe-core violations (%s theme)',
    async (theme) => {
      await page.setViewportSize({ width: 1280, height: 900 });
      const tab = await openPayments(theme);
      await tab.getByRole('region', { name: 'Export to finance' }).waitFor();
      expect(await axeViolations(tab)).toEqual([]);
    },
  );

  it('fits a 320 px phone with nothing sideways, the reject form open too', async () => {
    await page.setViewportSize({ width: 320, height: 640 });
    const tab = await openPayments('light');
    expect(await scrollsSideways(tab)).toBe(false);
    const card = tab.getByRole('article', { name: `${partnerName}: Patient panel, Tue 19 May 2026` });
    await card.getByRole('button', { name: 'Reject' }).click();
    await card.getByRole('textbox', { name: /Why it is rejected/ }).waitFor();
    expect(await scrollsSideways(tab)).toBe(false);
    expect(await axeViolations(tab)).toEqual([]);
  });

  it('approves the claim that has waited longest, end to end', async () => {
    await page.setViewportSize({ width: 1280, height: 900 });
    const tab = await openPayments('light');
    const waiting = tab.getByRole('region', { name: 'Waiting for approval (2)' });
    const first = waiting.getByRole('article').first();
    expect(await first.getAttribute('aria-label')).toBe(`${partnerName}: Design group workshop, Tue 12 May 2026`);
    await first.getByRole('button', { name: 'Approve' }).click();
    await tab.getByText(`${partnerName}'s claim is approved.`).waitFor();
    await tab
      .getByRole('region', { name: 'Approved, for the next finance export (1)' })
      .getByRole('article', { name: `${partnerName}: Design group workshop, Tue 12 May 2026` })
      .waitFor();
    await tab.getByRole('region', { name: 'Waiting for approval (1)' }).waitFor();
    const stored = await e2e.server.store.find({ list: 'claims', where: { status: 'Approved' } });
    expect(stored.map((claim) => [claim.description, claim.decidedBy])).toEqual([['Design group workshop', 'Local Developer']]);
  });

  it('changes a draft at 320 px in the form filled in with it, then withdraws it once confirmed, end to end', async () => {
    await page.setViewportSize({ width: 320, height: 640 });
    const tab = await openPayments('light');
    const drafts = tab.getByRole('region', { name: 'Drafts, not yet submitted (1)' });
    await drafts.getByRole('button', { name: 'Change' }).click();
    const form = drafts.getByRole('form', { name: 'Change the draft claim' });
    const description = form.getByRole('textbox', { name: /What it was/ });
    expect(await description.inputValue()).toBe('Reading group');
    expect(await scrollsSideways(tab)).toBe(false);
    expect(await axeViolations(tab)).toEqual([]);
    await description.fill('Reading group, afternoon');
    await form.getByRole('button', { name: 'Save as draft' }).click();
    await tab.getByText(`${partnerName}'s draft claim is changed.`).waitFor();
    await drafts.getByRole('article', { name: `${partnerName}: Reading group, afternoon, Tue 5 May 2026` }).waitFor();
    expect((await e2e.server.store.find({ list: 'claims', where: { status: 'Draft' } })).map((claim) => claim.description)).toEqual([
      'Reading group, afternoon',
    ]);

    await drafts.getByRole('button', { name: 'Withdraw' }).click();
    const confirm = tab.getByRole('alertdialog', { name: 'Withdraw this draft claim?' });
    await confirm.waitFor();
    expect(await axeViolations(tab)).toEqual([]);
    await confirm.getByRole('button', { name: 'Withdraw and delete the claim' }).click();
    await tab.getByText(`${partnerName}'s draft claim is withdrawn and deleted.`).waitFor();
    await drafts.waitFor({ state: 'detached' });
    expect(await e2e.server.store.find({ list: 'claims', where: { status: 'Draft' } })).toEqual([]);
  });
});
