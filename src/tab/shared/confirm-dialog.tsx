import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle } from '@fluentui/react-components';
import type { ReactNode } from 'react';

/** Props for {@link ConfirmDialog}. */
export interface ConfirmDialogProps {
  readonly open: boolean;
  /** The question, as the dialog's name: "Withdraw Sam's consent to notes?" */
  readonly title: string;
  /** What confirming does, in plain words (and any deliberate step it asks for). */
  readonly children: ReactNode;
  /** Says what happens: "Withdraw and delete the notes". */
  readonly confirmLabel: string;
  /** True until the deliberate step is done. */
  readonly confirmDisabled?: boolean;
  /** Says that nothing changes: "Cancel" unless that would read as the change itself ("Keep it booked"). */
  readonly cancelLabel?: string;
  readonly onConfirm: () => void;
  readonly onCancel: () => void;
}

/** Asks before a change that cannot be undone; Cancel (or Escape) changes nothing. */
export function ConfirmDialog({
  open,
  title,
  children,
  confirmLabel,
  confirmDisabled = false,
  cancelLabel = 'Cancel',
  onConfirm,
  onCancel,
}: ConfirmDialogProps) {
  return (
    <Dialog
      modalType="alert"
      open={open}
      onOpenChange={(_event, data) => {
        if (!data.open) onCancel();
      }}
    >
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{title}</DialogTitle>
          <DialogContent>{children}</DialogContent>
          <DialogActions>
            <Button appearance="primary" disabled={confirmDisabled} onClick={onConfirm}>
              {confirmLabel}
            </Button>
            <Button onClick={onCancel}>{cancelLabel}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
