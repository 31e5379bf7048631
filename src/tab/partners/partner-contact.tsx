import { Text, makeStyles, tokens } from '@fluentui/react-components';
import { Fragment } from 'react';
import type { Partner } from '../api/types';

const useStyles = makeStyles({
  list: {
    display: 'grid',
    gridTemplateColumns: 'minmax(8rem, max-content) 1fr',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
  },
  term: {
    fontWeight: tokens.fontWeightSemibold,
  },
  value: {
    margin: 0,
    whiteSpace: 'pre-line',
  },
  quiet: {
    color: tokens.colorNeutralForeground3,
  },
});

/** A partner's contact details and access needs, with "Not given" where they gave none. */
export function PartnerContact({ partner }: { readonly partner: Partner }) {
  const styles = useStyles();
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
    <dl className={styles.list}>
      {entries.map(([term, value]) => (
        <Fragment key={term}>
          <dt className={styles.term}>{term}</dt>
          <dd className={styles.value}>{value?.trim() ? value : <Text className={styles.quiet}>Not given</Text>}</dd>
        </Fragment>
      ))}
    </dl>
  );
}
