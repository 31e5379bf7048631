import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { Add16Regular } from '@fluentui/react-icons';
import { useLayoutEffect, useRef, useState } from 'react';
import type { ApiClient } from '../api/client';
import type { RoleSummary } from '../api/types';
import { RoleEditor } from './role-editor';
import { RolesList } from './roles-list';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
  },
  plan: {
    alignSelf: 'flex-start',
  },
});

/** Props for {@link RolesPanel}. */
export interface RolesPanelProps {
  readonly api: ApiClient;
  readonly workstreamId: number;
  /** The workstream's roles as its dashboard lists them. */
  readonly roles: readonly RoleSummary[];
  /** The id of the tab that names the view. */
  readonly labelledBy: string;
  /** Called after a role changed, so the workstream is read again. */
  readonly onChanged: () => void;
}

/** What the view shows: the list, a new role being planned, or one role. */
type Shown = { readonly kind: 'list' } | { readonly kind: 'role'; readonly roleId: number | null };

/**
 * The workstream's roles: the list, "Plan a role", and one role opened to edit and
 * move on. Back at the list, the focus returns to the button that opened the role.
 */
export function RolesPanel({ api, workstreamId, roles, labelledBy, onChanged }: RolesPanelProps) {
  const styles = useStyles();
  const [shown, setShown] = useState<Shown>({ kind: 'list' });
  const list = useRef<HTMLDivElement>(null);
  const returnTo = useRef<string | null>(null);
  useLayoutEffect(() => {
    if (shown.kind !== 'list' || returnTo.current === null) return;
    list.current?.querySelector<HTMLElement>(`[data-opens="${returnTo.current}"]`)?.focus();
    returnTo.current = null;
  }, [shown]);
  if (shown.kind === 'role') {
    return (
      <RoleEditor
        api={api}
        workstreamId={workstreamId}
        roleId={shown.roleId}
        onChanged={onChanged}
        onBack={() => {
          returnTo.current ??= 'new';
          setShown({ kind: 'list' });
        }}
      />
    );
  }
  const open = (roleId: number | null) => {
    returnTo.current = roleId === null ? null : String(roleId);
    setShown({ kind: 'role', roleId });
  };
  return (
    <div ref={list} className={styles.root}>
      <Button className={styles.plan} appearance="primary" icon={<Add16Regular />} data-opens="new" onClick={() => open(null)}>
        Plan a role
      </Button>
      <RolesList roles={roles} labelledBy={labelledBy} onOpen={open} />
    </div>
  );
}
