import { Button, Field, Input, MessageBar, MessageBarBody, Textarea, makeStyles, mergeClasses } from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import type { AdvertAwaitingApproval } from '../api/types';
import { useFormStyles } from '../shared/form-styles';
import type { ActionOutcome } from '../shared/use-action';

/** The form opens where the person pressed Approve or Send back, so the focus goes straight to what it asks for. */
const focusWhenShown = (element: HTMLElement | null): void => element?.focus();

const useStyles = makeStyles({
  form: {
    alignSelf: 'stretch',
    maxWidth: '36rem',
  },
});

/** Approving (with the advert's link) or sending back (with a comment). */
export type AdvertDecisionKind = 'approve' | 'send-back';

/** What each decision asks for: the field, the server's name for it, and the words on the buttons. */
const ASKS = {
  approve: {
    field: 'advertUrl',
    label: 'Link to the advert on the opportunities pages',
    hint: 'Put the advert on the opportunities pages first, then paste its https address here.',
    submit: 'Approve advert',
  },
  'send-back': {
    field: 'comment',
    label: 'What needs changing',
    hint: 'The workstream reads this with their advert: say what to change before they send it again.',
    submit: 'Send back',
  },
} as const;

/** Props for {@link AdvertDecisionForm}. */
export interface AdvertDecisionFormProps {
  readonly kind: AdvertDecisionKind;
  readonly advert: AdvertAwaitingApproval;
  /** The last change's outcome: a refusal shows here, each field's message under its field. */
  readonly outcome: ActionOutcome;
  /** Asks the server; resolves true when it was done. */
  readonly onDecide: (value: string) => Promise<boolean>;
  readonly onCancel: () => void;
}

/**
 * Asks for what approving an advert (its link) or sending it back (a comment) needs,
 * under the advert itself. The server checks both, and its sentence for a field shows
 * under that field, so the browser's own checks are turned off.
 */
export function AdvertDecisionForm({ kind, advert, outcome, onDecide, onCancel }: AdvertDecisionFormProps) {
  const styles = useStyles();
  const formStyles = useFormStyles();
  const ask = ASKS[kind];
  const [value, setValue] = useState('');
  const refused = outcome.kind === 'refused' ? outcome : null;
  const fieldMessage = refused?.fields[ask.field];
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void onDecide(value);
  };
  const title = kind === 'approve' ? `Approve the advert for ${advert.title}` : `Send back the advert for ${advert.title}`;
  return (
    <form className={mergeClasses(formStyles.form, styles.form)} aria-label={title} onSubmit={submit} noValidate>
      <Field label={ask.label} required hint={ask.hint} validationMessage={fieldMessage}>
        {kind === 'approve' ? (
          <Input
            ref={focusWhenShown}
            type="url"
            inputMode="url"
            autoComplete="off"
            value={value}
            onChange={(_event, data) => setValue(data.value)}
          />
        ) : (
          <Textarea ref={focusWhenShown} value={value} onChange={(_event, data) => setValue(data.value)} />
        )}
      </Field>
      {refused && !fieldMessage && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{refused.message}</MessageBarBody>
        </MessageBar>
      )}
      <div className={formStyles.buttons}>
        <Button type="submit" appearance="primary" disabledFocusable={outcome.kind === 'busy'}>
          {ask.submit}
        </Button>
        <Button onClick={onCancel}>Cancel</Button>
      </div>
    </form>
  );
}
