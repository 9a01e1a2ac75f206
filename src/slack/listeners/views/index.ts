import type { App } from '@slack/bolt';
import type { BotDeps } from '../../deps.js';
import * as assessmentSubmit from './assessment-submit.js';
import * as declareSubmit from './declare-submit.js';
import * as overrideSubmit from './override-submit.js';
import * as settingsSubmit from './settings-submit.js';
import * as closeSubmit from './close-submit.js';
import * as timelineEntrySubmit from './timeline-entry-submit.js';
import * as factsSubmit from './facts-submit.js';
import * as recordSubmit from './record-submit.js';
import * as regimeStageSubmit from './regime-stage-submit.js';
import * as regimeDecisionsSubmit from './regime-decisions-submit.js';

export function register(app: App, deps: BotDeps): void {
  declareSubmit.register(app, deps);
  assessmentSubmit.register(app, deps);
  overrideSubmit.register(app, deps);
  settingsSubmit.register(app, deps);
  closeSubmit.register(app, deps);
  timelineEntrySubmit.register(app, deps);
  factsSubmit.register(app, deps);
  recordSubmit.register(app, deps);
  regimeStageSubmit.register(app, deps);
  regimeDecisionsSubmit.register(app, deps);
}
