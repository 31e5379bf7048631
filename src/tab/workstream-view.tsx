import { Body1, Caption1, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { lazy, Suspense, useCallback, useEffect, useId, useRef, useState } from 'react';
import type { ApiClient, Person } from './api/client';
import { PaymentsView } from './claims/lazy';
import type { Dashboard } from './api/types';
import { TemplateEditor } from './induction/lazy';
import { LogInterestArea } from './interest/log-interest-area';
import { rowForPartner, type PartnerShow } from './partners/filter-rows';
import { PartnersSection } from './partners/partners-section';
import { StageSummary } from './partners/stage-summary';
import { PeoplePanel } from './people/lazy';
import { RolesPanel } from './roles/lazy';
import { NARROW_MEDIA } from './shared/breakpoints';
import { shortDate } from './shared/format';
import { LoadError } from './shared/load-error';
import { Section } from './shared/section';
import { partnerShowFromSearch, searchWithPartnerShow } from './shared/url-state';
import { useLoad } from './shared/use-load';
import { ViewTabs } from './shared/view-tabs';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
    [NARROW_MEDIA]: {
      gap: tokens.spacingVerticalM,
    },
  },
});

// Loaded on first use, so the first view needs less JavaScript before it can show.
const AgendaView = lazy(() => import('./one-to-ones/agenda-view').then((module) => ({ default: module.AgendaView })));
const PartnerDrawer = lazy(() => import('./partner-drawer').then((module) => ({ default: module.PartnerDrawer })));

type View = 'partners' | 'one-to-ones' | 'payments' | 'roles' | 'people' | 'checklist';

const VIEW_NAMES: Record<View, string> = {
  partners: 'Partners',
  'one-to-ones': 'One-to-ones',
  payments: 'Payments',
  roles: 'Roles',
  people: 'People',
  checklist: 'Checklist',
};

/** Props for {@link WorkstreamView}. */
export interface WorkstreamViewProps {
  readonly api: ApiClient;
  readonly workstreamId: number;
  /** The workstream's dashboard as read with the page's first screen, shown without reading it again. */
  readonly initialDashboard?: Dashboard;
  /** A partner to open once the workstream has loaded (a deep link from the bot), or null. */
  readonly linkedPartnerId?: number | null;
  /** Called when the dashboard has loaded or was refused (null) or failed (the message), so Teams can be told. */
  readonly onSettled: (failure: string | null) => void;
  /** Who is signed in (their id), to mark them among the people; null until known. */
  readonly myId?: string | null;
  /** Whether they are in the Engagement team (from `/api/me`), who alone download or erase a person's data. */
  readonly engagementTeam?: boolean;
  /** Teams' people picker for adding colleagues; null outside Teams, where a form takes their id and name. */
  readonly pickPeople?: ((title: string) => Promise<Person[]>) | null;
  /** Whether the focus goes to the workstream's title once it has loaded (it was just opened from elsewhere in the page). */
  readonly focusTitle?: boolean;
}

/** Puts the partners shown in the address, so a reload or a shared link shows the same ones. */
function rememberShow(show: PartnerShow): void {
  const search = searchWithPartnerShow(window.location.search, show);
  if (search === window.location.search) return;
  window.history.replaceState(window.history.state, '', `${window.location.pathname}${search}${window.location.hash}`);
}

interface Selected {
  readonly involvementId: number;
  readonly name: string;
}

function AgendaPanel({
  api,
  workstreamId,
  changes,
  onOpen,
}: {
  readonly api: ApiClient;
  readonly workstreamId: number;
  readonly changes: number;
  readonly onOpen: (selected: Selected) => void;
}) {
  const agenda = useLoad(`agenda:${workstreamId}`, (signal) => api.agenda(workstreamId, signal));
  const { refresh } = agenda;
  const seen = useRef(changes);
  useEffect(() => {
    if (seen.current === changes) return;
    seen.current = changes;
    refresh();
  }, [changes, refresh]);
  if (agenda.status === 'loading') return <Spinner label="Loading the one-to-ones…" />;
  if (agenda.status === 'error') return <LoadError title="Could not load the one-to-ones" failure={agenda} />;
  return (
    <Suspense fallback={<Spinner label="Loading the one-to-ones…" />}>
      <AgendaView
        agenda={agenda.data}
        onOpen={(item) => onOpen({ involvementId: item.involvementId, name: item.name })}
        downloadInvitation={(oneToOneId) => api.download('invitation', { oneToOneId })}
      />
    </Suspense>
  );
}

/** One workstream: its stage counts, then partners, one-to-ones, payments, roles, people or its induction checklist template, each view read in one call; a partner opens in a side panel. */
export function WorkstreamView({
  api,
  workstreamId,
  initialDashboard,
  linkedPartnerId = null,
  onSettled,
  myId = null,
  engagementTeam = false,
  pickPeople = null,
  focusTitle = false,
}: WorkstreamViewProps) {
  const styles = useStyles();
  const [view, setView] = useState<View>('partners');
  const [show, setShow] = useState<PartnerShow>(() => partnerShowFromSearch(window.location.search));
  const showPartners = useCallback((chosen: PartnerShow) => {
    setShow(chosen);
    setView('partners');
    rememberShow(chosen);
  }, []);
  const [selected, setSelected] = useState<Selected | null>(null);
  const [panelOpen, setPanelOpen] = useState(false);
  const open = useCallback((partner: Selected) => {
    setSelected(partner);
    setPanelOpen(true);
  }, []);
  const [changes, setChanges] = useState(0);
  const dashboard = useLoad(`dashboard:${workstreamId}`, (signal) => api.dashboard(workstreamId, signal), initialDashboard);
  const { refresh } = dashboard;
  const changed = useCallback(() => {
    refresh();
    setChanges((count) => count + 1);
  }, [refresh]);

  // A refusal of access is shown in the tab in the server's words; Teams need not show its own error page.
  const failure = dashboard.status === 'error' && !dashboard.noAccess ? dashboard.message : null;
  useEffect(() => {
    if (dashboard.status !== 'loading') onSettled(failure);
  }, [dashboard.status, failure, onSettled]);

  const [linkMissed, setLinkMissed] = useState(false);
  const linkFollowed = useRef(false);
  const loadedRows = dashboard.status === 'ready' ? dashboard.data.rows : null;
  useEffect(() => {
    if (linkFollowed.current || linkedPartnerId === null || loadedRows === null) return;
    linkFollowed.current = true;
    const row = rowForPartner(loadedRows, linkedPartnerId);
    if (row) open({ involvementId: row.involvementId, name: row.name });
    else setLinkMissed(true);
  }, [linkedPartnerId, loadedRows, open]);

  const titleId = useId();
  const titleFocused = useRef(false);
  useEffect(() => {
    if (!focusTitle || titleFocused.current || dashboard.status !== 'ready') return;
    titleFocused.current = true;
    document.getElementById(titleId)?.focus();
  }, [focusTitle, dashboard.status, titleId]);

  if (dashboard.status === 'loading') return <Spinner label="Loading the workstream…" />;
  if (dashboard.status === 'error') {
    return <LoadError title="Could not load this workstream" failure={dashboard} />;
  }
  const { workstream, today, rows, roles, stageCounts, needsAttention } = dashboard.data;
  return (
    <div className={styles.root}>
      <Section title={workstream.title} headingId={titleId} focusableHeading={focusTitle}>
        {workstream.description && <Body1>{workstream.description}</Body1>}
        <Caption1>Dates and due states as of {shortDate(today)}.</Caption1>
        <StageSummary stageCounts={stageCounts} needsAttention={needsAttention} show={show} onShow={showPartners} />
        {linkMissed && (
          <Body1 role="status">
            The partner in the link you followed is not in this workstream, or no longer shown to you. Search for them by name below, or
            choose another workstream.
          </Body1>
        )}
      </Section>
      <ViewTabs label="Workstream views" names={VIEW_NAMES} view={view} onSelect={setView}>
        {(labelledBy) => (
          <>
            {view === 'partners' && (
              <PartnersSection
                rows={rows}
                show={show}
                onShow={showPartners}
                labelledBy={labelledBy}
                downloadCsv={() => api.download('partnersCsv', { workstreamId: workstream.id })}
                onOpen={(row) => open({ involvementId: row.involvementId, name: row.name })}
                logInterest={
                  <LogInterestArea
                    api={api}
                    roles={roles}
                    onLogged={(logged) => {
                      changed();
                      open(logged);
                    }}
                  />
                }
              />
            )}
            {view === 'one-to-ones' && <AgendaPanel api={api} workstreamId={workstream.id} changes={changes} onOpen={open} />}
            {view === 'payments' && (
              <Suspense fallback={<Spinner label="Loading the claims…" />}>
                <PaymentsView api={api} workstreamId={workstream.id} today={today} engagementTeam={engagementTeam} />
              </Suspense>
            )}
            {view === 'roles' && (
              <Suspense fallback={<Spinner label="Loading the roles…" />}>
                <RolesPanel api={api} workstreamId={workstream.id} roles={roles} labelledBy={labelledBy} onChanged={changed} />
              </Suspense>
            )}
            {view === 'people' && (
              <Suspense fallback={<Spinner label="Loading the people in this workstream…" />}>
                <PeoplePanel
                  api={api}
                  group={{ workstreamId: workstream.id }}
                  groupName={workstream.title}
                  intro="Members of a workstream see its partners, roles and one-to-ones, here and with the bot. Anyone in the workstream, and the Engagement team, can add or remove people."
                  removalMeans="They will no longer see this workstream's partners, roles or one-to-ones, here or with the bot, and reminders about partners they look after will go to the workstream's channel instead."
                  myId={myId}
                  pickPeople={pickPeople}
                />
              </Suspense>
            )}
            {view === 'checklist' && (
              <Suspense fallback={<Spinner label="Loading the induction template…" />}>
                <TemplateEditor api={api} owner={{ workstreamId: workstream.id }} ownerName={workstream.title} />
              </Suspense>
            )}
          </>
        )}
      </ViewTabs>
      {selected && (
        <Suspense fallback={<Spinner label={`Opening ${selected.name}…`} />}>
          <PartnerDrawer
            key={selected.involvementId}
            api={api}
            open={panelOpen}
            involvementId={selected.involvementId}
            name={selected.name}
            today={today}
            engagementTeam={engagementTeam}
            onClose={() => setPanelOpen(false)}
            onChanged={changed}
          />
        </Suspense>
      )}
    </div>
  );
}
