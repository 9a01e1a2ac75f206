/*
 * CSV as RFC 4180 writes it: CRLF between records, a field quoted when it holds a comma, a quote,
 * CR or LF, and quotes inside doubled. The file starts with a UTF-8 byte order mark: RFC 4180
 * allows it, every CSV library skips it, and without it Excel (what a DPO opens a register with)
 * reads UTF-8 as Windows-1252 and garbles "Rådhuspladsen" and every emoji.
 */

export const UTF8_BOM = '\uFEFF';
const CRLF = '\r\n';

/**
 * A spreadsheet runs a cell that starts with =, +, -, @ as a formula: a title like
 * `=HYPERLINK("https://evil","Click")` would become a live link (OWASP "CSV injection",
 * https://owasp.org/www-community/attacks/CSV_Injection). Spreadsheets skip leading whitespace and
 * control characters before deciding, so ` =1+1`, a non-breaking space, a newline, TAB or CR
 * before the sign count too, as do the full-width signs (＝ ＋ － ＠) and the minus sign (−) some
 * spreadsheets normalise. Such a cell gets a leading apostrophe, which spreadsheets show as text.
 * A cell that starts with TAB or CR, or already with an apostrophe, gets one too, so
 * `unguardCell` gives back the exact text.
 */
const LEADING_BLANKS = /^[\s\u0000-\u001f\u007f-\u009f\u00a0\u00ad\u1680\u180e\u2000-\u200f\u2028-\u202f\u205f-\u2064\u3000\ufeff]+/;
const FORMULA_SIGN = /^[=+\-@\uff1d\uff0b\uff0d\uff20\u2212\ufe62\ufe63\ufe66]/;

function needsGuard(text: string): boolean {
  return /^['\t\r]/.test(text) || FORMULA_SIGN.test(text.replace(LEADING_BLANKS, ''));
}

export function guardCell(text: string): string {
  return needsGuard(text) ? `'${text}` : text;
}

/** The inverse of guardCell, for a reader that wants the stored text back. */
export function unguardCell(text: string): string {
  return text.startsWith("'") && needsGuard(text.slice(1)) ? text.slice(1) : text;
}

function field(text: string): string {
  const safe = guardCell(text);
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** The whole file: BOM, header record, one record per row, each ended by CRLF. */
export function toCsv(header: readonly string[], rows: Iterable<readonly string[]>): string {
  const out: string[] = [UTF8_BOM, header.map(field).join(','), CRLF];
  for (const row of rows) {
    if (row.length !== header.length) throw new Error(`a CSV row has ${row.length} fields, the header ${header.length}`);
    out.push(row.map(field).join(','), CRLF);
  }
  return out.join('');
}
