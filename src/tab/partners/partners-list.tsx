import { Caption1, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useWindowVirtualizer } from '@tanstack/react-virtual';
import { useLayoutEffect, useRef, useState } from 'react';
import type { DashboardRow } from '../api/types';
import { useCardListStyles } from '../shared/card-styles';
import { summariseInduction } from '../shared/format';
import { NextOneToOne, PartnerName } from './partner-cells';

const useStyles = makeStyles({
  quiet: {
    color: tokens.colorNeutralForeground3,
  },
});

/** A first guess at a card's height; each card is measured once drawn. */
const CARD_ESTIMATE_PX = 200;

/** Cards drawn beyond the visible ones, so scrolling and keyboard focus never meet a blank. */
const OVERSCAN_CARDS = 4;

function Card({ row, onOpen }: { readonly row: DashboardRow; readonly onOpen: (row: DashboardRow) => void }) {
  const styles = { ...useCardListStyles(), ...useStyles() };
  const induction = summariseInduction(row.induction);
  return (
    <div className={styles.card}>
      <PartnerName row={row} onOpen={onOpen} />
      <dl className={styles.facts}>
        <dt className={styles.term}>Role</dt>
        <dd className={styles.value}>{row.roleTitle}</dd>
        <dt className={styles.term}>Stage</dt>
        <dd className={styles.value}>{row.stage}</dd>
        <dt className={styles.term}>Induction</dt>
        <dd className={styles.value}>
          <Text block className={row.induction ? undefined : styles.quiet}>
            {induction.progress}
          </Text>
          {induction.missing && <Caption1 block>{induction.missing}</Caption1>}
        </dd>
        <dt className={styles.term}>Next one-to-one</dt>
        <dd className={styles.value}>
          <NextOneToOne row={row} />
        </dd>
        <dt className={styles.term}>Named contact</dt>
        <dd className={styles.value}>{row.ownerName ?? <Text className={styles.quiet}>Not assigned yet</Text>}</dd>
        <dt className={styles.term}>Peer Support Network</dt>
        <dd className={styles.value}>{row.peerNetworkStatus}</dd>
      </dl>
    </div>
  );
}

/** Props for {@link PartnersList}. */
export interface PartnersListProps {
  readonly rows: readonly DashboardRow[];
  /** The id of the heading that names the list. */
  readonly labelledBy: string;
  /** Opens the detail panel for a partner. */
  readonly onOpen: (row: DashboardRow) => void;
}

/**
 * The partners table for a narrow window (Teams on a phone, a side panel): one card per
 * person per role, with the same facts and the same way to open them, scrolling with
 * the page. Virtualised like the table: only the cards near the window are in the
 * page; `aria-setsize` and `aria-posinset` tell assistive technology the full size.
 */
export function PartnersList({ rows, labelledBy, onOpen }: PartnersListProps) {
  const styles = useCardListStyles();
  const list = useRef<HTMLUListElement>(null);
  // Where the list starts on the page, which the virtualiser needs to know which cards the window shows. Measured after
  // every render, since anything above the list (a message, the filters) can move it.
  const [scrollMargin, setScrollMargin] = useState(0);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- runs after every render on purpose, and sets state only when the list moved
  useLayoutEffect(() => {
    const top = Math.round((list.current?.getBoundingClientRect().top ?? 0) + window.scrollY);
    if (top !== scrollMargin) setScrollMargin(top);
  });
  const virtualizer = useWindowVirtualizer({
    count: rows.length,
    estimateSize: () => CARD_ESTIMATE_PX,
    overscan: OVERSCAN_CARDS,
    scrollMargin,
    getItemKey: (index) => rows[index].involvementId,
  });
  const shown = virtualizer.getVirtualItems();
  const above = shown.length > 0 ? shown[0].start - scrollMargin : 0;
  const below = shown.length > 0 ? virtualizer.getTotalSize() - (shown[shown.length - 1].end - scrollMargin) : 0;

  return (
    <ul ref={list} className={styles.list} aria-labelledby={labelledBy} style={{ paddingBlockStart: above, paddingBlockEnd: below }}>
      {shown.map((item) => (
        <li
          key={item.key}
          className={styles.item}
          data-index={item.index}
          ref={virtualizer.measureElement}
          aria-setsize={rows.length}
          aria-posinset={item.index + 1}
        >
          <Card row={rows[item.index]} onOpen={onOpen} />
        </li>
      ))}
    </ul>
  );
}
