import { ContainerClient } from '@azure/storage-blob';
import type { Lease, LeaseOutcome } from '../../domain/lease';
import { givenUpAfter, type BlobStateSettings } from './blob-state';

/** Blob Storage takes lease durations of 15 to 60 seconds. */
const DEFAULT_DURATION_SECONDS = 30;

/** 409 (a lease is already there, or the blob already exists) or 412 (a condition or lease id refused). */
function refused(error: unknown): boolean {
  const status = (error as { statusCode?: unknown } | undefined)?.statusCode;
  return status === 409 || status === 412;
}

/**
 * A {@link Lease} held as a blob lease on the blob `name` (for example
 * `leases/reminders`) in the bot state's container, created empty if missing.
 * The lease lasts `durationSeconds` (15 to 60) and is renewed every third of that
 * while the work runs, then released (a renewal or release that fails is reported
 * as `leaseLost`); a holder that crashed stops renewing, so
 * its lease expires and another instance can take it. Bot state keys never
 * contain a slash as blob names (`blobNameOf` in blob-state.ts encodes it), so `leases/...` is
 * the lease's own.
 */
export async function openBlobLease(
  settings: BlobStateSettings & { readonly name: string; readonly durationSeconds?: number },
): Promise<Lease> {
  const durationSeconds = settings.durationSeconds ?? DEFAULT_DURATION_SECONDS;
  const blob = new ContainerClient(settings.connectionString, settings.container).getBlockBlobClient(settings.name);
  try {
    await blob.upload('', 0, { ...givenUpAfter(settings.callTimeoutMs), conditions: { ifNoneMatch: '*' } });
  } catch (error) {
    if (!refused(error)) throw error;
  }
  return {
    async runIfFree<T>(work: () => Promise<T>): Promise<LeaseOutcome<T>> {
      const lease = blob.getBlobLeaseClient();
      try {
        await lease.acquireLease(durationSeconds, givenUpAfter(settings.callTimeoutMs));
      } catch (error) {
        if (refused(error)) return { ran: false };
        throw error;
      }
      // A renewal or release refused (or unanswered) means the lease may have passed to another instance; the run still finishes.
      let leaseLost = false;
      const markLost = () => {
        leaseLost = true;
      };
      const renewal = setInterval(
        () => lease.renewLease(givenUpAfter(settings.callTimeoutMs)).then(undefined, markLost),
        (durationSeconds * 1000) / 3,
      );
      let result: T;
      try {
        result = await work();
      } finally {
        clearInterval(renewal);
        await lease.releaseLease(givenUpAfter(settings.callTimeoutMs)).then(undefined, markLost);
      }
      return { ran: true, result, leaseLost };
    },
  };
}
