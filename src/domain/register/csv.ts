/*
 * CSV as RFC 4180 writes it: CRLF between records, a field quoted when it holds a comma, a quote,
 * CR or LF, and quotes inside doubled. The file starts with a UTF-8 byte order mark: RFC 4180
 * allows it, every CSV library skips it, and without it Excel (what a DPO opens a register with)
 * reads UTF-8 as Windows-1252 and garbles "Rådhuspladsen" and every emoji.
 */

export const UTF8_BOM = '\uFEFF';
const CRLF = '\r\n';

/**
 * A spreadsheet runs a cell that starts with =, +, -, @ (or TAB/CR, which some strip first) as a
 * formula: a title like `=HYPERLINK("https://evil","Click")` would become a live link (OWASP "CSV
 * injection"). Such a cell gets a leading apostrophe, which spreadsheets show as text. A cell that
 * already starts with an apostrophe gets one more, so `unguardCell` gives back the exact text.
 */
const FORMULA_START = /^[=+\-@\t\r']/;

export function guardCell(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** The inverse of guardCell, for a reader that wants the stored text back. */
export function unguardCell(text: string): string {
  return text.startsWith("'") && FORMULA_START.test(text.slice(1)) ? text.slice(1) : text;
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
