import { DraftContext } from '../notices/context.js';
import { assembleText, labelled, type NoticeSection } from '../notices/draft.js';
import type { NoticeFacts } from '../notices/facts.js';
import { FIELD_LABELS, type FieldKey } from '../notices/fields.js';
import { bulletList } from '../notices/format.js';
import { GapCollector, labelIn, type GapLabels, type MissingField } from '../notices/placeholders.js';
import type { Bilingual } from '../notices/terms.js';
import type { Language } from '../language.js';
import type { StageClock } from './clocks.js';
import type { RegimeProfile, Stage, Words } from './types.js';

/*
 * A regime's stage drafts (NIS2's early warning, the report to the ICO, …): pure functions from the
 * same facts the GDPR notices are drafted from (src/domain/notices: the breach's facts, the decided
 * assessment) and the stage's clock, to plain Markdown. A fact a draft needs but the team has not
 * recorded is a gap, `[MISSING: …]` / `[MANGLER: …]`, marked and counted by the notices' own helpers;
 * facts only a regime asks for are labelled in its folder. Every draft names the regime, the stage,
 * the authority and where to file, gives the due time from the clock in the regime's zone, and ends
 * with what is not confirmed about the regime, so it never guesses a national detail.
 */

export interface RegimeDraftInput {
  /** The draft's language: one of the regime's `languages`. */
  lang: Language;
  /**
   * The breach's facts in this language (notices/from-breach.ts `noticeFactsFrom(source, lang)`), with
   * the assessment in force and the recorded decision: what the GDPR notices are drafted from.
   */
  facts: NoticeFacts;
  /**
   * The breach's clocks (`clocksFor`): the stage's own clock gives the due time; the recorded times
   * of earlier stages are cited (the notification updates the early warning of …).
   */
  clocks: readonly StageClock[];
  /** Facts only some regimes ask for, by regime id, as stored (JSON); each regime reads its own defensively. */
  regimeFacts?: Readonly<Record<string, unknown>>;
}

export interface RegimeDraft {
  regime: string;
  stage: string;
  lang: Language;
  title: string;
  /** The gap count, then to whom, how to file and by when. */
  header: string;
  sections: NoticeSection[];
  /** Plain Markdown (not Slack mrkdwn); the Slack layer escapes it. */
  markdown: string;
  /** A notice field (notices/gap-fields.ts `isFieldKey`) or one of the regime's own facts. */
  missing: MissingField<string>[];
  missingCount: number;
}

/** Builds one stage's draft; `regime` is the profile it is registered on. */
export type RegimeDraftBuilder = (input: RegimeDraftInput, regime: RegimeProfile) => RegimeDraft;

/** The stages of a regime that have a draft, in the order of its newest rule set. */
export function draftStages(regime: RegimeProfile): string[] {
  const drafts = regime.drafts ?? {};
  const order = regime.ruleSets.at(-1)?.stages.map((s) => s.id) ?? [];
  return order.filter((id) => Object.hasOwn(drafts, id));
}

/** The stage's draft in one language; null when the regime has no draft for that stage. */
export function draftStage(regime: RegimeProfile, stage: string, input: RegimeDraftInput): RegimeDraft | null {
  const build = regime.drafts && Object.hasOwn(regime.drafts, stage) ? regime.drafts[stage] : undefined;
  return build ? build(input, regime) : null;
}

const TEXT = {
  to: { en: 'To', da: 'Til' },
  filing: { en: 'How to file', da: 'Sådan indsendes' },
  due: { en: 'Due', da: 'Frist' },
  basis: { en: 'Legal basis', da: 'Retsgrundlag' },
  recorded: { en: 'Recorded as filed', da: 'Registreret som indsendt' },
  provisional: {
    en: 'provisional: counted from the deadline of the stage it follows until that stage is recorded',
    da: 'foreløbig: regnet fra fristen for det foregående trin, indtil det trin er registreret',
  },
  passed: { en: 'The deadline has passed.', da: 'Fristen er overskredet.' },
  noFixedTime: { en: 'No fixed time.', da: 'Ingen fast frist.' },
  notApplicable: {
    en: 'According to the clocks, this stage does not apply to this incident.',
    da: 'Ifølge fristerne gælder dette trin ikke for denne hændelse.',
  },
  notCounted: { en: 'Not counted for this incident.', da: 'Ikke beregnet for denne hændelse.' },
  notConfirmed: { en: 'Not confirmed', da: 'Ikke bekræftet' },
  notConfirmedIntro: {
    en: 'These points are not confirmed from a primary source. Check them before filing: this draft does not guess them.',
    da: 'Disse punkter er ikke bekræftet af en primær kilde. Kontrollér dem før indsendelse: udkastet gætter ikke på dem.',
  },
} as const satisfies Record<string, Bilingual>;

/** What a regime's notices module says about one stage's draft. */
export interface StageDraftSpec<K extends string> {
  stage: string;
  /** The provision, cited in the draft's language (a profile's `Stage.basis` is in English). */
  basis: Words;
  /** The labels of the facts only this regime asks for. */
  labels: GapLabels<K>;
  /** The sections, in order, built through `d` so every gap is marked and counted. */
  sections(d: StageDraftContext<K>): NoticeSection[];
}

/** What a stage's section builders write through: the notices' context for the breach's facts, and the regime's own gaps. */
export interface StageDraftContext<K extends string> {
  /** The notices' context (language, the regime's zone, the notice fields' gaps). */
  ctx: DraftContext;
  /** Gaps in the facts only this regime asks for. */
  own: GapCollector<K>;
  facts: NoticeFacts;
  input: RegimeDraftInput;
  regime: RegimeProfile;
  /** The clock of another stage of this regime, if counted. */
  clock(stage: string): StageClock | undefined;
  /** A section with the heading in the draft's language. */
  section(id: string, heading: Words, blocks: readonly string[]): NoticeSection;
  /** A fixed text of the regime in the draft's language. */
  t(text: Words): string;
}

/** Builds a stage draft of `regime` from its spec: the shared heading, the stage's sections, and the unconfirmed points. */
export function buildStageDraft<K extends string>(spec: StageDraftSpec<K>, input: RegimeDraftInput, regime: RegimeProfile): RegimeDraft {
  const { lang } = input;
  if (!regime.languages.includes(lang)) throw new RangeError(`${regime.id} is not drafted in ${lang}: only ${regime.languages.join(', ')}`);
  const ctx = new DraftContext({ lang, zone: regime.zone });
  const own = new GapCollector<K>(lang, spec.labels);
  const t = (text: Words) => labelIn(text, lang);
  const clock = (stage: string) => input.clocks.find((c) => c.regime === regime.id && c.stage === stage);
  const d: StageDraftContext<K> = {
    ctx, own, facts: input.facts, input, regime, clock, t,
    section: (id, heading, blocks) => ({ id, heading: t(heading), body: blocks.filter((b) => b !== '').join('\n\n') }),
  };

  const stage = stageOf(regime, spec.stage);
  const headerLines = [
    labelled(t(TEXT.to), authorityLine(regime, t)),
    labelled(t(TEXT.filing), t(regime.authority.filing)),
    labelled(t(TEXT.due), dueText(clock(spec.stage), ctx, t)),
    labelled(t(TEXT.basis), t(spec.basis)),
  ];
  const recordedAt = clock(spec.stage)?.recordedAt;
  if (recordedAt) headerLines.push(labelled(t(TEXT.recorded), ctx.formatInstant(recordedAt)));

  const sections = [...spec.sections(d)];
  const unconfirmed = unconfirmedIn(regime, lang);
  if (unconfirmed.length > 0) sections.push(d.section('not_confirmed', TEXT.notConfirmed, [t(TEXT.notConfirmedIntro), bulletList(unconfirmed)]));

  const title = `${t(regime.name)}: ${t(stage.name)}`;
  const labels = { ...FIELD_LABELS, ...spec.labels } as GapLabels<FieldKey | K>;
  const { header, markdown, missing } = assembleText<FieldKey | K>({
    lang, title, headerLines, sections, marked: [...ctx.gaps.missing, ...own.missing], labels, fallback: 'description',
  });
  return { regime: regime.id, stage: spec.stage, lang, title, header, sections, markdown, missing, missingCount: missing.length };
}

function stageOf(regime: RegimeProfile, id: string): Stage {
  for (const ruleSet of [...regime.ruleSets].reverse()) {
    const stage = ruleSet.stages.find((s) => s.id === id);
    if (stage) return stage;
  }
  throw new RangeError(`${regime.id} has no stage "${id}"`);
}

function authorityLine(regime: RegimeProfile, t: (w: Words) => string): string {
  const { address, phone, email, website } = regime.authority.contact;
  return [t(regime.authority.name), ...[address, phone, email, website].filter((v): v is string => Boolean(v))].join('; ');
}

/** The due time from the clock, in the regime's zone and the draft's language (luxon, a fixed format). */
function dueText(clock: StageClock | undefined, ctx: DraftContext, t: (w: Words) => string): string {
  if (!clock) return t(TEXT.notCounted);
  if (clock.status === 'not_applicable') return t(TEXT.notApplicable);
  if (!clock.dueAt) return t(TEXT.noFixedTime);
  const due = ctx.formatInstant(clock.dueAt);
  const provisional = clock.provisional ? ` (${t(TEXT.provisional)})` : '';
  const late = clock.status === 'late' && !clock.recordedAt ? ` ${t(TEXT.passed)}` : '';
  return `${due}${provisional}.${late}`;
}

/** The regime's unconfirmed points in the draft's language (`unconfirmedIn` for a language other than English). */
export function unconfirmedIn(regime: RegimeProfile, lang: Language): readonly string[] {
  if (lang === 'en') return regime.unconfirmed;
  const translated = regime.unconfirmedIn?.[lang];
  if (!translated || translated.length !== regime.unconfirmed.length) {
    throw new RangeError(`${regime.id}: its unconfirmed points are not all written in ${lang} (unconfirmedIn)`);
  }
  return translated;
}
