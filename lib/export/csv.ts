import { stringify } from 'csv-stringify/sync';

/*
 * Every CSV the portal serves goes through here. Report text, unit names and category names are
 * written by citizens and staff, and a spreadsheet runs a cell that starts with = + - or @ as a
 * formula (=HYPERLINK(…), =cmd|…, DDE); a leading tab or carriage return can hide such a start.
 * As OWASP advises, such a text cell gets a leading single quote, which spreadsheets show as
 * text. The decision is by type, not by look: a number the portal computed (a latitude of -6.2, a
 * count, an index) is written as the number it is and stays a number in the spreadsheet, while
 * text that merely looks like a number ("-1+1") is neutralised like any other text.
 */

export type CsvCell = string | number | boolean | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

/** A text cell a spreadsheet will show as text. */
export function neutraliseCell(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** Rows as CSV (RFC 4180 quoting by csv-stringify), every text cell neutralised. */
export function toCsv(rows: readonly (readonly CsvCell[])[]): string {
  return stringify(rows as CsvCell[][], { cast: { string: neutraliseCell } });
}

/** The byte order mark that makes spreadsheet programs open Indonesian text as UTF-8. */
export const CSV_BOM = '\uFEFF';
