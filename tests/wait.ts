/** Waiting in tests for what a test needs, never for a fixed time that a busy machine might not meet. */

/** Resolves after `ms`: for letting something that must not happen have its chance, never for waiting on something that must. */
export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** How long {@link until} waits: generous, as a busy machine is slow, not wrong (jest's own limit is longer still). */
const PATIENCE_MS = 240_000;

/** Waits until `condition` holds, checking every 50 ms; fails after {@link PATIENCE_MS}. */
export async function until(condition: () => boolean | Promise<boolean>): Promise<void> {
  const deadline = Date.now() + PATIENCE_MS;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('Timed out waiting');
    await sleep(50);
  }
}
