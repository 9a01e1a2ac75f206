/**
 * Every Slack id the bot owns, in one place: the slash command, shortcut and view callback ids,
 * and block/action ids. The manifest test checks manifest.yml against these.
 */
export const COMMAND = '/breach';

export const SHORTCUTS = {
  /** Global shortcut "Declare data breach". */
  declare: 'declare_breach',
  /** Message shortcut "Report possible breach": pre-fills the description from the message. */
  reportMessage: 'report_message_as_breach',
} as const;

export const VIEWS = {
  declare: 'declare_breach_modal',
} as const;

/** Declare modal: one input block per field; the block id is the field name, the action id is `<field>_input`. */
export const DECLARE_FIELDS = [
  'title',
  'description',
  'awareAt',
  'startedAt',
  'discovery',
  'role',
  'processorHours',
  'systems',
  'ongoing',
  'responderIds',
  'codename',
] as const;
export type DeclareFieldId = (typeof DECLARE_FIELDS)[number];
export const declareAction = (field: DeclareFieldId) => `${field}_input`;

/** Buttons. The card's buttons carry the breach id as their value. */
export const ACTIONS = {
  /** On the card or in the failure DM: run the unfinished setup steps again. */
  retrySetup: 'breach_retry_setup',
  assess: 'breach_assess',
  draftNotices: 'breach_draft_notices',
  recordNotification: 'breach_record_notification',
  addTimelineEntry: 'breach_add_timeline_entry',
  closeBreach: 'breach_close',
} as const;

export const CARD_BLOCKS = {
  header: 'card_header',
  facts: 'card_facts',
  description: 'card_description',
  next: 'card_next',
  setup: 'card_setup',
  actions: 'card_actions',
} as const;
