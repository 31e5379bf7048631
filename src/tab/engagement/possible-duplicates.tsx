import { Button, Radio, RadioGroup, Spinner, Text, makeStyles, tokens, useRestoreFocusTarget } from '@fluentui/react-components';
import { useCallback, useId, useRef, useState } from 'react';
import type { ApiClient } from '../api/client';
import type { DuplicateGroup, DuplicateRecord } from '../api/types';
import { OutcomeRegion, useFocusIfLost } from '../shared/action-message';
import { useCardListStyles } from '../shared/card-styles';
import { ConfirmDialog } from '../shared/confirm-dialog';
import { LoadError } from '../shared/load-error';
import { Section } from '../shared/section';
import { useAction, useChangeKeys } from '../shared/use-action';
import { useLoad } from '../shared/use-load';

const useStyles = makeStyles({
  sharing: {
    overflowWrap: 'anywhere',
  },
  list: {
    margin: 0,
    paddingInlineStart: tokens.spacingHorizontalXL,
  },
  quiet: {
    color: tokens.colorNeutralForeground3,
  },
});

/** A record as a choice: "Sam Patel, partner 4, 2 roles". */
function describe(record: DuplicateRecord): string {
  return `${record.name}, partner ${record.partnerId}, ${record.involvements} ${record.involvements === 1 ? 'role' : 'roles'}`;
}

/** Which record of a group to keep, and which to merge into it. */
interface Choice {
  readonly keep: DuplicateRecord;
  readonly duplicate: DuplicateRecord;
}

interface GroupProps {
  readonly group: DuplicateGroup;
  readonly busy: boolean;
  readonly onMerge: (choice: Choice) => void;
}

/** One group of records sharing an email or phone: choose the one to keep (and, of three or more, the one to merge into it). */
function Group({ group, busy, onMerge }: GroupProps) {
  const styles = useStyles();
  const cards = useCardListStyles();
  const [keepId, setKeepId] = useState('');
  const [duplicateId, setDuplicateId] = useState('');
  const [confirming, setConfirming] = useState(false);
  const restoreFocusTarget = useRestoreFocusTarget();
  const keep = group.partners.find((record) => String(record.partnerId) === keepId);
  const others = group.partners.filter((record) => record !== keep);
  const duplicate = others.length === 1 ? others[0] : others.find((record) => String(record.partnerId) === duplicateId);
  const choice = keep && duplicate ? { keep, duplicate } : null;
  return (
    <div className={cards.card}>
      <Text weight="semibold" className={styles.sharing}>
        Sharing {group.sharing}
      </Text>
      <RadioGroup
        aria-label={`Record to keep, of those sharing ${group.sharing}`}
        value={keepId}
        onChange={(_event, data) => {
          setKeepId(data.value);
          setDuplicateId('');
        }}
      >
        {group.partners.map((record) => (
          <Radio key={record.partnerId} value={String(record.partnerId)} label={`Keep ${describe(record)}`} />
        ))}
      </RadioGroup>
      {keep && others.length > 1 && (
        <RadioGroup
          aria-label={`Record to merge into ${keep.name}`}
          value={duplicateId}
          onChange={(_event, data) => setDuplicateId(data.value)}
        >
          {others.map((record) => (
            <Radio key={record.partnerId} value={String(record.partnerId)} label={`Merge ${describe(record)}`} />
          ))}
        </RadioGroup>
      )}
      <Button disabledFocusable={busy || choice === null} onClick={() => setConfirming(true)} {...restoreFocusTarget}>
        {choice ? `Merge partner ${choice.duplicate.partnerId} into partner ${choice.keep.partnerId}` : 'Choose the record to keep'}
      </Button>
      {choice && (
        <ConfirmDialog
          open={confirming}
          title={`Merge ${choice.duplicate.name} (partner ${choice.duplicate.partnerId}) into ${choice.keep.name} (partner ${choice.keep.partnerId})?`}
          confirmLabel="Merge the records"
          onConfirm={() => {
            setConfirming(false);
            onMerge(choice);
          }}
          onCancel={() => setConfirming(false)}
        >
          <Text block>Do this only if both records are the same person. In one step:</Text>
          <ul className={styles.list}>
            <li>the duplicate&apos;s roles move to the record kept, with their checklists, one-to-ones and history;</li>
            <li>
              details the record kept lacks (preferred name, email, phone, postal address, preferred contact, access needs) are filled in
              from the duplicate, and consent to notes stands if either gave it;
            </li>
            <li>the duplicate is emptied of personal data and marked &quot;Merged into partner {choice.keep.partnerId}&quot;.</li>
          </ul>
          <Text block>This cannot be undone.</Text>
        </ConfirmDialog>
      )}
    </div>
  );
}

/** Props for {@link PossibleDuplicates}. */
export interface PossibleDuplicatesProps {
  readonly api: ApiClient;
  /** Reads the overview again after a merge, whose roster names may have changed. */
  readonly onChanged: () => void;
}

/**
 * Records that share an email or phone, read when the view opens, for the Engagement
 * team to merge when they are one person (after a confirmation saying what a merge does).
 */
export function PossibleDuplicates({ api, onChanged }: PossibleDuplicatesProps) {
  const styles = useStyles();
  const cards = useCardListStyles();
  const headingId = useId();
  const groups = useLoad('duplicates', (signal) => api.duplicates(signal));
  const { refresh } = groups;
  const saved = useCallback(() => {
    refresh();
    onChanged();
  }, [refresh, onChanged]);
  const action = useAction(saved);
  const keys = useChangeKeys();
  const outcome = useRef<HTMLDivElement>(null);
  // After a refusal the groups are read again, and the one whose button was pressed may be gone (merged meanwhile).
  useFocusIfLost(outcome, action.outcome.kind === 'refused');
  const merge = async ({ keep, duplicate }: Choice) => {
    const merged = await action.run(
      () =>
        api.mergePartners(
          { survivor: { id: keep.partnerId, version: keep.version }, duplicate: { id: duplicate.partnerId, version: duplicate.version } },
          keys.keyFor(['merge', keep.partnerId, duplicate.partnerId]),
        ),
      (result) =>
        `Merged partner ${duplicate.partnerId} into ${keep.name} (partner ${keep.partnerId}): ${result.moved} ${result.moved === 1 ? 'role' : 'roles'} moved.`,
    );
    if (!merged) return;
    keys.succeeded();
    // The group goes when the duplicates are read again, with its button: the focus goes to what was done.
    outcome.current?.focus();
  };
  return (
    <Section title="Possible duplicates" headingId={headingId}>
      <Text>Records that share an email address or phone number may be one person logged twice, perhaps by two workstreams.</Text>
      <OutcomeRegion ref={outcome} outcome={action.outcome} />
      {groups.status === 'loading' && <Spinner size="small" label="Looking for possible duplicates…" />}
      {groups.status === 'error' && <LoadError title="Could not look for possible duplicates" failure={groups} />}
      {groups.status === 'ready' &&
        (groups.data.length === 0 ? (
          <Text className={styles.quiet}>No records share an email address or phone number.</Text>
        ) : (
          <ul className={cards.list} aria-labelledby={headingId}>
            {groups.data.map((group) => (
              <li key={group.partners.map((record) => record.partnerId).join('-')} className={cards.item}>
                <Group group={group} busy={action.outcome.kind === 'busy'} onMerge={(choice) => void merge(choice)} />
              </li>
            ))}
          </ul>
        ))}
    </Section>
  );
}
