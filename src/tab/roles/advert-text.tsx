import { Button, Field, Text, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { Copy16Regular } from '@fluentui/react-icons';
import { useRef, useState } from 'react';
import type { DownloadedFile } from '../api/client';
import { DownloadButton } from '../shared/download-button';
import { useFormStyles } from '../shared/form-styles';

const useStyles = makeStyles({
  said: {
    color: tokens.colorNeutralForeground2,
  },
});

/** Props for {@link AdvertText}. */
export interface AdvertTextProps {
  /** The advert as the server makes it from the role description. */
  readonly text: string;
  /** Fetches the advert as a text file (with the sign-in token). */
  readonly download: () => Promise<DownloadedFile>;
  /** Fetches the advert as a web page, for the opportunities pages (with the sign-in token). */
  readonly downloadPage: () => Promise<DownloadedFile>;
}

/**
 * A role's advert, for the opportunities pages: shown as it will read, copied to the
 * clipboard, or downloaded as a text file or a web page. Where the browser (or Teams) does not let
 * the tab copy, the text is selected for the person to copy themselves.
 */
export function AdvertText({ text, download, downloadPage }: AdvertTextProps) {
  const styles = useStyles();
  const formStyles = useFormStyles();
  const area = useRef<HTMLTextAreaElement>(null);
  const [said, setSaid] = useState('');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setSaid('The advert text is copied.');
    } catch {
      area.current?.focus();
      area.current?.select();
      setSaid('The tab was not allowed to copy. The advert text is selected: press Ctrl+C (⌘+C on a Mac) to copy it.');
    }
  };
  return (
    <div className={formStyles.form}>
      <Field label="Advert text">
        <Textarea ref={area} readOnly value={text} rows={8} resize="vertical" />
      </Field>
      <div className={formStyles.buttons}>
        <Button icon={<Copy16Regular />} onClick={copy}>
          Copy the advert text
        </Button>
        <DownloadButton fetchFile={download}>Download the advert (.txt)</DownloadButton>
        <DownloadButton fetchFile={downloadPage}>Download the advert as a web page (.html)</DownloadButton>
      </div>
      <Text role="status" className={styles.said}>
        {said}
      </Text>
    </div>
  );
}
