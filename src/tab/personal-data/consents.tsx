import { Button, Text, useRestoreFocusTarget } from '@fluentui/react-components';
import { useState } from 'react';
import type { Partner } from '../api/types';
import { ConfirmDialog } from '../shared/confirm-dialog';
import { shortDate } from '../shared/format';
import { useTermListStyles } from '../shared/list-styles';
import { useStackStyles } from './styles';

function given(consent: boolean, date: string | null, otherwise: string): string {
  if (!consent) return otherwise;
  return date ? `Given on ${shortDate(date)}` : 'Given';
}

/** Props for {@link Consents}. */
export interface ConsentsProps {
  readonly partner: Partner;
  /** How the partner is named in sentences. */
  readonly name: string;
  readonly busy: boolean;
  /** Whether the server says consent can be recorded or withdrawn now. */
  readonly canChange: boolean;
  readonly onRecordNotesConsent: () => void;
  /** Called once the person has confirmed what withdrawing does. */
  readonly onWithdrawNotesConsent: () => void;
}

/**
 * The partner's two consents in plain words, with their dates: to hold their details,
 * and (asked separately, as the law requires for health information) to notes about
 * their experience; recording the second, or withdrawing it after a confirmation.
 */
export function Consents({ partner, name, busy, canChange, onRecordNotesConsent, onWithdrawNotesConsent }: ConsentsProps) {
  const styles = useStackStyles();
  const terms = useTermListStyles();
  const [confirming, setConfirming] = useState(false);
  // Focus goes back to the button when the confirmation closes, not to the table row that opened the panel.
  const restoreFocusTarget = useRestoreFocusTarget();
  return (
    <div className={styles.block}>
      <dl className={terms.list}>
        <dt className={terms.term}>To hold their details</dt>
        <dd className={terms.value}>{given(partner.consentGiven, partner.consentDate, 'Not recorded')}</dd>
        <dt className={terms.term}>To notes about their experience</dt>
        <dd className={terms.value}>{given(partner.notesConsent, partner.notesConsentDate, 'Not given')}</dd>
      </dl>
      <Text>
        Notes about someone&apos;s health or lived experience are special category data: they can be kept only with the person&apos;s
        explicit consent, asked for on its own. Access needs do not need it.
      </Text>
      {/* One button whose words change, so focus can come back to it after the confirmation and the change. */}
      {canChange && (
        <Button
          disabledFocusable={busy}
          onClick={partner.notesConsent ? () => setConfirming(true) : onRecordNotesConsent}
          {...restoreFocusTarget}
        >
          {partner.notesConsent ? 'Withdraw consent to notes' : 'Record consent to notes (today)'}
        </Button>
      )}
      <ConfirmDialog
        open={confirming}
        title={`Withdraw ${name}'s consent to notes?`}
        confirmLabel="Withdraw and delete the notes"
        onConfirm={() => {
          setConfirming(false);
          onWithdrawNotesConsent();
        }}
        onCancel={() => setConfirming(false)}
      >
        <Text block>
          Notes about their experience (informal chat notes and one-to-one notes) will be deleted from every workstream, with their earlier
          versions. This cannot be undone.
        </Text>
        <Text block>Their contact details, access needs, stages and one-to-one dates stay as they are.</Text>
      </ConfirmDialog>
    </div>
  );
}

/** Props for {@link NotesNeedConsent}. */
export interface NotesNeedConsentProps {
  readonly name: string;
  readonly busy: boolean;
  /** Whether the server says consent can be recorded now. */
  readonly canRecord: boolean;
  readonly onRecordNotesConsent: () => void;
}

/** Shown where a notes box would be, while the partner has not consented to notes: why, and how to record consent. */
export function NotesNeedConsent({ name, busy, canRecord, onRecordNotesConsent }: NotesNeedConsentProps) {
  const styles = useStackStyles();
  return (
    <div className={styles.block}>
      <Text>
        No notes can be kept: {name} has not given explicit consent to notes about their experience. Ask them first; if they agree, record
        it, and the notes box appears here.
      </Text>
      {canRecord && (
        <Button size="small" disabledFocusable={busy} onClick={onRecordNotesConsent}>
          Record {name}&apos;s consent to notes
        </Button>
      )}
    </div>
  );
}
