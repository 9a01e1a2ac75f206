import type { KnownBlock, ModalView, PlainTextOption } from '@slack/types';
import { JUSTIFICATION_MAX } from '../../domain/decision.js';
import { NOTES_MAX, REFERENCE_MAX, type RecordKind } from '../../domain/notification-form.js';
import type { RecordModalInput } from '../../flows/notifications.js';
import { inputBlock } from '../blocks/input-block.js';
import { NOTICE_ACTIONS, NOTICE_BLOCKS, NOTICE_VIEWS, noticeFieldAction } from '../ids.js';
import { escapeMrkdwn } from '../mrkdwn.js';
import { isUuid } from '../../domain/uuid.js';

/*
 * Record notification (flow 6): one modal for what was sent, with a choice at the top of what is
 * being recorded. Changing the choice swaps the form (views.update); the block ids are the fields,
 * so `response_action: errors` lands under the right input.
 */

export const RECORD_FIELDS = {
  notification: ['submittedAt', 'method', 'reference', 'completeness', 'notes'],
  communication: ['submittedAt', 'channel', 'count', 'notes'],
  restriction: ['justification'],
} as const satisfies Record<RecordKind, readonly string[]>;
export type RecordField = (typeof RECORD_FIELDS)[RecordKind][number];

export interface RecordMetadata {
  breachId: string;
  kind: RecordKind;
}


const text = (t: string) => ({ type: 'plain_text' as const, text: t });
const option = (value: string, label: string, description?: string): PlainTextOption => ({
  text: text(label),
  value,
  ...(description ? { description: text(description) } : {}),
});

export function kindLabel(kind: RecordKind, role: string): string {
  if (kind === 'notification') return role === 'processor' ? 'Our notice to the controller' : 'The notification to Datatilsynet';
  if (kind === 'communication') return 'The communication to the people affected';
  return 'A § 22 restriction: the people are not told for now';
}

const field = (f: RecordField, label: string, element: Record<string, unknown>, opts: { optional?: boolean; hint?: string } = {}) =>
  inputBlock(f, noticeFieldAction(f), label, element, opts);

function notificationBlocks(m: RecordModalInput): KnownBlock[] {
  const processor = m.breach.role === 'processor';
  const methods = [
    option('online_form', processor ? "The controller's form or portal" : "Datatilsynet's online form (Virk)"),
    option('email', 'E-mail'),
    option('other', 'Other (say how in the notes)'),
  ];
  const completeness = [
    option('complete', 'Complete'),
    option('initial', 'Initial: more information to follow', 'Art. 33(4): a reminder runs until the rest is sent'),
    option('supplement', 'Supplement to an earlier notification', 'Completes an initial one'),
  ];
  return [
    field('submittedAt', 'When it was submitted', { type: 'datetimepicker', initial_date_time: m.nowSeconds }, { hint: 'Not in the future, and not before we became aware of the breach.' }),
    field('method', 'How', { type: 'radio_buttons', options: methods, initial_option: methods[0] }),
    field('reference', processor ? "The controller's reference" : "Datatilsynet's reference (journal number)", { type: 'plain_text_input', max_length: REFERENCE_MAX }, { optional: true, hint: 'From the receipt, if one was given.' }),
    field('completeness', 'Complete or initial', {
      type: 'radio_buttons',
      options: completeness,
      ...(m.supplementDue ? { initial_option: completeness[2] } : {}),
    }),
    field('notes', 'Notes', { type: 'plain_text_input', multiline: true, max_length: NOTES_MAX }, { optional: true }),
  ];
}

function communicationBlocks(m: RecordModalInput): KnownBlock[] {
  const channels = [
    option('email', 'E-mail to each person'),
    option('letter', 'Letter to each person'),
    option('digital_post', 'Digital Post (e-Boks/mit.dk)'),
    option('sms', 'SMS to each person'),
    option('phone', 'Phone call to each person'),
    option('direct_message', 'Direct message to each person'),
    option('website', 'Public notice on our website'),
    option('media', 'Public notice in the media'),
  ];
  return [
    field('submittedAt', 'When the people were told', { type: 'datetimepicker', initial_date_time: m.nowSeconds }, { hint: 'Not in the future, and not before we became aware of the breach.' }),
    field('channel', 'How', { type: 'static_select', options: channels, placeholder: text('Choose how') }, { hint: 'A public notice is for when contacting each person would take disproportionate effort (Art. 34(3)(c)).' }),
    field('count', 'How many people were told', { type: 'number_input', is_decimal_allowed: false, min_value: '1' }, { optional: true, hint: 'Required when each person was contacted.' }),
    field('notes', 'Notes', { type: 'plain_text_input', multiline: true, max_length: NOTES_MAX }, { optional: true }),
  ];
}

function restrictionBlocks(): KnownBlock[] {
  return [
    {
      type: 'context',
      elements: [{
        type: 'mrkdwn',
        text: 'Databeskyttelsesloven § 22 lets the duty to tell the people yield to decisive private or public interests (e.g. the investigation of crime: only the police decide that telling them would impede it). Only the DPO records this (a workspace admin while no DPO is set); the daily reminder to tell the people stops.',
      }],
    },
    field('justification', 'Justification', {
      type: 'plain_text_input',
      multiline: true,
      max_length: JUSTIFICATION_MAX,
      placeholder: text('Which interest outweighs telling the people, and why'),
    }, { hint: 'Recorded in the register with your name (Art. 33(5)).' }),
  ];
}

export function recordModal(m: RecordModalInput): ModalView {
  const choice: KnownBlock[] = m.kinds.length > 1
    ? [{
        type: 'actions',
        block_id: NOTICE_BLOCKS.recordKind,
        elements: [{
          type: 'radio_buttons',
          action_id: NOTICE_ACTIONS.recordKind,
          options: m.kinds.map((k) => option(k, kindLabel(k, m.breach.role))),
          initial_option: option(m.kind, kindLabel(m.kind, m.breach.role)),
        }],
      }]
    : [];
  const body = m.kind === 'notification' ? notificationBlocks(m) : m.kind === 'communication' ? communicationBlocks(m) : restrictionBlocks();
  return {
    type: 'modal',
    callback_id: NOTICE_VIEWS.record,
    title: text('Record notification'),
    submit: text('Record'),
    close: text('Cancel'),
    private_metadata: JSON.stringify({ breachId: m.breach.id, kind: m.kind } satisfies RecordMetadata),
    blocks: [
      { type: 'context', elements: [{ type: 'mrkdwn', text: `*${escapeMrkdwn(m.breach.reference)}* · Record what was sent, once it has been sent. It becomes part of the register.` }] },
      ...choice,
      ...body,
    ],
  };
}

export function parseRecordMetadata(raw: string): RecordMetadata | null {
  try {
    const m = JSON.parse(raw) as Partial<RecordMetadata>;
    const kinds: readonly unknown[] = ['notification', 'communication', 'restriction'];
    if (typeof m.breachId !== 'string' || !isUuid(m.breachId) || !kinds.includes(m.kind)) return null;
    return { breachId: m.breachId, kind: m.kind as RecordKind };
  } catch {
    return null;
  }
}
