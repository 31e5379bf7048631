import { Button, Field, Input, Select, Spinner, Text } from '@fluentui/react-components';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { ApiClient, MonitoringAnswers } from '../api/client';
import type { MonitoringForm } from '../api/types';
import { useFormStyles } from '../shared/form-styles';
import { LoadError } from '../shared/load-error';
import { useLoad } from '../shared/use-load';

/** The question the postcode answers: asked as the first half of a postcode, never as a decile chosen. */
const POSTCODE_QUESTION = 'deprivationDecile';

/** Props for {@link MonitoringFormView}. */
export interface MonitoringFormViewProps {
  readonly involvementId: number;
  readonly api: ApiClient;
  readonly busy: boolean;
  readonly onSubmit: (answers: MonitoringAnswers) => void;
  readonly onCancel: () => void;
}

/** Only the questions answered, and the postcode if one was given: a question left blank is not sent. */
function answersGiven(chosen: Readonly<Record<string, string>>, postcode: string): MonitoringAnswers {
  const answered = Object.fromEntries(Object.entries(chosen).filter(([, answer]) => answer !== ''));
  return { ...answered, ...(postcode.trim() ? { postcode: postcode.trim() } : {}) };
}

function Questions({ form, busy, onSubmit, onCancel }: Omit<MonitoringFormViewProps, 'involvementId' | 'api'> & { form: MonitoringForm }) {
  const styles = useFormStyles();
  const [chosen, setChosen] = useState<Record<string, string>>({});
  const [postcode, setPostcode] = useState('');
  const start = useRef<HTMLDivElement>(null);
  // The button that opened the form is gone: the person starts at the form's guidance.
  useEffect(() => {
    start.current?.focus();
  }, []);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit(answersGiven(chosen, postcode));
  };
  return (
    <form className={styles.form} aria-label="Equality monitoring form" onSubmit={submit}>
      <div ref={start} tabIndex={-1}>
        {form.guidance.map((paragraph) => (
          <Text as="p" block key={paragraph}>
            {paragraph}
          </Text>
        ))}
      </div>
      {form.questions.map((question) =>
        question.key === POSTCODE_QUESTION ? (
          form.asksPostcode && (
            <Field key={question.key} label={question.title}>
              <Input value={postcode} maxLength={10} onChange={(_event, data) => setPostcode(data.value)} />
            </Field>
          )
        ) : (
          <Field key={question.key} label={question.title}>
            <Select
              className={styles.choice}
              value={chosen[question.key] ?? ''}
              onChange={(_event, data) => setChosen((before) => ({ ...before, [question.key]: data.value }))}
            >
              <option value="">Not answered</option>
              {question.answers.map((answer) => (
                <option key={answer}>{answer}</option>
              ))}
            </Select>
          </Field>
        ),
      )}
      <div className={styles.buttons}>
        <Button type="submit" appearance="primary" disabledFocusable={busy}>
          Send the answers
        </Button>
        <Button disabledFocusable={busy} onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

/** The equality monitoring form, read when opened: the server's guidance, then each question, none required. */
export function MonitoringFormView({ involvementId, api, ...rest }: MonitoringFormViewProps) {
  const form = useLoad(String(involvementId), (signal) => api.monitoringForm(involvementId, signal));
  if (form.status === 'loading') return <Spinner size="tiny" label="Loading the form…" />;
  if (form.status === 'error') return <LoadError title="Could not load the form" failure={{ ...form, retry: form.retry }} />;
  if (form.data.state !== 'Not yet offered') return <Text block>{form.data.state}</Text>;
  return <Questions form={form.data} {...rest} />;
}
