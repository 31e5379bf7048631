import { Spinner, Text } from '@fluentui/react-components';
import { useRef } from 'react';
import type { ApiClient } from '../api/client';
import type { CalendarDate, ClaimLine, ClaimStatus } from '../api/types';
import { OutcomeRegion, useFocusIfLost } from '../shared/action-message';
import { LoadError } from '../shared/load-error';
import { Section } from '../shared/section';
import { useLoad } from '../shared/use-load';
import { ClaimList } from './claim-card';
import { FinanceExport } from './finance-export';
import { useClaimActions } from './use-claim-actions';

/** The groups the view shows, in order: those waiting for a decision first. */
const GROUPS: ReadonlyArray<{ readonly status: ClaimStatus; readonly title: string }> = [
  { status: 'Submitted', title: 'Waiting for approval' },
  { status: 'Draft', title: 'Drafts, not yet submitted' },
  { status: 'Approved', title: 'Approved, for the next finance export' },
  { status: 'Rejected', title: 'Rejected' },
  { status: 'Paid', title: 'Paid' },
];

/** The claims in one state; those waiting for approval longest first, the others newest activity first (as the server sends them). */
function inState(lines: readonly ClaimLine[], status: ClaimStatus): ClaimLine[] {
  const found = lines.filter((line) => line.claim.status === status);
  if (status !== 'Submitted') return found;
  return found.sort((a, b) => (a.claim.submittedAt ?? '').localeCompare(b.claim.submittedAt ?? ''));
}

/** Props for {@link PaymentsView}. */
export interface PaymentsViewProps {
  readonly api: ApiClient;
  readonly workstreamId: number;
  readonly today: CalendarDate;
  /** Whether the person is in the Engagement team, who export to finance and may approve over a partner's cap. */
  readonly engagementTeam: boolean;
}

/**
 * A workstream's claims for involvement payments and expenses by state, those waiting
 * for approval first with how long they have waited, each with the steps it is ready
 * for; and, for the Engagement team, the export to finance.
 */
export function PaymentsView({ api, workstreamId, today, engagementTeam }: PaymentsViewProps) {
  const claims = useLoad(`claims:${workstreamId}`, (signal) => api.workstreamClaims(workstreamId, signal));
  const actions = useClaimActions(api, claims.refresh);
  const outcome = useRef<HTMLDivElement>(null);
  // An approved or rejected claim moves to another group, and the button pressed goes with it: the focus goes to what was done.
  useFocusIfLost(outcome, actions.outcome.kind === 'done' || actions.outcome.kind === 'refused');
  if (claims.status === 'loading') return <Spinner label="Loading the claims…" />;
  if (claims.status === 'error') return <LoadError title="Could not load the claims" failure={claims} />;
  const lines = claims.data;
  return (
    <div>
      <OutcomeRegion ref={outcome} outcome={actions.outcome} shown={actions.outcome.kind === 'done'} />
      {lines.length === 0 && <Text block>No claims yet. Record one from a partner&apos;s panel.</Text>}
      {GROUPS.map(({ status, title }) => {
        const shown = inState(lines, status);
        if (shown.length === 0) return null;
        return (
          <Section key={status} level={3} title={`${title} (${shown.length})`}>
            <ClaimList lines={shown} today={today} showPartner engagementTeam={engagementTeam} actions={actions} />
          </Section>
        );
      })}
      {engagementTeam && (
        <Section level={3} title="Export to finance">
          <FinanceExport api={api} today={today} onExported={claims.refresh} />
        </Section>
      )}
    </div>
  );
}
