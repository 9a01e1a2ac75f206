import type { KnownBlock, ModalView, PlainTextOption } from '@slack/types';
import { formatCountryCounts, formatList, localizedBlockId, type FactsFormField, type TriState } from '../../domain/breach/facts-form.js';
import {
  FACT_SHORT_MAX, FACT_TEXT_MAX, type LocalizedListField, type LocalizedTextField, type RecordedFacts,
} from '../../domain/breach/recorded-facts.js';
import { withDeclared } from '../../domain/breach/declared-texts.js';
import { FIELD_LABELS, type FieldKey } from '../../domain/notices/fields.js';
import { formFieldsFor, gapsElsewhere, type GapElsewhere } from '../../domain/notices/gap-fields.js';
import { LANGUAGE_NAMES, type Language, type LanguageSettings } from '../../domain/language.js';
import { inputBlock } from '../blocks/input-block.js';
import { clip } from '../blocks/text.js';
import { NOTICE_VIEWS, noticeFieldAction } from '../ids.js';
import { escapeMrkdwn } from '../mrkdwn.js';
import { INCIDENT_OPTIONS } from './declare-modal.js';
import type { Breach } from '../../domain/breach/entity.js';

/*
 * Update facts (flow 5): the facts the notices need that the Declare modal does not ask, in one
 * modal (at most 77 blocks of Slack's 100, with both languages and the gaps' header), filled in with
 * what is recorded so far. Everything is optional: an empty field is a gap in the drafts, never a
 * guess. Opened from "Fill gaps", the fields a drafting round named come first (issue 17).
 */

const text = (t: string) => ({ type: 'plain_text' as const, text: t });
const option = (value: string, label: string): PlainTextOption => ({ text: text(label), value });
const header = (t: string): KnownBlock => ({ type: 'header', text: text(t) });

const YES_NO = [option('yes', 'Yes'), option('no', 'No'), option('unknown', 'Not known yet')];
const ORIGIN = [option('internal', 'Internal'), option('external', 'External'), option('unknown', 'Not known yet')];
const APPROX = [option('subjects', 'The number of people is approximate'), option('records', 'The number of records is approximate')];
const LIST_HINT = 'One per line. Write "none" if there are none; leave empty if not known yet.';

function field(f: string, label: string, element: Record<string, unknown>, hint?: string): KnownBlock {
  return inputBlock(f, noticeFieldAction(f), label, element, { optional: true, ...(hint ? { hint } : {}) });
}

function longText(f: string, label: string, value: string | undefined, hint?: string, placeholder?: string): KnownBlock {
  return field(f, label, {
    type: 'plain_text_input',
    multiline: true,
    max_length: FACT_TEXT_MAX,
    ...(value ? { initial_value: value.slice(0, FACT_TEXT_MAX) } : {}),
    ...(placeholder ? { placeholder: text(placeholder) } : {}),
  }, hint);
}

function shortText(f: FactsFormField, label: string, value: string | undefined, hint?: string): KnownBlock {
  return field(f, label, { type: 'plain_text_input', max_length: FACT_SHORT_MAX, ...(value ? { initial_value: value } : {}) }, hint);
}

function count(f: FactsFormField, label: string, value: number | undefined): KnownBlock {
  return field(f, label, { type: 'number_input', is_decimal_allowed: false, min_value: '0', ...(value !== undefined ? { initial_value: String(value) } : {}) });
}

/** A date and time, shown with what is recorded (stored ISO, picked as Unix seconds). */
function when(f: FactsFormField, label: string, iso: string | undefined, hint: string): KnownBlock {
  const seconds = iso ? Math.floor(Date.parse(iso) / 1000) : NaN;
  return field(f, label, { type: 'datetimepicker', ...(Number.isFinite(seconds) ? { initial_date_time: seconds } : {}) }, hint);
}

function choice(f: FactsFormField, label: string, options: PlainTextOption[], value: string): KnownBlock {
  return field(f, label, { type: 'radio_buttons', options, initial_option: options.find((o) => o.value === value) ?? options.at(-1) });
}

/**
 * A text the notices quote, one box per drafting language (the writing language first), each
 * filled with what is recorded in that language: a draft in a language whose box is empty shows a
 * gap for it. With one drafting language the box is labelled without a language.
 */
function texts(langs: readonly Language[], f: LocalizedTextField, label: string, value: Partial<Record<Language, string>> | undefined, hint?: string, placeholder?: string): KnownBlock[] {
  return langs.map((lang) => longText(localizedBlockId(f, lang), languageLabel(label, lang, langs), value?.[lang], hint, placeholder));
}

function lists(langs: readonly Language[], f: LocalizedListField, label: string, value: Partial<Record<Language, string[]>> | undefined, hint: string): KnownBlock[] {
  return langs.map((lang) => longText(localizedBlockId(f, lang), languageLabel(label, lang, langs), formatList(value?.[lang]), hint));
}

const languageLabel = (label: string, lang: Language, langs: readonly Language[]) => (langs.length > 1 ? `${label} (${LANGUAGE_NAMES[lang].en})` : label);

const tri = (v: boolean | undefined): TriState => (v === true ? 'yes' : v === false ? 'no' : 'unknown');

/** A part of the form under its header: each field's blocks (one per language box for a text the notices quote). */
interface Part {
  header: string;
  intro?: KnownBlock;
  fields: Array<[FactsFormField, KnownBlock[]]>;
}

/** The gaps a drafting round named (issue 17): their fields come first in the form, and where the rest are filled is said. */
export interface FactsFocus {
  gaps: readonly FieldKey[];
}

/** Where the gaps this form cannot fill are filled (domain/notices/gap-fields.ts). */
const ELSEWHERE: Record<GapElsewhere, string> = {
  settings: "breachbot's Home tab (a DPO or admin)",
  declaration: 'The declaration (fixed when the breach was declared)',
  assessment: '*Assess risk* on the card',
  decision: "The DPO's decision on the assessment result",
  record: '*Record notification* on the card, once it is sent',
};

export function factsModal(
  breach: Pick<Breach, 'id' | 'reference' | 'role' | 'title' | 'description' | 'discovery'>,
  f: RecordedFacts,
  languages: LanguageSettings,
  focus?: FactsFocus,
): ModalView {
  const parts = factsParts(breach, f, languages);
  const intro: KnownBlock = {
    type: 'context',
    elements: [{
      type: 'mrkdwn',
      text: `*${escapeMrkdwn(breach.reference)}* · What the notices need beyond the declaration. Describe the people and data, never the data itself. Empty fields show as gaps in the drafts; a text the notices quote has a box for each drafting language.`,
    }],
  };
  return {
    type: 'modal',
    callback_id: NOTICE_VIEWS.facts,
    title: text(focus ? 'Fill gaps' : 'Update facts'),
    submit: text('Save facts'),
    close: text('Cancel'),
    private_metadata: JSON.stringify({ breachId: breach.id }),
    blocks: focus ? focusedBlocks(intro, parts, focus) : [intro, ...parts.flatMap(partBlocks)],
  };
}

const partBlocks = (p: Part): KnownBlock[] => [header(p.header), ...(p.intro ? [p.intro] : []), ...p.fields.flatMap(([, blocks]) => blocks)];

/**
 * The fields that fill the named gaps first, filled in with what is recorded, then every other
 * field as usual: the whole form is still there, so saving it keeps everything else as it was.
 */
function focusedBlocks(intro: KnownBlock, parts: Part[], focus: FactsFocus): KnownBlock[] {
  const shown = new Map(parts.flatMap((p) => p.fields));
  const first = formFieldsFor(focus.gaps).filter((field) => shown.has(field));
  const elsewhere = [...gapsElsewhere(focus.gaps)]
    .filter(([where]) => where !== 'settings')
    .map(([where, keys]) => `• ${ELSEWHERE[where]}: ${keys.map((k) => FIELD_LABELS[k].en).join('; ')}`);
  const lead = first.length
    ? `The gaps the last draft named, filled in with what is recorded so far (${first.length} ${first.length === 1 ? 'field' : 'fields'}). The rest of the facts follow below.`
    : 'The gaps the last draft named are not facts of this form. The facts follow below.';
  const blocks: KnownBlock[] = [
    intro,
    header('Gaps to fill'),
    { type: 'context', elements: [{ type: 'mrkdwn', text: lead }] },
    ...first.flatMap((field) => shown.get(field)!),
  ];
  if (elsewhere.length) {
    blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: clip(`*Not in this form*\n${elsewhere.join('\n')}`, 2900) }] });
  }
  blocks.push({ type: 'divider' });
  const rest = parts
    .map((p) => ({ ...p, fields: p.fields.filter(([field]) => !first.includes(field)) }))
    .filter((p) => p.fields.length > 0);
  return [...blocks, ...rest.flatMap(partBlocks)];
}

function factsParts(breach: Pick<Breach, 'role' | 'title' | 'description' | 'discovery'>, f: RecordedFacts, languages: LanguageSettings): Part[] {
  const declared = (typed: string | null, stored: Partial<Record<Language, string>> | undefined) => withDeclared(typed, stored, languages.writing);
  // The writing language first: that is where the team types; the other box is its translation.
  const langs = [...languages.drafting].sort((a, b) => Number(b === languages.writing) - Number(a === languages.writing));
  const approx = APPROX.filter((o) => (o.value === 'subjects' ? f.subjectsApproximate : f.recordsApproximate));
  const one = (field: FactsFormField, block: KnownBlock): [FactsFormField, KnownBlock[]] => [field, [block]];
  return [
    {
      header: 'The incident',
      fields: [
        ['title', texts(langs, 'title', 'Short title', declared(breach.title, f.title), 'As declared; named in the notice to Datatilsynet.')],
        ['description', texts(langs, 'description', 'What happened', declared(breach.description, f.description), 'As declared, in the words the notices use.')],
        ['discovery', texts(langs, 'discovery', 'How it was discovered', declared(breach.discovery, f.discovery))],
        one('incidentCategory', field('incidentCategory', 'Kind of incident', {
          type: 'static_select',
          options: INCIDENT_OPTIONS,
          placeholder: text('Choose one'),
          ...(f.incidentCategory ? { initial_option: INCIDENT_OPTIONS.find((o) => o.value === f.incidentCategory) } : {}),
        })),
        one('detectedAt', when('detectedAt', 'When it was detected', f.detectedAt, 'When the incident was first noticed; it may be before or after we became aware it affects personal data.')),
        one('endedAt', when('endedAt', 'When it ended', f.endedAt, 'Only once it has stopped. Leave empty while it goes on or if not known.')),
        one('dataUnintelligible', choice('dataUnintelligible', 'Were the data encrypted or otherwise unintelligible to whoever got them?', YES_NO, tri(f.dataUnintelligible))),
      ],
    },
    {
      header: 'People and data',
      fields: [
        ['subjectsDescription', texts(langs, 'subjectsDescription', 'Who is affected', f.subjectsDescription, undefined, 'e.g. customers of the web shop who ordered in October')],
        one('subjectsCount', count('subjectsCount', 'Number of people affected', f.subjectsCount)),
        ['dataDescription', texts(langs, 'dataDescription', 'What personal data', f.dataDescription, undefined, 'e.g. names, addresses and order history')],
        one('recordsCount', count('recordsCount', 'Number of records', f.recordsCount)),
        one('approximate', field('approximate', 'Approximate numbers', { type: 'checkboxes', options: APPROX, ...(approx.length ? { initial_options: approx } : {}) })),
        ['exposureWho', texts(langs, 'exposureWho', 'Who may have seen the data', f.exposureWho)],
      ],
    },
    {
      header: 'Cause',
      fields: [
        one('causeOrigin', choice('causeOrigin', 'Internal or external cause', ORIGIN, f.causeOrigin ?? 'unknown')),
        one('causeMalicious', choice('causeMalicious', 'Deliberate (malicious)?', YES_NO, tri(f.causeMalicious))),
        ['causeDescription', texts(langs, 'causeDescription', 'The cause in a few words', f.causeDescription)],
      ],
    },
    {
      header: 'Consequences',
      fields: [
        ['actualConsequences', texts(langs, 'actualConsequences', 'Consequences so far', f.actualConsequences)],
        ['likelyConsequences', texts(langs, 'likelyConsequences', 'Likely consequences', f.likelyConsequences)],
      ],
    },
    {
      header: 'Measures',
      fields: [
        ['measuresBefore', lists(langs, 'measuresBefore', 'Measures in place before the breach', f.measuresBefore, LIST_HINT)],
        ['measuresTaken', lists(langs, 'measuresTaken', 'Measures taken', f.measuresTaken, LIST_HINT)],
        ['measuresProposed', lists(langs, 'measuresProposed', 'Measures proposed', f.measuresProposed, LIST_HINT)],
        ['mitigation', lists(langs, 'mitigation', 'Measures to limit the harm to people', f.mitigation, LIST_HINT)],
        ['subjectSteps', lists(langs, 'subjectSteps', 'What people can do themselves', f.subjectSteps, `For the notice to the people affected. ${LIST_HINT}`)],
      ],
    },
    {
      header: 'To the people affected',
      intro: {
        type: 'context',
        elements: [{ type: 'mrkdwn', text: 'The notice to the people affected speaks to them ("your information"), in plain words. It never reuses the wording above: what is left empty here is a gap in that notice.' }],
      },
      fields: [
        ['subjectWhatHappened', texts(langs, 'subjectWhatHappened', 'What happened, told to them', f.subjectWhatHappened, undefined, 'e.g. On 3 October someone got into our booking system and copied your name and appointment times.')],
        ['subjectNotAffected', texts(langs, 'subjectNotAffected', 'What is not affected', f.subjectNotAffected, 'Optional.', 'e.g. Your health records and CPR number are not affected.')],
        ['subjectCause', texts(langs, 'subjectCause', 'The cause, in plain words', f.subjectCause, undefined, 'e.g. A password of one of our staff was stolen.')],
        ['subjectConsequences', texts(langs, 'subjectConsequences', 'What it could mean for them', f.subjectConsequences, undefined, 'e.g. You may get e-mails that look as if they come from us.')],
        ['subjectMeasures', texts(langs, 'subjectMeasures', 'What we have done, told to them', f.subjectMeasures)],
        ['subjectNoActionReason', texts(langs, 'subjectNoActionReason', 'Why they need not do anything', f.subjectNoActionReason, 'Only when there is nothing they need to do.')],
        ['publicNoticeReason', texts(langs, 'publicNoticeReason', 'Why a public notice', f.publicNoticeReason, 'Only when people are told by a public notice instead of one by one.')],
        ['subjectApology', texts(langs, 'subjectApology', 'An apology', f.subjectApology, 'Optional.', 'e.g. We are sorry this happened.')],
      ],
    },
    {
      header: 'Who reports',
      fields: [
        one('reporterName', shortText('reporterName', 'Person reporting', f.reporterName, 'Named in the notice to Datatilsynet. Filled from the Slack profile of whoever declared the breach.')),
        one('reporterFunction', shortText('reporterFunction', 'Their function', f.reporterFunction, 'e.g. IT security officer, data protection officer')),
        one('sector', shortText('sector', 'Our sector', f.sector, 'e.g. health care, public administration, retail, finance')),
      ],
    },
    {
      header: 'Parties and authorities',
      fields: [
        ...(breach.role === 'processor' ? [one('controller', shortText('controller', 'The controller we must tell', f.controller))] : []),
        one('processors', longText('processors', 'Processors involved', formatList(f.processors), LIST_HINT)),
        one('policeInformed', choice('policeInformed', 'Police told?', YES_NO, tri(f.policeInformed))),
        one('policeReference', shortText('policeReference', 'Police reference', f.policeReference)),
        one('otherAuthorities', longText('otherAuthorities', 'Other authorities told', formatList(f.otherAuthorities), LIST_HINT)),
        one('crossBorder', choice('crossBorder', 'People in other EU/EEA countries affected?', YES_NO, tri(f.crossBorder))),
        one('crossBorderCountries', longText('crossBorderCountries', 'Which countries, and how many people in each', formatCountryCounts(f.crossBorderCountries), 'One EU/EEA country per line with the number of people there, e.g. "Germany: 120" or "Sweden: unknown".')),
      ],
    },
    {
      header: 'Timing',
      fields: [
        ['delayReason', texts(langs, 'delayReason', 'Reasons for the delay', f.delayReason, 'Needed when the notification is made after the deadline (Art. 33(1)).')],
        one('supplementExpectedBy', shortText('supplementExpectedBy', 'When the missing information will be available', f.supplementExpectedBy, 'For an initial notification, e.g. "2026-11-02" or "after the forensic report".')),
      ],
    },
  ];
}
