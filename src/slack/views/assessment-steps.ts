import { assess, assessmentAnswersSchema, type AssessmentAnswers } from '../../domain/assessment/index.js';
import type { AnswerField } from '../../domain/assessment/answers.js';
import { applicableFields, QUESTION_ORDER, QUESTIONS, withNotApplicableDefaults } from '../../domain/assessment/questions.js';

/*
 * Which questions the questionnaire asks at each step, given the answers so far. Pure.
 *
 * Step 1 asks what happened and to whom; step 2 the details that depend on it (confidentiality
 * questions only when confidentiality was lost, and so on); step 3 what has happened since: whether
 * a known recipient confirmed deleting the data, and, only when the answers so far point to a high
 * risk, the Art. 34(3) exemptions. The catalogue puts the deletion question in step 2, but it
 * depends on the recipients answer of that same step; asking it in step 3 lets it appear only when
 * it applies, without re-rendering a step while the user is filling it in.
 */

export type Step = 1 | 2 | 3;
export type Answers = Partial<AssessmentAnswers>;

export function stepOf(field: AnswerField): Step {
  return field === 'recipientDeletedOrReturned' ? 3 : QUESTIONS[field].step;
}

/** The fields to ask at `step`, in the catalogue's order. Empty means the step is skipped. */
export function stepFields(step: Step, answers: Answers): AnswerField[] {
  const applicable = new Set(applicableFields(answers));
  const fields = QUESTION_ORDER.filter((f) => stepOf(f) === step && applicable.has(f));
  if (step !== 3) return fields;
  const high = highRiskBeforeStep3(answers);
  return fields.filter((f) => f === 'recipientDeletedOrReturned' || high);
}

/** The step after `step`, or null when the questionnaire is complete. Step 2 always has a question. */
export function nextStep(step: Step, answers: Answers): Step | null {
  if (step === 1) return 2;
  if (step === 2 && stepFields(3, answers).length > 0) return 3;
  return null;
}

/** The Art. 34(3) questions only matter for a high risk; step 3's own answers cannot raise it. */
function highRiskBeforeStep3(answers: Answers): boolean {
  const before: Answers = { ...answers };
  for (const f of QUESTION_ORDER) if (stepOf(f) === 3) delete before[f];
  const parsed = assessmentAnswersSchema.safeParse(fillUnanswered(withNotApplicableDefaults(before)));
  // Answers that do not parse yet cannot rule a high risk out: ask.
  return !parsed.success || assess(parsed.data).risk === 'high';
}

/** Unanswered fields take their "does not apply" value: false, none, empty, unknown. */
function fillUnanswered(answers: Answers): AssessmentAnswers {
  const out: Record<string, unknown> = { ...answers };
  for (const f of QUESTION_ORDER) if (out[f] === undefined) out[f] = QUESTIONS[f].whenNotApplicable;
  return out as unknown as AssessmentAnswers;
}

/**
 * The complete answers of a finished questionnaire: what was asked on the path the answers take,
 * and every other field at its "does not apply" value. Answers left over from a path abandoned
 * with Back (say, confidentiality questions after confidentiality was unticked) are dropped.
 */
export function finalAnswers(answers: Answers): AssessmentAnswers {
  const asked = new Set<AnswerField>([1, 2, 3].flatMap((s) => stepFields(s as Step, answers)));
  const kept: Answers = {};
  for (const f of QUESTION_ORDER) if (asked.has(f)) Object.assign(kept, { [f]: answers[f] });
  return fillUnanswered(withNotApplicableDefaults(kept));
}

const isAnswered = (v: unknown) => v !== undefined && v !== null && !(Array.isArray(v) && v.length === 0);

/**
 * Errors for answers given on this step that its other answers rule out (a restore time for data
 * lost for good): the person should correct one of them rather than have it silently dropped.
 */
export function strayAnswerErrors(shown: readonly AnswerField[], answers: Answers): Partial<Record<AnswerField, string>> {
  const applicable = new Set(applicableFields(answers));
  const stray = shown.filter((f) => !applicable.has(f) && isAnswered(answers[f]));
  if (stray.length === 0) return {};
  const probe: Answers = { ...fillUnanswered(withNotApplicableDefaults(answers)) };
  for (const f of stray) Object.assign(probe, { [f]: answers[f] });
  const issues = schemaErrors(probe);
  const errors: Partial<Record<AnswerField, string>> = {};
  for (const f of stray) {
    const when = (QUESTIONS[f].appliesWhen ?? '').replace(/^Only /, 'only ');
    errors[f] = issues[f] ?? `Leave this empty: it is asked ${when}`;
  }
  return errors;
}

/** The schema's first message per field. */
export function schemaErrors(answers: unknown): Partial<Record<AnswerField, string>> {
  const parsed = assessmentAnswersSchema.safeParse(answers);
  const out: Partial<Record<AnswerField, string>> = {};
  if (parsed.success) return out;
  for (const issue of parsed.error.issues) {
    const field = issue.path[0] as AnswerField | undefined;
    if (field && !(field in out)) out[field] = issue.message;
  }
  return out;
}
