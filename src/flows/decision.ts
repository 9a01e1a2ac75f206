import type { KnownBlock } from '@slack/types';
import type { Config } from '../config.js';
import type { DecisionKind, DecisionOutcome } from '../domain/decision.js';
import { getOrgSettings } from '../store/settings.js';
import { slackErrorCode } from '../web-api-error.js';
import { getAssessment, latestAssessment } from '../store/assessments.js';
import { getBreach } from '../store/breaches.js';
import { recordDecision, type DecisionRecorded, type DecisionRefusal } from '../store/decisions.js';
import { renderResult, type AssessmentSlack } from './assessment.js';
import { refreshCard, type CardContext, type CardSlack } from './card.js';
import { isUuid } from '../domain/uuid.js';
import type { StoredAssessment } from '../domain/assessment/stored.js';
import type { Breach } from '../domain/breach/entity.js';

/** A recorded decision, and why one was refused: what the Slack side renders. */
export type { DecisionRecorded, DecisionRefusal };

/**
 * What the decision flow needs from the Slack side (src/slack/slack-side.ts, handed in at wiring
 * time): the words of a refusal and the thread reply (src/slack/blocks/decision-reply.ts).
 */
export interface DecisionSlack {
  decisionRefusal(r: Exclude<DecisionRefusal, { why: 'duplicate' }>): string;
  decisionReply(r: DecisionRecorded, zone: string): { text: string; blocks: KnownBlock[] };
}

export interface DecisionContext extends CardContext {
  config: Config;
  slack: CardSlack & AssessmentSlack & DecisionSlack;
}

/** The result message the decision was made on: its thread gets the reply, and it is re-rendered. */
export interface ResultMessage {
  channelId: string;
  ts: string;
}

export type Allowed = { ok: true; assessment: StoredAssessment; breach: Breach } | { ok: false; message: string };

/**
 * Whether this assessment can be accepted or overridden now: the latest version of an open breach.
 * Who may is the access guard's (src/slack/access/); this is about the record. Checked before the
 * override modal opens and when any decision is recorded (and the store checks version and close
 * again under the breach's lock).
 */
export async function checkDecision(ctx: DecisionContext, assessmentId: string, kind: DecisionKind): Promise<Allowed> {
  const assessment = isUuid(assessmentId) ? await getAssessment(ctx.db, assessmentId) : undefined;
  const breach = assessment && (await getBreach(ctx.db, assessment.breachId));
  if (!assessment || !breach) return { ok: false, message: ctx.slack.decisionRefusal({ ok: false, why: 'not_found' }) };
  if (breach.closedAt) return { ok: false, message: ctx.slack.decisionRefusal({ ok: false, why: 'closed', breach }) };
  const latest = await latestAssessment(ctx.db, breach.id);
  if (latest && latest.version > assessment.version) {
    return { ok: false, message: ctx.slack.decisionRefusal({ ok: false, why: 'outdated', assessment, latestVersion: latest.version }) };
  }
  if (kind === 'overridden' && breach.role === 'processor') {
    return {
      ok: false,
      message:
        'As a processor we tell the controller of every breach without undue delay (Art. 33(2)), whatever the risk, so there is nothing to override. ' +
        'The controller decides on Datatilsynet and the people affected; press *Accept* to record that we tell them.',
    };
  }
  return { ok: true, assessment, breach };
}

export interface DecisionRequest {
  assessmentId: string;
  userId: string;
  kind: DecisionKind;
  override?: DecisionOutcome & { justification: string };
  /** The submission's request key (the override modal's view id): a replay records once. */
  submission?: string;
}

/**
 * Records an accept or override (the access guard has checked who asks). Only the database is
 * touched, so a modal submission can call this before its ack; `announceDecision` then tells Slack.
 */
export async function decide(
  ctx: DecisionContext,
  req: DecisionRequest,
): Promise<{ ok: true; recorded: DecisionRecorded | null } | { ok: false; message: string }> {
  const allowed = await checkDecision(ctx, req.assessmentId, req.kind);
  if (!allowed.ok) return allowed;
  const res = await recordDecision(ctx.db, {
    assessmentId: req.assessmentId,
    kind: req.kind,
    ...(req.override ? { outcome: req.override, justification: req.override.justification } : {}),
    decidedBy: req.userId,
    now: ctx.clock.now(),
    ...(req.submission ? { submission: req.submission } : {}),
  });
  // A replay of a submission already recorded: done, and nothing more to announce.
  if (!res.ok && res.why === 'duplicate') return { ok: true, recorded: null };
  if (!res.ok) return { ok: false, message: ctx.slack.decisionRefusal(res) };
  return { ok: true, recorded: res };
}


/** After a recorded decision: the card, the result message it was made on, and a reply in that message's thread. */
export async function announceDecision(ctx: DecisionContext, r: DecisionRecorded, where: ResultMessage | null): Promise<void> {
  await refreshCard(ctx, r.breach.id);
  const channel = where?.channelId ?? r.breach.channelId;
  if (!channel) return;
  if (where) {
    const message = await renderResult(ctx, r.breach, r.assessment);
    await ctx.client.chat
      .update({ channel: where.channelId, ts: where.ts, ...message })
      .catch((err) => ctx.logger.warn(`could not update the result of ${r.breach.reference}: ${slackErrorCode(err)}`));
  }
  const { text, blocks } = ctx.slack.decisionReply(r, ctx.config.timezone);
  await ctx.client.chat
    .postMessage({ channel, text, blocks, ...(where ? { thread_ts: where.ts } : {}), unfurl_links: false })
    .catch((err) => ctx.logger.warn(`could not announce the decision on ${r.breach.reference}: ${slackErrorCode(err)}`));
}
