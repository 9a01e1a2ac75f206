import type { KnownBlock } from '@slack/types';
import type { DateTime } from 'luxon';
import type { Db } from '../db/client.js';
import { assess, type AssessmentAnswers } from '../domain/assessment/index.js';
import { prefillFromIncident } from '../domain/assessment/from-facts.js';
import { readRecordedFacts } from '../domain/breach/recorded-facts.js';
import type { Role } from '../domain/deadline.js';
import { DEFAULT_LANGUAGES } from '../domain/language.js';
import { getOrgSettings } from '../store/settings.js';
import { slackErrorCode } from '../web-api-error.js';
import { BreachNotAssessable, getAssessment, latestAssessment, recordAssessment } from '../store/assessments.js';
import { getBreach } from '../store/breaches.js';
import { currentDecision } from '../store/decisions.js';
import { refreshCard, type CardContext } from './card.js';
import type { StoredAssessment } from '../domain/assessment/stored.js';
import type { Breach } from '../domain/breach/entity.js';
import type { Decision } from '../domain/decision.js';

/** What an assessment's result message shows: plain data, rendered by the Slack side. */
export interface ResultInput {
  breach: Breach;
  assessment: StoredAssessment;
  /** The breach's current decision, whichever assessment it was on. */
  decision: Decision | null;
  /** The newest version of the breach's assessments: an older result offers no buttons. */
  latestVersion: number;
  now: DateTime;
  zone: string;
  /** The DPO users: with the breach lead, named under the buttons as who decides. */
  dpoUserIds?: readonly string[];
}

/**
 * What the assessment flow needs from the Slack side (src/slack/slack-side.ts, handed in at wiring
 * time): the result message (src/slack/blocks/assessment-result.ts).
 */
export interface AssessmentSlack {
  assessmentResult(input: ResultInput): { text: string; blocks: KnownBlock[] };
}

/**
 * What the risk questionnaire starts from: reassessing starts from the previous version's answers; a
 * first assessment from the role given when the breach was declared. Either way, what the recorded
 * kind of incident tells (a lost or stolen device: a copy of the data is out of our hands) fills what
 * is not answered yet. One indexed read.
 */
export async function assessmentStart(db: Db, breach: Breach): Promise<Partial<AssessmentAnswers>> {
  const previous = await latestAssessment(db, breach.id);
  // The incident category is not a text, so the writing language does not matter for reading it.
  const { incidentCategory } = readRecordedFacts(breach.facts, DEFAULT_LANGUAGES.writing);
  return prefillFromIncident(previous ? storedAsDraft(previous.answers) : { role: breach.role as Role }, incidentCategory);
}

/**
 * Answers stored before the question about what the protection covers have no such answer, which
 * means "every kind of data": say so explicitly, so the question shows every kind ticked.
 */
function storedAsDraft(stored: AssessmentAnswers): Partial<AssessmentAnswers> {
  return stored.protection === 'intact' && stored.protectedDataTypes === undefined ? { ...stored, protectedDataTypes: null } : stored;
}

/**
 * Stores a completed questionnaire as the breach's next assessment version, with the result the
 * engine reaches from it. The same submission delivered twice stores one version. A breach that is
 * gone or closed is refused with the reason (nothing stored); a database failure throws.
 */
export async function saveAssessment(
  ctx: Pick<CardContext, 'db' | 'clock'>,
  a: { breachId: string; answers: AssessmentAnswers; createdBy: string; submissionKey: string },
): Promise<{ ok: true; assessmentId: string } | { ok: false; reason: string }> {
  try {
    const saved = await recordAssessment(ctx.db, { ...a, result: assess(a.answers), now: ctx.clock.now().toJSDate() });
    return { ok: true, assessmentId: saved.assessment.id };
  } catch (err) {
    if (err instanceof BreachNotAssessable) return { ok: false, reason: err.message };
    throw err;
  }
}

/**
 * After an assessment is stored: its result goes to the breach channel, with the Accept and
 * Override buttons, and the card shows the proposal. The assessment is safe in the database
 * before this runs; a Slack failure here is logged, and the card catches up on the next change.
 */
export async function publishAssessment(ctx: CardContext & { slack: AssessmentSlack }, assessmentId: string): Promise<void> {
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
export async function renderResult(
  ctx: Pick<CardContext, 'db' | 'clock' | 'config'> & { slack: AssessmentSlack },
  breach: Breach,
  assessment: StoredAssessment,
  now?: DateTime,
) {
  const [decision, latest, org] = await Promise.all([currentDecision(ctx.db, breach.id), latestAssessment(ctx.db, breach.id), getOrgSettings(ctx.db, ctx.config)]);
  return ctx.slack.assessmentResult({
    dpoUserIds: org.dpoUserIds,
    breach,
    assessment,
    decision: decision ?? null,
    latestVersion: latest?.version ?? assessment.version,
    now: now ?? ctx.clock.now(),
    zone: ctx.config.timezone,
  });
}
