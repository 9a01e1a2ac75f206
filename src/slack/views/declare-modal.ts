import type { KnownBlock, ModalView, PlainTextOption } from '@slack/types';
import { CODENAME_MAX, DESCRIPTION_MAX, SHORT_TEXT_MAX, TITLE_MAX } from '../../domain/breach/declaration.js';
import { INCIDENT_CATEGORIES, INCIDENT_CATEGORY_LABELS } from '../../domain/breach/incident-category.js';
import { FACT_SHORT_MAX } from '../../domain/breach/recorded-facts.js';
import { inputBlock } from '../blocks/input-block.js';
import { declareAction as a, DECLARE_REGIME_ACTION, DECLARE_REGIME_FIELD, VIEWS, type DeclareFieldId } from '../ids.js';
import type { DeclareQuestion } from '../../domain/regimes/breach-regimes.js';

/** Carried in the modal's private_metadata (≤ 3000 chars): where it was opened from. */
export interface DeclareMetadata {
  /** The slash command's response_url, for the "declared" notice where /breach was typed. */
  responseUrl?: string;
}

export interface DeclarePrefill {
  title?: string;
  description?: string;
}

const text = (t: string) => ({ type: 'plain_text' as const, text: t });
const option = (value: string, label: string): PlainTextOption => ({ text: text(label), value });

const capitalised = (t: string) => t.charAt(0).toUpperCase() + t.slice(1);

/** The EDPB template's incident categories, as the Declare and Update facts modals offer them. */
export const INCIDENT_OPTIONS: PlainTextOption[] = INCIDENT_CATEGORIES.map((c) => option(c, capitalised(INCIDENT_CATEGORY_LABELS[c].en)));

const input = (field: DeclareFieldId, label: string, element: Record<string, unknown>, opts: { optional?: boolean; hint?: string } = {}): KnownBlock =>
  inputBlock(field, a(field), label, element, opts);

/** The answers of the regime question: the radio's values, read back by readRegimeAnswer. */
export const REGIME_ANSWERS = { yes: true, no: false, unknown: null } as const;

/**
 * The question the organisation's settings ask (a NIS2 entity: is it a significant incident?), as a
 * required radio. "Not known yet" counts as yes until someone decides (domain/regimes/breach-regimes.ts):
 * a missed 24-hour early warning is worse than a needless one.
 */
function regimeQuestionBlock(q: DeclareQuestion): KnownBlock {
  const options = [
    option('yes', 'Yes'),
    option('no', 'No'),
    option('unknown', 'Not known yet (the NIS2 clocks run until we decide)'),
  ];
  return inputBlock(DECLARE_REGIME_FIELD, DECLARE_REGIME_ACTION, q.question.slice(0, 2000), { type: 'radio_buttons', options }, {
    hint: 'A significant incident must be reported under the NIS 2 act: an early warning within 24 hours of becoming aware, the incident notification within 72 hours.',
  });
}

/**
 * The Declare modal (flow 1). Opened with views.open straight from the trigger, so it is built
 * from the request alone: no database or Web API call comes before it.
 */
export function declareModal(nowSeconds: number, prefill: DeclarePrefill = {}, meta: DeclareMetadata = {}, question: DeclareQuestion | null = null): ModalView {
  const roles = [
    option('controller', 'Controller: we decide why and how'),
    option('processor', 'Processor: we process for a client'),
    option('joint_controller', 'Joint controller'),
  ];
  const ongoing = [option('yes', 'Yes, still ongoing'), option('no', 'No, it has stopped'), option('unknown', 'Not known yet')];
  return {
    type: 'modal',
    callback_id: VIEWS.declare,
    title: text('Declare a breach'),
    submit: text('Declare'),
    close: text('Cancel'),
    private_metadata: JSON.stringify(meta),
    blocks: [
      {
        type: 'context',
        elements: [
          {
            type: 'mrkdwn',
            text: 'A private channel opens for the breach. The 72-hour clock to notify Datatilsynet runs from *when we became aware*.',
          },
        ],
      },
      input(
        'title',
        'Short title',
        {
          type: 'plain_text_input',
          max_length: TITLE_MAX,
          ...(prefill.title ? { initial_value: prefill.title.slice(0, TITLE_MAX) } : {}),
          placeholder: text('e.g. Payroll export sent to wrong recipient'),
        },
        { hint: 'No personal data: no names, e-mail addresses or CPR numbers. The title is shown outside the channel.' },
      ),
      input('description', 'What happened', {
        type: 'plain_text_input',
        multiline: true,
        max_length: DESCRIPTION_MAX,
        ...(prefill.description ? { initial_value: prefill.description.slice(0, DESCRIPTION_MAX) } : {}),
        placeholder: text('What we know so far. Describe the data and people affected, not the data itself.'),
      }),
      input(
        'awareAt',
        'When we became aware',
        { type: 'datetimepicker', initial_date_time: nowSeconds },
        { hint: 'When someone in the organisation had reasonable certainty that personal data was affected. May be in the past.' },
      ),
      input('startedAt', 'When it started', { type: 'datetimepicker' }, { optional: true, hint: 'Leave empty if not known yet.' }),
      input(
        'detectedAt',
        'When it was detected',
        { type: 'datetimepicker' },
        { optional: true, hint: 'When the incident was first noticed, if that differs from when we became aware it affects personal data.' },
      ),
      input('endedAt', 'When it ended', { type: 'datetimepicker' }, { optional: true, hint: 'Only if it has stopped. Leave empty if ongoing or not known.' }),
      input('incidentCategory', 'Kind of incident', { type: 'static_select', options: INCIDENT_OPTIONS, placeholder: text('Choose one') }, { optional: true }),
      input('discovery', 'How it was discovered', { type: 'plain_text_input', max_length: SHORT_TEXT_MAX }, { optional: true }),
      input('role', 'Our role', { type: 'static_select', options: roles, initial_option: roles[0] }),
      input(
        'processorHours',
        'Hours to tell the controller',
        { type: 'number_input', is_decimal_allowed: false, min_value: '1', max_value: '168' },
        { optional: true, hint: 'Processors only: what the contract gives you. 24 if left empty.' },
      ),
      input('systems', 'Systems involved', { type: 'plain_text_input', max_length: SHORT_TEXT_MAX }, { optional: true }),
      input('ongoing', 'Is it ongoing?', { type: 'radio_buttons', options: ongoing, initial_option: ongoing[2] }),
      ...(question ? [regimeQuestionBlock(question)] : []),
      input('responderIds', 'Initial responders', { type: 'multi_users_select', placeholder: text('Invite people') }, { optional: true }),
      input(
        'codename',
        'Code name for the channel',
        { type: 'plain_text_input', max_length: CODENAME_MAX, placeholder: text('e.g. falcon') },
        { optional: true, hint: 'Optional. Added to the channel name breach-YYYY-NNNN; no personal data.' },
      ),
      input(
        'reporterFunction',
        'Your function',
        { type: 'plain_text_input', max_length: FACT_SHORT_MAX, placeholder: text('e.g. IT security officer') },
        { optional: true, hint: 'You are named as the person reporting in the notice to Datatilsynet; your name comes from your Slack profile.' },
      ),
    ],
  };
}
