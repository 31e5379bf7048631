import { Body1, Field, Link, Radio, RadioGroup, Subtitle1, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useRef } from 'react';
import type { Workstream } from '../api/types';
import type { TeamsHost } from '../teams/teams-host';
import { tabSettingsFor } from './tab-settings';

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

/** Props for {@link ConfigPage}. */
export interface ConfigPageProps {
  readonly workstreams: readonly Workstream[];
  readonly selectedId: number | null;
  readonly onSelect: (workstreamId: number) => void;
  /** Teams, or null when the page is open in a plain browser. */
  readonly host: TeamsHost | null;
}

/**
 * The channel tab's configuration page: choose the workstream the tab shows. In
 * Teams the choice is saved with Teams' Save button, under a suggested tab name.
 */
export function ConfigPage({ workstreams, selectedId, onSelect, host }: ConfigPageProps) {
  const styles = useStyles();
  const selected = workstreams.find((workstream) => workstream.id === selectedId) ?? null;
  const latest = useRef(selected);
  useEffect(() => {
    latest.current = selected;
  });

  useEffect(() => {
    if (!host) return;
    host.tabConfig.onSave(() => {
      const workstream = latest.current;
      if (!workstream) throw new Error('Choose a workstream first.');
      return tabSettingsFor(workstream, window.location.origin);
    });
  }, [host]);

  useEffect(() => {
    host?.tabConfig.setValid(selected !== null);
  }, [host, selected]);

  return (
    <div className={styles.root}>
      <Subtitle1 as="h1" className={styles.heading}>
        Show a workstream in this channel
      </Subtitle1>
      <Body1>The tab shows the workstream&apos;s partners, their induction progress and their one-to-ones to everyone in the channel who may see them.</Body1>
      <Field label="Workstream" required>
        <RadioGroup value={selected ? String(selected.id) : ''} onChange={(_event, data) => onSelect(Number(data.value))}>
          {workstreams.map((workstream) => (
            <Radio key={workstream.id} value={String(workstream.id)} label={workstream.title} />
          ))}
        </RadioGroup>
      </Field>
      {selected && host && <Text>Select Save to add the tab. Teams will suggest the name &ldquo;{tabSettingsFor(selected, '').suggestedDisplayName}&rdquo;.</Text>}
      {selected && !host && (
        <Text>
          This page is for adding the tab in Teams. Outside Teams, <Link href={tabSettingsFor(selected, '').contentUrl}>open {selected.title}</Link> instead.
        </Text>
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
        Removing the tab deletes nothing: the workstream, its partners and their records stay in Partner Pathway, and you
        can still reach them with the bot or by adding the tab again.
      </Body1>
    </div>
  );
}
