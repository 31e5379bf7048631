import { Link, Text, makeStyles } from '@fluentui/react-components';
import type { ReactNode } from 'react';

const useStyles = makeStyles({
  paragraph: {
    whiteSpace: 'pre-line',
  },
});

/** `[name](https://...)` links and `**bold**` words: the Markdown the organisation's guidance uses. */
const INLINE = /\[([^\]]+)\]\((https:[^)\s]+)\)|\*\*([^*]+)\*\*/g;

function inline(text: string): ReactNode[] {
  const parts: ReactNode[] = [];
  let from = 0;
  for (const match of text.matchAll(INLINE)) {
    if (match.index > from) parts.push(text.slice(from, match.index));
    const [, name, url, bold] = match;
    parts.push(
      url ? (
        <Link key={match.index} href={url} target="_blank" rel="noreferrer">
          {name}
        </Link>
      ) : (
        <strong key={match.index}>{bold}</strong>
      ),
    );
    from = match.index + match[0].length;
  }
  if (from < text.length) parts.push(text.slice(from));
  return parts;
}

/**
 * A piece of the organisation's guidance, as the server sends it: paragraphs split on
 * blank lines, line breaks kept, links (https only) and bold words shown as such.
 */
export function GuidanceText({ text }: { readonly text: string }) {
  const styles = useStyles();
  return (
    <>
      {text
        .split(/\n{2,}/)
        .filter((paragraph) => paragraph.trim() !== '')
        .map((paragraph, index) => (
          <Text as="p" block key={index} className={styles.paragraph}>
            {inline(paragraph)}
          </Text>
        ))}
    </>
  );
}
