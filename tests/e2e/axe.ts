import axe from 'axe-core';
import type { Frame, Page } from 'playwright-core';

/** One axe-core violation, reduced to what a failing test should print. */
export interface Violation {
  readonly id: string;
  readonly help: string;
  readonly targets: string[];
}

/**
 * Runs axe-core (WCAG 2.1 A and AA rules, and best practice) on what `target` shows
 * now, once every animation has finished. Tabster's focus guards (`data-tabster-dummy`: invisible, aria-hidden and
 * focusable by design, they hand focus straight on) are left out; everything else counts.
 */
export async function axeViolations(target: Page | Frame): Promise<Violation[]> {
  // Fluent's motion fades panels in; contrast measured mid-fade would be wrong either way.
  await target.waitForFunction(() => document.getAnimations().every((animation) => animation.playState !== 'running'));
  await target.evaluate(axe.source);
  const results = await target.evaluate(() =>
    (window as unknown as { axe: typeof axe }).axe.run(
      { include: [['body']], exclude: [['[data-tabster-dummy]']] },
      {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
      },
    ),
  );
  return results.violations.map((violation) => ({
    id: violation.id,
    help: violation.help,
    targets: violation.nodes.map((node) => node.target.join(' ')),
  }));
}
