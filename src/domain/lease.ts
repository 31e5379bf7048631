/** What came of asking for a lease: the work ran while this instance held it, or another instance holds it. */
export type LeaseOutcome<T> =
  | {
      readonly ran: true;
      readonly result: T;
      /** True when the lease could not be renewed or given back before the work ended: another instance may have taken it meanwhile. */
      readonly leaseLost: boolean;
    }
  | { readonly ran: false };

/**
 * A lease that elects one instance at a time to do a piece of scheduled work (the
 * reminders tick). A holder that stops renewing, having crashed, loses it after the
 * lease's duration, and the next instance to ask takes it over. It spares duplicate
 * work; it does not by itself make anything happen exactly once.
 */
export interface Lease {
  /** Runs `work` if the lease is free, holding it until the work ends; resolves `{ ran: false }` without running otherwise. */
  runIfFree<T>(work: () => Promise<T>): Promise<LeaseOutcome<T>>;
}

/** The lease of a single instance: free unless its own work is still running (a scheduled tick, or a run started over HTTP). */
export function localLease(): Lease {
  let running = false;
  return {
    async runIfFree(work) {
      if (running) return { ran: false };
      running = true;
      try {
        return { ran: true, result: await work(), leaseLost: false };
      } finally {
        running = false;
      }
    },
  };
}
