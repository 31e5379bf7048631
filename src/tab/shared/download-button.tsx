import { Button, Text, makeStyles, tokens, type ButtonProps } from '@fluentui/react-components';
import { ArrowDownload16Regular } from '@fluentui/react-icons';
import { useState, type ReactNode } from 'react';
import type { DownloadedFile } from '../api/client';
import { messageOf } from './use-load';

const useStyles = makeStyles({
  root: {
    display: 'inline-flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
  },
  failure: {
    color: tokens.colorPaletteRedForeground1,
  },
});

/** Hands a fetched file to the browser as a download. */
export function saveFile(file: DownloadedFile): void {
  const url = URL.createObjectURL(file.blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  document.body.append(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(url);
}

/** Props for {@link DownloadButton}. */
export interface DownloadButtonProps {
  /** Fetches the file (with the sign-in token). */
  readonly fetchFile: () => Promise<DownloadedFile>;
  readonly children: ReactNode;
  /** A fuller name when the visible words are short ("Download (.ics)" of which one-to-one). */
  readonly 'aria-label'?: string;
  readonly size?: ButtonProps['size'];
  readonly appearance?: ButtonProps['appearance'];
}

/** A button that downloads a file from the API, saying plainly if it could not. */
export function DownloadButton({ fetchFile, children, size, appearance, 'aria-label': label }: DownloadButtonProps) {
  const styles = useStyles();
  const [state, setState] = useState<{ busy: boolean; failure: string | null }>({ busy: false, failure: null });
  const download = async () => {
    setState({ busy: true, failure: null });
    try {
      saveFile(await fetchFile());
      setState({ busy: false, failure: null });
    } catch (error) {
      setState({ busy: false, failure: `Not downloaded: ${messageOf(error)}` });
    }
  };
  return (
    <span className={styles.root}>
      {/* Focusable while it fetches: a disabled button drops the keyboard focus, out of a side panel too. */}
      <Button
        icon={<ArrowDownload16Regular />}
        size={size}
        appearance={appearance}
        aria-label={label}
        disabledFocusable={state.busy}
        onClick={download}
      >
        {children}
      </Button>
      {state.failure && (
        <Text role="alert" className={styles.failure}>
          {state.failure}
        </Text>
      )}
    </span>
  );
}
