import fs from 'node:fs';
import path from 'node:path';
import { DOCUMENT_NAMES, itemDocuments, type DocumentLinks, type GuidanceTexts, type ItemDocument } from '../domain';

const LINK = /\{link:([A-Za-z]+)\}/g;

/**
 * The guidance the organisation edits: Markdown files in one folder, one per topic
 * (`informal-chat.md`), each split into sections by `## name` headings. `{link:name}`
 * becomes a link to the configured document, or its plain name when none is set.
 * Files are read once, at start.
 */
export class Guidance implements GuidanceTexts {
  private readonly sections = new Map<string, string>();

  constructor(
    folder: string,
    private readonly links: DocumentLinks,
  ) {
    for (const file of fs.readdirSync(folder).filter((name) => name.endsWith('.md'))) {
      const topic = file.slice(0, -'.md'.length);
      const text = fs.readFileSync(path.join(folder, file), 'utf8').replace(/\r\n/g, '\n');
      for (const part of text.split(/^## /m).slice(1)) {
        const newline = part.indexOf('\n');
        const name = (newline < 0 ? part : part.slice(0, newline)).trim().toLowerCase();
        const body = newline < 0 ? '' : part.slice(newline + 1).trim();
        this.sections.set(`${topic}/${name}`, this.withLinks(body));
      }
    }
  }

  /** A section's text, or an empty string when the organisation has not written it. */
  text(topic: string, section: string): string {
    return this.sections.get(`${topic}/${section.toLowerCase()}`) ?? '';
  }

  /**
   * A section with its `{field}` placeholders filled from `values`, in one pass, so
   * a value that looks like a placeholder stays as it is. Unknown placeholders are
   * left as written, for the organisation to spot.
   */
  filled(topic: string, section: string, values: Readonly<Record<string, string>>): string {
    return this.text(topic, section).replace(/\{([a-z]+)\}/g, (whole, name: string) =>
      Object.hasOwn(values, name) ? values[name] : whole,
    );
  }

  /** The links to show on a checklist's items, for the items that concern one of the organisation's documents with a link set. */
  itemDocuments(tasks: readonly { readonly id: number; readonly label: string }[]): ItemDocument[] {
    return itemDocuments(tasks, this.links);
  }

  /** A section's bullet lines ("- ..."), as separate items for a card. */
  items(topic: string, section: string): string[] {
    return this.text(topic, section)
      .split('\n')
      .filter((line) => line.startsWith('- '))
      .map((line) => line.slice(2).trim());
  }

  private withLinks(text: string): string {
    return text.replace(LINK, (whole, name: string) => {
      if (!Object.hasOwn(DOCUMENT_NAMES, name)) return whole;
      const key = name as keyof DocumentLinks;
      const url = this.links[key];
      return url ? `[${DOCUMENT_NAMES[key]}](${url})` : DOCUMENT_NAMES[key];
    });
  }
}
