// A worse fact never lowers the outcome (issue 11). The outcome is ordered by the risk level,
// whether Datatilsynet is notified, and whether the people are told; each part may only rise.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type AssessmentAnswers,
  assess,
  assessmentAnswersSchema,
} from '../../../src/domain/assessment/index.js';
import { explainAssessment } from '../../../src/domain/assessment/assess.js';
import { SPECIAL_CATEGORIES } from '../../../src/domain/assessment/data-categories.js';
import { riskRank } from '../../../src/domain/assessment/result.js';
import { validAnswers } from './arbitraries.js';

/** Both answers are valid, and `worse` is assessed no better than `better` on any part of the outcome. */
function expectNoLower(better: AssessmentAnswers, worse: AssessmentAnswers): void {
  for (const a of [better, worse]) {
    const parsed = assessmentAnswersSchema.safeParse(a);
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
  }
  const b = assess(better);
  const w = assess(worse);
  const context = `\nbetter: ${JSON.stringify(better)}\n${b.reasons[0]}\nworse: ${JSON.stringify(worse)}\n${w.reasons[0]}`;
  expect(riskRank(w.risk), `risk${context}`).toBeGreaterThanOrEqual(riskRank(b.risk));
  expect(Number(w.notifyAuthority), `authority${context}`).toBeGreaterThanOrEqual(Number(b.notifyAuthority));
  expect(Number(w.communicateToSubjects !== 'no'), `people${context}`).toBeGreaterThanOrEqual(Number(b.communicateToSubjects !== 'no'));
}

/** An optional yes/no answer, absent = not asked = "no": no → not asked → not known → yes never lowers. */
function expectOptionalYesNoLadder(a: AssessmentAnswers, field: 'copyOutOfControl' | 'physicalDanger'): void {
  const { [field]: _, ...notAsked } = a;
  const ladder: AssessmentAnswers[] = [{ ...notAsked, [field]: false }, notAsked, { ...notAsked, [field]: null }, { ...notAsked, [field]: true }];
  for (let i = 1; i < ladder.length; i++) expectNoLower(ladder[i - 1]!, ladder[i]!);
}

const confidentiality = validAnswers.filter((a) => a.breachTypes.includes('confidentiality'));
const loss = validAnswers.filter((a) => a.breachTypes.includes('availability') || a.breachTypes.includes('integrity'));
const confidentialityAndLoss = loss.filter((a) => a.breachTypes.includes('confidentiality'));

describe('a worse fact never lowers the outcome', () => {
  it('more people affected, or an unknown number', () => {
    fc.assert(
      fc.property(validAnswers, fc.integer({ min: 1, max: 1_000_000 }), (a, more) => {
        if (a.subjectsCount === null) return;
        expectNoLower(a, { ...a, subjectsCount: a.subjectsCount + more });
        expectNoLower(a, { ...a, subjectsCount: null });
      }),
    );
  });

  it('less protection: all kinds covered → some → fewer → compromised → none', () => {
    fc.assert(
      fc.property(confidentiality, fc.nat(), fc.nat(), (a, cut1, cut2) => {
        const types = [...new Set(a.dataTypes)];
        const intact = (covered: AssessmentAnswers['dataTypes'] | null): AssessmentAnswers => ({
          ...a,
          protection: 'intact',
          protectedDataTypes: covered,
        });
        const some = types.slice(0, 1 + (cut1 % types.length));
        const fewer = some.slice(0, 1 + (cut2 % some.length));
        const ladder: AssessmentAnswers[] = [
          intact(null),
          intact(some),
          intact(fewer),
          { ...a, protection: 'compromised', protectedDataTypes: null },
          { ...a, protection: 'none', protectedDataTypes: null },
        ];
        for (let i = 1; i < ladder.length; i++) expectNoLower(ladder[i - 1]!, ladder[i]!);
      }),
    );
  });

  it('malicious intent', () => {
    fc.assert(fc.property(validAnswers, (a) => expectNoLower({ ...a, malicious: false }, { ...a, malicious: true })));
    // Not known is assessed as the worse case: never lower than "no", the same outcome as "yes".
    fc.assert(fc.property(validAnswers, (a) => expectNoLower({ ...a, malicious: false }, { ...a, malicious: null })));
    fc.assert(fc.property(validAnswers, (a) => expectNoLower({ ...a, malicious: true }, { ...a, malicious: null })));
  });

  it('a special category among the data', () => {
    fc.assert(
      fc.property(validAnswers, fc.constantFrom(...SPECIAL_CATEGORIES, 'criminal' as const), (a, t) => {
        if (a.dataTypes.includes(t)) return;
        expectNoLower(a, { ...a, dataTypes: [...a.dataTypes, t] });
      }),
    );
  });

  it('a less trusted recipient: bound to secrecy → known → unknown → public', () => {
    fc.assert(
      fc.property(confidentiality, (a) => {
        const to = (recipients: AssessmentAnswers['recipients'], deleted: boolean): AssessmentAnswers => ({
          ...a,
          recipients,
          recipientDeletedOrReturned: deleted,
        });
        const deleted = a.recipientDeletedOrReturned;
        const ladder = [to('trusted', deleted), to('known', deleted), to('known', false), to('unknown', false), to('public', false)];
        for (let i = 1; i < ladder.length; i++) expectNoLower(ladder[i - 1]!, ladder[i]!);
      }),
    );
  });

  it('a copy of the data out of control: stayed → not asked → not known → out of control', () => {
    fc.assert(fc.property(confidentialityAndLoss, (a) => expectOptionalYesNoLadder(a, 'copyOutOfControl')));
  });

  it('physical danger: none → not asked → not known → could put someone in danger', () => {
    fc.assert(fc.property(confidentiality, (a) => expectOptionalYesNoLadder(a, 'physicalDanger')));
  });

  it('a longer outage: more hours → not yet restored → lost for good', () => {
    fc.assert(
      fc.property(loss, fc.double({ min: 0, max: 500, noNaN: true }), fc.double({ min: 0, max: 500, noNaN: true }), (a, h, more) => {
        if (a.unavailability === 'permanent') return;
        const hours = (restoredWithinHours: number | null): AssessmentAnswers => ({ ...a, restoredWithinHours });
        expectNoLower(hours(h), hours(h + more));
        expectNoLower(hours(h + more), hours(null));
        if (a.breachTypes.includes('availability')) {
          expectNoLower(hours(null), { ...a, unavailability: 'permanent', restoredWithinHours: null });
        }
      }),
    );
  });

  it('people in a more vulnerable position: patients, children, vulnerable people added', () => {
    fc.assert(
      fc.property(validAnswers, fc.constantFrom('patients', 'children', 'vulnerable') as fc.Arbitrary<AssessmentAnswers['subjectGroups'][number]>, (a, group) => {
        if (a.subjectGroups.includes(group)) return;
        expectNoLower(a, { ...a, subjectGroups: [...a.subjectGroups, group] });
      }),
    );
  });

  it('a likelier disclosure: ruled out → probably not → likely → confirmed', () => {
    fc.assert(
      fc.property(confidentiality, (a) => {
        const ladder = (['ruled_out', 'unlikely', 'likely', 'confirmed'] as const).map((disclosure) => ({ ...a, disclosure }));
        for (let i = 1; i < ladder.length; i++) expectNoLower(ladder[i - 1]!, ladder[i]!);
      }),
    );
  });

  it('data that were not already public', () => {
    fc.assert(fc.property(validAnswers, (a) => expectNoLower({ ...a, publiclyAvailableBefore: true }, { ...a, publiclyAvailableBefore: false })));
    // Not known whether public: assessed as not public, never lower than "it was public".
    fc.assert(fc.property(validAnswers, (a) => expectNoLower({ ...a, publiclyAvailableBefore: true }, { ...a, publiclyAvailableBefore: null })));
    fc.assert(fc.property(validAnswers, (a) => expectNoLower({ ...a, publiclyAvailableBefore: false }, { ...a, publiclyAvailableBefore: null })));
  });

  it('a lasting alteration and a worse effect on people: recoverable → unrecoverable; none → minor → significant → severe', () => {
    fc.assert(
      fc.property(loss, (a) => {
        if (a.breachTypes.includes('integrity')) {
          // With integrity lost the schema asks whether the data can be recovered ("none" is not an answer then).
          const altered = (['recoverable', 'unrecoverable'] as const).map((alteration) => ({ ...a, alteration }));
          for (let i = 1; i < altered.length; i++) expectNoLower(altered[i - 1]!, altered[i]!);
        }
        const effects = (['none', 'minor', 'significant', 'severe'] as const).map((impactOnPeople) => ({ ...a, impactOnPeople }));
        for (let i = 1; i < effects.length; i++) expectNoLower(effects[i - 1]!, effects[i]!);
      }),
    );
  });
});

describe('"not known" is assessed as the worse answer, and says so', () => {
  const codes = (a: AssessmentAnswers) => explainAssessment(a).map((r) => r.code);
  it('not known whether it was done on purpose: the outcome of "on purpose", with a note saying it was assumed', () => {
    fc.assert(
      fc.property(validAnswers, (a) => {
        const unknown = assess({ ...a, malicious: null });
        const yes = assess({ ...a, malicious: true });
        expect([unknown.risk, unknown.notifyAuthority, unknown.communicateToSubjects]).toEqual([yes.risk, yes.notifyAuthority, yes.communicateToSubjects]);
        expect(codes({ ...a, malicious: null })).toContain('worse_case_malicious');
        expect(codes({ ...a, malicious: true })).not.toContain('worse_case_malicious');
      }),
    );
  });
  it('not known whether the data were already public: the outcome of "not public", noted when data were disclosed', () => {
    fc.assert(
      fc.property(validAnswers, (a) => {
        const unknown = assess({ ...a, publiclyAvailableBefore: null });
        const no = assess({ ...a, publiclyAvailableBefore: false });
        expect([unknown.risk, unknown.notifyAuthority, unknown.communicateToSubjects]).toEqual([no.risk, no.notifyAuthority, no.communicateToSubjects]);
        expect(codes({ ...a, publiclyAvailableBefore: false })).not.toContain('worse_case_public');
      }),
    );
  });
});
