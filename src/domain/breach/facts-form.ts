import type { DateTime } from 'luxon';
import { checkBreachTimes, fromPicker } from './breach-times.js';
import { EEA_COUNTRIES, findCountry } from './countries.js';
import { checkTextLanguage } from '../language-check.js';
import { LANGUAGES, type Language } from '../language.js';
import { isIncidentCategory } from './incident-category.js';
import {
  FACT_COUNT_MAX, FACT_SHORT_MAX, FACT_TEXT_MAX, LOCALIZED_FIELDS, LOCALIZED_LIST_FIELDS, LOCALIZED_TEXT_FIELDS, recordedFactsSchema,
  type CountryCount, type FactField, type LocalizedField, type RecordedFacts,
} from './recorded-facts.js';

/*
 * The Update facts form, validated as a form (errors at the field, in words for the person typing).
 * Pure: the Slack layer reads the modal into FactsFormInput, the store saves the result.
 */

/** A yes/no question with "not known yet", which leaves the fact unrecorded. */
export type TriState = 'yes' | 'no' | 'unknown';

/**
 * A text the modal offers once per drafting language, as typed per language box; a language without
 * a box in the modal is absent (its stored text is kept, see keepHiddenLanguages).
 */
export type LocalizedInput = Partial<Record<Language, string | null>>;

/** What the modal collects, as typed; an empty input is null. */
export interface FactsFormInput {
  subjectWhatHappened: LocalizedInput;
  subjectNotAffected: LocalizedInput;
  subjectCause: LocalizedInput;
  subjectConsequences: LocalizedInput;
  subjectMeasures: LocalizedInput;
  subjectNoActionReason: LocalizedInput;
  publicNoticeReason: LocalizedInput;
  subjectApology: LocalizedInput;
  title: LocalizedInput;
  description: LocalizedInput;
  discovery: LocalizedInput;
  subjectsDescription: LocalizedInput;
  subjectsCount: string | null;
  dataDescription: LocalizedInput;
  recordsCount: string | null;
  /** Which of the two counts are approximate. */
  approximate: Array<'subjects' | 'records'>;
  exposureWho: LocalizedInput;
  actualConsequences: LocalizedInput;
  likelyConsequences: LocalizedInput;
  causeOrigin: 'internal' | 'external' | 'unknown' | null;
  causeMalicious: TriState | null;
  causeDescription: LocalizedInput;
  measuresBefore: LocalizedInput;
  measuresTaken: LocalizedInput;
  measuresProposed: LocalizedInput;
  mitigation: LocalizedInput;
  subjectSteps: LocalizedInput;
  controller: string | null;
  processors: string | null;
  policeInformed: TriState | null;
  policeReference: string | null;
  otherAuthorities: string | null;
  crossBorder: TriState | null;
  crossBorderCountries: string | null;
  delayReason: LocalizedInput;
  supplementExpectedBy: string | null;
  incidentCategory: string | null;
  dataUnintelligible: TriState | null;
  /** Unix seconds, from the datetime pickers. */
  detectedAt: number | null;
  endedAt: number | null;
  reporterName: string | null;
  reporterFunction: string | null;
  sector: string | null;
}

/** What the form is checked against: the declared start, now, and the team's writing language. */
export interface FactsFormContext {
  startedAt: DateTime | null;
  now: DateTime;
  /** The language a translation is compared with (a far shorter translation is flagged). */
  writing: Language;
}

export type FactsFormField = keyof FactsFormInput;

/** The block of a localized field's language box: `exposureWho_da`. Errors are keyed by it. */
export const localizedBlockId = (field: LocalizedField, lang: Language) => `${field}_${lang}`;

/** Errors by block id: a field name, or a localized field's language box (localizedBlockId). */
export type FactsErrors = Record<string, string>;
export type FactsCheck = { ok: true; value: RecordedFacts } | { ok: false; errors: FactsErrors };

const SHORT_FIELDS = [
  'controller', 'policeReference', 'supplementExpectedBy', 'reporterName', 'reporterFunction', 'sector',
] as const satisfies readonly FactField[];
/** Lists of names (processors, authorities): the same in every language, so stored once. */
const LIST_FIELDS = ['processors', 'otherAuthorities'] as const satisfies readonly FactField[];

/** A list typed as "none" (or Danish "ingen") is the recorded answer "none", stored as []. */
const NONE = /^(none|ingen|n\/a|-)\.?$/i;

/** One item per line; bullets a person may type are dropped. Null when nothing was typed. */
export function parseList(raw: string | null): string[] | null {
  const lines = (raw ?? '').split('\n').map((l) => l.replace(/^\s*(?:[-*\u2022]|\d+[.)])\s+/, '').trim()).filter(Boolean);
  if (lines.length === 0) return null;
  if (lines.length === 1 && NONE.test(lines[0]!)) return [];
  return lines;
}

/** The stored list as the modal shows it again: one per line, "none" for []. */
export function formatList(items: readonly string[] | undefined): string | undefined {
  if (!items) return undefined;
  return items.length === 0 ? 'none' : items.join('\n');
}

function parseCount(raw: string | null): number | null | 'invalid' {
  const s = (raw ?? '').replace(/[\s,.]/g, '');
  if (s === '') return null;
  if (!/^\d+$/.test(s)) return 'invalid';
  const n = Number(s);
  return n <= FACT_COUNT_MAX ? n : 'invalid';
}

const triState = (v: TriState | null): boolean | undefined => (v === 'yes' ? true : v === 'no' ? false : undefined);

const COUNTRY_EXAMPLE = 'one country per line with the number of people there, e.g. "Germany: 120" (or "Germany: unknown")';
const UNKNOWN = /^(unknown|not known|ukendt|\?)$/i;

/**
 * "Germany: 120", "DE 120", "Tyskland - ca. 40", "Sweden: unknown": an EU/EEA country by code or
 * English or Danish name, and the number of people there. Returns the error for the field when a
 * line does not read as that.
 */
export function parseCountryCounts(raw: string | null): { ok: true; value: CountryCount[] | null } | { ok: false; message: string } {
  const lines = parseList(raw);
  if (lines === null || lines.length === 0) return { ok: true, value: lines === null ? null : [] };
  if (lines.length > EEA_COUNTRIES.length) return { ok: false, message: `At most ${EEA_COUNTRIES.length} lines: one per EU/EEA country.` };
  const out: CountryCount[] = [];
  for (const line of lines) {
    const m = /^(.*?)[\s:=\-\u2013]*(?:(?:ca\.?|about|approx\.?|~)\s*)?([\d.,\s]+|unknown|not known|ukendt|\?)?$/i.exec(line.trim());
    const name = (m?.[1] ?? line).trim().replace(/[:\-\u2013]+$/, '').trim();
    const country = findCountry(name);
    if (!country) {
      return { ok: false, message: `"${name.slice(0, 40)}" is not an EU/EEA country I know. Write ${COUNTRY_EXAMPLE}.` };
    }
    const amount = m?.[2]?.trim() ?? '';
    if (amount === '') return { ok: false, message: `Give the number of people in ${country.en}: ${COUNTRY_EXAMPLE}.` };
    let count: number | null = null;
    if (!UNKNOWN.test(amount)) {
      const n = parseCount(amount);
      if (n === null || n === 'invalid') return { ok: false, message: `The number of people in ${country.en} must be a whole number: ${COUNTRY_EXAMPLE}.` };
      count = n;
    }
    if (out.some((c) => c.country === country.code)) return { ok: false, message: `${country.en} is listed twice: give one line per country.` };
    out.push({ country: country.code, count });
  }
  return { ok: true, value: out };
}

/** The stored countries as the modal shows them again: "Germany: 120", one per line. */
export function formatCountryCounts(items: readonly CountryCount[] | undefined): string | undefined {
  if (!items) return undefined;
  if (items.length === 0) return 'none';
  return items.map((c) => `${findCountry(c.country)?.en ?? c.country}: ${c.count ?? 'unknown'}`).join('\n');
}

export function checkFactsForm(input: FactsFormInput, context: FactsFormContext): FactsCheck {
  const errors: FactsErrors = {};
  const out: Record<string, unknown> = {};
  const put = (field: FactField, value: unknown) => {
    if (value !== null && value !== undefined) out[field] = value;
  };

  for (const f of LOCALIZED_TEXT_FIELDS) {
    put(f, localizedValue(f, input[f], context.writing, errors, (raw) => {
      const v = raw?.trim() ?? '';
      if (v.length > FACT_TEXT_MAX) return { error: `Keep this under ${FACT_TEXT_MAX} characters.` };
      return { value: v || null, text: v };
    }));
  }
  for (const f of LOCALIZED_LIST_FIELDS) {
    put(f, localizedValue(f, input[f], context.writing, errors, (raw) => {
      const items = parseList(raw);
      if (items && items.length > 100) return { error: 'At most 100 lines.' };
      if (items?.some((i) => i.length > FACT_TEXT_MAX)) return { error: `Keep each line under ${FACT_TEXT_MAX} characters.` };
      return { value: items, text: (items ?? []).join('\n') };
    }));
  }
  for (const f of SHORT_FIELDS) {
    const v = input[f]?.trim() ?? '';
    if (v.length > FACT_SHORT_MAX) errors[f] = `Keep this under ${FACT_SHORT_MAX} characters.`;
    else put(f, v || null);
  }
  for (const f of LIST_FIELDS) {
    const items = parseList(input[f]);
    if (items && items.length > 100) errors[f] = 'At most 100 lines.';
    else if (items?.some((i) => i.length > FACT_TEXT_MAX)) errors[f] = `Keep each line under ${FACT_TEXT_MAX} characters.`;
    else put(f, items);
  }
  for (const [f, approx] of [['subjectsCount', 'subjects'], ['recordsCount', 'records']] as const) {
    const n = parseCount(input[f]);
    if (n === 'invalid') {
      errors[f] = `Give a whole number (0 to ${FACT_COUNT_MAX.toLocaleString('en-GB')}), or leave it empty if not known yet.`;
      continue;
    }
    put(f, n);
    // "Approximate" belongs to a count: without one it records nothing.
    if (n !== null) put(f === 'subjectsCount' ? 'subjectsApproximate' : 'recordsApproximate', input.approximate.includes(approx));
  }
  if (input.causeOrigin === 'internal' || input.causeOrigin === 'external') put('causeOrigin', input.causeOrigin);
  put('causeMalicious', triState(input.causeMalicious));
  put('policeInformed', triState(input.policeInformed));
  put('crossBorder', triState(input.crossBorder));
  put('dataUnintelligible', triState(input.dataUnintelligible));
  if (input.incidentCategory !== null) {
    if (isIncidentCategory(input.incidentCategory)) put('incidentCategory', input.incidentCategory);
    else errors.incidentCategory = 'Choose one of the listed kinds of incident, or "Other".';
  }
  const countries = parseCountryCounts(input.crossBorderCountries);
  if (countries.ok) put('crossBorderCountries', countries.value);
  else errors.crossBorderCountries = countries.message;

  const detectedAt = fromPicker(input.detectedAt);
  const endedAt = fromPicker(input.endedAt);
  Object.assign(errors, checkBreachTimes({ startedAt: context.startedAt, detectedAt, endedAt }, context.now));
  put('detectedAt', detectedAt?.isValid ? detectedAt.toISO() : null);
  put('endedAt', endedAt?.isValid ? endedAt.toISO() : null);

  if (out['policeInformed'] !== true && out['policeReference']) {
    errors.policeReference = 'A police reference only makes sense if the police were told: answer "Yes" above, or clear it.';
  }
  if (out['crossBorder'] !== true && Array.isArray(out['crossBorderCountries']) && (out['crossBorderCountries'] as unknown[]).length > 0) {
    errors.crossBorderCountries = 'List countries only if people in other EU/EEA countries are affected: answer "Yes" above, or clear it.';
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  // The schema is the storage contract; the checks above give the friendly messages first.
  const parsed = recordedFactsSchema.partial().safeParse(out);
  if (!parsed.success) return { ok: false, errors: { incidentCategory: 'Some values could not be saved; check the fields and try again.' } };
  return { ok: true, value: parsed.data };
}

type Parsed<T> = { error: string } | { value: T | null; text: string };

/**
 * One localized field: each language box parsed, too long or in the wrong language flagged at its
 * box, and a translation far shorter than the text in the writing language flagged too. An empty
 * box is allowed (the draft in that language shows a gap); nothing typed is dropped.
 */
function localizedValue<T>(
  field: LocalizedField,
  boxes: LocalizedInput,
  writing: Language,
  errors: FactsErrors,
  parse: (raw: string | null) => Parsed<T>,
): Partial<Record<Language, T>> | null {
  const out: Partial<Record<Language, T>> = {};
  const parsed = new Map<Language, Parsed<T>>();
  for (const lang of LANGUAGES) if (lang in boxes) parsed.set(lang, parse(boxes[lang] ?? null));
  const sourceParsed = parsed.get(writing);
  const source = sourceParsed && 'text' in sourceParsed && sourceParsed.text ? { lang: writing, text: sourceParsed.text } : null;
  for (const [lang, p] of parsed) {
    const block = localizedBlockId(field, lang);
    if ('error' in p) {
      errors[block] = p.error;
      continue;
    }
    if (p.value === null) continue;
    const problem = p.text ? checkTextLanguage(p.text, lang, lang === writing ? null : source) : null;
    if (problem) errors[block] = problem;
    out[lang] = p.value;
  }
  return Object.keys(out).length > 0 ? out : null;
}

/** The languages the form had boxes for (the drafting languages when it was opened). */
export function languagesIn(input: FactsFormInput): Language[] {
  return LANGUAGES.filter((l) => LOCALIZED_FIELDS.some((f) => l in input[f]));
}

/**
 * The form shows only the drafting languages: a text stored in another language (written before the
 * settings changed) is kept, not dropped, when the form is saved.
 */
export function keepHiddenLanguages(before: RecordedFacts, after: RecordedFacts, shown: readonly Language[]): RecordedFacts {
  const out: Record<string, unknown> = { ...after };
  for (const f of LOCALIZED_FIELDS) {
    const kept = Object.fromEntries(Object.entries(before[f] ?? {}).filter(([l]) => !shown.includes(l as Language)));
    const merged = { ...kept, ...(after[f] ?? {}) };
    if (Object.keys(merged).length > 0) out[f] = merged;
  }
  return out as RecordedFacts;
}
