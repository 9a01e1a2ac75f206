import type { PolicyAction } from '../../domain/access/policy.js';
import { ACTIONS, ASSESSMENT, CLOSE_VIEW, HOME_ACTIONS, NOTICE_ACTIONS, NOTICE_VIEWS, REGIME_DECISIONS, REGIME_STAGE, SETTINGS_VIEW, SHORTCUTS, TIMELINE_ENTRY_VIEW, VIEWS } from '../ids.js';
import { REGIME_DRAFT } from '../ids.js';
import { parseMoreValue } from '../blocks/card-actions.js';
import { parseRecordMetadata } from '../views/record-modal.js';
import { LOCATE, recordAction, type Locator } from './locate.js';

/**
 * Every Slack surface the bot listens on, with the policy action it needs and where it finds its
 * breach. The guard (guard.ts) enforces this for every request; a listener registered without an
 * entry here is refused at run time and fails test/slack/access/listener-policy.test.ts.
 */
export interface Surface {
  action: PolicyAction | ((body: Record<string, any>) => PolicyAction);
  locate: Locator;
  /** A select on the card: after a refusal the card is re-rendered, so the select shows what is stored. */
  refreshCardOnRefusal?: boolean;
}

export type SurfaceKind = 'command' | 'action' | 'view' | 'shortcut' | 'event';

const s = (action: Surface['action'], locate: Locator = LOCATE.none): Surface => ({ action, locate });

/** `/breach <subcommand>`; `unknown` is any word that is not a subcommand (answered with a hint). */
export const COMMAND_SURFACES: Record<string, Surface> = {
  declare: s('declare'),
  assess: s('assess', LOCATE.commandChannel),
  facts: s('update_facts', LOCATE.commandChannel),
  lead: s('set_lead', LOCATE.commandChannel),
  // In a breach channel: that breach's card (a read); elsewhere the list of open breaches.
  status: s('read', LOCATE.commandChannel),
  list: s('list'),
  timeline: s('post_timeline', LOCATE.commandChannel),
  register: s('export_register'),
  help: s('help'),
  unknown: s('help'),
};

export const ACTION_SURFACES: Record<string, Surface> = {
  [ACTIONS.retrySetup]: s('retry_setup', LOCATE.buttonBreach),
  [ACTIONS.assess]: s('assess', LOCATE.buttonBreach),
  [ACTIONS.draftNotices]: s('draft_notices', LOCATE.buttonBreach),
  // The notice to Datatilsynet asked for after the decision said none is needed: a draft like any other.
  [ACTIONS.draftAuthorityAnyway]: s('draft_notices', LOCATE.buttonBreach),
  // A regime stage's drafts (NIS2's early warning, the report to the ICO; issue 16): drafts like any other.
  [REGIME_DRAFT.draft]: s('draft_notices', LOCATE.regimeDraft),
  [ACTIONS.recordNotification]: s('record_notification', LOCATE.buttonBreach),
  // A report to another regime's authority (NIS2, the ICO; issue 16): the same people as the notification.
  [REGIME_STAGE.record]: s('record_notification', LOCATE.buttonBreach),
  // The regime decisions after the declaration (issue 16): the same people as the GDPR decision.
  [REGIME_DECISIONS.open]: s('decide_regimes', LOCATE.buttonBreach),
  [ACTIONS.addTimelineEntry]: s('add_timeline_entry', LOCATE.buttonBreach),
  [ACTIONS.closeBreach]: s('close', LOCATE.buttonBreach),
  [NOTICE_ACTIONS.updateFacts]: s('update_facts', LOCATE.buttonBreach),
  // Update facts with the gaps a drafting round named first (issue 17): the same people.
  [NOTICE_ACTIONS.fillGaps]: s('update_facts', LOCATE.fillGaps),
  // Switching the record form shows what was recorded so far: the same people as opening it. What
  // is recorded (a § 22 restriction is the DPO's alone) is checked when the form is submitted.
  [NOTICE_ACTIONS.recordKind]: s('record_notification', LOCATE.recordForm),
  [ASSESSMENT.back]: s('assess', LOCATE.assessmentDraft),
  [ASSESSMENT.accept]: s('decide', LOCATE.buttonAssessment),
  [ASSESSMENT.override]: s('override', LOCATE.buttonAssessment),
  // A draft's full text (issue 17) is a breach detail: a read.
  [NOTICE_ACTIONS.readDraft]: s('read', LOCATE.readDraft),
  // The ENISA breakdown of an assessment is a breach detail: a read.
  [ASSESSMENT.scoring]: s('read', LOCATE.buttonAssessment),
  // The card's overflow menu needs what the card action it stands for needs (issue 17); an unknown
  // choice is refused as a read, and its listener says the choice is gone.
  [ACTIONS.cardMore]: s((body) => menuAction(body), LOCATE.cardMenu),
  [ACTIONS.cardLead]: { ...s('set_lead', LOCATE.actionChannel), refreshCardOnRefusal: true },
  [HOME_ACTIONS.editSettings]: s('edit_settings'),
  [HOME_ACTIONS.declare]: s('declare'),
};

function menuAction(body: Record<string, any>): PolicyAction {
  const chosen = parseMoreValue(body['actions']?.[0]?.['selected_option']?.['value']);
  const surface = chosen && chosen.actionId !== ACTIONS.cardMore ? ACTION_SURFACES[chosen.actionId] : undefined;
  if (!surface) return 'read';
  return typeof surface.action === 'function' ? surface.action(body) : surface.action;
}

export const VIEW_SURFACES: Record<string, Surface> = {
  [VIEWS.declare]: s('declare'),
  [ASSESSMENT.view]: s('assess', LOCATE.assessmentDraft),
  [ASSESSMENT.overrideView]: s('override', LOCATE.overrideForm),
  [SETTINGS_VIEW]: s('edit_settings'),
  [CLOSE_VIEW]: s('close', LOCATE.metadataBreach),
  [TIMELINE_ENTRY_VIEW]: s('add_timeline_entry', LOCATE.metadataBreach),
  [NOTICE_VIEWS.facts]: s('update_facts', LOCATE.metadataBreach),
  [REGIME_STAGE.view]: s('record_notification', LOCATE.metadataBreach),
  [REGIME_DECISIONS.view]: s('decide_regimes', LOCATE.metadataBreach),
  [NOTICE_VIEWS.record]: s((body) => recordAction(parseRecordMetadata(String(body['view']?.['private_metadata'] ?? ''))?.kind), LOCATE.recordForm),
};

export const SHORTCUT_SURFACES: Record<string, Surface> = {
  [SHORTCUTS.declare]: s('declare'),
  [SHORTCUTS.reportMessage]: s('declare'),
};

export const EVENT_SURFACES: Record<string, Surface> = {
  app_home_opened: s('home'),
  member_left_channel: s('note_membership'),
};

export const SURFACES: Record<SurfaceKind, Record<string, Surface>> = {
  command: COMMAND_SURFACES,
  action: ACTION_SURFACES,
  view: VIEW_SURFACES,
  shortcut: SHORTCUT_SURFACES,
  event: EVENT_SURFACES,
};
