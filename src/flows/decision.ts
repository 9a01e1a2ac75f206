import type { KnownBlock } from '@slack/types';
import { DateTime } from 'luxon';
import type { Config } from '../config.js';
import type { Role } from '../domain/deadline.js';
import { proposedOutcome, type DecisionKind, type DecisionOutcome, type ReminderChanges } from '../domain/decision.js';
import { slackDate } from '../slack/date-token.js';
import { outcomePhrase } from '../slack/blocks/decision-text.js';
import { decidersText, mention, quotedUserText } from '../slack/blocks/text.js';
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

export interface DecisionContext extends CardContext {
  config: Config;
  slack: CardSlack & AssessmentSlack;
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
  if (!assessment || !breach) return { ok: false, message: refusalMessage({ ok: false, why: 'not_found' }) };
  if (breach.closedAt) return { ok: false, message: refusalMessage({ ok: false, why: 'closed', breach }) };
  const latest = await latestAssessment(ctx.db, breach.id);
  if (latest && latest.version > assessment.version) {
    return { ok: false, message: refusalMessage({ ok: false, why: 'outdated', assessment, latestVersion: latest.version }) };
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
  if (!res.ok) return { ok: false, message: refusalMessage(res) };
  return { ok: true, recorded: res };
}

function refusalMessage(r: Exclude<DecisionRefusal, { why: 'duplicate' }>): string {
  switch (r.why) {
    case 'not_found':
      return 'That assessment no longer exists.';
    case 'closed':
      return `${r.breach.reference} is closed: its decision can no longer change.`;
    case 'outdated':
      return `This is assessment v${r.assessment.version}, but v${r.latestVersion} is newer. Decide on the latest result, so the decision rests on the current facts.`;
    case 'unchanged':
      return `Assessment v${r.assessment.version} is already accepted, by ${mention(r.decision.decidedBy)}.`;
  }
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
  const { text, blocks } = decisionReply(r, ctx.config.timezone);
  await ctx.client.chat
    .postMessage({ channel, text, blocks, ...(where ? { thread_ts: where.ts } : {}), unfurl_links: false })
    .catch((err) => ctx.logger.warn(`could not announce the decision on ${r.breach.reference}: ${slackErrorCode(err)}`));
}

/** The thread reply: who decided what, the justification of an override, and what happens to the reminders. */
export function decisionReply(r: DecisionRecorded, zone: string): { text: string; blocks: KnownBlock[] } {
  const role = r.breach.role as Role;
  const d = r.decision;
  const deadline = slackDate(DateTime.fromJSDate(r.breach.deadlineAt, { zone: 'utc' }), { zone });
  const by = d.notifyAuthority || role === 'processor' ? ` (deadline ${deadline})` : '';
  const v = `assessment v${r.assessment.version}`;
  const text =
    d.kind === 'accepted'
      ? `:white_check_mark: ${mention(d.decidedBy)} accepted ${v}: ${outcomePhrase(role, d)}${by}.`
      : `:pencil2: ${mention(d.decidedBy)} overrode ${v}. Decision: ${outcomePhrase(role, d)}${by}. The assessment proposed: ${outcomePhrase(role, proposedOutcome(r.assessment.result))}.`;
  const blocks: KnownBlock[] = [{ type: 'section', text: { type: 'mrkdwn', text } }];
  if (d.justification) {
    const quoted = quotedUserText(d.justification, 2700);
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: `*Justification*\n${quoted}` } });
  }
  const reminders = reminderNote(r.reminders);
  if (reminders) blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: reminders }] });
  return { text, blocks };
}

function reminderNote(c: ReminderChanges): string | null {
  const notes: string[] = [];
  if (c.authorityCountdown === 'stop') notes.push('The reminders to notify Datatilsynet have stopped; the decision and its reasons go into the register (Art. 33(5)).');
  if (c.authorityCountdown === 'resume') notes.push('The reminders to notify Datatilsynet are back on.');
  if (c.subjectsDaily === 'start') notes.push('A daily reminder runs until the communication to the people affected is recorded.');
  if (c.subjectsDaily === 'stop') notes.push('The daily reminder to tell the people affected has stopped.');
  return notes.length ? notes.join(' ') : null;
}
