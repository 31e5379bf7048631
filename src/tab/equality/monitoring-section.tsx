import { Button, Spinner, Text } from '@fluentui/react-components';
import { Suspense, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { ApiClient, MonitoringAnswers, VersionedRef } from '../api/client';
import type { Involvement } from '../api/types';
import { OutcomeRegion, useFocusIfLost } from '../shared/action-message';
import { ConfirmDialog } from '../shared/confirm-dialog';
import { useFormStyles } from '../shared/form-styles';
import { useAction, useChangeKeys } from '../shared/use-action';
import { MonitoringFormView } from './lazy';

/** Props for {@link EqualityMonitoring}. */
export interface EqualityMonitoringProps {
  readonly involvement: VersionedRef & Pick<Involvement, 'monitoring'>;
  /** The partner's name, for what was done. */
  readonly name: string;
  readonly api: ApiClient;
  /** Reads the partner again after a change. */
  readonly onSaved: () => void;
  /** Whether the form may be offered (the server's `fillMonitoring`): once, until answered or declined. */
  readonly canFill: boolean;
  /** Counts the times the panel's "Equality monitoring form" was pressed: each opens the form. */
  readonly asked: number;
}

/**
 * The equality monitoring form offered once with an involvement: filled in with the
 * partner, or declined. Once either is done only that is shown, never what was answered.
 * The form and its code are read only when staff open it.
 */
export function EqualityMonitoring({ involvement, name, api, onSaved, canFill, asked }: EqualityMonitoringProps) {
  const styles = useFormStyles();
  const action = useAction(onSaved);
  const keys = useChangeKeys();
  const [filling, setFilling] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [done, setDone] = useState<'Answered' | 'Declined' | null>(null);
  const outcome = useRef<HTMLDivElement>(null);
  const busy = action.outcome.kind === 'busy';
  // The buttons and the form go once it is done: the focus then goes to what was done.
  useFocusIfLost(outcome, action.outcome.kind === 'done' || action.outcome.kind === 'refused');
  const state = done ?? involvement.monitoring;
  // Closing the form without sending it gives the focus back to the button that opened it.
  const fillButton = useRef<HTMLButtonElement>(null);
  const wasFilling = useRef(false);
  useLayoutEffect(() => {
    if (wasFilling.current && !filling && !state) fillButton.current?.focus();
    wasFilling.current = filling;
  });
  useEffect(() => {
    if (asked > 0) setFilling(true);
  }, [asked]);

  const record = async (what: 'Answered' | 'Declined', request: (key: string) => Promise<void>, message: string) => {
    const made = await action.run(() => request(keys.keyFor([what, involvement.id])), message);
    if (!made) return;
    keys.succeeded();
    setFilling(false);
    setDone(what);
  };
  const submit = (answers: MonitoringAnswers) =>
    void record(
      'Answered',
      (key) => api.submitMonitoring(involvement, answers, key),
      `The equality monitoring form is answered for ${name}, and its answers counted anonymously.`,
    );
  const decline = () => {
    setConfirming(false);
    void record('Declined', (key) => api.declineMonitoring(involvement, key), `Recorded that ${name} would rather not fill in the form.`);
  };

  return (
    <>
      <Text block>Voluntary and anonymous: the answers are kept apart from their record, and nobody can tell whose they are.</Text>
      <OutcomeRegion ref={outcome} outcome={action.outcome} />
      {state ? (
        <Text block>{state}</Text>
      ) : filling ? (
        <Suspense fallback={<Spinner size="tiny" label="Loading the form…" />}>
          <MonitoringFormView involvementId={involvement.id} api={api} busy={busy} onSubmit={submit} onCancel={() => setFilling(false)} />
        </Suspense>
      ) : (
        canFill && (
          <div className={styles.buttons}>
            <Button ref={fillButton} disabledFocusable={busy} onClick={() => setFilling(true)}>
              Fill in the form with them
            </Button>
            <Button disabledFocusable={busy} onClick={() => setConfirming(true)}>
              They would rather not
            </Button>
          </div>
        )
      )}
      <ConfirmDialog
        open={confirming}
        title={`Record that ${name} would rather not fill in the form?`}
        confirmLabel="Record that they would rather not"
        onConfirm={decline}
        onCancel={() => setConfirming(false)}
      >
        Only that they declined is kept, and the form is not offered again.
      </ConfirmDialog>
    </>
  );
}
