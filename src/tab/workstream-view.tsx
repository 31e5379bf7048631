import { Body1, Caption1, Spinner, Subtitle1, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useId } from 'react';
import type { ApiClient } from './api/client';
import { PartnersTable } from './partners/partners-table';
import { StageSummary } from './partners/stage-summary';
import { RolesList } from './roles/roles-list';
import { shortDate } from './shared/format';
import { LoadError } from './shared/load-error';
import { useLoad } from './shared/use-load';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXL,
  },
  section: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  heading: {
    margin: 0,
  },
});

/** Props for {@link WorkstreamView}. */
export interface WorkstreamViewProps {
  readonly api: ApiClient;
  readonly workstreamId: number;
  /** Called when the dashboard has loaded (null) or failed (the message), so Teams can be told. */
  readonly onSettled: (failure: string | null) => void;
}

/** One workstream's dashboard: its stage counts, partners and roles, read in one call. */
export function WorkstreamView({ api, workstreamId, onSettled }: WorkstreamViewProps) {
  const styles = useStyles();
  const titleId = useId();
  const partnersId = useId();
  const rolesId = useId();
  const dashboard = useLoad(`dashboard:${workstreamId}`, (signal) => api.dashboard(workstreamId, signal));

  const failure = dashboard.status === 'error' ? dashboard.message : null;
  useEffect(() => {
    if (dashboard.status !== 'loading') onSettled(failure);
  }, [dashboard.status, failure, onSettled]);

  if (dashboard.status === 'loading') return <Spinner label="Loading the workstream…" />;
  if (dashboard.status === 'error') {
    return <LoadError title="Could not load this workstream" message={dashboard.message} onRetry={dashboard.retry} />;
  }
  const { workstream, today, rows, roles, stageCounts, needsAttention } = dashboard.data;
  return (
    <div className={styles.root}>
      <section className={styles.section} aria-labelledby={titleId}>
        <Subtitle1 as="h2" id={titleId} className={styles.heading}>
          {workstream.title}
        </Subtitle1>
        {workstream.description && <Body1>{workstream.description}</Body1>}
        <Caption1>Dates and due states as of {shortDate(today)}.</Caption1>
        <StageSummary stageCounts={stageCounts} needsAttention={needsAttention} />
      </section>
      <section className={styles.section} aria-labelledby={partnersId}>
        <Subtitle2 as="h3" id={partnersId} className={styles.heading}>
          Partners
        </Subtitle2>
        <PartnersTable rows={rows} labelledBy={partnersId} />
      </section>
      <section className={styles.section} aria-labelledby={rolesId}>
        <Subtitle2 as="h3" id={rolesId} className={styles.heading}>
          Roles
        </Subtitle2>
        <RolesList roles={roles} labelledBy={rolesId} />
      </section>
    </div>
  );
}
