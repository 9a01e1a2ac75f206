import { describe, expect, it } from 'vitest';
import { prefillFromAssessment } from '../../../src/domain/breach/recorded-facts.js';

describe('prefillFromAssessment: Update facts starts from the questionnaire', () => {
  const answers = { subjectsCount: 1200, recordsCount: null, malicious: true };

  it('fills the number of people (approximate) and whether it was deliberate when nothing is recorded', () => {
    expect(prefillFromAssessment({}, answers)).toEqual({ subjectsCount: 1200, subjectsApproximate: true, causeMalicious: true });
  });

  it('never overrides a recorded fact', () => {
    const recorded = { subjectsCount: 1187, subjectsApproximate: false, causeMalicious: false };
    expect(prefillFromAssessment(recorded, answers)).toEqual(recorded);
  });

  it('leaves the facts alone without an assessment, and an unknown count unfilled', () => {
    expect(prefillFromAssessment({ exposureWho: { en: 'a supplier' } }, null)).toEqual({ exposureWho: { en: 'a supplier' } });
    expect(prefillFromAssessment({}, { subjectsCount: null, recordsCount: 40, malicious: false })).toEqual({ recordsCount: 40, recordsApproximate: true, causeMalicious: false });
  });
});
