import type { KnownBlock, ModalView, PlainTextOption } from '@slack/types';
import { formatCountryCounts, formatList, type FactsFormField, type TriState } from '../../domain/breach/facts-form.js';
import { FACT_SHORT_MAX, FACT_TEXT_MAX, type RecordedFacts } from '../../domain/breach/recorded-facts.js';
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

function field(f: FactsFormField, label: string, element: Record<string, unknown>, hint?: string): KnownBlock {
  return inputBlock(f, noticeFieldAction(f), label, element, { optional: true, ...(hint ? { hint } : {}) });
}

function longText(f: FactsFormField, label: string, value: string | undefined, hint?: string, placeholder?: string): KnownBlock {
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

const tri = (v: boolean | undefined): TriState => (v === true ? 'yes' : v === false ? 'no' : 'unknown');

export function factsModal(breach: Pick<Breach, 'id' | 'reference' | 'role'>, f: RecordedFacts): ModalView {
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
          text: `*${escapeMrkdwn(breach.reference)}* · What the notices need beyond the declaration. Describe the people and data, never the data itself. Empty fields show as gaps in the drafts.`,
        }],
      },
      header('The incident'),
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
      longText('subjectsDescription', 'Who is affected', f.subjectsDescription, undefined, 'e.g. customers of the web shop who ordered in October'),
      count('subjectsCount', 'Number of people affected', f.subjectsCount),
      longText('dataDescription', 'What personal data', f.dataDescription, undefined, 'e.g. names, addresses and order history'),
      count('recordsCount', 'Number of records', f.recordsCount),
      field('approximate', 'Approximate numbers', { type: 'checkboxes', options: APPROX, ...(approx.length ? { initial_options: approx } : {}) }),
      longText('exposureWho', 'Who may have seen the data', f.exposureWho),
      header('Cause'),
      choice('causeOrigin', 'Internal or external cause', ORIGIN, f.causeOrigin ?? 'unknown'),
      choice('causeMalicious', 'Deliberate (malicious)?', YES_NO, tri(f.causeMalicious)),
      longText('causeDescription', 'The cause in a few words', f.causeDescription),
      header('Consequences'),
      longText('actualConsequences', 'Consequences so far', f.actualConsequences),
      longText('likelyConsequences', 'Likely consequences', f.likelyConsequences),
      header('Measures'),
      longText('measuresBefore', 'Measures in place before the breach', formatList(f.measuresBefore), LIST_HINT),
      longText('measuresTaken', 'Measures taken', formatList(f.measuresTaken), LIST_HINT),
      longText('measuresProposed', 'Measures proposed', formatList(f.measuresProposed), LIST_HINT),
      longText('mitigation', 'Measures to limit the harm to people', formatList(f.mitigation), LIST_HINT),
      longText('subjectSteps', 'What people can do themselves', formatList(f.subjectSteps), `For the notice to the people affected. ${LIST_HINT}`),
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
      longText('delayReason', 'Reasons for the delay', f.delayReason, 'Needed when the notification is made after the deadline (Art. 33(1)).'),
      shortText('supplementExpectedBy', 'When the missing information will be available', f.supplementExpectedBy, 'For an initial notification, e.g. "2026-11-02" or "after the forensic report".'),
    ],
  };
}
