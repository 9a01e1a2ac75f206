// Danish phrase builders for the reason sentences, the counterpart of phrases.ts. The reasons are
// written for a notice to Datatilsynet, so the people are "de registrerede" (notices.md §3) and
// numbers are written the Danish way (1.200; 2,25).
import type { AssessmentAnswers, DataType, SubjectGroup } from './answers.js';
import { baseScore, isSpecialOrCriminal } from './data-categories.js';
import type { Risk, SeverityLevel } from './result.js';

/** 1200 → "1.200". */
export function formatCountDa(n: number): string {
  return String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

/** 0.5 → "0,5", 30 → "30", 1.25 → "1,25". */
export function formatNumberDa(n: number): string {
  return String(Math.round(n * 100) / 100).replace('.', ',');
}

/** ["a","b","c"] → "a, b og c". */
export function joinAndDa(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} og ${items[items.length - 1] ?? ''}`;
}

export const LEVEL_WORDS_DA: Readonly<Record<SeverityLevel, string>> = {
  low: 'lav',
  medium: 'middel',
  high: 'høj',
  very_high: 'meget høj',
};

/**
 * The data types as plural nouns, with the preposition that joins them to the people: "om" after
 * "…oplysninger" and "data", "på" after CPR numbers, and "vedrørende" after labels that already end
 * in "om …" ("oplysninger om strafbare forhold vedrørende 12 borgere"), where a second "om" would jar.
 */
export const DATA_TYPE_LABELS_DA: Readonly<Record<DataType, { label: string; prep: 'om' | 'på' | 'vedrørende' }>> = {
  basic_identity: { label: 'identitetsoplysninger', prep: 'om' },
  contact: { label: 'kontaktoplysninger', prep: 'om' },
  national_id: { label: 'CPR-numre', prep: 'på' },
  official_document: { label: 'kopier af identitetspapirer', prep: 'vedrørende' },
  financial: { label: 'økonomiske oplysninger', prep: 'om' },
  income: { label: 'oplysninger om indkomst og løn', prep: 'vedrørende' },
  payment_card: { label: 'betalingskortoplysninger', prep: 'om' },
  credentials: { label: 'loginoplysninger', prep: 'vedrørende' },
  location: { label: 'lokaliseringsdata', prep: 'om' },
  behavioural: { label: 'oplysninger om vaner og adfærd', prep: 'vedrørende' },
  communications: { label: 'oplysninger om kommunikation', prep: 'vedrørende' },
  employment: { label: 'ansættelsesoplysninger', prep: 'om' },
  education: { label: 'uddannelsesoplysninger', prep: 'om' },
  health: { label: 'helbredsoplysninger', prep: 'om' },
  genetic: { label: 'genetiske data', prep: 'om' },
  biometric: { label: 'biometriske data', prep: 'om' },
  racial_ethnic: { label: 'oplysninger om racemæssig eller etnisk oprindelse', prep: 'vedrørende' },
  political: { label: 'oplysninger om politisk overbevisning', prep: 'vedrørende' },
  religious: { label: 'oplysninger om religiøs overbevisning', prep: 'vedrørende' },
  philosophical: { label: 'oplysninger om filosofisk overbevisning', prep: 'vedrørende' },
  trade_union: { label: 'oplysninger om fagforeningsmæssigt tilhørsforhold', prep: 'vedrørende' },
  sex_life: { label: 'oplysninger om seksuelle forhold', prep: 'vedrørende' },
  sexual_orientation: { label: 'oplysninger om seksuel orientering', prep: 'vedrørende' },
  criminal: { label: 'oplysninger om strafbare forhold', prep: 'vedrørende' },
};

/** Singular and plural, and "ét" for the neuter "barn". */
const SUBJECT_GROUP_LABELS_DA: Readonly<Record<SubjectGroup, { one: string; singular: string; plural: string }>> = {
  customers: { one: 'én', singular: 'kunde', plural: 'kunder' },
  employees: { one: 'én', singular: 'medarbejder', plural: 'medarbejdere' },
  patients: { one: 'én', singular: 'patient', plural: 'patienter' },
  children: { one: 'ét', singular: 'barn', plural: 'børn' },
  students: { one: 'én', singular: 'elev eller studerende', plural: 'elever og studerende' },
  job_applicants: { one: 'én', singular: 'jobansøger', plural: 'jobansøgere' },
  users: { one: 'én', singular: 'bruger', plural: 'brugere' },
  citizens: { one: 'én', singular: 'borger', plural: 'borgere' },
  vulnerable: { one: 'én', singular: 'sårbar person', plural: 'sårbare personer' },
  other: { one: 'én', singular: 'person', plural: 'andre' },
};

/** "ca. 1.200 patienter", "én kunde", "et ukendt antal personer (kunder og medarbejdere)". */
export function peopleDa(a: AssessmentAnswers): string {
  const groups = unique(a.subjectGroups).filter((g): g is Exclude<SubjectGroup, 'other'> => g !== 'other');
  const single = groups.length === 1 && !a.subjectGroups.includes('other') ? groups[0] : undefined;
  const label = single === undefined ? undefined : SUBJECT_GROUP_LABELS_DA[single];
  const plurals = groups.map((g) => SUBJECT_GROUP_LABELS_DA[g].plural);
  if (a.subjectGroups.includes('other')) plurals.push(SUBJECT_GROUP_LABELS_DA.other.plural);
  const listed = single === undefined && groups.length > 0 ? ` (${joinAndDa(plurals)})` : '';
  const n = a.subjectsCount;
  if (n === null) return `et ukendt antal ${label?.plural ?? 'personer'}${listed}`;
  if (n === 1) return `${label?.one ?? 'én'} ${label?.singular ?? 'person'}${listed}`;
  // "ca." where the English says "about": only where a count is naturally approximate.
  const approx = n >= 20 ? 'ca. ' : '';
  return `${approx}${formatCountDa(n)} ${label?.plural ?? 'personer'}${listed}`;
}

/** Labels of data types, most sensitive first (as dataList), with credentials saying what they open. */
function sortedLabelsDa(types: readonly DataType[], a: AssessmentAnswers, max: number): Array<{ label: string; prep: string }> {
  const sorted = unique(types).sort(
    (x, y) => baseScore(y, a.credentialsGiveAccessTo) - baseScore(x, a.credentialsGiveAccessTo),
  );
  const labels = sorted.map((t) => ({ label: dataLabelDa(t, a), prep: DATA_TYPE_LABELS_DA[t].prep }));
  if (labels.length > max) {
    const rest = labels.length - (max - 1);
    return [...labels.slice(0, max - 1), { label: `${rest} andre typer oplysninger`, prep: 'om' }];
  }
  return labels;
}

/** "helbredsoplysninger, CPR-numre og identitetsoplysninger". */
export function dataListDa(types: readonly DataType[], a: AssessmentAnswers, max = 4): string {
  return joinAndDa(sortedLabelsDa(types, a, max).map((l) => l.label));
}

/**
 * "helbredsoplysninger og CPR-numre om ca. 3.400 patienter": the last label chooses the preposition;
 * `suffix` (" (særlig kategori)") goes between the data and the people.
 */
export function dataOfPeopleDa(types: readonly DataType[], a: AssessmentAnswers, suffix = ''): string {
  const labels = sortedLabelsDa(types, a, 4);
  const prep = labels[labels.length - 1]?.prep ?? 'om';
  return `${joinAndDa(labels.map((l) => l.label))}${suffix} ${prep} ${peopleDa(a)}`;
}

export function dataLabelDa(t: DataType, a: AssessmentAnswers): string {
  if (t === 'credentials' && a.credentialsGiveAccessTo.length > 0) {
    const opens = a.credentialsGiveAccessTo.filter((o) => o !== 'credentials');
    const labels = opens.map((o) => DATA_TYPE_LABELS_DA[o].label);
    const shown = labels.length > 3 ? [...labels.slice(0, 2), `${labels.length - 2} andre typer oplysninger`] : labels;
    const what = shown.length > 0 ? joinAndDa(shown) : 'andre konti';
    return `loginoplysninger (der giver adgang til ${what})`;
  }
  return DATA_TYPE_LABELS_DA[t].label;
}

/** " (særlig kategori)", " (strafbare forhold)" or both, after special-category data. */
export function specialSuffixDa(types: readonly DataType[]): string {
  const art9 = types.filter((t) => isSpecialOrCriminal(t) && t !== 'criminal');
  const art10 = types.includes('criminal');
  const art9Words = art9.length > 1 ? 'særlige kategorier' : 'særlig kategori';
  if (art9.length > 0 && art10) return ` (${art9Words} og strafbare forhold)`;
  return art10 ? ' (strafbare forhold)' : ` (${art9Words})`;
}

/**
 * The Art. 33/34 outcome as a clause about "bruddet", in the word order each place needs: a main
 * clause ("bruddet indebærer sandsynligvis ikke …"), inverted after a fronted element ("… indebærer
 * bruddet sandsynligvis ikke …") or conditional ("… ville bruddet sandsynligvis ikke indebære …").
 * Adverbs go after the finite verb in a main clause and before it in a subordinate clause.
 */
const RISK_DA: Readonly<Record<Risk, { adverbs: string; object: string }>> = {
  unlikely: { adverbs: 'sandsynligvis ikke', object: 'en risiko for de registrerede' },
  risk: { adverbs: 'sandsynligvis', object: 'en risiko for de registrerede, men ikke en høj risiko' },
  high: { adverbs: 'sandsynligvis', object: 'en høj risiko for de registrerede' },
};

export function riskClauseDa(risk: Risk, form: 'main' | 'inverted' | 'conditional', extra = ''): string {
  const { adverbs, object } = RISK_DA[risk];
  const adv = extra ? `${extra} ${adverbs}` : adverbs;
  if (form === 'main') return `bruddet indebærer ${adv} ${object}`;
  if (form === 'inverted') return `indebærer bruddet ${adv} ${object}`;
  return `ville bruddet ${adv} indebære ${object}`;
}

function unique<T>(xs: readonly T[]): T[] {
  return [...new Set(xs)];
}
