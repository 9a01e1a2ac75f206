import type { AssessmentSlack } from '../flows/assessment.js';
import type { CardSlack } from '../flows/card.js';
import type { CloseSlack } from '../flows/close.js';
import type { DecisionSlack } from '../flows/decision.js';
import type { SetupSlack } from '../flows/declare-setup.js';
import type { HomeSlack } from '../flows/home.js';
import type { LeadSlack } from '../flows/lead.js';
import type { NoticesSlack } from '../flows/notices.js';
import type { RecordingSlack } from '../flows/notifications.js';
import type { RegimeDraftsSlack } from '../flows/regime-drafts.js';
import type { ReminderSlack } from '../flows/reminders.js';
import { isWorkspaceAdmin } from './access/actor.js';
import { renderAssessmentResult } from './blocks/assessment-result.js';
import { renderBreachCard } from './blocks/breach-card.js';
import { closeNote, closeRefusal } from './blocks/close-note.js';
import { decisionRefusal, decisionReply } from './blocks/decision-reply.js';
import { draftFile } from './blocks/draft-messages.js';
import { draftSummaryMessage } from './blocks/draft-summary.js';
import { leadText } from './blocks/lead-text.js';
import { recordingReply, recordingText } from './blocks/recording-reply.js';
import { regimeDraftFile, regimeDraftSummaryMessage } from './blocks/regime-drafts.js';
import { renderRegimeReminder, renderReminder } from './blocks/reminder-message.js';
import { renderSetupReport } from './blocks/setup-report.js';
import { renderDpoDm, renderWelcome } from './blocks/welcome.js';
import type { ChannelMembership } from './channel-membership.js';
import { channelMembers } from './membership.js';
import { findOwnMessage } from './own-messages.js';
import { postToResponseUrl } from './response-url.js';
import { renderHome } from './views/home.js';

/**
 * Everything the flows need from the Slack side, as one object per bot handed to them at wiring
 * time (src/bot.ts, `BotDeps.slack`; per bot because channel membership is the bot's own view): each flow defines the small port it needs (`CardSlack` in
 * flows/card.ts…) and this file implements them, so the import arrow points slack → flows and the
 * flows import no Slack code (.dependency-cruiser.cjs, flows-import-no-slack).
 */
export type SlackSide = CardSlack & RecordingSlack & AssessmentSlack & ReminderSlack & NoticesSlack & CloseSlack & LeadSlack & DecisionSlack & HomeSlack & SetupSlack
  & RegimeDraftsSlack;

const renderersAndHelpers: Omit<SlackSide, 'isMember'> = {
  card: renderBreachCard,
  recordingText,
  recordingReply,
  assessmentResult: renderAssessmentResult,
  reminder: renderReminder,
  regimeReminder: renderRegimeReminder,
  findOwnMessage,
  draftSummary: draftSummaryMessage,
  draftFile,
  regimeDraftSummary: regimeDraftSummaryMessage,
  regimeDraftFile,
  closeRefusal,
  closeNote,
  channelMembers,
  leadText,
  decisionRefusal,
  decisionReply,
  home: renderHome,
  isWorkspaceAdmin,
  welcome: renderWelcome,
  dpoDm: renderDpoDm,
  setupReport: renderSetupReport,
  postToResponseUrl,
};

/** The Slack side of one bot: its renderers and helpers, and its view of channel membership. */
export function slackSideFor(membership: ChannelMembership): SlackSide {
  return { ...renderersAndHelpers, isMember: (client) => (channelId, userId) => membership.isMember(client, channelId, userId) };
}
