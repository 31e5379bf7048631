import { Text } from '@fluentui/react-components';
import { useState } from 'react';
import type { Member } from '../api/types';
import { ConfirmDialog } from '../shared/confirm-dialog';

/** Props for {@link RemovePersonDialog}. */
export interface RemovePersonDialogProps {
  /** Who would be removed; the dialog is closed while null. */
  readonly member: Member | null;
  readonly groupName: string;
  /** What removal means for them, in a sentence or two. */
  readonly removalMeans: string;
  /** Who is signed in (their id), warned when they would remove themselves. */
  readonly myId: string | null;
  readonly onConfirm: (member: Member) => void;
  readonly onCancel: () => void;
}

/** Asks before removing someone, saying what it means for them; Cancel (or Escape) leaves them in. */
export function RemovePersonDialog({ member, groupName, removalMeans, myId, onConfirm, onCancel }: RemovePersonDialogProps) {
  // Keeps showing who it was about while the dialog fades out after a choice.
  const [shown, setShown] = useState(member);
  if (member !== null && member !== shown) setShown(member);
  if (shown === null) return null;
  return (
    <ConfirmDialog
      open={member !== null}
      title={`Remove ${shown.userName} from ${groupName}?`}
      confirmLabel={`Remove ${shown.userName}`}
      onConfirm={() => onConfirm(shown)}
      onCancel={onCancel}
    >
      <Text block>{removalMeans}</Text>
      {shown.userId === myId && (
        <Text block weight="semibold">
          This is you: you will lose this access as soon as you remove yourself.
        </Text>
      )}
      <Text block>Nothing else is deleted, and they can be added again at any time.</Text>
    </ConfirmDialog>
  );
}
