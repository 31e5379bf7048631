import { longDate } from './calendar';
import { ACCESSIBLE_FORMATS, ROLE_LOCATIONS, type Role } from './schema/lists';

/** The description fields of a role a lead fills in, by name. */
export type RoleDescriptionFieldId =
  | 'title'
  | 'purpose'
  | 'activities'
  | 'timeCommitment'
  | 'location'
  | 'locationDetails'
  | 'paymentAndExpenses'
  | 'skillsWelcomed'
  | 'selectionCriteria'
  | 'supportOffered'
  | 'contact'
  | 'closingDate'
  | 'startDate'
  | 'level'
  | 'accessibleFormats'
  | 'termMonths';

/** One field of the role description template: how it is asked for, on a card or in the tab. */
export interface RoleDescriptionField {
  readonly id: RoleDescriptionFieldId;
  readonly label: string;
  /** `text` (one line, or several when `multiline`), `date` (YYYY-MM-DD), `level` (a whole number from the choices: the level, the term in months) or `choice`. */
  readonly kind: 'text' | 'date' | 'level' | 'choice';
  readonly multiline: boolean;
  /** The most characters a text field takes; 0 for the others. */
  readonly maxLength: number;
  readonly choices: readonly string[];
  /** Whether more than one choice may be picked. */
  readonly multiSelect: boolean;
  /** Whether the role cannot be saved at all without it (the rest are needed only before Ready). */
  readonly required: boolean;
}

const text = (id: RoleDescriptionFieldId, label: string, maxLength: number, multiline = false): RoleDescriptionField => ({
  id,
  label,
  kind: 'text',
  multiline,
  maxLength,
  choices: [],
  multiSelect: false,
  required: id === 'title',
});

const picked = (
  id: RoleDescriptionFieldId,
  label: string,
  kind: RoleDescriptionField['kind'],
  choices: readonly string[] = [],
  multiSelect = false,
): RoleDescriptionField => ({ id, label, kind, multiline: false, maxLength: 0, choices, multiSelect, required: false });

/** The terms of office a role may have, in months: from six months to five years. */
const TERM_CHOICES = ['6', '12', '18', '24', '36', '48', '60'];

/** The role description template, field by field, in the order a lead fills it in. */
export const ROLE_DESCRIPTION_FIELDS: readonly RoleDescriptionField[] = [
  text('title', 'Role title', 120),
  text('purpose', 'Purpose: what the role is for', 2000, true),
  text('activities', 'What the partner will do', 2000, true),
  text('timeCommitment', 'Time commitment', 255),
  picked('location', 'Where', 'choice', ROLE_LOCATIONS),
  text('locationDetails', 'Location details', 255),
  text('paymentAndExpenses', 'Payment and expenses', 2000, true),
  text('skillsWelcomed', 'Skills or experience welcomed', 2000, true),
  text('selectionCriteria', 'Selection criteria (one a line)', 2000, true),
  text('supportOffered', 'Support offered', 2000, true),
  text('contact', 'Contact for questions', 255),
  picked('closingDate', 'Closing date', 'date'),
  picked('startDate', 'Start date', 'date'),
  picked('level', 'Involvement level (1 open participation to 4 strategic)', 'level', ['1', '2', '3', '4']),
  picked('accessibleFormats', 'Accessible formats offered', 'choice', ACCESSIBLE_FORMATS, true),
  picked('termMonths', 'Term of office in months (three years, 36, is common; leave empty for none)', 'level', TERM_CHOICES),
];

/** The role description template with the organisation's guidance: an introduction, and help beside each field. */
export interface RoleDescriptionForm {
  readonly intro: string;
  readonly fields: ReadonlyArray<RoleDescriptionField & { readonly help: string }>;
}

/**
 * The template with its guidance, `section` giving the organisation's text for the
 * introduction (`intro`) or a field (its id), or an empty string where none is written.
 */
export function roleDescriptionForm(section: (name: string) => string): RoleDescriptionForm {
  return { intro: section('intro'), fields: ROLE_DESCRIPTION_FIELDS.map((field) => ({ ...field, help: section(field.id) })) };
}

/** One part of an advert: a plain heading and its text. */
export interface AdvertSection {
  readonly heading: string;
  readonly text: string;
}

/** The role description turned into an advert: plain headings, in the order a reader needs them; empty parts left out. */
export function advertSections(role: Role): AdvertSection[] {
  const where = [role.location, role.locationDetails].filter(Boolean).join(': ');
  const formats = role.accessibleFormats?.length
    ? `This advert is available as ${role.accessibleFormats.join(', ').toLowerCase()} on request.`
    : '';
  return [
    { heading: 'Why this role matters', text: role.purpose ?? '' },
    { heading: 'What you would do', text: role.activities ?? '' },
    { heading: 'Time and place', text: [role.timeCommitment, where].filter(Boolean).join('. ') },
    { heading: 'Who we would love to hear from', text: role.skillsWelcomed ?? '' },
    { heading: 'Payment, expenses and support', text: [role.paymentAndExpenses, role.supportOffered].filter(Boolean).join(' ') },
    {
      heading: 'How to get in touch',
      text: [`Contact ${role.contact ?? 'the recruiting lead'}${role.closingDate ? ` by ${longDate(role.closingDate)}` : ''}.`, formats]
        .filter(Boolean)
        .join(' '),
    },
  ].filter((section) => section.text.trim() !== '');
}

/** The advert as plain text for the opportunities pages: the title, then each section under its heading. */
export function advertText(role: Role): string {
  return `${[role.title, ...advertSections(role).map((section) => `${section.heading}\n${section.text}`)].join('\n\n')}\n`;
}

/** Where a role's advert is, in a sentence for the lead; empty before it is first sent. */
export function advertNote(role: Role): string {
  if (role.advertState === 'Awaiting approval') return 'The advert is waiting for the Engagement team to approve it.';
  if (role.advertState === 'Sent back') {
    return `The Engagement team sent the advert back: "${role.advertComment ?? ''}". Change the description, then send it again.`;
  }
  return role.advertUrl ? `Advert: ${role.advertUrl}` : '';
}

/** Text made safe to place in HTML or XML: the five characters markup gives meaning to, as entities. */
export function escapeMarkup(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

/** A section's text as paragraphs: a blank line starts a new one, a single line break stays a line break. */
function paragraphs(text: string): string {
  return text
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean)
    .map((paragraph) => `<p>${paragraph.split('\n').map(escapeMarkup).join('<br>\n')}</p>`)
    .join('\n');
}

/**
 * The one style of the HTML advert: large default text, short lines and generous
 * spacing (easy-read guidance), in the reader's own colours.
 */
const ADVERT_STYLE =
  'body{font-family:Arial,Helvetica,sans-serif;font-size:1.25rem;line-height:1.6;max-width:34em;margin:1.5em auto;padding:0 1em}h1{font-size:2rem;line-height:1.25}h2{font-size:1.5rem;margin-top:1.5em}p{margin:0 0 1em}';

/**
 * The advert as a standalone HTML page for the opportunities pages: British English,
 * the title as the one top heading, each section under its own heading, every value
 * from the role escaped, no script and no table.
 */
export function advertHtml(role: Role): string {
  const sections = advertSections(role).map((section) => `<h2>${escapeMarkup(section.heading)}</h2>\n${paragraphs(section.text)}`);
  return [
    '<!DOCTYPE html>',
    '<html lang="en-GB">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeMarkup(role.title)}</title>`,
    `<style>${ADVERT_STYLE}</style>`,
    '</head>',
    '<body>',
    '<main>',
    `<h1>${escapeMarkup(role.title)}</h1>`,
    ...sections,
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
