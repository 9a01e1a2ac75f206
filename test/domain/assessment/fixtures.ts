// Builders for concrete answers in tests. `answers()` starts from a small, harmless
// confidentiality breach by a controller; each case overrides what it is about.
import { expect } from 'vitest';
import {
  type AssessmentAnswers,
  type AssessmentResult,
  assess,
  assessmentAnswersSchema,
} from '../../../src/domain/assessment/index.js';

const NEUTRAL: AssessmentAnswers = {
  role: 'controller',
  breachTypes: ['confidentiality'],
  subjectsCount: 10,
  recordsCount: null,
  subjectGroups: ['customers'],
  dataTypes: ['basic_identity'],
  credentialsGiveAccessTo: [],
  identifiability: 'maximum',
  publiclyAvailableBefore: false,
  disclosure: 'confirmed',
  recipients: 'known',
  recipientDeletedOrReturned: false,
  protection: 'none',
  alteration: 'none',
  unavailability: 'none',
  restoredWithinHours: null,
  impactOnPeople: 'none',
  malicious: false,
  measuresRemoveHighRisk: false,
  individualContactDisproportionate: false,
};

/** Fields that belong to confidentiality, reset when a case has no confidentiality breach. */
const NO_CONFIDENTIALITY: Partial<AssessmentAnswers> = {
  disclosure: null,
  recipients: null,
  recipientDeletedOrReturned: false,
};

export function answers(overrides: Partial<AssessmentAnswers>): AssessmentAnswers {
  const types = overrides.breachTypes ?? NEUTRAL.breachTypes;
  const reset = types.includes('confidentiality') ? {} : NO_CONFIDENTIALITY;
  return { ...NEUTRAL, ...reset, ...overrides };
}

/** Assesses answers that must also be valid by the schema (the instances must be realistic). */
export function assessValid(a: AssessmentAnswers): AssessmentResult {
  const parsed = assessmentAnswersSchema.safeParse(a);
  if (!parsed.success) {
    throw new Error(`Test answers are invalid: ${JSON.stringify(parsed.error.issues)}`);
  }
  return assess(parsed.data);
}

export function outcome(r: AssessmentResult): string {
  return `${r.notifyAuthority ? 'yes' : 'no'} / ${r.communicateToSubjects === 'no' ? 'no' : 'yes'}`;
}

/** Every pattern appears in some reason. */
export function expectReasons(r: AssessmentResult, patterns: readonly RegExp[]): void {
  for (const p of patterns) {
    expect(r.reasons.some((s) => p.test(s)), `no reason matches ${p}:\n${r.reasons.join('\n')}`).toBe(true);
  }
}

/** The first (most decisive) reason matches every pattern. */
export function expectDecisive(r: AssessmentResult, patterns: readonly RegExp[]): void {
  const first = r.reasons[0] ?? '';
  for (const p of patterns) expect(first, `decisive reason lacks ${p}`).toMatch(p);
}
