import { TZDate } from '@date-fns/tz';

/**
 * Reading what a card sent. Cards send every input as text and leave out empty
 * ones; these helpers shape the values for the service, which does the validating.
 */

/** A trimmed text input, or undefined when it was left empty. */
export function optionalText(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

/** A whole number typed into a card, left as it was when it is not one (so the service names the problem). */
export function wholeNumber(value: unknown): unknown {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && /^\s*\d+\s*$/.test(value)) return Number(value);
  return optionalText(value);
}

/**
 * The id of a record a card names: a positive whole number, or its digits as text (choice
 * sets send text). Anything else (`true`, `[5]`, `"0x10"`, `"1e1"`), which `Number()` would
 * turn into some other record's id, is undefined.
 */
export function recordId(value: unknown): number | undefined {
  const id = typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : value;
  return typeof id === 'number' && Number.isSafeInteger(id) && id > 0 ? id : undefined;
}

/** A toggle's value ("true"/"false") as a boolean. */
export function toggle(value: unknown): unknown {
  if (typeof value === 'boolean') return value;
  if (value === 'true') return true;
  if (value === 'false' || value === undefined) return false;
  return value;
}

/**
 * A date and a time from a card, read in the organisation's time zone, as an
 * instant. Anything that is not a real date and time is passed on as typed, for
 * the service to refuse with its own message.
 */
export function instantIn(timeZone: string, date: unknown, time: unknown): unknown {
  const day = optionalText(date);
  const clock = optionalText(time);
  if (day === undefined || clock === undefined) return undefined;
  const parts = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(day));
  const hm = /^(\d{2}):(\d{2})(?::\d{2})?$/.exec(String(clock));
  if (!parts || !hm) return `${String(day)} ${String(clock)}`;
  const instant = new TZDate(Number(parts[1]), Number(parts[2]) - 1, Number(parts[3]), Number(hm[1]), Number(hm[2]), timeZone);
  return Number.isNaN(instant.getTime()) ? `${String(day)} ${String(clock)}` : new Date(instant.getTime()).toISOString();
}

/** An amount of money typed into a card in pounds ("4.50", "£4.50", "1,200") as whole pence; left as typed when it is not one, for the service to refuse. */
export function penceOf(value: unknown): unknown {
  const text = optionalText(value);
  if (typeof text !== 'string') return text;
  const amount = /^£?\s*(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?$/.exec(text);
  if (!amount) return text;
  return Number(amount[1]?.replaceAll(',', '')) * 100 + Number((amount[2] ?? '').padEnd(2, '0'));
}

/** A number typed into a card ("12.5"), left as typed when it is not one. */
export function decimal(value: unknown): unknown {
  const text = optionalText(value);
  return typeof text === 'string' && /^\s*\d+(?:\.\d+)?\s*$/.test(text) ? Number(text) : text;
}
