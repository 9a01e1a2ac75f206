import {
  FACT_COUNT_MAX, FACT_SHORT_MAX, FACT_TEXT_MAX, recordedFactsSchema, type FactField, type RecordedFacts,
} from './recorded-facts.js';

/*
 * The Update facts form, validated as a form (errors at the field, in words for the person typing).
 * Pure: the Slack layer reads the modal into FactsFormInput, the store saves the result.
 */

/** A yes/no question with "not known yet", which leaves the fact unrecorded. */
export type TriState = 'yes' | 'no' | 'unknown';

/** What the modal collects, as typed; an empty input is null. */
export interface FactsFormInput {
  subjectsDescription: string | null;
  subjectsCount: string | null;
  dataDescription: string | null;
  recordsCount: string | null;
  /** Which of the two counts are approximate. */
  approximate: Array<'subjects' | 'records'>;
  exposureWho: string | null;
  actualConsequences: string | null;
  likelyConsequences: string | null;
  causeOrigin: 'internal' | 'external' | 'unknown' | null;
  causeMalicious: TriState | null;
  causeDescription: string | null;
  measuresBefore: string | null;
  measuresTaken: string | null;
  measuresProposed: string | null;
  mitigation: string | null;
  subjectSteps: string | null;
  controller: string | null;
  processors: string | null;
  policeInformed: TriState | null;
  policeReference: string | null;
  otherAuthorities: string | null;
  crossBorder: TriState | null;
  crossBorderCountries: string | null;
  delayReason: string | null;
  supplementExpectedBy: string | null;
}

export type FactsFormField = keyof FactsFormInput;

export type FactsCheck = { ok: true; value: RecordedFacts } | { ok: false; errors: Partial<Record<FactsFormField, string>> };

const TEXT_FIELDS = [
  'subjectsDescription', 'dataDescription', 'exposureWho', 'actualConsequences', 'likelyConsequences',
  'causeDescription', 'delayReason',
] as const satisfies readonly FactField[];
const SHORT_FIELDS = ['controller', 'policeReference', 'supplementExpectedBy'] as const satisfies readonly FactField[];
const LIST_FIELDS = [
  'measuresBefore', 'measuresTaken', 'measuresProposed', 'mitigation', 'subjectSteps', 'processors',
  'otherAuthorities', 'crossBorderCountries',
] as const satisfies readonly FactField[];

/** A list typed as "none" (or Danish "ingen") is the recorded answer "none", stored as []. */
const NONE = /^(none|ingen|n\/a|-)\.?$/i;

/** One item per line; bullets a person may type are dropped. Null when nothing was typed. */
export function parseList(raw: string | null): string[] | null {
  const lines = (raw ?? '').split('\n').map((l) => l.replace(/^\s*(?:[-*•]|\d+[.)])\s+/, '').trim()).filter(Boolean);
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

export function checkFactsForm(input: FactsFormInput): FactsCheck {
  const errors: Partial<Record<FactsFormField, string>> = {};
  const out: Record<string, unknown> = {};
  const put = (field: FactField, value: unknown) => {
    if (value !== null && value !== undefined) out[field] = value;
  };

  for (const f of TEXT_FIELDS) {
    const v = input[f]?.trim() ?? '';
    if (v.length > FACT_TEXT_MAX) errors[f] = `Keep this under ${FACT_TEXT_MAX} characters.`;
    else put(f, v || null);
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

  if (out['policeInformed'] !== true && out['policeReference']) {
    errors.policeReference = 'A police reference only makes sense if the police were told: answer "Yes" above, or clear it.';
  }
  if (out['crossBorder'] !== true && Array.isArray(out['crossBorderCountries']) && (out['crossBorderCountries'] as string[]).length > 0) {
    errors.crossBorderCountries = 'List countries only if people in other EU/EEA countries are affected: answer "Yes" above, or clear it.';
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  // The schema is the storage contract; the checks above give the friendly messages first.
  const parsed = recordedFactsSchema.partial().safeParse(out);
  if (!parsed.success) return { ok: false, errors: { subjectsDescription: 'Some values could not be saved; check the fields and try again.' } };
  return { ok: true, value: parsed.data };
}
