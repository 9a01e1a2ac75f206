/*
 * The drafts of NIS2's reports to the authority, in Danish and English (the languages of Virk.dk):
 * the early warning, the incident notification and the final report, each with the points of
 * Art. 23(4) of Directive (EU) 2022/2555 (docs/regimes.md). They are built from the breach's facts
 * (src/domain/notices) and the facts only NIS2 asks for (`Nis2Facts`, below); whatever is not
 * recorded is a gap. The intermediate report is whatever the authority asks for: no draft.
 */

import { INCIDENT_CATEGORY_LABELS } from '../../breach/incident-category.js';
import { isLanguage, type LocalizedText } from '../../language.js';
import { labelled, type NoticeSection } from '../../notices/draft.js';
import { bulletList, fill } from '../../notices/format.js';
import { textIn } from '../../notices/in-language.js';
import type { GapLabels } from '../../notices/placeholders.js';
import { reporterLine } from '../../notices/report-sections.js';
import { REPORT_TEXT as R } from '../../notices/report-text.js';
import type { Bilingual } from '../../notices/terms.js';
import { buildStageDraft, type RegimeDraftBuilder, type StageDraftContext, type StageDraftSpec } from '../drafts.js';

/**
 * What NIS2 asks that a GDPR notice does not, as the team recorded it (stored as JSON under the
 * regime's id, `RegimeDraftInput.regimeFacts['nis2-dk']`). Absent or null: not recorded, a gap.
 */
export interface Nis2Facts {
  /** Art. 23(4)(a): the incident is suspected of being caused by unlawful or malicious acts. */
  suspectedUnlawful?: boolean | null;
  /** Art. 23(4)(a) and (d)(iv): the incident could have (or had) an impact in other Member States. */
  crossBorderImpact?: boolean | null;
  /** Which other countries, and how, in each language written. */
  crossBorderDetail?: LocalizedText | null;
  /** Art. 23(4)(b) and (d)(i): the severity and impact of the incident, in each language written. */
  severityAndImpact?: LocalizedText | null;
  /** Art. 23(4)(b): indicators of compromise (addresses, hashes, domains); [] = none available. */
  indicators?: readonly string[] | null;
}

export const NIS2_FIELDS = {
  'nis2.suspectedUnlawful': {
    en: 'whether the incident is suspected of being caused by unlawful or malicious acts',
    da: 'om hændelsen mistænkes for at være forårsaget af ulovlige eller ondsindede handlinger',
  },
  'nis2.crossBorderImpact': {
    en: 'whether the incident could have an impact in other countries',
    da: 'om hændelsen kan få virkninger i andre lande',
  },
  'nis2.crossBorderDetail': {
    en: 'the impact in other countries: which countries, and how',
    da: 'virkningerne i andre lande: hvilke lande, og hvordan',
  },
  'nis2.severityAndImpact': { en: 'the severity and impact of the incident', da: 'hændelsens alvor og virkninger' },
  'nis2.indicators': {
    en: 'the indicators of compromise, or that none are available',
    da: 'kompromitteringsindikatorerne, eller at der ikke foreligger nogen',
  },
  'nis2.earlyWarningAt': { en: 'when the early warning was given', da: 'hvornår den tidlige varsling blev givet' },
  'nis2.notificationAt': { en: 'when the incident notification was given', da: 'hvornår hændelsesunderretningen blev givet' },
} as const satisfies GapLabels<string>;

export type Nis2Field = keyof typeof NIS2_FIELDS;

const REGIME_ID = 'nis2-dk';

const bool = (v: unknown): boolean | null => (typeof v === 'boolean' ? v : null);
const localized = (v: unknown): LocalizedText | null => {
  if (!v || typeof v !== 'object') return null;
  const out: LocalizedText = {};
  for (const [lang, text] of Object.entries(v)) if (isLanguage(lang) && typeof text === 'string' && text.trim() !== '') out[lang] = text;
  return Object.keys(out).length > 0 ? out : null;
};

/** The stored NIS2 facts read defensively: anything unreadable is not recorded (a gap), never a guess. */
export function readNis2Facts(stored: unknown): Nis2Facts {
  const o = (stored && typeof stored === 'object' ? stored : {}) as Record<string, unknown>;
  const indicators = o['indicators'];
  return {
    suspectedUnlawful: bool(o['suspectedUnlawful']),
    crossBorderImpact: bool(o['crossBorderImpact']),
    crossBorderDetail: localized(o['crossBorderDetail']),
    severityAndImpact: localized(o['severityAndImpact']),
    indicators: Array.isArray(indicators) ? indicators.filter((i): i is string => typeof i === 'string' && i.trim() !== '').map((i) => i.trim()) : null,
  };
}

const T = {
  entity: { en: 'Entity and contact', da: 'Enhed og kontaktperson' },
  entityName: { en: 'Entity', da: 'Enhed' },
  incident: { en: 'The incident', da: 'Hændelsen' },
  awareAt: { en: 'We became aware of the incident', da: 'Vi blev bekendt med hændelsen' },
  startedAt: { en: 'The incident started', da: 'Hændelsen begyndte' },
  endedAt: { en: 'The incident ended', da: 'Hændelsen ophørte' },
  ongoing: { en: 'Still ongoing', da: 'Står stadig på' },
  systems: { en: 'Systems and services affected', da: 'Berørte systemer og tjenester' },
  pointsA: {
    en: 'Unlawful or malicious acts, and impact in other countries',
    da: 'Ulovlige eller ondsindede handlinger og virkninger i andre lande',
  },
  suspectedUnlawful: {
    en: 'Suspected of being caused by unlawful or malicious acts',
    da: 'Mistanke om, at hændelsen er forårsaget af ulovlige eller ondsindede handlinger',
  },
  crossBorder: { en: 'Could have an impact in other countries', da: 'Kan få virkninger i andre lande' },
  crossBorderFinal: { en: 'Impact in other countries', da: 'Virkninger i andre lande' },
  update: { en: 'Update of the early warning', da: 'Opdatering af den tidlige varsling' },
  updates: { en: 'This notification updates our early warning of {at}.', da: 'Denne underretning opdaterer vores tidlige varsling af {at}.' },
  assessment: { en: 'Initial assessment', da: 'Første vurdering' },
  severityAndImpact: { en: 'Severity and impact', da: 'Alvor og virkninger' },
  indicators: { en: 'Indicators of compromise', da: 'Kompromitteringsindikatorer' },
  noneAvailable: { en: 'None available.', da: 'Der foreligger ingen.' },
  finalOn: { en: 'The incident notification', da: 'Hændelsesunderretningen' },
  finalFor: { en: 'This is the final report on our incident notification of {at}.', da: 'Dette er den endelige rapport om vores hændelsesunderretning af {at}.' },
  description: { en: 'Detailed description of the incident', da: 'Detaljeret beskrivelse af hændelsen' },
  stillOngoing: {
    en: 'The incident is still ongoing: the directive then asks for a progress report now, and the final report within one month of handling the incident (Art. 23(4)(e)).',
    da: 'Hændelsen står stadig på: direktivet kræver da en statusrapport nu og den endelige rapport senest en måned efter, at hændelsen er håndteret (artikel 23, stk. 4, litra e).',
  },
  rootCause: { en: 'Type of threat or root cause', da: 'Typen af trussel eller den grundlæggende årsag' },
  kind: { en: 'Kind of incident', da: 'Hændelsens art' },
  cause: { en: 'Likely cause', da: 'Sandsynlig årsag' },
  mitigation: { en: 'Mitigation measures', da: 'Afhjælpende foranstaltninger' },
  applied: { en: 'Measures applied', da: 'Gennemførte foranstaltninger' },
  ongoingMeasures: { en: 'Measures ongoing', da: 'Igangværende foranstaltninger' },
} as const satisfies Record<string, Bilingual>;

/** The provision of each stage, cited in the draft's language. */
const BASIS = {
  early_warning: { en: 'Directive (EU) 2022/2555 Art. 23(4)(a)', da: 'direktiv (EU) 2022/2555, artikel 23, stk. 4, litra a' },
  incident_notification: { en: 'Directive (EU) 2022/2555 Art. 23(4)(b)', da: 'direktiv (EU) 2022/2555, artikel 23, stk. 4, litra b' },
  final_report: { en: 'Directive (EU) 2022/2555 Art. 23(4)(d)', da: 'direktiv (EU) 2022/2555, artikel 23, stk. 4, litra d' },
} as const satisfies Record<string, Bilingual>;

type Draft = StageDraftContext<Nis2Field>;

const nis2Facts = (d: Draft): Nis2Facts => readNis2Facts(d.input.regimeFacts?.[REGIME_ID]);

function yesNo(d: Draft, value: boolean | null | undefined, field: Nis2Field | 'ongoing'): string {
  if (value === true) return `${d.ctx.t(R.yes)}.`;
  if (value === false) return `${d.ctx.t(R.no)}.`;
  return field === 'ongoing' ? d.ctx.gaps.gap(field) : d.own.gap(field);
}

/** A text of ours in the draft's language; a gap when not written, or not written in this language. */
function ourText(d: Draft, value: LocalizedText | null | undefined, field: Nis2Field): string {
  return d.own.text(textIn(value ?? undefined, d.ctx.lang, NIS2_FIELDS[field]), field);
}

/** When another stage was recorded as given, from the clocks; a gap until it is. */
function givenAt(d: Draft, stage: string, field: Nis2Field): string {
  const at = d.clock(stage)?.recordedAt;
  return at ? d.ctx.formatInstant(at) : d.own.gap(field);
}

function entitySection(d: Draft): NoticeSection {
  const { ctx, facts } = d;
  return d.section('entity', T.entity, [
    labelled(d.t(T.entityName), ctx.text(facts.organisation?.name, 'organisation.name')),
    labelled(ctx.t(R.cvr), ctx.text(facts.organisation?.cvr, 'organisation.cvr')),
    labelled(ctx.t(R.sector), ctx.text(facts.organisation?.sector, 'organisation.sector')),
    labelled(ctx.t(R.reporter), reporterLine(ctx, facts)),
    labelled(ctx.t(R.ourReference), ctx.text(facts.reference, 'reference')),
  ]);
}

/** What happened and when; `detailed` adds when it started and ended (the final report's description). */
function incidentSection(d: Draft, detailed: boolean): NoticeSection {
  const { ctx, facts } = d;
  // A gap is marked when its text is built: only what is shown is built.
  const started = () => (facts.startedAt === 'unknown' ? ctx.t(R.startUnknown) : ctx.instant(facts.startedAt, 'startedAt'));
  return d.section(detailed ? 'description' : 'incident', detailed ? T.description : T.incident, [
    labelled(ctx.t(R.whatHappened), ctx.text(facts.description, 'description')),
    detailed ? labelled(d.t(T.startedAt), started()) : '',
    labelled(d.t(T.awareAt), ctx.instant(facts.awareAt, 'awareAt')),
    labelled(d.t(T.ongoing), yesNo(d, facts.ongoing, 'ongoing')),
    detailed && facts.ongoing === false ? labelled(d.t(T.endedAt), ctx.instant(facts.endedAt, 'endedAt')) : '',
    labelled(d.t(T.systems), ctx.bullets(facts.systems, 'systems')),
    detailed ? labelled(d.t(T.severityAndImpact), ourText(d, nis2Facts(d).severityAndImpact, 'nis2.severityAndImpact')) : '',
    detailed && facts.ongoing === true ? d.t(T.stillOngoing) : '',
  ]);
}

/** Yes with which countries and how; no; or a gap. */
function crossBorderText(d: Draft, n: Nis2Facts): string {
  return n.crossBorderImpact === true
    ? `${d.ctx.t(R.yes)}: ${ourText(d, n.crossBorderDetail, 'nis2.crossBorderDetail')}`
    : yesNo(d, n.crossBorderImpact, 'nis2.crossBorderImpact');
}

/** Art. 23(4)(a); a recorded "deliberate (malicious)" cause is a suspicion of a malicious act. */
function pointsASection(d: Draft): NoticeSection {
  const n = nis2Facts(d);
  const suspected = n.suspectedUnlawful ?? (d.facts.cause?.malicious === true ? true : null);
  return d.section('unlawful_and_cross_border', T.pointsA, [
    labelled(d.t(T.suspectedUnlawful), yesNo(d, suspected, 'nis2.suspectedUnlawful')),
    labelled(d.t(T.crossBorder), crossBorderText(d, n)),
  ]);
}

function earlyWarning(d: Draft): NoticeSection[] {
  return [entitySection(d), incidentSection(d, false), pointsASection(d)];
}

function incidentNotification(d: Draft): NoticeSection[] {
  const n = nis2Facts(d);
  const indicators = n.indicators ? (n.indicators.length > 0 ? bulletList(n.indicators) : d.t(T.noneAvailable)) : d.own.gap('nis2.indicators');
  return [
    entitySection(d),
    d.section('update', T.update, [fill(d.t(T.updates), { at: givenAt(d, 'early_warning', 'nis2.earlyWarningAt') })]),
    incidentSection(d, false),
    pointsASection(d),
    d.section('initial_assessment', T.assessment, [
      labelled(d.t(T.severityAndImpact), ourText(d, n.severityAndImpact, 'nis2.severityAndImpact')),
      labelled(d.t(T.indicators), indicators),
    ]),
  ];
}

function finalReport(d: Draft): NoticeSection[] {
  const { ctx, facts } = d;
  const n = nis2Facts(d);
  const kind = facts.incidentCategory ? ctx.t(INCIDENT_CATEGORY_LABELS[facts.incidentCategory]) : ctx.gaps.gap('incidentCategory');
  return [
    entitySection(d),
    d.section('final_on', T.finalOn, [fill(d.t(T.finalFor), { at: givenAt(d, 'incident_notification', 'nis2.notificationAt') })]),
    incidentSection(d, true),
    d.section('root_cause', T.rootCause, [
      labelled(d.t(T.kind), kind),
      labelled(d.t(T.cause), ctx.text(facts.cause?.description, 'cause.description')),
    ]),
    d.section('mitigation', T.mitigation, [
      labelled(d.t(T.applied), ctx.bullets(facts.measuresTaken, 'measuresTaken')),
      labelled(d.t(T.ongoingMeasures), ctx.bullets(facts.mitigation, 'mitigation')),
    ]),
    d.section('cross_border', T.crossBorderFinal, [labelled(d.t(T.crossBorder), crossBorderText(d, n))]),
  ];
}

const spec = (stage: keyof typeof BASIS, sections: (d: Draft) => NoticeSection[]): StageDraftSpec<Nis2Field> =>
  ({ stage, basis: BASIS[stage], labels: NIS2_FIELDS, sections });

const builder = (s: StageDraftSpec<Nis2Field>): RegimeDraftBuilder => (input, regime) => buildStageDraft(s, input, regime);

/** The NIS2 stages breachbot drafts, by stage id (the profile's `drafts`). */
export const NIS2_DRAFTS: Readonly<Record<string, RegimeDraftBuilder>> = {
  early_warning: builder(spec('early_warning', earlyWarning)),
  incident_notification: builder(spec('incident_notification', incidentNotification)),
  final_report: builder(spec('final_report', finalReport)),
};

/** The profile's unconfirmed points in Danish, in the same order (`unconfirmedIn.da`). */
export const NIS2_UNCONFIRMED_DA: readonly string[] = [
  'Hvilken CSIRT der modtager underretningerne: de danske myndigheder skriver "CSIRT’en"; at det er Center for Cybersikkerhed under Styrelsen for Samfundssikkerhed, står kun i sekundære kilder.',
  'Den paragraf i NIS 2-loven, der fastsætter fristerne på 24 timer, 72 timer og en måned, er ikke læst i selve loven; fristerne er direktivets artikel 23, stk. 4, som de danske myndigheders sider gentager.',
  'Enheder under de danske love om cybersikkerhed i energisektoren, telesektoren og den finansielle sektor er uden for NIS 2-loven (§ 1, stk. 2) og underretter efter de love: ikke dækket her.',
  'Tillidstjenesteudbydere (hændelsesunderretning inden for 24 timer) og en hændelse, der stadig står på, når den endelige rapport skal gives (en statusrapport og derefter den endelige rapport senest en måned efter, at hændelsen er håndteret), er ikke med her.',
  'Sektorregler (bekendtgørelser) og gennemførelsesforordning (EU) 2024/2690 fastsætter for nogle sektorer, hvornår en hændelse er væsentlig; tærsklen her er den generelle.',
];
