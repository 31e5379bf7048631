import { stringify } from 'csv-stringify/sync';

/** What a CSV cell holds; null is an empty cell. */
export type CsvValue = string | number | null;

/** Spreadsheets run a cell starting with one of these as a formula; a leading apostrophe keeps it text. */
const FORMULA_START = /^[=+\-@\t\r]/;

function keptAsText(value: CsvValue): CsvValue {
  return typeof value === 'string' && FORMULA_START.test(value) ? `'${value}` : value;
}

/**
 * Rows as CSV for a spreadsheet: a cell holding a comma, a quote or a line break is
 * quoted (RFC 4180), and text a spreadsheet would run as a formula is kept as text.
 * Every row ends in a line break: `\n`, or `\r\n` for `'windows'`.
 */
export function spreadsheetCsv(rows: ReadonlyArray<readonly CsvValue[]>, lineBreak: 'unix' | 'windows' = 'unix'): string {
  // Named explicitly, the line break would otherwise stop a lone \r or \n in a cell from being quoted.
  return stringify(
    rows.map((row) => row.map(keptAsText)),
    { record_delimiter: lineBreak, quote_record_delimiter: true },
  );
}
