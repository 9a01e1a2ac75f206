// Properties that must hold for every valid set of answers.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type AssessmentAnswers,
  type AssessmentResult,
  assess,
  assessmentAnswersSchema,
} from '../../../src/domain/assessment/index.js';
import { DISCLOSURES } from '../../../src/domain/assessment/answers.js';
import { SPECIAL_CATEGORIES } from '../../../src/domain/assessment/data-categories.js';
import { validAnswers } from './arbitraries.js';

const RANK: Record<AssessmentResult['risk'], number> = { unlikely: 0, risk: 1, high: 2 };
const specialCategory = fc.constantFrom(...SPECIAL_CATEGORIES, 'criminal' as const);

function withType(a: AssessmentAnswers, t: AssessmentAnswers['dataTypes'][number]): AssessmentAnswers {
  return a.dataTypes.includes(t) ? a : { ...a, dataTypes: [...a.dataTypes, t] };
}

describe('assessment properties', () => {
  it('the schema accepts every generated answer', () => {
    fc.assert(
      fc.property(validAnswers, (a) => {
        const parsed = assessmentAnswersSchema.safeParse(a);
        expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
      }),
    );
  });

  it('adding a special category never lowers the risk', () => {
    fc.assert(
      fc.property(validAnswers, specialCategory, (a, t) => {
        expect(RANK[assess(withType(a, t)).risk]).toBeGreaterThanOrEqual(RANK[assess(a).risk]);
      }),
    );
  });

  it('intact protection over every kind of data, on a confidentiality-only breach, never requires notification', () => {
    const confidentialityOnly = validAnswers.map(
      (a): AssessmentAnswers => ({
        ...a,
        breachTypes: ['confidentiality'],
        protection: 'intact',
        protectedDataTypes: null, // over every kind of data
        disclosure: a.disclosure ?? 'confirmed',
        recipients: a.recipients ?? 'public',
        alteration: 'none',
        unavailability: 'none',
        restoredWithinHours: null,
      }),
    );
    fc.assert(
      fc.property(confidentialityOnly, (a) => {
        const r = assess(a);
        expect(r.notifyAuthority).toBe(false);
        expect(r.communicateToSubjects).toBe('no');
        expect(r.risk).toBe('unlikely');
      }),
    );
  });

  it('a processor never notifies the authority or the people, and always tells the controller', () => {
    fc.assert(
      fc.property(validAnswers, (a) => {
        const r = assess({ ...a, role: 'processor' });
        expect(r.notifyAuthority).toBe(false);
        expect(r.notifyController).toBe(true);
        expect(r.communicateToSubjects).toBe('no');
        expect(r.exemption).toBeNull();
      }),
    );
  });

  it('every result has at least one reason, each a sentence', () => {
    fc.assert(
      fc.property(validAnswers, (a) => {
        const r = assess(a);
        expect(r.reasons.length).toBeGreaterThan(0);
        for (const s of r.reasons) expect(s).toMatch(/^[A-Z].*[.)]$/s);
        expect(r.reasons.some((s) => s.startsWith('ENISA severity '))).toBe(true);
      }),
    );
  });

  it('the result is deterministic and leaves the answers untouched', () => {
    fc.assert(
      fc.property(validAnswers, (a) => {
        const copy = structuredClone(a);
        const first = assess(a);
        expect(assess(copy)).toEqual(first);
        expect(a).toEqual(copy);
      }),
    );
  });

  it('the outcome is consistent with the risk and role', () => {
    fc.assert(
      fc.property(validAnswers, (a) => {
        const r = assess(a);
        const controller = a.role !== 'processor';
        expect(r.notifyAuthority).toBe(controller && r.risk !== 'unlikely');
        expect(r.notifyController).toBe(!controller);
        if (r.communicateToSubjects !== 'no') expect(r.risk).toBe('high');
        if (controller && r.risk === 'high' && r.exemption === null) expect(r.communicateToSubjects).toBe('individual');
        expect(r.communicateToSubjects === 'public').toBe(r.exemption === 'disproportionate_effort');
      }),
    );
  });

  it('the severity is ENISA arithmetic: score = DPC × EI + CB, level by thresholds', () => {
    fc.assert(
      fc.property(validAnswers, (a) => {
        const { dpc, ei, cb, score, level } = assess(a).severity;
        expect(score).toBeCloseTo(dpc * ei + cb, 10);
        expect([1, 2, 3, 4]).toContain(dpc);
        expect([0.25, 0.5, 0.75, 1]).toContain(ei);
        const expected = score < 2 ? 'low' : score < 3 ? 'medium' : score < 4 ? 'high' : 'very_high';
        expect(level).toBe(expected);
      }),
    );
  });

  it('an unknown number of people never lowers the risk, and the reasons say so', () => {
    fc.assert(
      fc.property(validAnswers, (a) => {
        const unknown = assess({ ...a, subjectsCount: null });
        expect(RANK[unknown.risk]).toBeGreaterThanOrEqual(RANK[assess(a).risk]);
        expect(unknown.reasons.some((s) => /number of people affected is not known.*worse case/.test(s))).toBe(true);
      }),
    );
  });

  it('an unknown disclosure is never assessed as better than a known one', () => {
    const confidentiality = validAnswers.filter((a) => a.breachTypes.includes('confidentiality'));
    fc.assert(
      fc.property(confidentiality, fc.constantFrom(...DISCLOSURES), (a, d) => {
        const unknown = assess({ ...a, disclosure: null });
        expect(RANK[unknown.risk]).toBeGreaterThanOrEqual(RANK[assess({ ...a, disclosure: d }).risk]);
      }),
    );
  });

  it('a severe effect of a loss or alteration on people is always high risk', () => {
    const loss = validAnswers.filter((a) => a.breachTypes.some((t) => t !== 'confidentiality'));
    fc.assert(
      fc.property(loss, (a) => {
        expect(assess({ ...a, impactOnPeople: 'severe' }).risk).toBe('high');
      }),
    );
  });
});
