// The question catalogue the modal renders: complete, within Slack's limits, and aligned with
// the schema and the rules.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assess, assessmentAnswersSchema } from '../../../src/domain/assessment/index.js';
import { type AnswerField, DATA_TYPES, SUBJECT_GROUPS } from '../../../src/domain/assessment/answers.js';
import {
  DATA_TYPE_LABELS,
  QUESTIONS,
  QUESTION_ORDER,
  SUBJECT_GROUP_LABELS,
  applicableFields,
  choicesFor,
  withNotApplicableDefaults,
} from '../../../src/domain/assessment/questions.js';
import { validAnswers } from './arbitraries.js';

const ALL_FIELDS = Object.keys(QUESTIONS) as AnswerField[];

describe('question catalogue', () => {
  it('has one question per answer field, each in the modal order once', () => {
    expect(ALL_FIELDS).toHaveLength(23);
    expect([...QUESTION_ORDER].sort()).toEqual([...ALL_FIELDS].sort());
    for (const field of ALL_FIELDS) expect(QUESTIONS[field].field).toBe(field);
  });

  it('keeps choice labels within Slack limits, with unique ids', () => {
    for (const field of ALL_FIELDS) {
      const q = QUESTIONS[field];
      expect(q.question.length).toBeGreaterThan(0);
      expect(q.help.length).toBeLessThanOrEqual(150);
      const ids = q.choices.map((c) => c.id);
      expect(new Set(ids).size).toBe(ids.length);
      for (const c of q.choices) {
        expect(c.label.length, `${field}: ${c.label}`).toBeLessThanOrEqual(75);
        expect(c.id.length).toBeLessThanOrEqual(150);
      }
      if (q.input === 'single' || q.input === 'multi') expect(q.choices.length).toBeGreaterThan(0);
      else expect(q.choices).toHaveLength(0);
    }
  });

  it('labels every data type and group of people', () => {
    for (const t of DATA_TYPES) expect(DATA_TYPE_LABELS[t]).toMatch(/\S/);
    for (const g of SUBJECT_GROUPS) expect(SUBJECT_GROUP_LABELS[g].plural).toMatch(/\S/);
    expect(QUESTIONS.dataTypes.choices.map((c) => c.value)).toEqual([...DATA_TYPES]);
  });

  it('asks everything while nothing is answered', () => {
    expect(applicableFields({})).toEqual([...QUESTION_ORDER]);
  });

  it('asks confidentiality questions only for a confidentiality breach', () => {
    const loss = applicableFields({ breachTypes: ['availability'], dataTypes: ['contact'] });
    expect(loss).not.toContain('disclosure');
    expect(loss).not.toContain('recipients');
    expect(loss).not.toContain('protection');
    expect(loss).not.toContain('alteration');
    expect(loss).toContain('unavailability');
    expect(loss).toContain('impactOnPeople');
    const seen = applicableFields({ breachTypes: ['confidentiality'], dataTypes: ['contact'] });
    expect(seen).toContain('disclosure');
    expect(seen).not.toContain('impactOnPeople');
    expect(seen).not.toContain('restoredWithinHours');
  });

  it('asks what credentials open only when there are credentials', () => {
    expect(applicableFields({ dataTypes: ['contact'] })).not.toContain('credentialsGiveAccessTo');
    expect(applicableFields({ dataTypes: ['credentials'] })).toContain('credentialsGiveAccessTo');
  });

  it('asks about deletion only for a recipient bound to secrecy, and Art. 34(3) only of a controller', () => {
    const conf = { breachTypes: ['confidentiality' as const] };
    expect(applicableFields({ ...conf, recipients: 'public' })).not.toContain('recipientDeletedOrReturned');
    // A private person's word is not the mitigation: the question is not asked.
    expect(applicableFields({ ...conf, recipients: 'known' })).not.toContain('recipientDeletedOrReturned');
    expect(applicableFields({ ...conf, recipients: 'trusted' })).toContain('recipientDeletedOrReturned');
    expect(applicableFields({ role: 'processor' })).not.toContain('measuresRemoveHighRisk');
    expect(applicableFields({ role: 'joint_controller' })).toContain('individualContactDisproportionate');
  });

  it('asks which kinds of data the protection covers only when protection is intact', () => {
    const conf = { breachTypes: ['confidentiality' as const], dataTypes: ['credentials' as const, 'contact' as const] };
    expect(applicableFields({ ...conf, protection: 'intact' })).toContain('protectedDataTypes');
    expect(applicableFields({ ...conf, protection: 'compromised' })).not.toContain('protectedDataTypes');
    expect(applicableFields({ ...conf, protection: 'none' })).not.toContain('protectedDataTypes');
    expect(applicableFields({ breachTypes: ['availability'] })).not.toContain('protectedDataTypes');
    // Chosen among the kinds of data involved, not the whole list.
    expect(choicesFor('protectedDataTypes', conf).map((c) => c.value)).toEqual(['contact', 'credentials']);
    expect(choicesFor('credentialsGiveAccessTo', conf)).toHaveLength(DATA_TYPES.length);
  });

  it('asks whether a copy is out of our hands only when data may have been seen and were also lost or altered', () => {
    const data = { dataTypes: ['contact' as const] };
    expect(applicableFields({ ...data, breachTypes: ['confidentiality', 'availability'] })).toContain('copyOutOfControl');
    expect(applicableFields({ ...data, breachTypes: ['confidentiality', 'integrity'] })).toContain('copyOutOfControl');
    // A disclosure alone is judged by who may have the data; a loss alone has no copy in other hands.
    expect(applicableFields({ ...data, breachTypes: ['confidentiality'] })).not.toContain('copyOutOfControl');
    expect(applicableFields({ ...data, breachTypes: ['availability'] })).not.toContain('copyOutOfControl');
    // Not asked, it stays absent: the meaning answers stored before the question have.
    const completed = withNotApplicableDefaults({ ...data, breachTypes: ['confidentiality'] });
    expect(completed.copyOutOfControl).toBeUndefined();
    // "We do not know yet" is an answer of its own (null), apart from "not asked".
    expect(QUESTIONS.copyOutOfControl.choices.map((c) => c.value)).toEqual([true, false, null]);
  });

  it('asks about physical danger whenever data may have been seen, with "not known" apart from "not asked"', () => {
    const data = { dataTypes: ['contact' as const] };
    expect(applicableFields({ ...data, breachTypes: ['confidentiality'] })).toContain('physicalDanger');
    expect(applicableFields({ ...data, breachTypes: ['availability'] })).not.toContain('physicalDanger');
    expect(withNotApplicableDefaults({ ...data, breachTypes: ['integrity'] }).physicalDanger).toBeUndefined();
    expect(QUESTIONS.physicalDanger.choices.map((c) => c.value)).toEqual([true, false, null]);
    // Required: left empty it would be "not known", the worse case, for every disclosure.
    expect(QUESTIONS.physicalDanger.optional).toBe(false);
    expect(QUESTIONS.physicalDanger.step).toBe(2);
  });

  it('answers to the applicable questions, completed with defaults, pass the schema and assess the same', () => {
    fc.assert(
      fc.property(validAnswers, (a) => {
        const asked = Object.fromEntries(applicableFields(a).map((f) => [f, a[f]]));
        const completed = withNotApplicableDefaults(asked);
        const parsed = assessmentAnswersSchema.safeParse(completed);
        expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
        if (parsed.success) expect(assess(parsed.data)).toEqual(assess(a));
      }),
    );
  });
});
