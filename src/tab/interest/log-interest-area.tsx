import { Button, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { lazy, Suspense, useState } from 'react';
import type { ApiClient } from '../api/client';
import type { RoleSummary } from '../api/types';
import { Section } from '../shared/section';
import { useReturnFocus } from '../shared/use-return-focus';

// Loaded on first use: most visits to the workstream log no interest.
const LogInterest = lazy(() => import('./log-interest').then((module) => ({ default: module.LogInterest })));

const useStyles = makeStyles({
  closed: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
  },
  // On a line of its own under the search it sits beside, no wider than the page however long a role's title.
  open: {
    flexBasis: '100%',
    minWidth: 0,
  },
});

/** Props for {@link LogInterestArea}. */
export interface LogInterestAreaProps {
  readonly api: Pick<ApiClient, 'interestGuidance' | 'logInterest'>;
  readonly roles: readonly RoleSummary[];
  /** Called once the interest is logged: the partners are read again and the new one opened, to acknowledge it. */
  readonly onLogged: (logged: { readonly involvementId: number; readonly name: string }) => void;
}

/** "Log interest" above the workstream's partners, opening the form in place. */
export function LogInterestArea({ api, roles, onLogged }: LogInterestAreaProps) {
  const styles = useStyles();
  const [open, setOpen] = useState(false);
  // Whose interest was logged last, said beside the button while their panel opens.
  const [logged, setLogged] = useState<string | null>(null);
  const { opener, returnFocus } = useReturnFocus<HTMLButtonElement>();
  if (!open) {
    return (
      <div className={styles.closed}>
        <Button
          ref={opener}
          onClick={() => {
            setLogged(null);
            setOpen(true);
          }}
        >
          Log interest
        </Button>
        <Text role="status">{logged && `Interest logged for ${logged}.`}</Text>
      </div>
    );
  }
  return (
    <Section level={3} title="Log interest" className={styles.open}>
      <Suspense fallback={<Spinner size="small" label="Opening the form…" />}>
        <LogInterest
          api={api}
          roles={roles}
          onLogged={(made) => {
            setOpen(false);
            setLogged(made.name);
            onLogged(made);
          }}
          onDismiss={() => {
            setOpen(false);
            returnFocus();
          }}
        />
      </Suspense>
    </Section>
  );
}
