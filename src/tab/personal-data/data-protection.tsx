import { Button, Field, Input, Text, makeStyles, tokens, useRestoreFocusTarget } from '@fluentui/react-components';
import { Delete16Regular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { DownloadedFile } from '../api/client';
import type { Partner } from '../api/types';
import { ConfirmDialog } from '../shared/confirm-dialog';
import { DownloadButton } from '../shared/download-button';
import { useStackStyles } from './styles';

const useStyles = makeStyles({
  row: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalS,
  },
  list: {
    margin: 0,
    paddingInlineStart: tokens.spacingHorizontalXL,
  },
});

/** The typed name matches, ignoring case and spaces either side: deliberate, not fussy. */
function sameName(typed: string, fullName: string): boolean {
  return typed.trim().toLocaleLowerCase('en-GB') === fullName.trim().toLocaleLowerCase('en-GB');
}

/** Props for {@link DataProtection}. */
export interface DataProtectionProps {
  readonly partner: Partner;
  /** What erasure keeps of their claims, in the server's words. */
  readonly claimsKept: string;
  readonly busy: boolean;
  /** Fetches everything held about them, as JSON or as a readable summary. */
  readonly download: (format: 'json' | 'txt') => Promise<DownloadedFile>;
  /** Called once the person has typed the partner's name and confirmed. */
  readonly onErase: () => void;
}

/**
 * The Engagement team's data protection actions for one person: a copy of everything
 * held (a subject access request), and erasure, confirmed by typing their full name
 * after reading what is erased and what is kept.
 */
export function DataProtection({ partner, claimsKept, busy, download, onErase }: DataProtectionProps) {
  const styles = useStyles();
  const stack = useStackStyles();
  const [confirming, setConfirming] = useState(false);
  // Focus goes back to this button when the confirmation closes, not to the table row that opened the panel.
  const restoreFocusTarget = useRestoreFocusTarget();
  const [typed, setTyped] = useState('');
  const close = () => {
    setConfirming(false);
    setTyped('');
  };
  return (
    <div className={stack.block}>
      <Text>A copy of everything held about them, to answer a request for their data (within one month). Each download is recorded.</Text>
      <div className={styles.row}>
        <DownloadButton fetchFile={() => download('json')}>Download their data (JSON)</DownloadButton>
        <DownloadButton fetchFile={() => download('txt')}>Download their data as a readable summary</DownloadButton>
      </div>
      <Text>If they ask to be forgotten, erase their personal data from every workstream.</Text>
      <Button icon={<Delete16Regular />} disabledFocusable={busy} onClick={() => setConfirming(true)} {...restoreFocusTarget}>
        Erase their personal data
      </Button>
      <ConfirmDialog
        open={confirming}
        title={`Erase ${partner.fullName}'s personal data?`}
        confirmLabel="Erase their personal data"
        confirmDisabled={!sameName(typed, partner.fullName)}
        onConfirm={() => {
          close();
          onErase();
        }}
        onCancel={close}
      >
        <Text block>Erased, in every workstream, with earlier versions and the recycle bins:</Text>
        <ul className={styles.list}>
          <li>their name, contact details, access needs and adjustments;</li>
          <li>notes about their experience, and reasons for a pause or an ending.</li>
        </ul>
        <Text block>
          Kept, without anything that names them: their stages, dates, induction items and one-to-one dates, so the counts still add up.
          They will be listed as &quot;Erased partner {partner.id}&quot;. This cannot be undone.
        </Text>
        <Text block>{claimsKept}</Text>
        <Field label={`Type their full name, ${partner.fullName}, to confirm`} required>
          <Input value={typed} autoComplete="off" onChange={(_event, data) => setTyped(data.value)} />
        </Field>
      </ConfirmDialog>
    </div>
  );
}
