import { Button, Checkbox, Field, Input, Spinner, Text, Textarea } from '@fluentui/react-components';
import { useCallback, useRef, useState, type FormEvent } from 'react';
import type { ApiClient, VersionedRef } from '../api/client';
import type { InvolvementReviews, Stage } from '../api/types';
import { OutcomeRegion, useFocusIfLost } from '../shared/action-message';
import { useFormStyles } from '../shared/form-styles';
import { shortDate } from '../shared/format';
import { LoadError } from '../shared/load-error';
import { useAction, useChangeKeys } from '../shared/use-action';
import { useLoad } from '../shared/use-load';

/** Props for {@link ReviewsSection}. */
export interface ReviewsSectionProps {
  readonly involvement: VersionedRef & { readonly stage: Stage };
  readonly api: ApiClient;
  /** Reads the partner again after a change. */
  readonly onSaved: () => void;
}

const dated = (date: string | null, otherwise: string) => (date ? shortDate(date) : otherwise);

/** The dates behind each review, as the server gives them. */
function Facts({ reviews }: { readonly reviews: InvolvementReviews }) {
  const { term, agreements, access } = reviews;
  return (
    <dl>
      <dt>Term of office</dt>
      <dd>{term.endDate ? `Ends ${shortDate(term.endDate)}` : term.months ? `${term.months} months` : 'No fixed term'}</dd>
      {agreements.map((item) => (
        <div key={item.taskId}>
          <dt>{item.label}</dt>
          <dd>{`Signed ${dated(item.signedDate, 'not yet')}${item.dueDate ? `; comes round ${shortDate(item.dueDate)}` : ''}`}</dd>
        </div>
      ))}
      <dt>Access needs</dt>
      <dd>{`Reviewed ${dated(access.reviewedDate, 'not yet')}; next review ${dated(access.dueDate, 'not set')}`}</dd>
    </dl>
  );
}

/** A form of one required date and its button, named for what it records. */
function DateForm(props: {
  readonly name: string;
  readonly label: string;
  readonly bounds: { readonly min?: string; readonly max?: string };
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly onSubmit: (event: FormEvent) => void;
  readonly busy: boolean;
  readonly submitLabel?: string;
}) {
  const styles = useFormStyles();
  return (
    <form className={styles.form} onSubmit={props.onSubmit} aria-label={props.name}>
      <Field label={props.label} required>
        <Input type="date" {...props.bounds} required value={props.value} onChange={(_e, data) => props.onChange(data.value)} />
      </Field>
      <div>
        <Button type="submit" disabledFocusable={props.busy}>
          {props.submitLabel ?? props.name}
        </Button>
      </div>
    </form>
  );
}

/**
 * The reviews that come round for a partner (term of office, agreements, access
 * needs): what has come round, in the server's words, and the steps that record each.
 * Renew sets a new end date; End ends the involvement as the pathway does, with a reason.
 */
export function ReviewsSection({ involvement, api, onSaved }: ReviewsSectionProps) {
  const loaded = useLoad(`reviews:${involvement.id}`, (signal) => api.reviews(involvement.id, signal));
  const { refresh } = loaded;
  const saved = useCallback(() => {
    refresh();
    onSaved();
  }, [refresh, onSaved]);
  const action = useAction(saved);
  const keys = useChangeKeys();
  const styles = useFormStyles();
  const outcome = useRef<HTMLDivElement>(null);
  const [renewTo, setRenewTo] = useState<string | null>(null);
  const [signedOn, setSignedOn] = useState<string | null>(null);
  const [ending, setEnding] = useState(false);
  const [reason, setReason] = useState<string | null>(null);
  const [exitOffered, setExitOffered] = useState(false);
  useFocusIfLost(outcome, action.outcome.kind === 'done' || action.outcome.kind === 'refused');
  if (loaded.status === 'loading') return <Spinner size="tiny" label="Loading the reviews…" />;
  if (loaded.status === 'error') return <LoadError title="Could not load the reviews" failure={loaded} />;
  const reviews = loaded.data;
  const busy = action.outcome.kind === 'busy';
  const ref = { id: involvement.id, version: reviews.version };

  const record = async (what: unknown[], request: (key: string) => Promise<void>, message: string) => {
    if (await action.run(() => request(keys.keyFor(what)), message)) keys.succeeded();
  };
  const renew = (event: FormEvent) => {
    event.preventDefault();
    const date = renewTo ?? reviews.term.renewTo ?? '';
    void record(['renew', date], (key) => api.renewTerm(ref, date, key), `${reviews.name}'s term renewed: it now ends ${shortDate(date)}.`);
  };
  const reconfirm = (event: FormEvent) => {
    event.preventDefault();
    const date = signedOn ?? reviews.today;
    void record(
      ['reconfirm', date],
      (key) => api.reconfirmAgreements(ref, date, key),
      `${reviews.name}'s agreements recorded as re-signed on ${shortDate(date)}.`,
    );
  };
  const end = (event: FormEvent) => {
    event.preventDefault();
    const why = reason ?? reviews.endReason;
    void record(
      ['end', why, exitOffered],
      (key) =>
        api.changeStage({ ...ref, stage: involvement.stage }, { to: 'Ended', reason: why, exitConversationOffered: exitOffered }, key),
      `${reviews.name}'s involvement has ended.`,
    );
  };

  return (
    <>
      {reviews.due.map((due) => (
        <Text block key={due.kind}>
          {due.sentence}
        </Text>
      ))}
      <Facts reviews={reviews} />
      <OutcomeRegion ref={outcome} outcome={action.outcome} />
      {reviews.serving && (
        <>
          <DateForm
            name="Renew the term"
            label="The new term ends on"
            bounds={{ min: reviews.today }}
            value={renewTo ?? reviews.term.renewTo ?? ''}
            onChange={setRenewTo}
            onSubmit={renew}
            busy={busy}
          />
          {ending ? (
            <form className={styles.form} onSubmit={end} aria-label="End the involvement">
              <Field label="Reason" required>
                <Textarea required value={reason ?? reviews.endReason} onChange={(_e, data) => setReason(data.value)} />
              </Field>
              <Checkbox
                label="An exit conversation was offered"
                checked={exitOffered}
                onChange={(_e, data) => setExitOffered(data.checked === true)}
              />
              <div className={styles.buttons}>
                <Button type="submit" appearance="primary" disabledFocusable={busy}>
                  End the involvement
                </Button>
                <Button onClick={() => setEnding(false)}>Cancel</Button>
              </div>
            </form>
          ) : (
            <div>
              <Button disabledFocusable={busy} onClick={() => setEnding(true)}>
                End at the end of the term
              </Button>
            </div>
          )}
          {reviews.agreements.length > 0 && (
            <DateForm
              name="Agreements re-signed"
              label="Re-signed on"
              bounds={{ max: reviews.today }}
              value={signedOn ?? reviews.today}
              onChange={setSignedOn}
              onSubmit={reconfirm}
              busy={busy}
              submitLabel="Record agreements re-signed"
            />
          )}
          <div>
            <Button
              disabledFocusable={busy}
              onClick={() =>
                void record(
                  ['access', reviews.today],
                  (key) => api.reviewAccessNeeds(ref, key),
                  `${reviews.name}'s access needs review recorded; the next is due ${shortDate(reviews.access.nextIfReviewedToday)}.`,
                )
              }
            >
              Access needs reviewed
            </Button>
          </div>
        </>
      )}
    </>
  );
}
