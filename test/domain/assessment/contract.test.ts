// The answers contract only grows (spec/assessment.md, issue 11): answers stored before a change
// still parse, and are recomputed the same way except where a rule deliberately changed the result.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type AssessmentAnswers,
  type AssessmentResult,
  assess,
  assessmentAnswersSchema,
} from '../../../src/domain/assessment/index.js';
import { dependence } from '../../../src/domain/assessment/data-categories.js';
import { validAnswers } from './arbitraries.js';

interface Stored {
  answers: AssessmentAnswers;
  outcome: Pick<AssessmentResult, 'risk' | 'notifyAuthority' | 'communicateToSubjects' | 'exemption'>;
}

/*
 * 150 answers drawn (seed 11) by this folder's arbitrary as it was before issue 11, with the outcome
 * the engine of that commit (82974c3) gave them: what the assessments table holds today.
 */
const STORED: Stored[] = JSON.parse(
  readFileSync(new URL('./data/stored-answers-before-issue-11.json', import.meta.url), 'utf8'),
) as Stored[];

const RANK = { unlikely: 0, risk: 1, high: 2 } as const;

/** The issue 11 rules that may change a stored answer's outcome, each only upwards. */
function changedByARule(a: AssessmentAnswers): string[] {
  const rules: string[] = [];
  const confidentiality = a.breachTypes.includes('confidentiality');
  if (confidentiality && a.recipients === 'known' && a.recipientDeletedOrReturned) rules.push('1. private recipient');
  if (confidentiality && a.disclosure === 'unlikely' && a.protection !== 'intact') rules.push('3. probably not seen');
  const lost = a.breachTypes.some((t) => t !== 'confidentiality');
  if (lost && dependence(a.dataTypes, a.subjectGroups) !== null) rules.push('4. records people depend on');
  return rules;
}

describe('answers stored before issue 11', () => {
  it('still parse, unchanged', () => {
    expect(STORED.length).toBe(150);
    for (const { answers } of STORED) {
      const parsed = assessmentAnswersSchema.safeParse(answers);
      expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
      expect(parsed.data).toEqual(answers);
      expect('protectedDataTypes' in answers).toBe(false);
      expect('copyOutOfControl' in answers).toBe(false);
      expect('physicalDanger' in answers).toBe(false);
    }
  });

  it('are recomputed the same, except where a rule of issue 11 raises the outcome', () => {
    let changed = 0;
    for (const { answers, outcome: before } of STORED) {
      const now = assess(answers);
      const same =
        now.risk === before.risk &&
        now.notifyAuthority === before.notifyAuthority &&
        now.communicateToSubjects === before.communicateToSubjects &&
        now.exemption === before.exemption;
      if (same) continue;
      changed++;
      const why = changedByARule(answers);
      expect(why, `changed without a rule: ${JSON.stringify(answers)}`).not.toEqual([]);
      expect(RANK[now.risk]).toBeGreaterThanOrEqual(RANK[before.risk]);
      expect(Number(now.notifyAuthority)).toBeGreaterThanOrEqual(Number(before.notifyAuthority));
    }
    // The sample does exercise the changed rules, and most answers keep their outcome.
    expect(changed).toBeGreaterThan(0);
    expect(changed).toBeLessThan(STORED.length / 3);
  });
});

describe('the new answers default to the old meaning', () => {
  it('protectedDataTypes absent, null or every kind, and copyOutOfControl absent or "stayed with us", give the same result', () => {
    fc.assert(
      fc.property(validAnswers, (a) => {
        const { protectedDataTypes: _, copyOutOfControl: __, ...absent } = a;
        const reference = assess(absent);
        expect(assess({ ...absent, protectedDataTypes: null })).toEqual(reference);
        if (a.breachTypes.includes('confidentiality') && a.protection === 'intact') {
          expect(assess({ ...absent, protectedDataTypes: [...a.dataTypes] })).toEqual(reference);
        }
        const lostAndSeen = a.breachTypes.includes('confidentiality') && a.breachTypes.some((t) => t !== 'confidentiality');
        if (lostAndSeen) expect(assess({ ...absent, copyOutOfControl: false })).toEqual(reference);
        // Not asked without a loss beside the disclosure: the schema keeps it absent there.
        else expect(assessmentAnswersSchema.safeParse({ ...absent, copyOutOfControl: true }).success).toBe(false);
      }),
    );
  });

  it('physicalDanger absent or "no" give the same result; it is refused where confidentiality is not lost', () => {
    fc.assert(
      fc.property(validAnswers, (a) => {
        const { physicalDanger: _, ...absent } = a;
        if (a.breachTypes.includes('confidentiality')) expect(assess({ ...absent, physicalDanger: false })).toEqual(assess(absent));
        else expect(assessmentAnswersSchema.safeParse({ ...absent, physicalDanger: false }).success).toBe(false);
      }),
    );
  });
});
