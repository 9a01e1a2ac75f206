import { describe, expect, it } from 'vitest';
import { findPersonalData } from '../../../src/domain/breach/personal-data.js';

const kinds = (t: string) => findPersonalData(t).map((f) => f.kind);

describe('personal data in titles', () => {
  it.each([
    ['Mail to anna.hansen@example.dk sent to wrong list', ['email']],
    ['Record of 010190-1234 exposed', ['cpr']],
    ['CPR 3112851234 in log file', ['cpr']],
    ['Call +45 12 34 56 78 about laptop', ['phone']],
  ])('flags %s', (title, expected) => {
    expect(kinds(title)).toEqual(expected);
  });

  it.each([
    'Payroll export sent to wrong recipient',
    'Ransomware on file server FS-02, 2026-11-20',
    'Lost laptop, ticket INC-4471',
    'Backup tape missing since 2025',
    'CPR numbers of 1,200 patients visible in portal',
  ])('does not flag %s', (title) => {
    expect(kinds(title)).toEqual([]);
  });

  it('does not treat an impossible date as a CPR number', () => {
    expect(kinds('Order 991399-1234 failed')).not.toContain('cpr');
  });
});
