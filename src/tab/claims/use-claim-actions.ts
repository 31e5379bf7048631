import { useState } from 'react';
import type { ApiClient, NewClaim } from '../api/client';
import { ApiError } from '../api/parse';
import type { ClaimLine } from '../api/types';
import { useAction, useChangeKeys, type ActionOutcome } from '../shared/use-action';
import { messageOf } from '../shared/use-load';

/** What was last asked of one claim and refused: the server's sentence, and whether it was the partner's cap. */
export interface ClaimRefusal {
  readonly claimId: number;
  readonly message: string;
  /** The reason field's own message, when that was what was wrong. */
  readonly reason: string | null;
  readonly overCap: boolean;
}

/** What {@link useClaimActions} gives back. */
export interface ClaimActions {
  readonly outcome: ActionOutcome;
  readonly busy: boolean;
  /** The last change refused, with the claim it was asked of. */
  readonly refusal: ClaimRefusal | null;
  /** Saves a Draft's changed details, and submits it too when asked; true once done. */
  change(line: ClaimLine, changed: NewClaim, submit: boolean): Promise<boolean>;
  withdraw(line: ClaimLine): void;
  submit(line: ClaimLine): void;
  approve(line: ClaimLine, adviceHadAndGoesOverCap: boolean): void;
  reject(line: ClaimLine, reason: string): void;
}

/**
 * Changing, withdrawing, submitting, approving and rejecting claims, one at a time: what was done is said once,
 * a refusal beside the claim it was asked of, in the server's words, noting when it was
 * the partner's cap (which the Engagement team may then go over, recording the advice).
 */
export function useClaimActions(api: ApiClient, onSaved: () => void): ClaimActions {
  const action = useAction(onSaved);
  const keys = useChangeKeys();
  const [refusal, setRefusal] = useState<ClaimRefusal | null>(null);
  const act = async (line: ClaimLine, what: unknown, request: (key: string) => Promise<void>, done: string) => {
    const claimId = line.claim.id;
    setRefusal(null);
    const made = await action.run(async () => {
      try {
        await request(keys.keyFor([what, claimId]));
      } catch (error) {
        const known = error instanceof ApiError ? error : null;
        setRefusal({ claimId, message: messageOf(error), reason: known?.fields.reason ?? null, overCap: known?.code === 'over-cap' });
        throw error;
      }
    }, done);
    if (made) keys.succeeded();
    return made;
  };
  return {
    outcome: action.outcome,
    busy: action.outcome.kind === 'busy',
    refusal,
    change: (line, changed, submit) =>
      act(
        line,
        ['change', changed, submit],
        async (key) => {
          // A half or full day left out is none: the change sets every field the form shows.
          const saved = await api.editClaim(line.claim, { dayLength: null, ...changed }, key);
          if (submit) await api.submitClaim(saved, `${key}-submit`);
        },
        submit ? `${line.partnerName}'s claim is changed and submitted for approval.` : `${line.partnerName}'s draft claim is changed.`,
      ),
    withdraw: (line) =>
      void act(
        line,
        'withdraw',
        (key) => api.withdrawClaim(line.claim, key),
        `${line.partnerName}'s draft claim is withdrawn and deleted.`,
      ),
    submit: (line) =>
      void act(line, 'submit', (key) => api.submitClaim(line.claim, key), `${line.partnerName}'s claim is submitted for approval.`),
    approve: (line, overCap) =>
      void act(
        line,
        ['approve', overCap],
        (key) => api.approveClaim(line.claim, overCap, key),
        overCap
          ? `${line.partnerName}'s claim is approved over their cap, with their benefits advice recorded.`
          : `${line.partnerName}'s claim is approved.`,
      ),
    reject: (line, reason) =>
      void act(line, ['reject', reason], (key) => api.rejectClaim(line.claim, reason, key), `${line.partnerName}'s claim is rejected.`),
  };
}
