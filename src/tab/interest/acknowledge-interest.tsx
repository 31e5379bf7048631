import { Button, Link, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { Acknowledgement } from '../api/types';
import { GuidanceText } from '../shared/guidance-text';
import { LoadError } from '../shared/load-error';
import { useLoad } from '../shared/use-load';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  message: {
    paddingBlock: tokens.spacingVerticalS,
    paddingInline: tokens.spacingHorizontalM,
    borderInlineStartWidth: tokens.strokeWidthThick,
    borderInlineStartStyle: 'solid',
    borderInlineStartColor: tokens.colorBrandStroke1,
    backgroundColor: tokens.colorNeutralBackground2,
    overflowWrap: 'anywhere',
  },
  buttons: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
  },
});

/** Props for {@link AcknowledgeInterest}. */
export interface AcknowledgeInterestProps {
  readonly involvementId: number;
  /** Reads the acknowledgement the server makes from the organisation's guidance. */
  readonly load: (signal: AbortSignal) => Promise<Acknowledgement>;
  readonly busy: boolean;
  /** Records that it was sent, today. */
  readonly onRecord: () => void;
}

/**
 * Acknowledging someone's interest, as the bot's partner card does: the message the
 * organisation wrote for them, how to send it (an email ready to write when they have
 * an address, otherwise copied or said on the phone), and recording that it was sent.
 */
export function AcknowledgeInterest({ involvementId, load, busy, onRecord }: AcknowledgeInterestProps) {
  const styles = useStyles();
  const acknowledgement = useLoad(`acknowledgement:${involvementId}`, load);
  return (
    <div className={styles.root}>
      <Text block>Their interest has not been acknowledged yet: people should hear back promptly.</Text>
      {acknowledgement.status === 'loading' && <Spinner size="small" label="Getting the message ready…" />}
      {acknowledgement.status === 'error' && <LoadError title="Could not get the message ready" failure={acknowledgement} />}
      {acknowledgement.status === 'ready' && (
        <>
          <GuidanceText text={acknowledgement.data.howToSend} />
          <section className={styles.message} aria-label="Acknowledgement message">
            <GuidanceText text={acknowledgement.data.message} />
          </section>
        </>
      )}
      <div className={styles.buttons}>
        {acknowledgement.status === 'ready' && acknowledgement.data.mailto && (
          <Link href={acknowledgement.data.mailto}>Write the email</Link>
        )}
        <Button disabledFocusable={busy} onClick={onRecord}>
          Record acknowledgement
        </Button>
      </div>
    </div>
  );
}
