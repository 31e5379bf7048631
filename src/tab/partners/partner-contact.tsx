import { Text, makeStyles, tokens } from '@fluentui/react-components';
import { Fragment } from 'react';
import type { Partner } from '../api/types';
import { useTermListStyles } from '../shared/list-styles';

const useStyles = makeStyles({
  quiet: {
    color: tokens.colorNeutralForeground3,
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
