import type { App } from '@slack/bolt';
import type { BotDeps } from '../../deps.js';
import * as editSettings from './edit-settings.js';
import * as homeDeclare from './home-declare.js';
import * as assessmentDecision from './assessment-decision.js';
import * as assessmentOpen from './assessment-open.js';
import * as assessmentScoring from './assessment-scoring.js';
import * as retrySetup from './retry-setup.js';
import * as closeBreach from './close-breach.js';
import * as timelineEntry from './timeline-entry.js';
import * as draftNotices from './draft-notices.js';
import * as draftRegimeStage from './draft-regime-stage.js';
import * as recordNotification from './record-notification.js';
import * as recordRegimeStage from './record-regime-stage.js';
import * as regimeDecisions from './regime-decisions.js';
import * as updateFacts from './update-facts.js';
import * as readDraft from './read-draft.js';
import { cardActions } from './card-press.js';
import * as cardLead from './card-lead.js';

export function register(app: App, deps: BotDeps): void {
  const card = cardActions(app, deps);
  retrySetup.register(app, deps);
  assessmentOpen.register(app, deps, card);
  assessmentDecision.register(app, deps);
  assessmentScoring.register(app, deps);
  editSettings.register(app, deps);
  homeDeclare.register(app, deps);
  closeBreach.register(app, deps, card);
  timelineEntry.register(app, deps, card);
  updateFacts.register(app, deps, card);
  draftNotices.register(app, deps, card);
  draftRegimeStage.register(app, deps);
  readDraft.register(app, deps);
  recordNotification.register(app, deps, card);
  recordRegimeStage.register(app, deps);
  regimeDecisions.register(app, deps);
  cardLead.register(app, deps);
}
