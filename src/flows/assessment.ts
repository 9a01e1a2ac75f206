import type { DateTime } from 'luxon';
import { renderAssessmentResult } from '../slack/blocks/assessment-result.js';
import { decidersText } from '../slack/blocks/text.js';
import { getOrgSettings } from '../store/settings.js';
import { slackErrorCode } from '../slack/web-api-error.js';
import { getAssessment, latestAssessment } from '../store/assessments.js';
import { getBreach } from '../store/breaches.js';
import { currentDecision } from '../store/decisions.js';
import { refreshCard, type CardContext } from './card.js';
import type { StoredAssessment } from '../domain/assessment/stored.js';
import type { Breach } from '../domain/breach/entity.js';

/**
 * After an assessment is stored: its result goes to the breach channel, with the Accept and
 * Override buttons, and the card shows the proposal. The assessment is safe in the database
 * before this runs; a Slack failure here is logged, and the card catches up on the next change.
 */
export async function publishAssessment(ctx: CardContext, assessmentId: string): Promise<void> {
  const assessment = await getAssessment(ctx.db, assessmentId);
  const breach = assessment && (await getBreach(ctx.db, assessment.breachId));
  if (!assessment || !breach?.channelId) return;
  const message = await renderResult(ctx, breach, assessment);
  try {
    await ctx.client.chat.postMessage({ channel: breach.channelId, ...message, unfurl_links: false });
  } catch (err) {
    ctx.logger.warn(`could not post assessment v${assessment.version} of ${breach.reference}: ${slackErrorCode(err)}`);
  }
  await refreshCard(ctx, breach.id);
}

/** The result message as it stands now: with its decision, or superseded by a newer version. */
export async function renderResult(ctx: Pick<CardContext, 'db' | 'clock' | 'config'>, breach: Breach, assessment: StoredAssessment, now?: DateTime) {
  const [decision, latest, org] = await Promise.all([currentDecision(ctx.db, breach.id), latestAssessment(ctx.db, breach.id), getOrgSettings(ctx.db, ctx.config)]);
  return renderAssessmentResult({
    deciders: decidersText(breach.leadId, org.dpoUserIds),
    breach,
    assessment,
    decision: decision ?? null,
    latestVersion: latest?.version ?? assessment.version,
    now: now ?? ctx.clock.now(),
    zone: ctx.config.timezone,
  });
}
