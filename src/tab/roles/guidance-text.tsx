import { Link } from '@fluentui/react-components';
import type { ReactNode } from 'react';

/** A Markdown link as the guidance writes one to the organisation's documents: `[expenses policy](https://…)`. */
const LINK = /\[([^\]]+)\]\((https:\/\/[^)\s]+)\)/g;

/**
 * The organisation's guidance as the bot's cards show it: plain words, with a link
 * wherever it names one of the organisation's documents that has one set.
 */
export function GuidanceText({ text }: { readonly text: string }): ReactNode {
  const parts: ReactNode[] = [];
  let from = 0;
  for (const match of text.matchAll(LINK)) {
    parts.push(text.slice(from, match.index));
    parts.push(
      <Link key={match.index} href={match[2]} target="_blank" rel="noreferrer" inline>
        {match[1]}
      </Link>,
    );
    from = match.index + match[0].length;
  }
  parts.push(text.slice(from));
  return <>{parts}</>;
}
