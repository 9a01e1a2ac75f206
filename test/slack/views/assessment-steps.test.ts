import { describe, expect, it } from 'vitest';
import { assess, assessmentAnswersSchema } from '../../../src/domain/assessment/index.js';
import { QUESTIONS } from '../../../src/domain/assessment/questions.js';
import {
  finalAnswers,
  nextStep,
  previousStep,
  shownFieldErrors,
  STEPS,
  stepFields,
  stepCount,
  stepNumber,
  stepsThatMayFollow,
  strayAnswerErrors,
  type Answers,
  type Step,
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
    expect(stepFields(2, step1)).toEqual(['disclosure', 'recipients', 'physicalDanger', 'protection']);
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

describe('"Step N of M" and the last button', () => {
  const heading = (answers: Answers, step: Step) => {
    const view = assessmentModal({ breachId: 'b', reference: 'BR-2026-0001', step, answers });
    expect(() => validateView(JSON.parse(JSON.stringify(view)), 'modal', '/view')).not.toThrow();
    return { text: JSON.stringify(view.blocks[0]), submit: view.submit?.text, all: JSON.stringify(view.blocks) };
  };

  it('counts every step that may still follow, and drops them as answers rule them out', () => {
    expect(stepCount(1, { role: 'controller' })).toEqual({ number: 1, of: 4, last: false });
    expect(stepCount(2, step1)).toEqual({ number: 2, of: 4, last: false });
    const high = { ...step1, disclosure: 'likely' as const, recipients: 'unknown' as const, protection: 'none' as const };
    expect(stepCount(4, high)).toEqual({ number: 3, of: 3, last: true });
    // A processor is never asked the Art. 34(3) exemptions; a loss has no follow-up step.
    const processorOutage: Answers = { ...step1, role: 'processor', breachTypes: ['availability'] };
    expect(stepCount(2, processorOutage)).toEqual({ number: 2, of: 2, last: true });
    // Contact details of 30 customers, not on purpose: only an address that puts someone in physical
    // danger can make it a high risk, so the exemptions step may follow until that is answered.
    const mild: Answers = { ...step1, dataTypes: ['contact'], subjectGroups: ['customers'], subjectsCount: 30, malicious: false, identifiability: 'limited' };
    expect(stepsThatMayFollow(2, mild)).toEqual([3, 4]);
    expect(stepsThatMayFollow(3, { ...mild, disclosure: 'confirmed', recipients: 'known', physicalDanger: false, protection: 'none' })).toEqual([]);
  });

  it('labels the buttons: "Next" while a step may follow, "See result" on the last, Back names its step', () => {
    const first = heading({ role: 'controller' }, 1);
    expect(first.text).toContain('*BR-2026-0001* · Step 1 of 4: what happened, and to whom');
    expect(first.submit).toBe('Next');
    expect(first.all).not.toContain('Back');
    const high = { ...step1, disclosure: 'likely' as const, recipients: 'unknown' as const, protection: 'none' as const };
    const last = heading(high, 4);
    expect(last.text).toContain('Step 3 of 3: telling the people affected');
    expect(last.submit).toBe('See result');
    expect(last.all).toContain('← Back to step 2');
    expect(last.all).not.toContain('shows the result');
    const maybe = heading(step1, 2);
    expect(maybe.submit).toBe('Next');
    expect(maybe.all).toContain('If these answers need no more questions, *Next* shows the result.');
  });

  /*
   * Whatever is answered, "See result" is only on the step after which the result comes, and the
   * count never promises fewer steps than are asked. Every combination of the single-choice
   * answers of step 2 and 3 (a fixed sample of the largest sets), over breaches of each kind,
   * walked as a person would.
   */
  it('never says "See result" before another step, nor counts fewer steps than are asked', () => {
    const profiles: Answers[] = [
      step1,
      { ...step1, role: 'processor' },
      { ...step1, dataTypes: ['contact'], subjectGroups: ['customers'], subjectsCount: 30, malicious: false, identifiability: 'limited' },
      { ...step1, breachTypes: ['confidentiality', 'availability'], dataTypes: ['contact', 'credentials'], subjectsCount: null },
      { ...step1, breachTypes: ['integrity'], dataTypes: ['contact'], subjectsCount: 40, malicious: false },
      { ...step1, breachTypes: ['availability'], dataTypes: ['contact'], subjectGroups: ['customers'], subjectsCount: 300, malicious: false, publiclyAvailableBefore: true },
    ];
    const choices = (f: keyof Answers) => (QUESTIONS[f].choices as ReadonlyArray<{ value: unknown }>).map((c) => c.value);
    let walks = 0;
    let seeResult = 0;
    for (const profile of profiles) {
      const atStep2 = stepCount(2, profile);
      const combos: Answers[] = [{}];
      for (const f of stepFields(2, profile)) {
        const values = QUESTIONS[f].input === 'single' ? choices(f) : QUESTIONS[f].input === 'multi' ? [[]] : [null, 2];
        combos.splice(0, combos.length, ...combos.flatMap((c) => values.map((v) => ({ ...c, [f]: v }))));
      }
      // Every combination for the small sets; a fixed seventh of the large ones (thousands), to stay quick.
      for (const combo of combos.filter((_, i) => combos.length < 100 || i % 7 === 0)) {
        const after2 = { ...profile, ...combo };
        if (Object.keys(shownFieldErrors(stepFields(2, profile), after2)).length > 0) continue;
        const follows: Answers[] = stepFields(3, after2).length === 0 ? [{}] : [{}, { recipientDeletedOrReturned: true }, { protectedDataTypes: ['contact'] }, { protectedDataTypes: profile.dataTypes }];
        for (const follow of follows) {
          const answers = { ...after2, ...follow };
          const path: Step[] = [1];
          for (let s = nextStep(1, answers); s; s = nextStep(s, answers)) path.push(s);
          const counts = [stepCount(1, profile), atStep2, ...path.slice(2).map((s) => stepCount(s, s === 3 ? after2 : answers))];
          counts.forEach((c, i) => {
            expect(c.number).toBe(i + 1);
            expect(c.of).toBeGreaterThanOrEqual(path.length);
            expect(c.last).toBe(c.last && i === path.length - 1);
          });
          if (counts.at(-1)!.last) seeResult++;
          walks++;
        }
      }
    }
    expect(walks).toBeGreaterThan(100);
    // Most walks end on a step whose button said "See result".
    expect(seeResult / walks).toBeGreaterThan(0.5);
  });
});
