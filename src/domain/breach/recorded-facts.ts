import { z } from 'zod';
import { LANGUAGES, type Language, type LocalizedList, type LocalizedText } from '../language.js';
import { INCIDENT_CATEGORIES } from './incident-category.js';
import type { AssessmentAnswers } from '../assessment/answers.js';

/*
 * The facts a team records after declaring (the Update facts modal), which the notices need and the
 * Declare modal does not ask: who and what is affected, consequences, measures, cause, other
 * authorities, the reasons for a delay, and the items of the EDPB template and Datatilsynet's form
 * the Declare modal asks only in part (incident category, detection and end times, the reporter,
 * the sector, encryption, the countries reached). Stored in `breaches.facts` (jsonb), one key per
 * field; the Declare modal writes its share of them when the breach is stored.
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
/**
 * A free text that goes into a notice, stored per language ({ da: '…', en: '…' }): a draft in a
 * language the text is not written in shows a gap for it, never the other language's words.
 */
const localized = <T extends z.ZodType>(value: T) => z.object({ da: value.optional(), en: value.optional() }).refine((v) => v.da !== undefined || v.en !== undefined);
const localizedText = localized(text) as unknown as z.ZodType<LocalizedText>;
const localizedList = localized(list) as unknown as z.ZodType<LocalizedList>;

/** An instant as stored: ISO 8601 in UTC (luxon's toISO() of a UTC DateTime). */
const instant = z.iso.datetime({ offset: true });

/**
 * One country a cross-border breach reaches, with the number of people there. `country` is an
 * ISO 3166-1 code (countries.ts); `count` null is "not known yet" (a gap in the drafts).
 */
export const countryCountSchema = z.object({ country: z.string().trim().min(1).max(FACT_SHORT_MAX), count: count.nullable() });
export type CountryCount = z.infer<typeof countryCountSchema>;

export const recordedFactsSchema = z.object({
  /**
   * The declared title, what happened and how it was discovered, per language. The Declare modal's
   * text (breaches columns) counts as the writing language's until Update facts gives one.
   */
  title: localizedText,
  description: localizedText,
  discovery: localizedText,
  /** Who the people are, in the team's words (the groups come from the assessment). */
  subjectsDescription: localizedText,
  subjectsCount: count,
  subjectsApproximate: z.boolean(),
  /** What data, in the team's words (the types come from the assessment). */
  dataDescription: localizedText,
  recordsCount: count,
  recordsApproximate: z.boolean(),
  exposureWho: localizedText,
  actualConsequences: localizedText,
  likelyConsequences: localizedText,
  causeOrigin: z.enum(['internal', 'external']),
  causeMalicious: z.boolean(),
  causeDescription: localizedText,
  measuresBefore: localizedList,
  measuresTaken: localizedList,
  measuresProposed: localizedList,
  mitigation: localizedList,
  /** What people can do themselves (the data-subject notice). */
  subjectSteps: localizedList,
  /*
   * The notice to the people affected speaks to them in words of its own, apart from the internal
   * description (issue 12): what happened as told to them, what is not affected, the cause in plain
   * words, what it could mean for them, what we have done, why they need not do anything, why a
   * public notice is used, and an optional apology.
   */
  subjectWhatHappened: localizedText,
  subjectNotAffected: localizedText,
  subjectCause: localizedText,
  subjectConsequences: localizedText,
  subjectMeasures: localizedText,
  subjectNoActionReason: localizedText,
  publicNoticeReason: localizedText,
  subjectApology: localizedText,
  /** Processor role: the controller we must tell. */
  controller: short,
  /** Processors involved (other than us). */
  processors: list,
  policeInformed: z.boolean(),
  policeReference: short,
  otherAuthorities: list,
  crossBorder: z.boolean(),
  /** The countries reached and the number of people in each (EDPB template: cross-border). */
  crossBorderCountries: z.array(countryCountSchema).max(30),
  delayReason: localizedText,
  /** Datatilsynet item 12: when the missing information will be available (a date or free text). */
  supplementExpectedBy: short,
  /** The EDPB template's incident category. */
  incidentCategory: z.enum(INCIDENT_CATEGORIES),
  /** The data were encrypted or otherwise unintelligible to whoever got them (Art. 34(3)(a)). */
  dataUnintelligible: z.boolean(),
  /** When the breach was detected, which may differ from when we became aware of it. */
  detectedAt: instant,
  /** When the breach ended. Recording it says the breach is over. */
  endedAt: instant,
  /** The person reporting to the authority: filled from the declaring user's Slack profile. */
  reporterName: short,
  reporterFunction: short,
  /** Our sector of activity, as the reporting form asks it. */
  sector: short,
});

export type RecordedFacts = Partial<z.infer<typeof recordedFactsSchema>>;
export type FactField = keyof z.infer<typeof recordedFactsSchema>;
export const FACT_FIELDS = Object.keys(recordedFactsSchema.shape) as FactField[];

/** The free texts that go into a notice in the team's words, one per language. */
export const LOCALIZED_TEXT_FIELDS = [
  'title', 'description', 'discovery',
  'subjectWhatHappened', 'subjectNotAffected', 'subjectCause', 'subjectConsequences', 'subjectMeasures', 'subjectNoActionReason',
  'publicNoticeReason', 'subjectApology',
  'subjectsDescription', 'dataDescription', 'exposureWho', 'actualConsequences', 'likelyConsequences', 'causeDescription', 'delayReason',
] as const satisfies readonly FactField[];
/** The lists that go into a notice in the team's words (measures, steps), one per language. */
export const LOCALIZED_LIST_FIELDS = ['measuresBefore', 'measuresTaken', 'measuresProposed', 'mitigation', 'subjectSteps'] as const satisfies readonly FactField[];
export type LocalizedTextField = (typeof LOCALIZED_TEXT_FIELDS)[number];
export type LocalizedListField = (typeof LOCALIZED_LIST_FIELDS)[number];
export type LocalizedField = LocalizedTextField | LocalizedListField;
export const LOCALIZED_FIELDS: readonly LocalizedField[] = [...LOCALIZED_TEXT_FIELDS, ...LOCALIZED_LIST_FIELDS];
const isLocalizedField = (f: FactField): f is LocalizedField => (LOCALIZED_FIELDS as readonly string[]).includes(f);

/**
 * Before texts were stored per language they were plain strings (and lists): read them as written in
 * the team's writing language, so nothing recorded is lost.
 */
function legacyLocalized(raw: unknown, writing: Language): unknown {
  return typeof raw === 'string' || Array.isArray(raw) ? { [writing]: raw } : raw;
}

/** The languages a localized fact is written in (da before en). */
export function writtenIn(value: LocalizedText | LocalizedList | undefined): Language[] {
  return value ? LANGUAGES.filter((l) => value[l] !== undefined) : [];
}

/**
 * Reads the stored jsonb; `writing` is the team's writing language, for texts stored before they
 * had one. A value that does not fit its field (a hand-edited row, an older shape)
 * is dropped rather than trusted: it then shows as a gap in the drafts, never as a wrong fact.
 */
export function readRecordedFacts(stored: unknown, writing: Language): RecordedFacts {
  if (typeof stored !== 'object' || stored === null) return {};
  const out: Record<string, unknown> = {};
  for (const field of FACT_FIELDS) {
    const raw = (stored as Record<string, unknown>)[field];
    const value = field === 'crossBorderCountries' ? legacyCountries(raw) : isLocalizedField(field) ? legacyLocalized(raw, writing) : raw;
    const parsed = recordedFactsSchema.shape[field].safeParse(value);
    if (parsed.success) out[field] = parsed.data;
  }
  return out as RecordedFacts;
}

/** The fields whose values differ, for the event row and the confirmation. */
export function changedFacts(before: RecordedFacts, after: RecordedFacts): FactField[] {
  return FACT_FIELDS.filter((f) => JSON.stringify(before[f]) !== JSON.stringify(after[f]));
}

/**
 * Before the counts per country, the countries were stored as a list of names: read them as
 * countries whose count is not known yet, so nothing recorded is lost.
 */
function legacyCountries(raw: unknown): unknown {
  if (!Array.isArray(raw)) return raw;
  return raw.map((item) => (typeof item === 'string' ? { country: item, count: null } : item));
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
  // Not known in the questionnaire: left unrecorded here too (the notices mark it as a gap).
  if (out.causeMalicious === undefined && answers.malicious !== null) out.causeMalicious = answers.malicious;
  return out;
}
