import { Text, makeStyles, tokens } from '@fluentui/react-components';
import { Fragment } from 'react';
import type { Involvement, OneToOne, Partner, Stage } from '../api/types';
import { shortDate } from '../shared/format';
import { useTermListStyles } from '../shared/list-styles';

const useStyles = makeStyles({
  quiet: {
    color: tokens.colorNeutralForeground3,
  },
});

/** What the reason on an involvement was given for, by the stage it is at. */
const REASON_TITLES: Partial<Record<Stage, string>> = {
  Paused: 'Why they paused',
  Ended: 'Why it ended',
  'Not progressed': 'Why not progressed',
};

/** Props for {@link WrittenDown}. */
export interface WrittenDownProps {
  readonly involvement: Pick<Involvement, 'stage' | 'stageReason' | 'chatAdjustments' | 'chatNotes'>;
  readonly partner: Pick<Partner, 'notesConsent'>;
  /** Newest first. */
  readonly oneToOnes: readonly OneToOne[];
  /** How the partner is named in sentences. */
  readonly name: string;
  /** How the domain names the adjustments at this stage: asked for, or agreed at the chat. */
  readonly chatAdjustmentsTitle: string;
}

/**
 * What staff have written about the partner in this role, to be read again: the
 * adjustments asked for or agreed at the informal chat and the reason for a pause or an ending;
 * and, while the partner's consent to notes stands, the chat notes and each held
 * one-to-one's notes with its date.
 */
export function WrittenDown({ involvement, partner, oneToOnes, name, chatAdjustmentsTitle }: WrittenDownProps) {
  const styles = useStyles();
  const terms = useTermListStyles();
  const entries: Array<readonly [string, string]> = [];
  if (involvement.chatAdjustments?.trim()) entries.push([chatAdjustmentsTitle, involvement.chatAdjustments]);
  if (involvement.stageReason?.trim()) entries.push([REASON_TITLES[involvement.stage] ?? 'Reason recorded', involvement.stageReason]);
  if (partner.notesConsent) {
    if (involvement.chatNotes?.trim()) entries.push(['Informal chat notes', involvement.chatNotes]);
    for (const held of oneToOnes) {
      if (held.status === 'Held' && held.notes?.trim()) entries.push([`One-to-one, ${shortDate(held.date)}`, held.notes]);
    }
  }
  return (
    <>
      {entries.length === 0 ? (
        <Text className={styles.quiet}>Nothing written down yet.</Text>
      ) : (
        <dl className={terms.list}>
          {entries.map(([term, value], index) => (
            <Fragment key={`${term}-${index}`}>
              <dt className={terms.term}>{term}</dt>
              <dd className={terms.value}>{value}</dd>
            </Fragment>
          ))}
        </dl>
      )}
      {!partner.notesConsent && (
        <Text className={styles.quiet}>
          No notes about {name}&apos;s experience are kept or shown: they have not given consent to notes (see Consent).
        </Text>
      )}
    </>
  );
}
