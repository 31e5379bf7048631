import { Badge, Button, Field, Text, Textarea } from '@fluentui/react-components';
import { useLayoutEffect, useRef, useState, type RefObject } from 'react';
import type { NewClaim } from '../api/client';
import type { CalendarDate, ClaimLine } from '../api/types';
import { RefusalMessage } from '../shared/action-message';
import { ConfirmDialog } from '../shared/confirm-dialog';
import { useWordBadgeStyles } from '../shared/badge-styles';
import { useCardListStyles } from '../shared/card-styles';
import type { Refusal } from '../shared/form-refusal';
import { useFormStyles } from '../shared/form-styles';
import { shortDate } from '../shared/format';
import { daysBetween, expenseWords, pounds } from './money';
import { RecordClaimForm } from './record-claim-form';
import type { ClaimActions, ClaimRefusal } from './use-claim-actions';

/** Props for {@link ClaimCard}. */
export interface ClaimCardProps {
  readonly line: ClaimLine;
  readonly today: CalendarDate;
  /** Whether the partner is named (the Payments view) or known already (the partner panel). */
  readonly showPartner: boolean;
  /**
   * Whether the role is paid, so a changed Draft can claim a half or full day; when not
   * known (the Payments view), only a Draft that claims one already offers the choice.
   */
  readonly paidRole?: boolean;
  readonly busy: boolean;
  /** The refusal of the last change asked of this claim, if any. */
  readonly refusal: ClaimRefusal | null;
  /** The refused change in full, with its message for each field, for the form that asked it. */
  readonly formRefusal: Refusal | null;
  /** Whether the person may record that the partner had benefits advice and goes over their cap (the Engagement team). */
  readonly canOverrideCap: boolean;
  /** Saves the Draft's changed details (submitting it too when asked); true once done. */
  readonly onChange: (changed: NewClaim, submit: boolean) => Promise<boolean>;
  readonly onWithdraw: () => void;
  readonly onSubmit: () => void;
  readonly onApprove: (adviceHadAndGoesOverCap: boolean) => void;
  readonly onReject: (reason: string) => void;
}

function waited(submittedAt: string, today: CalendarDate): string {
  const days = daysBetween(submittedAt, today);
  return days <= 0 ? 'since today' : `for ${days} ${days === 1 ? 'day' : 'days'}`;
}

/** Who did what to the claim, and when: the line under its facts. */
function history(line: ClaimLine, today: CalendarDate): string {
  const { claim } = line;
  const recorded = `Recorded by ${claim.recordedBy}.`;
  const submitted = claim.submittedAt ? ` Submitted by ${claim.submittedBy ?? ''} on ${shortDate(claim.submittedAt.slice(0, 10))}.` : '';
  const decided = claim.decidedAt
    ? ` ${claim.status === 'Rejected' ? 'Rejected' : 'Approved'} by ${claim.decidedBy ?? ''} on ${shortDate(claim.decidedAt.slice(0, 10))}.`
    : '';
  const overCap = claim.overCapAgreedBy
    ? ` Over their cap: ${claim.overCapAgreedBy} recorded that they had benefits advice and chose to go over.`
    : '';
  const paid = claim.paidAt
    ? ` Exported to finance and marked Paid by ${claim.paidBy ?? ''} on ${shortDate(claim.paidAt.slice(0, 10))}.`
    : '';
  const waiting =
    claim.status === 'Submitted' && claim.submittedAt
      ? ` Waiting ${waited(claim.submittedAt, today)} for ${claim.approverName ?? 'the Engagement team'} to approve.`
      : '';
  return `${recorded}${submitted}${waiting}${decided}${overCap}${paid}`;
}

/** One claim: whose, when, what for, how much, where it stands and who did what; the steps it is ready for, and why one was refused. */
export function ClaimCard(props: ClaimCardProps) {
  const { line, today, showPartner, paidRole, busy, refusal, formRefusal, canOverrideCap } = props;
  const { onChange, onWithdraw, onSubmit, onApprove, onReject } = props;
  const cards = useCardListStyles();
  const badge = useWordBadgeStyles();
  const form = useFormStyles();
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const [changing, setChanging] = useState(false);
  const [withdrawing, setWithdrawing] = useState(false);
  const changeButton = useRef<HTMLButtonElement>(null);
  const rejectButton = useRef<HTMLButtonElement>(null);
  const backTo = useRef<RefObject<HTMLButtonElement | null> | null>(null);
  // Cancelling a change or a rejection goes back to the button that opened it; saving says what was done (the view's outcome takes the focus).
  useLayoutEffect(() => {
    if (changing || rejecting || !backTo.current) return;
    backTo.current.current?.focus();
    backTo.current = null;
  }, [changing, rejecting]);
  const { claim } = line;
  const refused = refusal?.claimId === claim.id;
  const title = `${showPartner ? `${line.partnerName}: ` : ''}${claim.description}, ${shortDate(claim.activityDate)}`;
  return (
    <article className={cards.card} aria-label={title}>
      <Badge appearance="tint" color={claim.status === 'Rejected' ? 'danger' : 'brand'} className={badge.badge}>
        {claim.status}
      </Badge>
      <dl className={cards.facts}>
        {showPartner && (
          <>
            <dt className={cards.term}>Partner</dt>
            <dd className={cards.value}>{line.partnerName}</dd>
          </>
        )}
        <dt className={cards.term}>Date</dt>
        <dd className={cards.value}>{shortDate(claim.activityDate)}</dd>
        <dt className={cards.term}>Activity</dt>
        <dd className={cards.value}>{claim.description}</dd>
        <dt className={cards.term}>Payment</dt>
        <dd className={cards.value}>
          {claim.dayLength === null
            ? 'None'
            : claim.paymentDeclined
              ? `${claim.dayLength}, payment declined`
              : `${claim.dayLength}, ${pounds(claim.paymentPence)}`}
        </dd>
        <dt className={cards.term}>Expenses</dt>
        <dd className={cards.value}>{line.lines.length === 0 ? 'None' : `${pounds(claim.expensesPence)} (${expenseWords(line)})`}</dd>
        {claim.rejectionReason && (
          <>
            <dt className={cards.term}>Why rejected</dt>
            <dd className={cards.value}>{claim.rejectionReason}</dd>
          </>
        )}
      </dl>
      <Text size={200}>{history(line, today)}</Text>
      {refused && !changing && <RefusalMessage message={refusal.message} />}
      {claim.status === 'Draft' && changing && (
        <RecordClaimForm
          today={today}
          paidRole={paidRole ?? claim.dayLength !== null}
          draft={line}
          busy={busy}
          refusal={refused ? formRefusal : null}
          onSave={(changed, submit) => void onChange(changed, submit).then((made) => made && setChanging(false))}
          onCancel={() => {
            backTo.current = changeButton;
            setChanging(false);
          }}
        />
      )}
      {claim.status === 'Draft' && !changing && (
        <div className={form.buttons}>
          <Button disabledFocusable={busy} onClick={onSubmit}>
            Submit for approval
          </Button>
          <Button ref={changeButton} disabledFocusable={busy} onClick={() => setChanging(true)}>
            Change
          </Button>
          <Button disabledFocusable={busy} onClick={() => setWithdrawing(true)}>
            Withdraw
          </Button>
        </div>
      )}
      <ConfirmDialog
        open={withdrawing}
        title="Withdraw this draft claim?"
        confirmLabel="Withdraw and delete the claim"
        cancelLabel="Keep the draft"
        onConfirm={() => {
          setWithdrawing(false);
          onWithdraw();
        }}
        onCancel={() => setWithdrawing(false)}
      >
        {title}: the draft is deleted, and nothing is claimed. The audit trail keeps a record that it was withdrawn.
      </ConfirmDialog>
      {claim.status === 'Submitted' && !rejecting && (
        <div className={form.buttons}>
          <Button appearance="primary" disabledFocusable={busy} onClick={() => onApprove(false)}>
            Approve
          </Button>
          {canOverrideCap && refusal?.claimId === claim.id && refusal.overCap && (
            <Button disabledFocusable={busy} onClick={() => onApprove(true)}>
              Approve: they had benefits advice and choose to go over their cap
            </Button>
          )}
          <Button ref={rejectButton} disabledFocusable={busy} onClick={() => setRejecting(true)}>
            Reject
          </Button>
        </div>
      )}
      {claim.status === 'Submitted' && rejecting && (
        <form
          className={form.form}
          onSubmit={(event) => {
            event.preventDefault();
            onReject(reason);
          }}
        >
          <Field label="Why it is rejected" required validationMessage={refusal?.claimId === claim.id ? refusal.reason : null}>
            <Textarea value={reason} onChange={(_event, data) => setReason(data.value)} />
          </Field>
          <div className={form.buttons}>
            <Button type="submit" appearance="primary" disabledFocusable={busy}>
              Reject the claim
            </Button>
            <Button
              onClick={() => {
                backTo.current = rejectButton;
                setRejecting(false);
              }}
            >
              Cancel
            </Button>
          </div>
        </form>
      )}
    </article>
  );
}

/** Props for {@link ClaimList}. */
export interface ClaimListProps {
  readonly lines: readonly ClaimLine[];
  readonly today: CalendarDate;
  readonly showPartner: boolean;
  /** Whether the role is paid, where the list is of one role's claims. */
  readonly paidRole?: boolean;
  readonly engagementTeam: boolean;
  readonly actions: ClaimActions;
}

/** Claims as cards, each with the steps it is ready for. */
export function ClaimList({ lines, today, showPartner, paidRole, engagementTeam, actions }: ClaimListProps) {
  const cards = useCardListStyles();
  return (
    <ul className={cards.list}>
      {lines.map((line) => (
        <li key={line.claim.id} className={cards.item}>
          <ClaimCard
            line={line}
            today={today}
            showPartner={showPartner}
            paidRole={paidRole}
            busy={actions.busy}
            refusal={actions.refusal}
            formRefusal={actions.outcome.kind === 'refused' ? actions.outcome : null}
            canOverrideCap={engagementTeam}
            onChange={(changed, submit) => actions.change(line, changed, submit)}
            onWithdraw={() => actions.withdraw(line)}
            onSubmit={() => actions.submit(line)}
            onApprove={(overCap) => actions.approve(line, overCap)}
            onReject={(reason) => actions.reject(line, reason)}
          />
        </li>
      ))}
    </ul>
  );
}
