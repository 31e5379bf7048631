import { Button, Spinner, Text } from '@fluentui/react-components';
import { useRef, useState } from 'react';
import type { ApiClient, NewClaim, PaymentChoices } from '../api/client';
import type { CalendarDate } from '../api/types';
import { OutcomeRegion, useFocusIfLost } from '../shared/action-message';
import { useFormStyles } from '../shared/form-styles';
import { LoadError } from '../shared/load-error';
import { useAction, useChangeKeys } from '../shared/use-action';
import { useLoad } from '../shared/use-load';
import { ClaimList } from './claim-card';
import { PaymentPreferencesForm } from './payment-preferences';
import { RecordClaimForm } from './record-claim-form';
import { useClaimActions } from './use-claim-actions';

/** Props for {@link PartnerClaims}. */
export interface PartnerClaimsProps {
  readonly api: ApiClient;
  readonly involvementId: number;
  readonly partnerId: number;
  /** The partner's name, for what was done. */
  readonly name: string;
  readonly today: CalendarDate;
  readonly engagementTeam: boolean;
}

/**
 * The partner's claims in this role with where each stands, a form to record one
 * (saved as a draft or submitted), and their choices about payment: read when the
 * panel opens, apart from the partner's details.
 */
export function PartnerClaims({ api, involvementId, partnerId, name, today, engagementTeam }: PartnerClaimsProps) {
  const form = useFormStyles();
  const loaded = useLoad(`claims-of:${involvementId}`, (signal) => api.involvementClaims(involvementId, signal));
  const claimActions = useClaimActions(api, loaded.refresh);
  const action = useAction(loaded.refresh);
  const keys = useChangeKeys();
  const [opened, setOpened] = useState<'claim' | 'choices' | null>(null);
  const outcome = useRef<HTMLDivElement>(null);
  const claimOutcome = useRef<HTMLDivElement>(null);
  // The form and the buttons that opened it go once it is saved, a claim's buttons once it moves on: the focus then goes to what was done.
  useFocusIfLost(outcome, action.outcome.kind === 'done');
  useFocusIfLost(claimOutcome, claimActions.outcome.kind === 'done' || claimActions.outcome.kind === 'refused');
  if (loaded.status === 'loading') return <Spinner size="tiny" label="Loading their claims…" />;
  if (loaded.status === 'error') return <LoadError title="Could not load their claims" failure={loaded} />;
  const { claims, preferences, paidRole, choicesInWords } = loaded.data;
  const refusal = action.outcome.kind === 'refused' ? action.outcome : null;
  const busy = action.outcome.kind === 'busy' || claimActions.busy;

  const save = async (what: unknown, request: (key: string) => Promise<void>, done: string) => {
    const made = await action.run(() => request(keys.keyFor(what)), done);
    if (made) {
      keys.succeeded();
      setOpened(null);
    }
  };
  const record = (claim: NewClaim, submit: boolean) =>
    void save(
      ['claim', claim, submit],
      async (key) => {
        const draft = await api.createClaim(involvementId, claim, key);
        if (submit) await api.submitClaim(draft, `${key}-submit`);
      },
      submit ? `Claim recorded for ${name} and submitted for approval.` : `Claim recorded for ${name} as a draft.`,
    );
  const setChoices = (choices: PaymentChoices) =>
    void save(
      ['choices', choices],
      (key) => api.setPaymentPreferences(partnerId, choices, key),
      `${name}'s choices about payment are recorded.`,
    );
  return (
    <>
      <OutcomeRegion ref={outcome} outcome={action.outcome} shown={action.outcome.kind === 'done'} />
      <Text block>{choicesInWords}</Text>
      {opened === 'choices' ? (
        <PaymentPreferencesForm
          preferences={preferences}
          busy={busy}
          refusal={refusal}
          onSave={setChoices}
          onCancel={() => setOpened(null)}
        />
      ) : opened === 'claim' ? (
        <RecordClaimForm today={today} paidRole={paidRole} busy={busy} refusal={refusal} onSave={record} onCancel={() => setOpened(null)} />
      ) : (
        <div className={form.buttons}>
          <Button appearance="primary" onClick={() => setOpened('claim')}>
            Record a claim
          </Button>
          <Button onClick={() => setOpened('choices')}>Change their choices about payment</Button>
        </div>
      )}
      <OutcomeRegion ref={claimOutcome} outcome={claimActions.outcome} shown={claimActions.outcome.kind === 'done'} />
      {claims.length === 0 ? (
        <Text block>No claims in this role yet.</Text>
      ) : (
        <ClaimList
          lines={claims}
          today={today}
          showPartner={false}
          paidRole={paidRole}
          engagementTeam={engagementTeam}
          actions={claimActions}
        />
      )}
    </>
  );
}
