import type { KnownBlock, ModalView, PlainTextOption } from '@slack/types';
import { formatCountryCounts, formatList, localizedBlockId, type FactsFormField, type TriState } from '../../domain/breach/facts-form.js';
import {
  FACT_SHORT_MAX, FACT_TEXT_MAX, type LocalizedListField, type LocalizedTextField, type RecordedFacts,
} from '../../domain/breach/recorded-facts.js';
import { withDeclared } from '../../domain/breach/declared-texts.js';
import { LANGUAGE_NAMES, type Language, type LanguageSettings } from '../../domain/language.js';
import type { Breach } from '../../store/breaches.js';
import { inputBlock } from '../blocks/input-block.js';
import { NOTICE_VIEWS, noticeFieldAction } from '../ids.js';
import { escapeMrkdwn } from '../mrkdwn.js';
import { INCIDENT_OPTIONS } from './declare-modal.js';

/*
 * Update facts (flow 5): the facts the notices need that the Declare modal does not ask, in one
 * modal (about 40 blocks of Slack's 100), filled in with what is recorded so far. Everything is
 * optional: an empty field is a gap in the drafts, never a guess.
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

export function factsModal(breach: Pick<Breach, 'id' | 'reference' | 'role' | 'title' | 'description' | 'discovery'>, f: RecordedFacts, languages: LanguageSettings): ModalView {
  const declared = (typed: string | null, stored: Partial<Record<Language, string>> | undefined) => withDeclared(typed, stored, languages.writing);
  // The writing language first: that is where the team types; the other box is its translation.
  const langs = [...languages.drafting].sort((a, b) => Number(b === languages.writing) - Number(a === languages.writing));
  const approx = APPROX.filter((o) => (o.value === 'subjects' ? f.subjectsApproximate : f.recordsApproximate));
  return {
    type: 'modal',
    callback_id: NOTICE_VIEWS.facts,
    title: text('Update facts'),
    submit: text('Save facts'),
    close: text('Cancel'),
    private_metadata: JSON.stringify({ breachId: breach.id }),
    blocks: [
      {
        type: 'context',
        elements: [{
          type: 'mrkdwn',
          text: `*${escapeMrkdwn(breach.reference)}* · What the notices need beyond the declaration. Describe the people and data, never the data itself. Empty fields show as gaps in the drafts; a text the notices quote has a box for each drafting language.`,
        }],
      },
      header('The incident'),
      ...texts(langs, 'title', 'Short title', declared(breach.title, f.title), 'As declared; named in the notice to Datatilsynet.'),
      ...texts(langs, 'description', 'What happened', declared(breach.description, f.description), 'As declared, in the words the notices use.'),
      ...texts(langs, 'discovery', 'How it was discovered', declared(breach.discovery, f.discovery)),
      field('incidentCategory', 'Kind of incident', {
        type: 'static_select',
        options: INCIDENT_OPTIONS,
        placeholder: text('Choose one'),
        ...(f.incidentCategory ? { initial_option: INCIDENT_OPTIONS.find((o) => o.value === f.incidentCategory) } : {}),
      }),
      when('detectedAt', 'When it was detected', f.detectedAt, 'When the incident was first noticed; it may be before or after we became aware it affects personal data.'),
      when('endedAt', 'When it ended', f.endedAt, 'Only once it has stopped. Leave empty while it goes on or if not known.'),
      choice('dataUnintelligible', 'Were the data encrypted or otherwise unintelligible to whoever got them?', YES_NO, tri(f.dataUnintelligible)),
      header('People and data'),
      ...texts(langs, 'subjectsDescription', 'Who is affected', f.subjectsDescription, undefined, 'e.g. customers of the web shop who ordered in October'),
      count('subjectsCount', 'Number of people affected', f.subjectsCount),
      ...texts(langs, 'dataDescription', 'What personal data', f.dataDescription, undefined, 'e.g. names, addresses and order history'),
      count('recordsCount', 'Number of records', f.recordsCount),
      field('approximate', 'Approximate numbers', { type: 'checkboxes', options: APPROX, ...(approx.length ? { initial_options: approx } : {}) }),
      ...texts(langs, 'exposureWho', 'Who may have seen the data', f.exposureWho),
      header('Cause'),
      choice('causeOrigin', 'Internal or external cause', ORIGIN, f.causeOrigin ?? 'unknown'),
      choice('causeMalicious', 'Deliberate (malicious)?', YES_NO, tri(f.causeMalicious)),
      ...texts(langs, 'causeDescription', 'The cause in a few words', f.causeDescription),
      header('Consequences'),
      ...texts(langs, 'actualConsequences', 'Consequences so far', f.actualConsequences),
      ...texts(langs, 'likelyConsequences', 'Likely consequences', f.likelyConsequences),
      header('Measures'),
      ...lists(langs, 'measuresBefore', 'Measures in place before the breach', f.measuresBefore, LIST_HINT),
      ...lists(langs, 'measuresTaken', 'Measures taken', f.measuresTaken, LIST_HINT),
      ...lists(langs, 'measuresProposed', 'Measures proposed', f.measuresProposed, LIST_HINT),
      ...lists(langs, 'mitigation', 'Measures to limit the harm to people', f.mitigation, LIST_HINT),
      ...lists(langs, 'subjectSteps', 'What people can do themselves', f.subjectSteps, `For the notice to the people affected. ${LIST_HINT}`),
      header('To the people affected'),
      {
        type: 'context',
        elements: [{ type: 'mrkdwn', text: 'The notice to the people affected speaks to them ("your information"), in plain words. It never reuses the wording above: what is left empty here is a gap in that notice.' }],
      },
      ...texts(langs, 'subjectWhatHappened', 'What happened, told to them', f.subjectWhatHappened, undefined, 'e.g. On 3 October someone got into our booking system and copied your name and appointment times.'),
      ...texts(langs, 'subjectNotAffected', 'What is not affected', f.subjectNotAffected, 'Optional.', 'e.g. Your health records and CPR number are not affected.'),
      ...texts(langs, 'subjectCause', 'The cause, in plain words', f.subjectCause, undefined, 'e.g. A password of one of our staff was stolen.'),
      ...texts(langs, 'subjectConsequences', 'What it could mean for them', f.subjectConsequences, undefined, 'e.g. You may get e-mails that look as if they come from us.'),
      ...texts(langs, 'subjectMeasures', 'What we have done, told to them', f.subjectMeasures),
      ...texts(langs, 'subjectNoActionReason', 'Why they need not do anything', f.subjectNoActionReason, 'Only when there is nothing they need to do.'),
      ...texts(langs, 'publicNoticeReason', 'Why a public notice', f.publicNoticeReason, 'Only when people are told by a public notice instead of one by one.'),
      ...texts(langs, 'subjectApology', 'An apology', f.subjectApology, 'Optional.', 'e.g. We are sorry this happened.'),
      header('Who reports'),
      shortText('reporterName', 'Person reporting', f.reporterName, 'Named in the notice to Datatilsynet. Filled from the Slack profile of whoever declared the breach.'),
      shortText('reporterFunction', 'Their function', f.reporterFunction, 'e.g. IT security officer, data protection officer'),
      shortText('sector', 'Our sector', f.sector, 'e.g. health care, public administration, retail, finance'),
      header('Parties and authorities'),
      ...(breach.role === 'processor' ? [shortText('controller', 'The controller we must tell', f.controller)] : []),
      longText('processors', 'Processors involved', formatList(f.processors), LIST_HINT),
      choice('policeInformed', 'Police told?', YES_NO, tri(f.policeInformed)),
      shortText('policeReference', 'Police reference', f.policeReference),
      longText('otherAuthorities', 'Other authorities told', formatList(f.otherAuthorities), LIST_HINT),
      choice('crossBorder', 'People in other EU/EEA countries affected?', YES_NO, tri(f.crossBorder)),
      longText('crossBorderCountries', 'Which countries, and how many people in each', formatCountryCounts(f.crossBorderCountries), 'One EU/EEA country per line with the number of people there, e.g. "Germany: 120" or "Sweden: unknown".'),
      header('Timing'),
      ...texts(langs, 'delayReason', 'Reasons for the delay', f.delayReason, 'Needed when the notification is made after the deadline (Art. 33(1)).'),
      shortText('supplementExpectedBy', 'When the missing information will be available', f.supplementExpectedBy, 'For an initial notification, e.g. "2026-11-02" or "after the forensic report".'),
    ],
  };
}
