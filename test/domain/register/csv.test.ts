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
