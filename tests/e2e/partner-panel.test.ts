import type { Page } from 'playwright-core';
import { axeViolations } from './axe';
import { startE2e, type E2e } from './browser';
import { openTabIn, type TabTheme } from './teams-test-host';

const EXPENSES_POLICY = 'https://example.org/policies/expenses.pdf';

let e2e: E2e;
let page: Page;

beforeAll(async () => {
  e2e = await startE2e({}, { DOC_EXPENSES_POLICY_URL: EXPENSES_POLICY });
  page = await e2e.browser.newPage();
});
afterAll(async () => {
  await e2e?.close();
});

interface Row {
  readonly involvementId: number;
  readonly name: string;
  readonly stage: string;
  readonly peerNetworkStatus: string;
}

/** A partner in induction who was invited to the Peer Support Network and has not answered, with their workstream, from the demo data. */
async function invitedInInduction(): Promise<{ workstream: { id: number; title: string }; row: Row }> {
  const workstreams = (await (await fetch(`${e2e.server.url}/api/workstreams`)).json()) as Array<{ id: number; title: string }>;
  for (const workstream of workstreams) {
    const dashboard = (await (await fetch(`${e2e.server.url}/api/workstreams/${workstream.id}/dashboard`)).json()) as { rows: Row[] };
    const row = dashboard.rows.find((candidate) => candidate.stage === 'Induction' && candidate.peerNetworkStatus === 'Invited');
    if (row) return { workstream, row };
  }
  throw new Error('No partner in induction has an unanswered invitation in the demo data');
}

/** Whether the keyboard focus is inside the open partner panel. */
function focusInPanel(): Promise<boolean> {
  return page.evaluate(() => Boolean(document.activeElement?.closest('[role="dialog"]')));
}

describe('the partner panel, in a browser', () => {
  it('links the checklist to the expenses policy, records the answer to the Peer Support Network and sets the cadence, refusals under the field', async () => {
    const { workstream, row } = await invitedInInduction();
    await page.goto(`${e2e.server.url}/tab/?workstream=${workstream.id}`);
    await page.getByRole('heading', { level: 2, name: workstream.title }).waitFor();
    await page.getByRole('table').getByRole('button', { name: row.name, exact: true }).click();
    const dialog = page.getByRole('dialog', { name: row.name });
    await dialog.getByRole('heading', { name: 'One-to-ones' }).waitFor();

    const link = dialog.getByRole('list', { name: 'Induction checklist' }).getByRole('link', { name: 'Open the expenses policy' });
    expect(await link.getAttribute('href')).toBe(EXPENSES_POLICY);

    const network = dialog.getByRole('region', { name: 'Peer Support Network' });
    await network.getByRole('button', { name: 'Record that they joined' }).click();
    await dialog.getByText(/^Recorded: .* joined the Peer Support Network\.$/).waitFor();
    await network.getByText(/ joined on /).waitFor();
    expect(await network.getByRole('button', { name: 'Take back the invitation' }).count()).toBe(0);
    expect(await focusInPanel()).toBe(true);

    const cadence = dialog.getByRole('form', { name: 'One-to-one cadence' });
    const weeks = cadence.getByRole('spinbutton', { name: 'One-to-one every (weeks)' });
    await weeks.fill('60');
    await weeks.press('Enter');
    await cadence.getByText(/52/).waitFor();
    await weeks.fill('6');
    await cadence.getByRole('button', { name: 'Set cadence' }).click();
    await dialog.getByText(/^One-to-ones for .* are now every 6 weeks\.$/).waitFor();
    await cadence.getByText('Now every 6 weeks.').waitFor();
    expect(await focusInPanel()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('fills in the equality monitoring form with a partner on a phone, shows only that it was answered, with no axe-core violations and nothing sideways', async () => {
    const [workstream] = (await (await fetch(`${e2e.server.url}/api/workstreams`)).json()) as Array<{ id: number; title: string }>;
    const { rows } = (await (await fetch(`${e2e.server.url}/api/workstreams/${workstream.id}/dashboard`)).json()) as { rows: Row[] };
    const { name } = rows[rows.length - 1];
    await page.setViewportSize({ width: 320, height: 640 });
    await page.goto(`${e2e.server.url}/tab/?workstream=${workstream.id}`);
    await page.getByRole('heading', { level: 2, name: workstream.title }).waitFor();
    await page.getByRole('button', { name, exact: true }).click();
    const monitoring = page.getByRole('dialog', { name }).getByRole('region', { name: 'Equality monitoring' });
    await monitoring.getByRole('button', { name: 'Fill in the form with them' }).click();
    const form = monitoring.getByRole('form', { name: 'Equality monitoring form' });
    await form.getByRole('button', { name: 'Send the answers' }).waitFor();
    const sideways = () => page.evaluate(() => (document.scrollingElement ?? document.documentElement).scrollWidth > window.innerWidth);
    expect({ sideways: await sideways(), violations: await axeViolations(page) }).toEqual({ sideways: false, violations: [] });
    await form.getByRole('combobox').first().selectOption({ index: 1 });
    await form.getByRole('button', { name: 'Send the answers' }).click();
    await monitoring.getByText('Answered', { exact: true }).waitFor();
    expect(await monitoring.getByRole('button').count()).toBe(0);
    expect({ sideways: await sideways(), violations: await axeViolations(page) }).toEqual({ sideways: false, violations: [] });
  });
});

describe.each(['light', 'dark', 'contrast'] as const)('the equality monitoring form in the %s theme', (theme: TabTheme) => {
  it.each([320, 1280])('is open with every question, with nothing sideways and no axe-core violations, %i px wide', async (width) => {
    const [, workstream] = (await (await fetch(`${e2e.server.url}/api/workstreams`)).json()) as Array<{ id: number; title: string }>;
    const { rows } = (await (await fetch(`${e2e.server.url}/api/workstreams/${workstream.id}/dashboard`)).json()) as { rows: Row[] };
    const { name } = rows[0];
    const themed = await e2e.browser.newPage();
    await themed.setViewportSize({ width, height: width === 320 ? 640 : 900 });
    const tab = await openTabIn(themed, e2e.server.url, theme, `?workstream=${workstream.id}`);
    await tab.getByRole('heading', { level: 2, name: workstream.title }).waitFor();
    await tab
      .getByRole(width === 320 ? 'list' : 'table', { name: 'Partners', exact: true })
      .getByRole('button', { name, exact: true })
      .click();
    const monitoring = tab.getByRole('dialog', { name }).getByRole('region', { name: 'Equality monitoring' });
    await monitoring.getByRole('button', { name: 'Fill in the form with them' }).click();
    const form = monitoring.getByRole('form', { name: 'Equality monitoring form' });
    await form.getByRole('button', { name: 'Send the answers' }).waitFor();
    const sideways = await tab.evaluate(() => (document.scrollingElement ?? document.documentElement).scrollWidth > window.innerWidth);
    const panelFits = await tab.getByRole('dialog', { name }).evaluate((dialog) => dialog.scrollWidth <= dialog.clientWidth);
    expect({ sideways, panelFits, questions: await form.getByRole('combobox').count(), violations: await axeViolations(tab) }).toEqual({
      sideways: false,
      panelFits: true,
      questions: 8,
      violations: [],
    });
    await themed.close();
  });
});
