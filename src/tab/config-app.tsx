import { Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useMemo, useState } from 'react';
import { createPageClient } from './api/page-client';
import { workstreamIdFromEntityId } from './config/tab-settings';
import { ConfigPage, RemovePage, type ConfigChoice } from './config/config-page';
import { LoadError } from './shared/load-error';
import { useLoad } from './shared/use-load';
import type { TeamsConnection, TeamsHost } from './teams/teams-host';
import { Hosted } from './teams/hosted';

const useStyles = makeStyles({
  main: {
    paddingBlock: tokens.spacingVerticalXL,
    paddingInline: tokens.spacingHorizontalXXL,
  },
});

const noToken = async (): Promise<null> => null;

function Configure({ host }: { readonly host: TeamsHost | null }) {
  const styles = useStyles();
  // The page client only: this page changes nothing but starting a workstream, so the change calls stay out of its JavaScript.
  const api = useMemo(() => createPageClient(host ? host.getToken : noToken), [host]);
  const workstreams = useLoad('workstreams', (signal) => api.workstreams(signal));
  const [chosen, setChosen] = useState<ConfigChoice>(() => workstreamIdFromEntityId(host?.pageId ?? null));
  const failure = workstreams.status === 'error' ? workstreams.message : null;
  useEffect(() => {
    if (!host || host.frameContext === 'remove' || workstreams.status === 'loading') return;
    if (failure === null) host.reportLoaded();
    else host.reportFailed(failure);
  }, [host, workstreams.status, failure]);
  if (host?.frameContext === 'remove') {
    return (
      <main className={styles.main}>
        <RemovePage host={host} />
      </main>
    );
  }
  return (
    <main className={styles.main}>
      {workstreams.status === 'loading' && <Spinner label="Loading your workstreams…" />}
      {workstreams.status === 'error' && <LoadError title="Could not load your workstreams" failure={workstreams} />}
      {workstreams.status === 'ready' && (
        <ConfigPage
          workstreams={workstreams.data}
          // Someone in no workstream yet can only start one.
          choice={chosen ?? (workstreams.data.length === 0 ? 'new' : null)}
          onChoose={setChosen}
          onCreate={api.createWorkstream}
          host={host}
        />
      )}
    </main>
  );
}

/** The channel tab's configuration and removal page (`config.html`), once `teams` (see `startTeams`) is connected. */
export function ConfigApp({ teams }: { readonly teams: TeamsConnection }) {
  return <Hosted teams={teams}>{(host) => <Configure host={host} />}</Hosted>;
}
