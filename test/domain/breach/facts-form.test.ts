import { describe, expect, it } from 'vitest';
import { checkFactsForm, parseList, type FactsFormInput } from '../../../src/domain/breach/facts-form.js';
import { readRecordedFacts } from '../../../src/domain/breach/recorded-facts.js';

const empty: FactsFormInput = {
  subjectsDescription: null, subjectsCount: null, dataDescription: null, recordsCount: null, approximate: [], exposureWho: null,
  actualConsequences: null, likelyConsequences: null, causeOrigin: 'unknown', causeMalicious: 'unknown', causeDescription: null,
  measuresBefore: null, measuresTaken: null, measuresProposed: null, mitigation: null, subjectSteps: null, controller: null,
  processors: null, policeInformed: 'unknown', policeReference: null, otherAuthorities: null, crossBorder: 'unknown',
  crossBorderCountries: null, delayReason: null, supplementExpectedBy: null,
};

describe('the Update facts form', () => {
  it('records nothing for empty fields and "not known yet"', () => {
    expect(checkFactsForm(empty)).toEqual({ ok: true, value: {} });
  });

  it('reads counts, lists (with "none" as an answer) and yes/no', () => {
    const r = checkFactsForm({
      ...empty, subjectsCount: '1.200', approximate: ['subjects', 'records'], measuresTaken: '- Reset passwords\n• Told the bank\n\n', measuresBefore: 'none',
      policeInformed: 'yes', policeReference: 'KBH-1', causeOrigin: 'external', causeMalicious: 'no',
    });
    expect(r).toEqual({
      ok: true,
      value: {
        subjectsCount: 1200, subjectsApproximate: true, measuresTaken: ['Reset passwords', 'Told the bank'], measuresBefore: [],
        policeInformed: true, policeReference: 'KBH-1', causeOrigin: 'external', causeMalicious: false,
      },
    });
    expect(parseList('  ')).toBeNull();
  });

  it('shows errors at the field', () => {
    const r = checkFactsForm({ ...empty, recordsCount: 'about 40', policeReference: 'KBH-1', crossBorderCountries: 'Sweden' });
    expect(r).toMatchObject({ ok: false, errors: { recordsCount: expect.any(String), policeReference: expect.any(String), crossBorderCountries: expect.any(String) } });
  });

  it('drops stored values that do not fit, rather than trust them', () => {
    expect(readRecordedFacts({ subjectsCount: -3, delayReason: 'Weekend', measuresTaken: 'not a list' })).toEqual({ delayReason: 'Weekend' });
  });
});
