import type { Frame, Page } from 'playwright-core';
import { emptyAnswerCounts } from '../../src/domain/equality-monitoring';
import { aContext, creating } from '../store/builders';
import { axeViolations } from './axe';
import { startE2e, type E2e } from './browser';
import { openTabIn, type TabTheme } from './teams-test-host';

let e2e: E2e;

/**
 * Two ended quarters of equality monitoring counts for the first demo workstream (no
 * form in them, so nothing to show but the quarters to choose), written to the store
 * as the form's use case writes them.
 */
async function quartersCounted(): Promise<void> {
  const [workstream] = (await (await fetch(`${e2e.server.url}/api/workstreams`)).json()) as Array<{ id: number }>;
  await e2e.server.store.commit(
    ['2025-Q3', '2025-Q4'].map((quarter) =>
      creating('monitoringTallies', {
        workstreamId: workstream.id,
        quarter,
        responses: 0,
        declined: 1,
        counts: JSON.stringify(emptyAnswerCounts()),
      }),
    ),
    aContext(),
  );
}

beforeAll(async () => {
  e2e = await startE2e();
  await quartersCounted();
});
afterAll(async () => {
  await e2e?.close();
});

/** Opens the Engagement team's personal tab in `theme` on its view called `part`. */
async function openEngagementView(page: Page, theme: TabTheme, part: string): Promise<Page | Frame> {
  const tab = await openTabIn(page, e2e.server.url, theme, '?view=engagement');
  await tab.getByRole('tab', { name: part }).click();
  return tab;
}

/** Whether the page scrolls sideways, which it must not: its scroll width is the window's. */
function scrollsSideways(tab: Page | Frame): Promise<boolean> {
  return tab.evaluate(() => (document.scrollingElement ?? document.documentElement).scrollWidth > window.innerWidth);
}

describe.each<TabTheme>(['light', 'dark', 'contrast'])("the Engagement team's counts views in the %s theme", (theme) => {
  it.each([320, 1280])(
    'show the demo role’s criteria with their verdicts, and a period of two quarters, nothing sideways and no axe-core violations, %i px wide',
    async (width) => {
      const page = await e2e.browser.newPage();
      await page.setViewportSize({ width, height: width === 320 ? 640 : 900 });
      const selection = await openEngagementView(page, theme, 'Selection');
      const criteria = selection.getByRole('table', { name: /^Criteria for / });
      await criteria.waitFor();
      expect(await criteria.getByRole('row').count()).toBeGreaterThan(3);
      expect(await criteria.getByRole('cell', { name: /^\d+ met, \d+ not met, \d+ not assessed$/ }).count()).toBeGreaterThan(0);
      expect({ sideways: await scrollsSideways(selection), violations: await axeViolations(selection) }).toEqual({
        sideways: false,
        violations: [],
      });

      const equality = await openEngagementView(page, theme, 'Equality monitoring');
      const period = equality.getByRole('group', { name: 'Period' });
      await period.getByRole('combobox', { name: 'From the quarter' }).selectOption('2025-Q4');
      await period.getByRole('combobox', { name: 'To the quarter' }).selectOption('2025-Q3');
      await period.getByText('The period must start no later than it ends.').waitFor();
      expect({ sideways: await scrollsSideways(equality), violations: await axeViolations(equality) }).toEqual({
        sideways: false,
        violations: [],
      });
      await period.getByRole('combobox', { name: 'To the quarter' }).selectOption('2025-Q4');
      await equality.getByText(/^The quarter 2025-Q4\. Forms counted: /).waitFor();
      await page.close();
    },
  );
});
