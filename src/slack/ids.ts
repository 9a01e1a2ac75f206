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

/** The shortcuts' names as people see them (manifest.yml `shortcuts[].name`; the manifest test checks they match). */
export const SHORTCUT_NAMES = {
  declare: 'Declare data breach',
  reportMessage: 'Report possible breach',
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
  'detectedAt',
  'endedAt',
  'incidentCategory',
  'discovery',
  'role',
  'processorHours',
  'systems',
  'ongoing',
  'responderIds',
  'codename',
  'reporterFunction',
] as const;
export type DeclareFieldId = (typeof DECLARE_FIELDS)[number];
export const declareAction = (field: DeclareFieldId) => `${field}_input`;

/**
 * The Declare modal's regime question (issue 16), added only when the settings make a regime depend
 * on an answer (a NIS2 entity: is this a significant incident?). Block id and action id as above.
 */
export const DECLARE_REGIME_FIELD = 'significantIncident';
export const DECLARE_REGIME_ACTION = `${DECLARE_REGIME_FIELD}_input`;

/** "Record a report" for the regimes other than the GDPR (issue 16): the card's button and its modal. */
export const REGIME_STAGE = {
  /** On the card, beside the other regimes' clocks; its value is the breach id. */
  record: 'breach_record_regime_stage',
  view: 'record_regime_stage_modal',
} as const;
/** The stage modal's fields: block id = field, action id `<field>_input`. */
export const REGIME_STAGE_FIELDS = ['stage', 'doneAt', 'reference'] as const;
export type RegimeStageFieldId = (typeof REGIME_STAGE_FIELDS)[number];
export const regimeStageAction = (field: RegimeStageFieldId) => `${field}_input`;

/**
 * The regime decisions made after the declaration (issue 16): is it a significant NIS2 incident
 * after all, are our services likely to be affected (§ 15), did the authority ask for an
 * intermediate report. The card's button (value: the breach id), its section, and the modal.
 */
export const REGIME_DECISIONS = {
  open: 'breach_regime_decisions',
  view: 'regime_decisions_modal',
  cardBlock: 'card_regime_decisions',
} as const;
/** The decisions modal's fields: block id = field, action id `<field>_input`. */
export const REGIME_DECISION_FIELDS = ['significant', 'justification', 'condition', 'requestedAt', 'requestDueAt'] as const;
export type RegimeDecisionFieldId = (typeof REGIME_DECISION_FIELDS)[number];
export const regimeDecisionAction = (field: RegimeDecisionFieldId) => `${field}_input`;

/** Buttons. The card's buttons carry the breach id as their value. */
export const ACTIONS = {
  /** On the card or in the failure DM: run the unfinished setup steps again. */
  retrySetup: 'breach_retry_setup',
  assess: 'breach_assess',
  draftNotices: 'breach_draft_notices',
  /** In the card's ⋯ menu once the decision is that Datatilsynet need not be notified: its notice drafted all the same, labelled so (issue 17). */
  draftAuthorityAnyway: 'breach_draft_authority_anyway',
  recordNotification: 'breach_record_notification',
  addTimelineEntry: 'breach_add_timeline_entry',
  closeBreach: 'breach_close',
  /** The card's overflow menu: the actions that apply but are not the next step (issue 17). */
  cardMore: 'breach_card_more',
  /** The card's "Breach lead" user picker (issue 17); checked on the server like `/breach lead`. */
  cardLead: 'breach_card_lead',
} as const;

/**
 * A regime stage's drafts (issue 16): *Draft NIS2 early warning* on the card (one actions block per
 * regime, `card_regime_draft_<id>`) and on each regime reminder; the value is `<breach id>|<regime>|<stage>`.
 */
export const REGIME_DRAFT = {
  draft: 'breach_draft_regime_stage',
  cardBlockPrefix: 'card_regime_draft_',
} as const;

/** Risk assessment (flow 3): the questionnaire, the result's decision buttons, the override modal. */
export const ASSESSMENT = {
  view: 'assess_risk_modal',
  /** In the questionnaire, steps 2 and 3: back to the previous step, answers kept. */
  back: 'assess_back',
  /** On the result message; the value is the assessment id. */
  accept: 'assessment_accept',
  override: 'assessment_override',
  overrideView: 'override_decision_modal',
  /** On the result message: opens how the severity was scored; the value is the assessment id. */
  scoring: 'assessment_scoring',
  scoringView: 'assessment_scoring_modal',
} as const;

/** Questionnaire: one input block per answer field; the block id is the field, the action id `<field>_answer`. */
export const assessAction = (field: string) => `${field}_answer`;

/** Override modal: the block id is the field name, the action id is `<field>_input` (as in Declare). */
export const OVERRIDE_FIELDS = ['notifyAuthority', 'communicateToSubjects', 'justification'] as const;
export type OverrideFieldId = (typeof OVERRIDE_FIELDS)[number];
export const overrideAction = (field: OverrideFieldId) => `${field}_input`;

export const CARD_BLOCKS = {
  header: 'card_header',
  facts: 'card_facts',
  description: 'card_description',
  next: 'card_next',
  setup: 'card_setup',
  actions: 'card_actions',
  /** The risk decision: proposed by an assessment, then accepted or overridden. */
  risk: 'card_risk',
  /** Who leads the breach, with the picker while it is open. */
  lead: 'card_lead',
  /** The clocks of the regimes other than the GDPR (issue 16): one block per regime, `card_regime_<id>`. */
  regimePrefix: 'card_regime_',
  /** Their "Record a report" button. */
  regimeActions: 'card_regime_actions',
} as const;

/** App Home (flow 8): its buttons, and the settings modal opened from it. */
export const HOME_ACTIONS = {
  /** Opens the settings modal; only for DPO users (admins while none is set), checked again on the server. */
  editSettings: 'home_edit_settings',
  /** Opens the Declare modal from the Home tab. */
  declare: 'home_declare_breach',
} as const;

export const SETTINGS_VIEW = 'settings_modal';

/** Settings modal: the block id is the field name, the action id is `<field>_input` (as in Declare). */
export const SETTINGS_FIELDS = [
  'orgName',
  'cvr',
  'address',
  'dpoName',
  'dpoEmail',
  'dpoPhone',
  'dpoUserIds',
  'responderGroupId',
  'countdownHours',
  'overdueEveryHours',
  'archiveOnClose',
  'draftingLanguages',
  'writingLanguage',
  'regimeOptions',
] as const;
export type SettingsFieldId = (typeof SETTINGS_FIELDS)[number];
export const settingsAction = (field: SettingsFieldId) => `${field}_input`;

/** Close breach (flow 7): the closing-note modal opened from the card. Block id = field, action id `<field>_input`. */
export const CLOSE_VIEW = 'close_breach_modal';
export const CLOSE_FIELDS = ['note'] as const;
export type CloseFieldId = (typeof CLOSE_FIELDS)[number];
export const closeAction = (field: CloseFieldId) => `${field}_input`;

/** Add timeline entry (issue 7): the modal opened from the card. Block id = field, action id `<field>_input`. */
export const TIMELINE_ENTRY_VIEW = 'timeline_entry_modal';
export const TIMELINE_ENTRY_FIELDS = ['what', 'occurredAt'] as const;
export type TimelineEntryFieldId = (typeof TIMELINE_ENTRY_FIELDS)[number];
export const timelineEntryAction = (field: TimelineEntryFieldId) => `${field}_input`;
/** The breach card's "Closed" section (issue 7). */
export const CARD_CLOSED_BLOCK = 'card_closed';

/** Notices and what was sent (flows 5 and 6): the facts modal, the record modal, the card's notices section. */
export const NOTICE_ACTIONS = {
  /** On the card: opens the Update facts modal. */
  updateFacts: 'breach_update_facts',
  /** On a drafting round's message: opens Update facts with the gaps it named first; the value is `<breach id>|<gap,gap,…>`. */
  fillGaps: 'breach_fill_gaps',
  /** On a drafting round's message: a draft's full text in a modal; the value is `<breach id>|<draft id>` (a button, or a select's option). */
  readDraft: 'breach_read_draft',
  /** In the record modal: what is being recorded (notification, communication, § 22 restriction). */
  recordKind: 'record_kind_choice',
} as const;
export const NOTICE_VIEWS = { facts: 'update_facts_modal', record: 'record_notification_modal', draftText: 'draft_text_modal' } as const;
export const NOTICE_BLOCKS = { card: 'card_notices', recordKind: 'record_kind' } as const;
/** Facts and record modals: the block id is the field name, the action id is `<field>_input` (as in Declare). */
export const noticeFieldAction = (field: string) => `${field}_input`;
