import type { ModalView } from '@slack/types';
import { ADDRESS_MAX, DPO_USERS_MAX, ORG_NAME_MAX, PERSON_NAME_MAX, PHONE_MAX, REGIME_OPTIONS, regimeOptionsOf, type RegimeOption } from '../../domain/settings-form.js';
import { LANGUAGES, LANGUAGE_NAMES } from '../../domain/language.js';
import { inputBlock } from '../blocks/input-block.js';
import { SETTINGS_VIEW, settingsAction, type SettingsFieldId } from '../ids.js';
import type { OrgSettings } from '../../domain/org-settings.js';

const text = (t: string) => ({ type: 'plain_text' as const, text: t });
const ARCHIVE_OPTION = { text: text('Archive its channel'), value: 'archive' };
const REGIME_BOXES = (Object.keys(REGIME_OPTIONS) as RegimeOption[]).map((o) => ({ text: text(REGIME_OPTIONS[o].label), value: o }));
const LANGUAGE_OPTIONS = LANGUAGES.map((l) => ({ text: text(LANGUAGE_NAMES[l].en), value: l }));

const input = (field: SettingsFieldId, label: string, element: Record<string, unknown>, opts: { optional?: boolean; hint?: string } = {}) =>
  inputBlock(field, settingsAction(field), label, element, opts);

/** `initial_value` only when there is one: Slack rejects an empty string there. */
const initial = (v: string | null | undefined) => (v ? { initial_value: v } : {});

/** The settings modal (flow 8), filled with the current settings. Opened from the Home's Edit button. */
export function settingsModal(s: OrgSettings): ModalView {
  const org = s.organisation;
  const shortText = (max: number, value: string | null) => ({ type: 'plain_text_input', max_length: max, ...initial(value) });
  return {
    type: 'modal',
    callback_id: SETTINGS_VIEW,
    title: text('Breach settings'),
    submit: text('Save'),
    close: text('Cancel'),
    blocks: [
      { type: 'header', text: text('Organisation (for the notices)') },
      input('orgName', 'Organisation name', shortText(ORG_NAME_MAX, org.name), {
        optional: true,
        hint: 'The controller as registered, e.g. "Example Kommune". Our name in the notices to Datatilsynet and to people affected.',
      }),
      input('cvr', 'CVR number', { type: 'plain_text_input', max_length: 11, ...initial(org.cvr), placeholder: text('12345678') }, { optional: true }),
      input('address', 'Address', { ...shortText(ADDRESS_MAX, org.address), multiline: true }, { optional: true }),
      input('dpoName', "DPO's name", shortText(PERSON_NAME_MAX, org.dpo.name), { optional: true }),
      input('dpoEmail', "DPO's e-mail", { type: 'email_text_input', ...initial(org.dpo.email), placeholder: text('dpo@example.dk') }, { optional: true }),
      input('dpoPhone', "DPO's phone", { ...shortText(PHONE_MAX, org.dpo.phone), placeholder: text('+45 12 34 56 78') }, { optional: true }),
      { type: 'header', text: text('Reporting regimes') },
      input(
        'regimeOptions',
        'Besides the GDPR with Datatilsynet',
        {
          type: 'checkboxes',
          options: REGIME_BOXES,
          ...(regimeOptionsOf(s.regimes).length ? { initial_options: REGIME_BOXES.filter((b) => regimeOptionsOf(s.regimes).includes(b.value)) } : {}),
        },
        {
          optional: true,
          hint: 'A NIS2 entity is asked, when declaring, whether the incident is significant: then the early warning (24 h), the incident notification (72 h) and the final report run too. A UK establishment adds the report to the ICO (72 h).',
        },
      ),
      { type: 'header', text: text('Languages') },
      input(
        'draftingLanguages',
        'Draft the notices in',
        { type: 'checkboxes', options: LANGUAGE_OPTIONS, initial_options: LANGUAGE_OPTIONS.filter((o) => s.languages.drafting.includes(o.value)) },
        { hint: 'Each draft is in one language only. Datatilsynet reads Danish.' },
      ),
      input(
        'writingLanguage',
        'The team writes the facts in',
        { type: 'radio_buttons', options: LANGUAGE_OPTIONS, initial_option: LANGUAGE_OPTIONS.find((o) => o.value === s.languages.writing) },
        { hint: 'Text typed in Update facts is taken to be in this language; a draft in the other language shows a gap until someone gives the translation.' },
      ),
      { type: 'header', text: text('People') },
      input(
        'dpoUserIds',
        'DPO users',
        { type: 'multi_users_select', max_selected_items: DPO_USERS_MAX, ...(s.dpoUserIds.length ? { initial_users: s.dpoUserIds } : {}) },
        { hint: 'Invited to every breach channel; they record decisions and notifications, and may change these settings.' },
      ),
      input('responderGroupId', 'Standing responder group', { type: 'plain_text_input', max_length: 30, ...initial(s.responderGroupId), placeholder: text('S0123ABCD') }, {
        optional: true,
        hint: "The user group's id (in the group's profile: ⋯ → Copy group ID). Its members are invited to every breach channel. Empty for none.",
      }),
      { type: 'header', text: text('Reminders') },
      input('countdownHours', 'Hours before the deadline', { type: 'plain_text_input', max_length: 200, initial_value: s.reminderSchedule.countdownHours.join(', ') }, {
        hint: 'A reminder is posted in the breach channel this many hours before the deadline, and one at the deadline. E.g. 48, 24, 12, 6, 3, 1',
      }),
      input(
        'overdueEveryHours',
        'While overdue, remind every (hours)',
        { type: 'number_input', is_decimal_allowed: false, min_value: '1', max_value: '168', initial_value: String(s.reminderSchedule.overdueEveryHours) },
      ),
      { type: 'header', text: text('Closing') },
      input(
        'archiveOnClose',
        'When a breach is closed',
        { type: 'checkboxes', options: [ARCHIVE_OPTION], ...(s.archiveOnClose ? { initial_options: [ARCHIVE_OPTION] } : {}) },
        { optional: true, hint: 'The channel stays readable to its members when archived; the breach stays in the register either way.' },
      ),
    ],
  };
}
