import type { AnswerField } from '../../domain/assessment/answers.js';
import { QUESTION_ORDER, QUESTIONS, type Choice } from '../../domain/assessment/questions.js';
import { assessAction } from '../ids.js';
import type { ViewStateValues } from './declare-state.js';
import { type Answers, STEPS, type Step } from './assessment-steps.js';

/*
 * The questionnaire's state between steps. Each step is a `response_action: update` of the same
 * modal, so the answers so far travel in its private_metadata (at most 3000 characters): compact
 * JSON with each choice stored by its catalogue id, so the largest possible answer set stays far
 * below the limit (tested) and a value means the same after a deploy.
 */

export interface AssessmentDraft {
  breachId: string;
  /** The breach's reference, for the modal's heading. */
  reference: string;
  step: Step;
  answers: Answers;
}

type Encoded = string | string[] | number | null;

interface WireDraft {
  b: string;
  r: string;
  s: Step;
  a: Partial<Record<AnswerField, Encoded>>;
}

const FIELDS = new Set<string>(QUESTION_ORDER);
const isField = (k: string): k is AnswerField => FIELDS.has(k);

const choicesOf = (field: AnswerField) => QUESTIONS[field].choices as readonly Choice<unknown>[];

function encodeValue(field: AnswerField, value: unknown): Encoded | undefined {
  const q = QUESTIONS[field];
  if (q.input === 'count' || q.input === 'hours') return typeof value === 'number' ? value : null;
  const idOf = (v: unknown) => choicesOf(field).find((c) => c.value === v)?.id;
  // null is an answer for a multi-select too: "the protection covers every kind of data".
  if (q.input === 'multi') return Array.isArray(value) ? value.map(idOf).filter((x): x is string => x !== undefined) : value === null ? null : [];
  return idOf(value);
}

function decodeValue(field: AnswerField, raw: unknown): unknown {
  const q = QUESTIONS[field];
  if (q.input === 'count' || q.input === 'hours') return typeof raw === 'number' && Number.isFinite(raw) ? raw : null;
  const byId = (id: unknown) => choicesOf(field).find((c) => c.id === id);
  if (q.input === 'multi') {
    if (raw === null) return null;
    return Array.isArray(raw) ? raw.map(byId).filter((c) => c !== undefined).map((c) => c.value) : undefined;
  }
  return byId(raw)?.value;
}

export function encodeDraft(d: AssessmentDraft): string {
  const a: WireDraft['a'] = {};
  for (const field of QUESTION_ORDER) {
    if (d.answers[field] === undefined) continue;
    const v = encodeValue(field, d.answers[field]);
    if (v !== undefined) a[field] = v;
  }
  const wire: WireDraft = { b: d.breachId, r: d.reference, s: d.step, a };
  return JSON.stringify(wire);
}

/** Null when the metadata is not a draft (a modal from an older version, a forged payload). */
export function decodeDraft(raw: string): AssessmentDraft | null {
  let wire: Partial<WireDraft>;
  try {
    wire = JSON.parse(raw) as Partial<WireDraft>;
  } catch {
    return null;
  }
  if (typeof wire?.b !== 'string' || !STEPS.includes(wire.s as Step)) return null;
  const answers: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(wire.a ?? {})) {
    if (!isField(k)) continue;
    const value = decodeValue(k, v);
    if (value !== undefined) answers[k] = value;
  }
  return { breachId: wire.b, reference: typeof wire.r === 'string' ? wire.r : '', step: wire.s as Step, answers: answers as Answers };
}

interface ElementState {
  value?: string | null;
  selected_option?: { value: string } | null;
  selected_options?: Array<{ value: string }> | null;
}

export interface ReadStep {
  /** The answer fields this view asked, in catalogue order. */
  shown: AnswerField[];
  answers: Answers;
  errors: Partial<Record<AnswerField, string>>;
}

/** Reads a submitted step. Every field shown gets a value (null or [] when left empty). */
export function readStep(values: ViewStateValues): ReadStep {
  const shown = QUESTION_ORDER.filter((f) => values[f]?.[assessAction(f)] !== undefined);
  const answers: Record<string, unknown> = {};
  const errors: ReadStep['errors'] = {};
  for (const field of shown) {
    const el = values[field]?.[assessAction(field)] as ElementState | undefined;
    const q = QUESTIONS[field];
    if (q.input === 'count' || q.input === 'hours') {
      const parsed = q.input === 'count' ? parseCount(el?.value) : parseHours(el?.value);
      if (parsed.ok) answers[field] = parsed.value;
      else errors[field] = parsed.error;
    } else if (q.input === 'multi') {
      const ids = (el?.selected_options ?? []).map((o) => o.value);
      answers[field] = ids.map((id) => choicesOf(field).find((c) => c.id === id)).filter((c) => c !== undefined).map((c) => c.value);
      if (!q.optional && ids.length === 0) errors[field] = 'Choose at least one.';
    } else {
      const choice = choicesOf(field).find((c) => c.id === el?.selected_option?.value);
      if (choice) answers[field] = choice.value;
      else if (q.optional) answers[field] = null;
      else errors[field] = 'Choose an answer.';
    }
  }
  return { shown, answers: answers as Answers, errors };
}

type Parsed = { ok: true; value: number | null } | { ok: false; error: string };

const UNKNOWN = /^(unknown|not known( yet)?|do not know|don'?t know|n\/?a|\?+)$/;

/**
 * An approximate number of people or records, as people type it: "1200", "1,200", "1.200" (Danish),
 * "about 1200", "~1200", "1200+". Empty or "unknown" means not known, assessed as the worse case.
 */
export function parseCount(raw: string | null | undefined): Parsed {
  const t = (raw ?? '').trim().toLowerCase();
  if (t === '' || UNKNOWN.test(t)) return { ok: true, value: null };
  const core = t
    .replace(/^(about|approx\.?|approximately|around|roughly|ca\.?|c\.|~|more than|over|at least|up to)\s*/, '')
    .replace(/\s*\+$/, '');
  if (!/^\d+$/.test(core) && !/^\d{1,3}([ ,.'\u2019]\d{3})+$/.test(core)) {
    return { ok: false, error: 'Enter a number, such as 1200, or leave it empty if you do not know yet.' };
  }
  const n = Number(core.replace(/[ ,.'\u2019]/g, ''));
  if (n < 1) return { ok: false, error: 'Enter at least 1, or leave it empty if you do not know yet.' };
  if (n > 1e10) return { ok: false, error: 'That is more than there are people on Earth: check the number.' };
  return { ok: true, value: n };
}

/** Hours until the data were back: "6", "1.5", "1,5", "36 hours", "2 days". Empty = not yet or unknown. */
export function parseHours(raw: string | null | undefined): Parsed {
  const t = (raw ?? '').trim().toLowerCase();
  if (t === '' || UNKNOWN.test(t)) return { ok: true, value: null };
  const m = /^(\d+(?:[.,]\d+)?)\s*(h|hrs?|hours?|d|days?)?$/.exec(t);
  if (!m) return { ok: false, error: 'Enter a number of hours, such as 6 or 1.5, or leave it empty if not restored yet.' };
  const n = Number(m[1]!.replace(',', '.')) * (m[2]?.startsWith('d') ? 24 : 1);
  if (n > 24 * 365 * 10) return { ok: false, error: 'Enter the hours until the data were available again, up to ten years.' };
  return { ok: true, value: n };
}
