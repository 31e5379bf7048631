import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useId, useLayoutEffect, useRef, useState } from 'react';
import type { ApiClient } from '../api/client';
import type { AdvertAwaitingApproval, EngagementOverview } from '../api/types';
import { OutcomeRegion, useFocusIfLost } from '../shared/action-message';
import { useCardListStyles } from '../shared/card-styles';
import { useFormStyles } from '../shared/form-styles';
import { shortDate } from '../shared/format';
import { Section } from '../shared/section';
import { useAction, type ActionOutcome } from '../shared/use-action';
import { AdvertDecisionForm, type AdvertDecisionKind } from './advert-decision-form';

const useStyles = makeStyles({
  quiet: {
    color: tokens.colorNeutralForeground3,
  },
});

const IDLE: ActionOutcome = { kind: 'idle' };

interface Waiting {
  readonly advert: AdvertAwaitingApproval;
  readonly workstream: string;
}

/** The advert being decided, which way, and the key that makes pressing again count once. */
interface Deciding {
  readonly roleId: number;
  readonly kind: AdvertDecisionKind;
  readonly key: string;
}

/** Props for {@link AdvertsAwaiting}. */
export interface AdvertsAwaitingProps {
  readonly overview: EngagementOverview;
  readonly api: ApiClient;
  /** Reads the overview again, after a decision (or a refusal, which may mean it changed). */
  readonly onChanged: () => void;
}

/**
 * Every advert waiting for the Engagement team, across workstreams, each with Approve
 * (asking for its link on the opportunities pages) and Send back (asking for a
 * comment), so an advert can be approved in the tab with no Teams channel set up.
 */
export function AdvertsAwaiting({ overview, api, onChanged }: AdvertsAwaitingProps) {
  const styles = useStyles();
  const formStyles = useFormStyles();
  const cards = useCardListStyles();
  const headingId = useId();
  const action = useAction(onChanged);
  const [deciding, setDeciding] = useState<Deciding | null>(null);
  // Which decision the last outcome answers, so a refusal shows in its own form and not in the next one opened.
  const [answered, setAnswered] = useState<string | null>(null);
  const [returnFocusTo, setReturnFocusTo] = useState<string | null>(null);
  const idPrefix = useId();
  const buttonId = (roleId: number, kind: AdvertDecisionKind) => `${idPrefix}-${kind}-${roleId}`;
  const waiting: Waiting[] = overview.workstreams.flatMap((workstream) =>
    workstream.advertsAwaitingApproval.map((advert) => ({ advert, workstream: workstream.title })),
  );
  const open = deciding ? waiting.find(({ advert }) => advert.roleId === deciding.roleId) : undefined;

  const refusalAnswers = action.outcome.kind === 'refused' ? answered : null;
  const refusedInForm = refusalAnswers !== null && open !== undefined && deciding?.key === refusalAnswers;
  // A refusal shows in the form it answers; above the list only if that form is gone (someone else decided first).
  const said = action.outcome.kind === 'done' || (refusalAnswers !== null && !refusedInForm);

  // A decision made closes its form, and the advert leaves the list when the overview is read again: the focus goes to
  // what was done. A form cancelled hands the focus back to the button that opened it.
  const outcome = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    if (returnFocusTo === null) return;
    document.getElementById(returnFocusTo)?.focus();
    setReturnFocusTo(null);
  }, [returnFocusTo]);
  useFocusIfLost(outcome, said && returnFocusTo === null);

  const decide = (current: Waiting, chosen: Deciding) => async (value: string) => {
    const { advert, workstream } = current;
    setAnswered(chosen.key);
    const done =
      chosen.kind === 'approve'
        ? await action.run(
            () => api.approveAdvert(advert, { advertUrl: value, key: chosen.key }),
            `Advert approved: ${advert.title} (${workstream}) is now advertised.`,
          )
        : await action.run(
            () => api.sendAdvertBack(advert, { comment: value, key: chosen.key }),
            `Advert sent back: ${workstream} can read your comment on ${advert.title}.`,
          );
    if (done) setDeciding(null);
    return done;
  };
  const start = (roleId: number, kind: AdvertDecisionKind) => setDeciding({ roleId, kind, key: globalThis.crypto.randomUUID() });
  const cancel = (chosen: Deciding) => {
    setDeciding(null);
    setAnswered(null);
    setReturnFocusTo(buttonId(chosen.roleId, chosen.kind));
  };

  return (
    <Section title="Adverts awaiting approval" headingId={headingId}>
      <OutcomeRegion ref={outcome} outcome={action.outcome} shown={said} />
      {waiting.length === 0 ? (
        <Text className={styles.quiet}>No adverts are waiting. When a workstream sends one, it appears here to approve or send back.</Text>
      ) : (
        <ul className={cards.list} aria-labelledby={headingId}>
          {waiting.map((current) => {
            const { advert, workstream } = current;
            const chosen = deciding?.roleId === advert.roleId ? deciding : null;
            return (
              <li key={advert.roleId} className={cards.item}>
                <div className={cards.card}>
                  <Text weight="semibold">{advert.title}</Text>
                  <dl className={cards.facts}>
                    <dt className={cards.term}>Workstream</dt>
                    <dd className={cards.value}>{workstream}</dd>
                    <dt className={cards.term}>Closes</dt>
                    <dd className={cards.value}>
                      {advert.closingDate ? shortDate(advert.closingDate) : <Text className={styles.quiet}>No closing date</Text>}
                    </dd>
                  </dl>
                  {chosen ? (
                    <AdvertDecisionForm
                      key={chosen.key}
                      kind={chosen.kind}
                      advert={advert}
                      outcome={answered === chosen.key ? action.outcome : IDLE}
                      onDecide={decide(current, chosen)}
                      onCancel={() => cancel(chosen)}
                    />
                  ) : (
                    <div className={formStyles.buttons}>
                      <Button
                        id={buttonId(advert.roleId, 'approve')}
                        appearance="primary"
                        aria-label={`Approve the advert for ${advert.title}`}
                        onClick={() => start(advert.roleId, 'approve')}
                      >
                        Approve
                      </Button>
                      <Button
                        id={buttonId(advert.roleId, 'send-back')}
                        aria-label={`Send back the advert for ${advert.title}`}
                        onClick={() => start(advert.roleId, 'send-back')}
                      >
                        Send back
                      </Button>
                    </div>
                  )}
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </Section>
  );
}
