// Small English phrase builders shared by the reason sentences.
import type { AssessmentAnswers, DataType, SubjectGroup } from './answers.js';
import { baseScore, isSpecialOrCriminal } from './data-categories.js';
import { DATA_TYPE_LABELS, SINGULAR_DATA_TYPE_LABELS, SUBJECT_GROUP_LABELS } from './labels.js';

/** 1200 → "1,200" (fixed en-GB grouping, independent of the host's locale). */
export function formatCount(n: number): string {
  const whole = Math.round(n);
  return String(whole).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** 0.5 → "0.5", 30 → "30", 1.25 → "1.25". */
export function formatNumber(n: number): string {
  return String(Math.round(n * 100) / 100);
}

export function capitalise(s: string): string {
  return s.length === 0 ? s : s.charAt(0).toUpperCase() + s.slice(1);
}

/** ["a"] → "a"; ["a","b"] → "a and b"; ["a","b","c"] → "a, b and c". */
export function joinAnd(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1] ?? ''}`;
}

/** "about 1,200 patients", "one customer", "an unknown number of people (customers and employees)". */
export function people(a: AssessmentAnswers): string {
  const groups = unique(a.subjectGroups).filter((g): g is Exclude<SubjectGroup, 'other'> => g !== 'other');
  const single = groups.length === 1 && !a.subjectGroups.includes('other') ? groups[0] : undefined;
  const label = single === undefined ? undefined : SUBJECT_GROUP_LABELS[single];
  const plurals = groups.map((g) => SUBJECT_GROUP_LABELS[g].plural);
  if (a.subjectGroups.includes('other')) plurals.push('others');
  const listed = single === undefined && groups.length > 0 ? ` (${joinAnd(plurals)})` : '';
  const n = a.subjectsCount;
  if (n === null) return `an unknown number of ${label?.plural ?? 'people'}${listed}`;
  if (n === 1) return `one ${label?.singular ?? 'person'}${listed}`;
  // "about" only where a count is naturally approximate.
  const approx = n >= 20 ? 'about ' : '';
  return `${approx}${formatCount(n)} ${label?.plural ?? 'people'}${listed}`;
}

/** Labels of data types, most sensitive first, with credentials saying what they open. */
export function dataList(types: readonly DataType[], a: AssessmentAnswers, max = 4): string {
  const sorted = unique(types).sort(
    (x, y) => baseScore(y, a.credentialsGiveAccessTo) - baseScore(x, a.credentialsGiveAccessTo),
  );
  const labels = sorted.map((t) => dataLabel(t, a));
  if (labels.length > max) {
    const rest = labels.length - (max - 1);
    return joinAnd([...labels.slice(0, max - 1), `${rest} other kinds of data`]);
  }
  return joinAnd(labels);
}

export function dataLabel(t: DataType, a: AssessmentAnswers): string {
  if (t === 'credentials' && a.credentialsGiveAccessTo.length > 0) {
    const opens = a.credentialsGiveAccessTo.filter((o) => o !== 'credentials');
    const labels = opens.map((o) => DATA_TYPE_LABELS[o]);
    const shown = labels.length > 3 ? [...labels.slice(0, 2), `${labels.length - 2} other kinds of data`] : labels;
    const what = shown.length > 0 ? joinAnd(shown) : 'other accounts';
    return `login credentials (giving access to ${what})`;
  }
  return DATA_TYPE_LABELS[t];
}

/** "(special category)", "(criminal offences)" or both, for special-category sentences. */
export function specialSuffix(types: readonly DataType[]): string {
  const art9 = types.some((t) => isSpecialOrCriminal(t) && t !== 'criminal');
  const art10 = types.includes('criminal');
  const several = types.filter((t) => isSpecialOrCriminal(t) && t !== 'criminal').length > 1;
  const art9Words = several ? 'special categories' : 'special category';
  if (art9 && art10) return ` (${art9Words} and criminal offences)`;
  return art10 ? ' (criminal offences)' : ` (${art9Words})`;
}

/**
 * The verb agreeing with the list of labels: "were" for several kinds of data and for one whose label
 * is plural or "data" ("national ID numbers (CPR) … were", "financial data … were"); "was" only for
 * one kind whose label is a singular noun ("sexual orientation … was").
 */
export function wasWere(types: readonly DataType[]): string {
  const kinds = unique(types);
  return kinds.length === 1 && kinds.every((t) => SINGULAR_DATA_TYPE_LABELS.has(t)) ? 'was' : 'were';
}

function unique<T>(xs: readonly T[]): T[] {
  return [...new Set(xs)];
}
