import { assess, assessmentAnswersSchema, type AssessmentAnswers } from '../../domain/assessment/index.js';
import type { AnswerField } from '../../domain/assessment/answers.js';
import { applicableFields, QUESTION_ORDER, QUESTIONS, withNotApplicableDefaults } from '../../domain/assessment/questions.js';

/*
 * Which questions the questionnaire asks at each step, given the answers so far. Pure.
 *
 * Step 1 asks what happened and to whom; step 2 the details that depend on it (confidentiality
 * questions only when confidentiality was lost, and so on); step 3 the follow-ups to step 2's
 * answers: whether a recipient bound to secrecy confirmed deleting the data, and which kinds of
 * data an intact encryption covers; step 4, only when all that points to a high risk, the
 * Art. 34(3) exemptions. The catalogue puts the follow-ups in step 2, but each depends on an
 * answer of that same step; asking them next lets them appear only when they apply, without
 * re-rendering a step while the user is filling it in. Steps without a question are skipped.
 */

export type Step = 1 | 2 | 3 | 4;
export type Answers = Partial<AssessmentAnswers>;

export const STEPS: readonly Step[] = [1, 2, 3, 4];

const FOLLOW_UPS: ReadonlySet<AnswerField> = new Set<AnswerField>(['recipientDeletedOrReturned', 'protectedDataTypes']);

export function stepOf(field: AnswerField): Step {
  if (FOLLOW_UPS.has(field)) return 3;
  const step = QUESTIONS[field].step;
  return step === 3 ? 4 : step;
}

/** The fields to ask at `step`, in the catalogue's order. Empty means the step is skipped. */
export function stepFields(step: Step, answers: Answers): AnswerField[] {
  const applicable = new Set(applicableFields(answers));
  const fields = QUESTION_ORDER.filter((f) => stepOf(f) === step && applicable.has(f));
  if (step !== 4 || fields.length === 0) return fields;
  return highRiskBeforeStep4(answers) ? fields : [];
}

/** The next step with a question, or null when the questionnaire is complete. */
export function nextStep(step: Step, answers: Answers): Step | null {
  return STEPS.find((s) => s > step && stepFields(s, answers).length > 0) ?? null;
}

/** The step Back leads to: the previous one with a question (step 1 always has some). */
export function previousStep(step: Step, answers: Answers): Step {
  return [...STEPS].reverse().find((s) => s < step && stepFields(s, answers).length > 0) ?? 1;
}

/** "Step 2" of the steps this questionnaire asks: skipped steps are not counted. */
export function stepNumber(step: Step, answers: Answers): number {
  return STEPS.filter((s) => s < step && stepFields(s, answers).length > 0).length + 1;
}

/**
 * The steps after `step` that may still be asked, whatever is answered on `step` and later: the
 * answers given before `step` decide, every later question is open. Slack does not re-render a
 * step while it is being filled in, so this is what the step can honestly promise: when nothing
 * may follow, its button says "See result"; the count "Step 2 of 3" includes these steps and
 * shrinks on the next step once the answers rule one out.
 */
export function stepsThatMayFollow(step: Step, answers: Answers): Step[] {
  const before: Answers = {};
  for (const f of QUESTION_ORDER) if (stepOf(f) < step && answers[f] !== undefined) Object.assign(before, { [f]: answers[f] });
  const applicable = new Set(applicableFields(before));
  return STEPS.filter((s) => {
    if (s <= step || !QUESTION_ORDER.some((f) => stepOf(f) === s && applicable.has(f))) return false;
    return s !== 4 || mayBeHighBeforeStep4(before, applicable);
  });
}

/** "Step 2 of 3": the steps already asked, this one, and those that may follow. */
export function stepCount(step: Step, answers: Answers): { number: number; of: number; last: boolean } {
  const number = stepNumber(step, answers);
  const more = stepsThatMayFollow(step, answers).length;
  return { number, of: number + more, last: more === 0 };
}

/**
 * Whether some answers to the questions still open before step 4 make the risk high. Every
 * choice of every open question is tried (a few hundred assessments at most, and far fewer when
 * one is found early); counts and hours left open are "unknown", the worse case.
 */
function mayBeHighBeforeStep4(before: Answers, applicable: ReadonlySet<AnswerField>): boolean {
  const open = QUESTION_ORDER.filter((f) => applicable.has(f) && stepOf(f) < 4 && before[f] === undefined);
  if (open.some((f) => stepOf(f) === 1)) return true; // what happened is not known yet
  let parsedAny = false;
  const tryFrom = (i: number, acc: Answers): boolean => {
    if (i === open.length) {
      const parsed = assessmentAnswersSchema.safeParse(fillUnanswered(withNotApplicableDefaults(acc)));
      if (!parsed.success) return false;
      parsedAny = true;
      return assess(parsed.data).risk === 'high';
    }
    const field = open[i]!;
    // A question the choices so far rule out is not asked: no need to try its answers.
    if (!applicableFields(acc).includes(field)) return tryFrom(i + 1, acc);
    return openCandidates(field, acc).some((v) => tryFrom(i + 1, { ...acc, [field]: v }));
  };
  return tryFrom(0, before) || !parsedAny;
}

function openCandidates(field: AnswerField, before: Answers): readonly unknown[] {
  const q = QUESTIONS[field];
  if (q.input === 'single') return q.choices.map((c) => c.value);
  // Encryption covering a single kind exposes the most; covering none is the answer "not encrypted".
  if (field === 'protectedDataTypes') return [null, ...(before.dataTypes ?? []).map((t) => [t])];
  // Counts, hours and the other lists left open are unknown, which is assessed as the worse case.
  return [q.whenNotApplicable];
}

/** The Art. 34(3) questions only matter for a high risk; step 4's own answers cannot raise it. */
function highRiskBeforeStep4(answers: Answers): boolean {
  const before: Answers = { ...answers };
  for (const f of QUESTION_ORDER) if (stepOf(f) === 4) delete before[f];
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
  const asked = new Set<AnswerField>(STEPS.flatMap((s) => stepFields(s, answers)));
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

/**
 * Errors the schema finds at the fields this step shows, with every later question at its
 * "does not apply" value: a wrong answer is reported where it was given (kinds of data the
 * encryption covers that are not among the data, say), not at the end of the questionnaire.
 */
export function shownFieldErrors(shown: readonly AnswerField[], answers: Answers): Partial<Record<AnswerField, string>> {
  const all = schemaErrors(fillUnanswered(withNotApplicableDefaults(answers)));
  const errors: Partial<Record<AnswerField, string>> = {};
  for (const f of shown) if (all[f] !== undefined) errors[f] = all[f];
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
