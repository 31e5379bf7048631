import { MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens } from '@fluentui/react-components';
import { useLayoutEffect, type Ref, type RefObject } from 'react';
import type { ActionOutcome } from './use-action';

const useStyles = makeStyles({
  region: {
    borderRadius: tokens.borderRadiusMedium,
    ':focus-visible': {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
    },
  },
});

/** A change refused: "Not done", then the server's sentence saying why. */
export function RefusalMessage({ message }: { readonly message: string }) {
  return (
    <MessageBar intent="error" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>Not done</MessageBarTitle>
        {message}
      </MessageBarBody>
    </MessageBar>
  );
}

/** The outcome of the last change: a plain refusal with its reason, or what was done. Nothing while idle or busy. */
export function ActionMessage({ outcome }: { readonly outcome: ActionOutcome }) {
  if (outcome.kind === 'refused') return <RefusalMessage message={outcome.message} />;
  if (outcome.kind === 'done') {
    return (
      <MessageBar intent="success">
        <MessageBarBody>{outcome.message}</MessageBarBody>
      </MessageBar>
    );
  }
  return null;
}

/** Props for {@link OutcomeRegion}. */
export interface OutcomeRegionProps {
  /** For moving the focus to what was done. */
  readonly ref: Ref<HTMLDivElement>;
  readonly outcome: ActionOutcome;
  /** Whether the outcome is said here: not while a form says it instead (a refusal shown in the form it answers). */
  readonly shown?: boolean;
}

/**
 * Where a view says the outcome of its last change: announced as it changes, and able
 * to take the focus when the control that made the change is gone with what it changed.
 */
export function OutcomeRegion({ ref, outcome, shown = true }: OutcomeRegionProps) {
  const styles = useStyles();
  return (
    <div ref={ref} tabIndex={-1} className={styles.region} aria-live="polite">
      {shown && <ActionMessage outcome={outcome} />}
    </div>
  );
}

/**
 * After every render, while `when` holds: if the focus has fallen to the page (the
 * control pressed went when the view was read again), it goes to `target`.
 */
export function useFocusIfLost(target: RefObject<HTMLElement | null>, when: boolean): void {
  useLayoutEffect(() => {
    const active = document.activeElement;
    if (when && (!active || active === document.body)) target.current?.focus();
  });
}
