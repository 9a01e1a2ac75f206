import { z } from 'zod';
import type { AssessmentAnswers } from '../assessment/answers.js';

/*
 * The facts a team records after declaring (the Update facts modal), which the notices need and the
 * Declare modal does not ask: who and what is affected, consequences, measures, cause, other
 * authorities, the reasons for a delay. Stored in `breaches.facts` (jsonb), one key per field.
 *
 * A key that is absent means "not recorded yet" (the draft shows a gap). A list recorded as "none"
 * is stored as [] and is an answer; a yes/no left at "not known yet" is absent.
 */

export const FACT_TEXT_MAX = 3000;
export const FACT_SHORT_MAX = 300;
/** Counts above this are a typo, not a breach: the whole EU has fewer people. */
export const FACT_COUNT_MAX = 1_000_000_000;

const text = z.string().trim().min(1).max(FACT_TEXT_MAX);
const short = z.string().trim().min(1).max(FACT_SHORT_MAX);
const list = z.array(z.string().trim().min(1).max(FACT_TEXT_MAX)).max(100);
const count = z.number().int().min(0).max(FACT_COUNT_MAX);

export const recordedFactsSchema = z.object({
  /** Who the people are, in the team's words (the groups come from the assessment). */
  subjectsDescription: text,
  subjectsCount: count,
  subjectsApproximate: z.boolean(),
  /** What data, in the team's words (the types come from the assessment). */
  dataDescription: text,
  recordsCount: count,
  recordsApproximate: z.boolean(),
  exposureWho: text,
  actualConsequences: text,
  likelyConsequences: text,
  causeOrigin: z.enum(['internal', 'external']),
  causeMalicious: z.boolean(),
  causeDescription: text,
  measuresBefore: list,
  measuresTaken: list,
  measuresProposed: list,
  mitigation: list,
  /** What people can do themselves (the data-subject notice). */
  subjectSteps: list,
  /** Processor role: the controller we must tell. */
  controller: short,
  /** Processors involved (other than us). */
  processors: list,
  policeInformed: z.boolean(),
  policeReference: short,
  otherAuthorities: list,
  crossBorder: z.boolean(),
  crossBorderCountries: list,
  delayReason: text,
  /** Datatilsynet item 12: when the missing information will be available (a date or free text). */
  supplementExpectedBy: short,
});

export type RecordedFacts = Partial<z.infer<typeof recordedFactsSchema>>;
export type FactField = keyof z.infer<typeof recordedFactsSchema>;
export const FACT_FIELDS = Object.keys(recordedFactsSchema.shape) as FactField[];

/**
 * Reads the stored jsonb. A value that does not fit its field (a hand-edited row, an older shape)
 * is dropped rather than trusted: it then shows as a gap in the drafts, never as a wrong fact.
 */
export function readRecordedFacts(stored: unknown): RecordedFacts {
  if (typeof stored !== 'object' || stored === null) return {};
  const out: Record<string, unknown> = {};
  for (const field of FACT_FIELDS) {
    const parsed = recordedFactsSchema.shape[field].safeParse((stored as Record<string, unknown>)[field]);
    if (parsed.success) out[field] = parsed.data;
  }
  return out as RecordedFacts;
}

/** The fields whose values differ, for the event row and the confirmation. */
export function changedFacts(before: RecordedFacts, after: RecordedFacts): FactField[] {
  return FACT_FIELDS.filter((f) => JSON.stringify(before[f]) !== JSON.stringify(after[f]));
}

/**
 * The facts form starts from what the risk questionnaire already answered (issue 17), so nobody is
 * asked twice: the number of people and of records (approximate, as the questionnaire asks them)
 * and whether it was deliberate. Only where nothing is recorded yet: a recorded fact always wins.
 */
export function prefillFromAssessment(
  facts: RecordedFacts,
  answers: Pick<AssessmentAnswers, 'subjectsCount' | 'recordsCount' | 'malicious'> | null | undefined,
): RecordedFacts {
  if (!answers) return facts;
  const out: RecordedFacts = { ...facts };
  if (out.subjectsCount === undefined && answers.subjectsCount !== null) Object.assign(out, { subjectsCount: answers.subjectsCount, subjectsApproximate: true });
  if (out.recordsCount === undefined && answers.recordsCount !== null) Object.assign(out, { recordsCount: answers.recordsCount, recordsApproximate: true });
  if (out.causeMalicious === undefined) out.causeMalicious = answers.malicious;
  return out;
}
