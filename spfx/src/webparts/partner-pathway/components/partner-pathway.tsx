import * as React from 'react';
import {
  Badge,
  FluentProvider,
  Link,
  MessageBar,
  MessageBarBody,
  Spinner,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  tokens,
  type BadgeProps,
  type Theme,
} from '@fluentui/react-components';
import type { Dashboard } from '../contract';
import { PathwayProblem, type PathwayApi, type Problem } from '../pathway-api';
import { partnerRows, type PartnerRow } from '../partner-rows';

/** What the web part shows, as its settings and the SharePoint page give them. */
export interface PartnerPathwayProps {
  /** The app's API, signed in as the person; null until the app's address and Entra app are set. */
  readonly api: PathwayApi | null;
  /** The workstream chosen in the settings; 0 when none is. */
  readonly workstreamId: number;
  /** The Teams app's id, for links into its tab; empty for no links. */
  readonly teamsAppId: string;
  /** The SharePoint page's theme, as Fluent v9 reads it (`fluentThemeOf`). */
  readonly theme: Theme;
}

type State =
  | { readonly kind: 'loading' }
  | { readonly kind: 'problem'; readonly problem: Problem }
  | { readonly kind: 'no-workstream' }
  | { readonly kind: 'choose-workstream' }
  | { readonly kind: 'dashboard'; readonly dashboard: Dashboard };

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingVerticalS,
  },
  scroll: { overflowX: 'auto' },
  stack: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: tokens.spacingVerticalXXS },
});

const DUE_COLOUR: Record<PartnerRow['dueState'], BadgeProps['color']> = {
  overdue: 'danger',
  'due-soon': 'warning',
  'on-track': 'success',
  none: 'informative',
};

/** What to tell the person for each problem, and what they (or whom they ask) can do about it. */
function problemMessage(problem: Problem): string {
  switch (problem.kind) {
    case 'not-approved':
      return 'This site cannot sign you in to Partner Pathway yet. Ask your SharePoint administrator to approve the web part’s API permission (Partner Pathway tab, access_as_user) in the SharePoint admin center, under Advanced, API access.';
    case 'unreachable':
      return 'Partner Pathway could not be reached. Check the app’s address in the web part’s settings; if it is right, the app may be down, or not yet set up to allow this SharePoint site (SHAREPOINT_WEB_ORIGIN).';
    case 'refused':
      return problem.message;
  }
}

/** The API rejects only with a {@link PathwayProblem}; anything else is the app not answering as itself. */
function problemOf(error: unknown): Problem {
  return error instanceof PathwayProblem ? error.problem : { kind: 'unreachable' };
}

async function load(api: PathwayApi, workstreamId: number): Promise<State> {
  const workstreams = await api.workstreams();
  if (workstreams.length === 0) return { kind: 'no-workstream' };
  if (!workstreamId) return { kind: 'choose-workstream' };
  return { kind: 'dashboard', dashboard: await api.dashboard(workstreamId) };
}

function Message({ intent, children }: { readonly intent: 'info' | 'warning' | 'error'; readonly children: string }): JSX.Element {
  return (
    <MessageBar intent={intent}>
      <MessageBarBody>{children}</MessageBarBody>
    </MessageBar>
  );
}

function PartnersTable({ rows, title }: { readonly rows: readonly PartnerRow[]; readonly title: string }): JSX.Element {
  const styles = useStyles();
  if (rows.length === 0) return <Message intent="info">{`${title} has no partners yet.`}</Message>;
  return (
    <div className={styles.scroll}>
      <Table aria-label={`Partners in ${title}`} size="small">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>Partner</TableHeaderCell>
            <TableHeaderCell>Role</TableHeaderCell>
            <TableHeaderCell>Stage</TableHeaderCell>
            <TableHeaderCell>Induction</TableHeaderCell>
            <TableHeaderCell>Next one-to-one</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((row) => (
            <TableRow key={row.key}>
              <TableCell>
                {row.teamsLink ? (
                  <Link href={row.teamsLink} target="_blank" rel="noreferrer" aria-label={`${row.name}: open in Teams`}>
                    {row.name}
                  </Link>
                ) : (
                  row.name
                )}
              </TableCell>
              <TableCell>{row.roleTitle}</TableCell>
              <TableCell>{row.stage}</TableCell>
              <TableCell>{row.induction}</TableCell>
              <TableCell>
                <div className={styles.stack}>
                  {row.nextDue && <span>{row.nextDue}</span>}
                  <Badge appearance="tint" color={DUE_COLOUR[row.dueState]}>
                    {row.dueWords}
                  </Badge>
                </div>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}

function Body({ state, teamsAppId }: { readonly state: State; readonly teamsAppId: string }): JSX.Element {
  switch (state.kind) {
    case 'loading':
      return <Spinner size="small" label="Loading partners…" />;
    case 'problem':
      return <Message intent={state.problem.kind === 'refused' ? 'warning' : 'error'}>{problemMessage(state.problem)}</Message>;
    case 'no-workstream':
      return (
        <Message intent="info">
          You are not in any Partner Pathway workstream yet. Ask your workstream’s lead or the Engagement team to add you.
        </Message>
      );
    case 'choose-workstream':
      return <Message intent="info">Choose a workstream in the web part’s settings.</Message>;
    case 'dashboard':
      return (
        <>
          <Subtitle2 as="h2">{state.dashboard.workstream.title}</Subtitle2>
          <PartnersTable rows={partnerRows(state.dashboard, teamsAppId)} title={state.dashboard.workstream.title} />
        </>
      );
  }
}

/**
 * A workstream's partners from Partner Pathway: name (a link to them in the Teams tab),
 * role, stage, induction progress and next one-to-one with its due state; or a plain
 * message when the app is not set up, the person is in no workstream, the API permission
 * is not approved, or the app cannot be reached.
 */
export function PartnerPathway({ api, workstreamId, teamsAppId, theme }: PartnerPathwayProps): JSX.Element {
  const styles = useStyles();
  const [state, setState] = React.useState<State>({ kind: 'loading' });
  React.useEffect(() => {
    if (!api) return undefined;
    let current = true;
    setState({ kind: 'loading' });
    load(api, workstreamId).then(
      (next) => {
        if (current) setState(next);
      },
      (error: unknown) => {
        if (current) setState({ kind: 'problem', problem: problemOf(error) });
      },
    );
    return () => {
      current = false;
    };
  }, [api, workstreamId]);
  return (
    <FluentProvider theme={theme}>
      <section className={styles.root} aria-label="Partner Pathway">
        {api ? (
          <Body state={state} teamsAppId={teamsAppId} />
        ) : (
          <Message intent="info">Set the Partner Pathway app’s address and its Entra application ID in the web part’s settings.</Message>
        )}
      </section>
    </FluentProvider>
  );
}
