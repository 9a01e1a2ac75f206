import { describe, expect, it } from 'vitest';
import { assess, assessmentAnswersSchema } from '../../../src/domain/assessment/index.js';
import {
  finalAnswers,
  nextStep,
  previousStep,
  shownFieldErrors,
  STEPS,
  stepFields,
  stepNumber,
  strayAnswerErrors,
  type Answers,
} from '../../../src/slack/views/assessment-steps.js';
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
    expect(stepFields(3, high)).toEqual([]);
    expect(stepFields(4, high)).toEqual(['measuresRemoveHighRisk', 'individualContactDisproportionate']);
    expect(nextStep(2, high)).toBe(4);
    expect(previousStep(4, high)).toBe(2);
    expect(stepNumber(4, high)).toBe(3);
    // A processor leaves Art. 34 to the controller.
    expect(stepFields(4, { ...high, role: 'processor' })).toEqual([]);
    expect(nextStep(2, { ...high, role: 'processor' })).toBeNull();
  });

  it('asks whether the recipient deleted the data only of a recipient bound to secrecy, and counts the answer', () => {
    const trusted = { ...step1, malicious: false, disclosure: 'confirmed' as const, recipients: 'trusted' as const, protection: 'none' as const };
    expect(stepFields(3, trusted)).toEqual(['recipientDeletedOrReturned']);
    expect(stepFields(3, { ...trusted, recipients: 'known' })).toEqual([]);
    expect(stepFields(3, { ...trusted, recipients: 'public' })).toEqual([]);
    // Health data to a recipient bound to secrecy: high risk unless it confirms deletion.
    expect(stepFields(4, { ...trusted, recipientDeletedOrReturned: false })).toHaveLength(2);
    expect(stepFields(4, { ...trusted, recipientDeletedOrReturned: true })).toEqual([]);
  });

  it('asks which kinds of data the encryption covers when it is intact, then Art. 34(3) only if the rest is high risk', () => {
    const intact = { ...step1, dataTypes: ['health' as const, 'contact' as const], disclosure: 'likely' as const, recipients: 'unknown' as const, protection: 'intact' as const };
    expect(stepFields(3, intact)).toEqual(['protectedDataTypes']);
    expect(nextStep(2, intact)).toBe(3);
    expect(stepFields(3, { ...intact, protection: 'compromised' })).toEqual([]);
    // Both kinds covered: unlikely, nothing more to ask. Only the contact details: the health data
    // in clear are a high risk, so the exemptions are asked.
    expect(nextStep(3, { ...intact, protectedDataTypes: ['health', 'contact'] })).toBeNull();
    expect(nextStep(3, { ...intact, protectedDataTypes: ['contact'] })).toBe(4);
  });

  it('reports kinds of data the encryption covers that are not among the data at that field', () => {
    const intact = { ...step1, disclosure: 'likely' as const, recipients: 'unknown' as const, protection: 'intact' as const };
    const errors = shownFieldErrors(['protectedDataTypes'], { ...intact, protectedDataTypes: ['credentials'] });
    expect(errors).toEqual({ protectedDataTypes: expect.stringMatching(/Only choose kinds of data involved/) });
    expect(shownFieldErrors(['protectedDataTypes'], { ...intact, protectedDataTypes: ['health'] })).toEqual({});
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
    for (const step of STEPS) {
      const view = assessmentModal({ breachId: 'b', reference: 'BR-2026-0001', step, answers: all });
      expect(() => validateView(JSON.parse(JSON.stringify(view)), 'modal', '/view')).not.toThrow();
    }
  });

  it('offers only the kinds of data involved as what the encryption covers, and pre-fills "all" from a stored null', () => {
    const intact: Answers = { ...step1, dataTypes: ['credentials', 'contact', 'basic_identity'], disclosure: 'confirmed', recipients: 'unknown', protection: 'intact' };
    const block = (answers: Answers) => {
      const view = assessmentModal({ breachId: 'b', reference: 'BR-2026-0001', step: 3, answers });
      expect(() => validateView(JSON.parse(JSON.stringify(view)), 'modal', '/view')).not.toThrow();
      return view.blocks.find((b) => b.block_id === 'protectedDataTypes') as unknown as {
        optional?: boolean;
        element: { type: string; options: Array<{ value: string }>; initial_options?: Array<{ value: string }> };
      };
    };
    const fresh = block(intact);
    expect(fresh.element.type).toBe('checkboxes');
    expect(fresh.element.options.map((o) => o.value)).toEqual(['basic_identity', 'contact', 'credentials']);
    expect(fresh.element.initial_options).toBeUndefined();
    expect(fresh.optional).toBeFalsy();
    expect(block({ ...intact, protectedDataTypes: null }).element.initial_options?.map((o) => o.value)).toEqual(['basic_identity', 'contact', 'credentials']);
    // A kind no longer among the data (changed with Back) is not offered, nor pre-ticked.
    expect(block({ ...intact, protectedDataTypes: ['credentials', 'health'] }).element.initial_options?.map((o) => o.value)).toEqual(['credentials']);
  });
});
