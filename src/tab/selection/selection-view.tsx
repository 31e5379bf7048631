import { Field, Select, Spinner, TableCell, TableRow, Text, makeStyles } from '@fluentui/react-components';
import { useState } from 'react';
import type { ApiClient } from '../api/client';
import type { SelectionRole, SelectionSummary, VerdictCounts } from '../api/types';
import { CountLines, CountsTable, CountsView } from '../shared/counts-view';
import { DownloadButton } from '../shared/download-button';
import { LoadError } from '../shared/load-error';
import { useRowStyles } from '../shared/row-styles';
import { Section } from '../shared/section';
import { useLoad } from '../shared/use-load';

const useStyles = makeStyles({
  // A native select is as wide as its longest option; role names can be long, so it keeps to the width there is.
  choose: {
    maxWidth: '100%',
    minWidth: 0,
  },
  chooseSelect: {
    width: '100%',
    textOverflow: 'ellipsis',
  },
  table: {
    minWidth: '36rem',
  },
});

/**
 * How each role's partners were selected, for the Engagement team: choose a role, then
 * how many expressed interest, had the informal chat, were offered it or not progressed,
 * and how each criterion was judged at those decisions, with its CSV. Counts only, as
 * the server gives them.
 */
export function SelectionView({ api }: { readonly api: ApiClient }) {
  const roles = useLoad('selection-roles', (signal) => api.selectionRoles(signal));
  if (roles.status === 'loading') return <Spinner label="Loading the roles…" />;
  if (roles.status === 'error') return <LoadError title="Could not load the roles" failure={roles} />;
  if (roles.data.length === 0) return <Text>No role has taken interest yet, so there is no selection to show.</Text>;
  return <ChooseRole roles={roles.data} api={api} />;
}

const roleName = (role: SelectionRole): string => `${role.workstreamTitle}: ${role.title} (${role.status})`;

function ChooseRole({ roles, api }: { readonly roles: readonly SelectionRole[]; readonly api: ApiClient }) {
  const styles = useStyles();
  const [roleId, setRoleId] = useState(roles[0].roleId);
  const summary = useLoad(`selection-${roleId}`, (signal) => api.selectionSummary(roleId, signal));
  return (
    <CountsView>
      <Section title="Selection">
        <Field label="Role" className={styles.choose}>
          <Select
            className={styles.choose}
            select={{ className: styles.chooseSelect }}
            value={String(roleId)}
            onChange={(_event, data) => setRoleId(Number(data.value))}
          >
            {roles.map((role) => (
              <option key={role.roleId} value={String(role.roleId)}>
                {roleName(role)}
              </option>
            ))}
          </Select>
        </Field>
        {summary.status === 'loading' && <Spinner label="Loading how this role’s partners were selected…" />}
        {summary.status === 'error' && <LoadError title="Could not load this role’s selection" failure={summary} />}
        {summary.status === 'ready' && <Counts summary={summary.data} api={api} />}
      </Section>
      {summary.status === 'ready' && summary.data.byCriterion.length > 0 && <Criteria summary={summary.data} />}
    </CountsView>
  );
}

function Counts({ summary, api }: { readonly summary: SelectionSummary; readonly api: ApiClient }) {
  const lines = [
    `Expressed interest: ${summary.expressedInterest}`,
    `Had the informal chat: ${summary.chattedWith}`,
    `Offered the role: ${summary.offered}`,
    `Not progressed: ${summary.notProgressed}`,
  ];
  const without = summary.offeredWithoutCriteria + summary.notProgressedWithoutCriteria;
  if (without > 0) lines.push(`Decided with a reason but no criteria to judge against: ${without}`);
  return (
    <>
      <CountLines lines={lines} label={`Counts for ${summary.roleTitle}`} />
      {summary.criteria.length === 0 && <Text>This role has no selection criteria yet.</Text>}
      <DownloadButton fetchFile={() => api.download('selectionCsv', { roleId: summary.roleId })}>Download this role (CSV)</DownloadButton>
    </>
  );
}

const verdicts = (counts: VerdictCounts): string =>
  `${counts.Met} met, ${counts['Not met']} not met, ${counts['Not assessed']} not assessed`;

function Criteria({ summary }: { readonly summary: SelectionSummary }) {
  const styles = useStyles();
  const rowStyles = useRowStyles();
  return (
    <CountsTable
      title="Judged against each criterion"
      label={`Criteria for ${summary.roleTitle}`}
      columns={['Criterion', 'When offered', 'When not progressed']}
      className={styles.table}
    >
      {summary.byCriterion.map((row) => (
        <TableRow key={row.criterion} className={rowStyles.row}>
          <TableCell>{row.current ? row.criterion : `${row.criterion} (no longer a criterion)`}</TableCell>
          <TableCell>{verdicts(row.offered)}</TableCell>
          <TableCell>{verdicts(row.notProgressed)}</TableCell>
        </TableRow>
      ))}
    </CountsTable>
  );
}
