import { Button, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { ChevronDown20Regular, ChevronRight20Regular } from '@fluentui/react-icons';
import { useId, useState } from 'react';
import type { ChatGuide as Guide } from '../api/types';
import { GuidanceText } from '../shared/guidance-text';
import { LoadError } from '../shared/load-error';
import { useLoad } from '../shared/use-load';

const useStyles = makeStyles({
  guide: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    paddingInlineStart: tokens.spacingHorizontalM,
    borderInlineStartWidth: tokens.strokeWidthThick,
    borderInlineStartStyle: 'solid',
    borderInlineStartColor: tokens.colorNeutralStroke2,
  },
  heading: {
    margin: 0,
    marginBlockStart: tokens.spacingVerticalS,
  },
  list: {
    margin: 0,
    paddingInlineStart: tokens.spacingHorizontalXL,
  },
});

function Points({ title, points }: { readonly title: string; readonly points: readonly string[] }) {
  const styles = useStyles();
  const id = useId();
  if (points.length === 0) return null;
  return (
    <>
      <Text as="h4" weight="semibold" id={id} className={styles.heading}>
        {title}
      </Text>
      <ul aria-labelledby={id} className={styles.list}>
        {points.map((point) => (
          <li key={point}>
            <GuidanceText text={point} />
          </li>
        ))}
      </ul>
    </>
  );
}

function GuideText({ load }: { readonly load: (signal: AbortSignal) => Promise<Guide> }) {
  const guide = useLoad('chat-guide', load);
  if (guide.status === 'loading') return <Spinner size="small" label="Loading the chat guide…" />;
  if (guide.status === 'error') return <LoadError title="Could not load the chat guide" failure={guide} />;
  const { intro, tips, questions, adjustments } = guide.data;
  return (
    <>
      <GuidanceText text={intro} />
      <Points title="Tips" points={tips} />
      <Points title="Questions you might ask" points={questions} />
      <Points title="Adjustments to offer" points={adjustments} />
    </>
  );
}

/** Props for {@link ChatGuide}. */
export interface ChatGuideProps {
  /** Reads the guide the organisation wrote; only once it is opened. */
  readonly load: (signal: AbortSignal) => Promise<Guide>;
}

/**
 * The informal chat's guide beside its booking and recording, as the bot's "Chat
 * guide" card has it: the organisation's tips, questions to ask and adjustments to
 * offer. Closed until asked for, so the steps stay close together.
 */
export function ChatGuide({ load }: ChatGuideProps) {
  const styles = useStyles();
  const [open, setOpen] = useState(false);
  const regionId = useId();
  return (
    <div>
      <Button
        appearance="subtle"
        icon={open ? <ChevronDown20Regular /> : <ChevronRight20Regular />}
        aria-expanded={open}
        aria-controls={regionId}
        onClick={() => setOpen(!open)}
      >
        Informal chat guide
      </Button>
      <section id={regionId} aria-label="Informal chat guide" className={styles.guide} hidden={!open}>
        {open && <GuideText load={load} />}
      </section>
    </div>
  );
}
