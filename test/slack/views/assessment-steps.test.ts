import { describe, expect, it } from 'vitest';
import { assess, assessmentAnswersSchema } from '../../../src/domain/assessment/index.js';
import { finalAnswers, nextStep, stepFields, strayAnswerErrors, type Answers } from '../../../src/slack/views/assessment-steps.js';
import { assessmentModal } from '../../../src/slack/views/assessment-modal.js';
import { validateView } from '../../emulator/index.js';

const step1: Answers = {
  role: 'controller',
  breachTypes: ['confidentiality'],
  dataTypes: ['health', 'contact'],
  subjectGroups: ['patients'],
  subjectsCount: 1200,
  recordsCount: null,
  identifiability: 'maximum',
  publiclyAvailableBefore: false,
  malicious: true,
};

describe('questionnaire steps', () => {
  it('asks confidentiality questions only when confidentiality was lost, and loss questions only for a loss', () => {
    expect(stepFields(2, step1)).toEqual(['disclosure', 'recipients', 'protection']);
    expect(stepFields(2, { ...step1, breachTypes: ['availability'] })).toEqual(['unavailability', 'restoredWithinHours', 'impactOnPeople']);
    expect(stepFields(2, { ...step1, dataTypes: ['credentials'] })).toContain('credentialsGiveAccessTo');
  });

  it('asks the Art. 34(3) questions only when the answers so far point to a high risk', () => {
    const high = { ...step1, disclosure: 'likely' as const, recipients: 'unknown' as const, protection: 'none' as const };
    expect(stepFields(3, high)).toEqual(['measuresRemoveHighRisk', 'individualContactDisproportionate']);
    expect(nextStep(2, high)).toBe(3);
    const safe = { ...high, protection: 'intact' as const };
    expect(stepFields(3, safe)).toEqual([]);
    expect(nextStep(2, safe)).toBeNull();
    // A processor leaves Art. 34 to the controller.
    expect(stepFields(3, { ...high, role: 'processor' })).toEqual([]);
  });

  it('asks whether a known recipient deleted the data only when there is one', () => {
    const known = { ...step1, dataTypes: ['contact' as const], subjectGroups: [], subjectsCount: 1, malicious: false, disclosure: 'confirmed' as const, recipients: 'known' as const, protection: 'none' as const };
    expect(stepFields(3, known)).toEqual(['recipientDeletedOrReturned']);
    expect(stepFields(3, { ...known, recipients: 'public' })).toEqual([]);
  });

  it('completes the answers on the path taken, dropping ones abandoned with Back', () => {
    const answers: Answers = {
      ...step1,
      breachTypes: ['availability'],
      // Left over from an earlier pass through step 2 with confidentiality ticked:
      disclosure: 'confirmed',
      recipients: 'public',
      unavailability: 'temporary',
      restoredWithinHours: 2,
      impactOnPeople: 'none',
    };
    const final = finalAnswers(answers);
    expect(assessmentAnswersSchema.safeParse(final).success).toBe(true);
    expect(final.disclosure).toBeNull();
    expect(final.recipients).toBeNull();
    expect(final.restoredWithinHours).toBe(2);
    expect(assess(final).risk).toBeDefined();
  });

  it('flags an answer its own step rules out, at that field', () => {
    const answers: Answers = { ...step1, breachTypes: ['availability'], unavailability: 'permanent', restoredWithinHours: 5, impactOnPeople: 'minor' };
    const errors = strayAnswerErrors(['unavailability', 'restoredWithinHours', 'impactOnPeople'], answers);
    expect(Object.keys(errors)).toEqual(['restoredWithinHours']);
    expect(errors.restoredWithinHours).toMatch(/lost for good/);
  });

  it('renders every step as a valid modal at stack depth one', () => {
    const all: Answers = { ...step1, breachTypes: ['confidentiality', 'integrity', 'availability'], dataTypes: ['credentials', 'health'] };
    for (const step of [1, 2, 3] as const) {
      const view = assessmentModal({ breachId: 'b', reference: 'BR-2026-0001', step, answers: all });
      expect(() => validateView(JSON.parse(JSON.stringify(view)), 'modal', '/view')).not.toThrow();
    }
  });
});
