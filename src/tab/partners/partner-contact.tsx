import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import { Fragment } from 'react';
import type { PartnerCorrections } from '../api/client';
import type { Partner } from '../api/types';
import type { Refusal } from '../shared/form-refusal';
import { useTermListStyles } from '../shared/list-styles';
import { useReturnFocus } from '../shared/use-return-focus';
import { CorrectDetailsForm } from './correct-details-form';

const useStyles = makeStyles({
  quiet: {
    color: tokens.colorNeutralForeground3,
  },
  actions: {
    display: 'flex',
  },
});

/** A partner's contact details and access needs, with "Not given" where they gave none. */
export function PartnerContact({ partner }: { readonly partner: Partner }) {
  const styles = useStyles();
  const terms = useTermListStyles();
  const entries: ReadonlyArray<readonly [string, string | null]> = [
    ['Full name', partner.fullName],
    ['Preferred name', partner.preferredName],
    ['Preferred contact', partner.preferredContact],
    ['Email', partner.email],
    ['Phone', partner.phone],
    ['Postal address', partner.postalAddress],
    ['Access needs and adjustments', partner.accessNeeds],
    ['Peer Support Network', partner.peerNetworkStatus],
  ];
  return (
    <dl className={terms.list}>
      {entries.map(([term, value]) => (
        <Fragment key={term}>
          <dt className={terms.term}>{term}</dt>
          <dd className={terms.value}>{value?.trim() ? value : <Text className={styles.quiet}>Not given</Text>}</dd>
        </Fragment>
      ))}
    </dl>
  );
}

/** Props for {@link ContactAndAccessNeeds}. */
export interface ContactAndAccessNeedsProps {
  readonly partner: Partner;
  /** Whether the server says their details can be corrected now. */
  readonly canCorrect: boolean;
  readonly correcting: boolean;
  readonly onStart: () => void;
  readonly onStop: () => void;
  readonly busy: boolean;
  /** The refusal the last correction met, shown in the form. */
  readonly refusal: Refusal | null;
  readonly onSave: (corrections: PartnerCorrections) => Promise<boolean>;
}

/** The partner's details as held, and "Correct their details", which opens the form in their place. */
export function ContactAndAccessNeeds({
  partner,
  canCorrect,
  correcting,
  onStart,
  onStop,
  busy,
  refusal,
  onSave,
}: ContactAndAccessNeedsProps) {
  const styles = useStyles();
  const { opener, returnFocus } = useReturnFocus<HTMLButtonElement>();
  if (canCorrect && correcting) {
    return (
      <CorrectDetailsForm
        partner={partner}
        busy={busy}
        refusal={refusal}
        onSave={onSave}
        onDismiss={() => {
          onStop();
          returnFocus();
        }}
      />
    );
  }
  return (
    <>
      <PartnerContact partner={partner} />
      {canCorrect && (
        <div className={styles.actions}>
          <Button ref={opener} onClick={onStart}>
            Correct their details
          </Button>
        </div>
      )}
    </>
  );
}
