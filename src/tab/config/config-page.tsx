import {
  Body1,
  Field,
  Input,
  Link,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Subtitle1,
  Text,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import type { NewWorkstream } from '../api/client';
import type { Workstream } from '../api/types';
import type { TabSettings, TeamsHost } from '../teams/teams-host';
import { suggestedTabName, tabSettingsFor } from './tab-settings';

/** The longest name and description a workstream may have, as the server's schema says. */
const WORKSTREAM_TITLE_MAX = 120;
const WORKSTREAM_DESCRIPTION_MAX = 1000;

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    maxWidth: '40rem',
  },
  heading: {
    margin: 0,
  },
});

/** What the tab will show: a workstream the person is in, a new one, or nothing chosen yet. */
export type ConfigChoice = number | 'new' | null;

/** Props for {@link ConfigPage}. */
export interface ConfigPageProps {
  /** The workstreams the person is a member of. */
  readonly workstreams: readonly Workstream[];
  readonly choice: ConfigChoice;
  readonly onChoose: (choice: ConfigChoice) => void;
  /** Starts a workstream, with the person as its first member. */
  readonly onCreate: (workstream: NewWorkstream) => Promise<Workstream>;
  /** Teams, or null when the page is open in a plain browser. */
  readonly host: TeamsHost | null;
}

const NEW = 'new';

/**
 * The channel tab's configuration page: choose the workstream the tab shows, or
 * start a new one (the person becomes its first member). In Teams the choice is
 * saved with Teams' Save button, under a suggested tab name; a new workstream is
 * created then, once however often Save is pressed.
 */
export function ConfigPage({ workstreams, choice, onChoose, onCreate, host }: ConfigPageProps) {
  const styles = useStyles();
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  // One key for the page, so Save pressed twice (or retried) makes one workstream.
  const [key] = useState(() => globalThis.crypto.randomUUID());
  const selected = typeof choice === 'number' ? (workstreams.find((workstream) => workstream.id === choice) ?? null) : null;
  const valid = selected !== null || (choice === NEW && title.trim().length > 0);
  const save = useRef<() => Promise<TabSettings>>(async () => {
    throw new Error('Choose a workstream first.');
  });
  useEffect(() => {
    save.current = async () => {
      if (selected) return tabSettingsFor(selected, window.location.origin);
      if (choice !== NEW || title.trim().length === 0) throw new Error('Choose a workstream first.');
      setFailure(null);
      try {
        const created = await onCreate({ title, description, key });
        return tabSettingsFor(created, window.location.origin);
      } catch (error) {
        const message = error instanceof Error ? error.message : 'The workstream could not be started.';
        setFailure(message);
        throw error;
      }
    };
  });

  useEffect(() => {
    if (!host) return;
    host.tabConfig.onSave(() => save.current());
  }, [host]);

  useEffect(() => {
    host?.tabConfig.setValid(valid);
  }, [host, valid]);

  return (
    <div className={styles.root}>
      <Subtitle1 as="h1" className={styles.heading}>
        Show a workstream in this channel
      </Subtitle1>
      <Body1>
        The tab shows the workstream&apos;s partners, their induction progress and their one-to-ones to everyone in the channel who may see
        them.
      </Body1>
      <Field label="Workstream" required>
        <RadioGroup
          value={choice === null ? '' : String(choice)}
          onChange={(_event, data) => onChoose(data.value === NEW ? NEW : Number(data.value))}
        >
          {workstreams.map((workstream) => (
            <Radio key={workstream.id} value={String(workstream.id)} label={workstream.title} />
          ))}
          <Radio value={NEW} label="A new workstream" />
        </RadioGroup>
      </Field>
      {choice === NEW && (
        <>
          <Field
            label="Name of the new workstream"
            required
            hint="As staff know it, for example Maternity and neonatal. You will be its first member; add colleagues on its People view."
          >
            <Input value={title} maxLength={WORKSTREAM_TITLE_MAX} onChange={(_event, data) => setTitle(data.value)} />
          </Field>
          <Field label="What it works on (optional)">
            <Textarea value={description} maxLength={WORKSTREAM_DESCRIPTION_MAX} onChange={(_event, data) => setDescription(data.value)} />
          </Field>
          {failure && (
            <MessageBar intent="error" layout="multiline">
              <MessageBarBody>{failure}</MessageBarBody>
            </MessageBar>
          )}
        </>
      )}
      {valid && host && (
        <Text>
          Select Save to add the tab. Teams will suggest the name &ldquo;{suggestedTabName(selected ? selected.title : title)}&rdquo;.
        </Text>
      )}
      {selected && !host && (
        <Text>
          This page is for adding the tab in Teams. Outside Teams,{' '}
          <Link href={tabSettingsFor(selected, '').contentUrl}>open {selected.title}</Link> instead.
        </Text>
      )}
      {choice === NEW && !host && (
        <Text>This page is for adding the tab in Teams: start the workstream there, from the tab&apos;s Save button.</Text>
      )}
    </div>
  );
}

/** Shown when Teams opens the page to remove the tab. */
export function RemovePage({ host }: { readonly host: TeamsHost }) {
  const styles = useStyles();
  useEffect(() => {
    host.tabConfig.onRemove();
    host.tabConfig.setValid(true);
  }, [host]);
  return (
    <div className={styles.root}>
      <Subtitle1 as="h1" className={styles.heading}>
        Remove this tab
      </Subtitle1>
      <Body1>
        Removing the tab deletes nothing: the workstream, its partners and their records stay in Partner Pathway, and you can still reach
        them with the bot or by adding the tab again.
      </Body1>
    </div>
  );
}
