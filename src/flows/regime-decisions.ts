import { DateTime } from 'luxon';
import type { Breach } from '../domain/breach/entity.js';
import type { Role } from '../domain/deadline.js';
import {
  declareQuestion,
  GDPR_REGIME_ID,
  regimeReminderPlans,
  regimeStream,
  wantsReminders,
  type RegimeStream,
} from '../domain/regimes/breach-regimes.js';
import type { StageClock } from '../domain/regimes/clocks.js';
import {
  answerOf,
  applyDecision,
  checkDecisionForm,
  declinedClocks,
  decisionQuestions,
  readRegimeAnswers,
  regimesAfterDecision,
  storedRequest,
  type Answer,
  type DecisionFormInput,
  type DecisionNote,
  type DecisionQuestions,
} from '../domain/regimes/decisions.js';
import { REGIMES } from '../domain/regimes/index.js';
import { getBreach } from '../store/breaches.js';
import { recordRegimeDecisions, type DecisionChange } from '../store/regime-decisions.js';
import { asRecorded, listRegimeStages } from '../store/regime-stages.js';
import { getOrgSettings, getReminderSchedule } from '../store/settings.js';
import { clocksOf, conditionsOf, type RegimeContext } from './regimes.js';

/*
 * The regime decisions after the declaration (issue 16), for the Slack side: what the card shows
 * of them, what the form is pre-filled with, and recording a submitted form (the breach's regimes
 * re-derived, the reminder streams stopped or started, all before Slack is told). Plain data only.
 */

const utc = (d: Date) => DateTime.fromJSDate(d, { zone: 'utc' });

/** What the card and the form show of the decisions about one regime (NIS2). */
export interface RegimeDecisionsView {
  breach: { id: string; reference: string; awareAt: DateTime };
  regime: { id: string; name: string };
  applies: boolean;
  /** `not_asked`: declared before the organisation was a NIS2 entity, and not decided since. */
  significant: Answer | 'not_asked';
  /** The decision on significance made after the declaration, if one was. */
  significance: DecisionNote | null;
  condition: { question: string; stageName: string; ifFalse: string; answer: Answer; decided: DecisionNote | null } | null;
  onRequest: { stageName: string; request: { at: DateTime; dueAt: DateTime | null } | null; recorded: boolean } | null;
  /** The stages of the regime when it was decided not to apply, each not applicable with why. */
  declinedClocks: StageClock[];
  nowSeconds: number;
}

/** The regimes the settings make depend on the significance question (the NIS2 act), other than the GDPR's. */
async function concernedRegimes(ctx: Pick<RegimeContext, 'db' | 'config'>): Promise<string[]> {
  const q = declareQuestion((await getOrgSettings(ctx.db, ctx.config)).regimes);
  return (q?.regimeIds ?? []).filter((id) => id !== GDPR_REGIME_ID && REGIMES.get(id));
}

/**
 * The decisions about the breach's regimes, or null when the organisation's settings ask nothing
 * (not a NIS2 entity): then there is nothing to decide.
 */
export async function regimeDecisions(ctx: Pick<RegimeContext, 'db' | 'config'>, breach: Breach, now: DateTime): Promise<RegimeDecisionsView | null> {
  const [id] = await concernedRegimes(ctx);
  const regime = id ? REGIMES.get(id) : undefined;
  if (!regime) return null;
  const awareAt = utc(breach.awareAt);
  const answers = readRegimeAnswers(breach.regimeAnswers);
  const q = decisionQuestions(regime, awareAt);
  const applies = breach.regimes.includes(regime.id);
  const significance = answers.decided?.['significantIncident'] ?? null;
  const recorded = q.onRequest ? (await listRegimeStages(ctx.db, breach.id)).some((r) => r.regime === regime.id && r.stage === q.onRequest!.id) : false;
  const request = storedRequest(answers, q);
  const why = significance?.justification
    ? 'Decided not a significant incident (the reason is under the NIS2 decisions).'
    : answers.significantIncident === false
      ? 'The reporter said it is not a significant incident.'
      : 'Not asked when it was declared (the organisation was not yet set up as a NIS2 entity): not applicable until someone decides.';
  return {
    breach: { id: breach.id, reference: breach.reference, awareAt },
    regime: { id: regime.id, name: regime.name.en },
    applies,
    significant: !applies && answers.significantIncident !== false ? 'not_asked' : answerOf(answers.significantIncident),
    significance,
    condition: q.condition
      ? {
          question: 'Is the incident likely to adversely affect the provision of our services?',
          stageName: q.condition.stage.name.en,
          ifFalse: q.condition.ifFalse,
          answer: answerOf(answers.conditions?.[q.condition.name]),
          decided: answers.decided?.[q.condition.name] ?? null,
        }
      : null,
    onRequest: q.onRequest
      ? {
          stageName: q.onRequest.name.en,
          request: request ? { at: DateTime.fromISO(request.at, { zone: 'utc' }), dueAt: request.dueAt ? DateTime.fromISO(request.dueAt, { zone: 'utc' }) : null } : null,
          recorded,
        }
      : null,
    declinedClocks: applies ? [] : declinedClocks(regime, { awareAt, role: breach.role as Role, now }, why),
    nowSeconds: Math.floor(now.toSeconds()),
  };
}

export type DecisionsCheck = { ok: true; breach: Breach; view: RegimeDecisionsView } | { ok: false; message: string };

/** Whether the decisions can be recorded for this breach now (who may is the access guard's). */
export async function checkRegimeDecisions(ctx: RegimeContext, breachId: string): Promise<DecisionsCheck> {
  const breach = await getBreach(ctx.db, breachId);
  if (!breach) return { ok: false, message: 'That breach no longer exists.' };
  if (breach.closedAt) return { ok: false, message: `${breach.reference} is closed: its decisions are part of the record and can no longer change.` };
  const view = await regimeDecisions(ctx, breach, ctx.clock.now());
  if (!view) return { ok: false, message: 'The organisation is not set up as a NIS2 entity: there is nothing to decide.' };
  return { ok: true, breach, view };
}

export interface DecisionsOutcome {
  breach: Breach;
  actor: string;
  duplicate: boolean;
  changed: string[];
  view: RegimeDecisionsView;
  /** The clocks after the decision (the regime's), for the channel's message. */
  clocks: StageClock[];
}

export type DecisionsResult = { ok: true; outcome: DecisionsOutcome } | { ok: false; errors: Record<string, string> };

/**
 * Validates the form (errors at the field) and records what changed: the answers, the regimes that
 * apply, the streams of the stages that stop or start. Only the database is touched, so the
 * submission can call this before its ack.
 */
export async function recordDecisionsFromForm(
  ctx: RegimeContext,
  s: { breachId: string; userId: string; form: DecisionFormInput; submission: string },
): Promise<DecisionsResult> {
  const allowed = await checkRegimeDecisions(ctx, s.breachId);
  if (!allowed.ok) return { ok: false, errors: { significant: allowed.message } };
  const r = { ...s, breach: allowed.breach };
  const now = ctx.clock.now();
  const [concernedIds, rows, gdpr, schedule] = await Promise.all([
    concernedRegimes(ctx),
    listRegimeStages(ctx.db, r.breach.id),
    conditionsOf(ctx.db, r.breach.id),
    getReminderSchedule(ctx.db, ctx.config),
  ]);
  const regime = concernedIds[0] ? REGIMES.get(concernedIds[0]) : undefined;
  if (!regime) return { ok: false, errors: { significant: 'The organisation is not set up as a NIS2 entity: there is nothing to decide.' } };
  const awareAt = utc(r.breach.awareAt);
  const q = decisionQuestions(regime, awareAt);
  const recorded = asRecorded(rows);
  const onRequestRecorded = Boolean(q.onRequest && recorded.some((x) => x.regime === regime.id && x.stage === q.onRequest!.id));
  const check = checkDecisionForm(r.form, {
    now,
    awareAt,
    zone: ctx.config.timezone,
    questions: q,
    answers: readRegimeAnswers(r.breach.regimeAnswers),
    onRequestRecorded,
  });
  if (!check.ok) return { ok: false, errors: check.errors as Record<string, string> };

  const res = await recordRegimeDecisions(ctx.db, {
    breachId: r.breach.id,
    actor: r.userId,
    now,
    submission: r.submission,
    decide: (breach) => decide(breach, { q, value: check.value, concernedIds, recorded, gdpr, schedule, actor: r.userId, now }),
  });
  if (!res.ok) {
    return { ok: false, errors: { significant: res.why === 'closed' ? 'The breach was closed meanwhile: nothing was recorded.' : 'That breach no longer exists.' } };
  }
  const view = (await regimeDecisions(ctx, res.breach, now))!;
  const clocks = clocksOf(res.breach, recorded, gdpr, now).filter((c) => c.regime === regime.id);
  return { ok: true, outcome: { breach: res.breach, actor: r.userId, duplicate: res.duplicate, changed: res.changed, view, clocks } };
}

type Decide = {
  q: DecisionQuestions;
  value: Parameters<typeof applyDecision>[1];
  concernedIds: string[];
  recorded: ReturnType<typeof asRecorded>;
  gdpr: Record<string, boolean | null>;
  schedule: Awaited<ReturnType<typeof getReminderSchedule>>;
  actor: string;
  now: DateTime;
};

/** Under the breach's lock: the new answers and regimes, and which streams stop and which start. */
function decide(breach: Breach, d: Decide): DecisionChange {
  const before = readRegimeAnswers(breach.regimeAnswers);
  const { after, changed } = applyDecision(before, d.value, d.q, { actor: d.actor, now: d.now });
  if (changed.length === 0) return 'unchanged';
  const regimes = regimesAfterDecision(breach.regimes, d.concernedIds, after.significantIncident ?? null);
  const next: Breach = { ...breach, regimes, regimeAnswers: after };
  const clocksBefore = clocksOf(breach, d.recorded, d.gdpr, d.now);
  const clocksAfter = clocksOf(next, d.recorded, d.gdpr, d.now);
  const wanted = (clocks: StageClock[]) => new Map(clocks.filter(wantsReminders).map((c) => [regimeStream(c.regime, c.stage), c.dueAt!.toMillis()]));
  const was = wanted(clocksBefore);
  const will = wanted(clocksAfter);
  const cancel: RegimeStream[] = [...was.keys()].filter((s) => will.get(s) !== was.get(s));
  const start = new Set([...will.keys()].filter((s) => was.get(s) !== will.get(s)));
  const plan = regimeReminderPlans(clocksAfter, {
    awareAt: utc(breach.awareAt),
    schedule: d.schedule,
    now: d.now,
    only: (c) => start.has(regimeStream(c.regime, c.stage)),
  });
  return { answers: after, regimes, changed, cancel, plan };
}

/** The form's values as the modal pre-fills them. */
export const formAnswers = (v: RegimeDecisionsView) => ({
  significant: v.significant === 'not_asked' ? null : v.significant,
  justification: v.significance?.justification ?? null,
  condition: v.condition?.answer ?? null,
  requestedAt: v.onRequest?.request ? Math.floor(v.onRequest.request.at.toSeconds()) : null,
  requestDueAt: v.onRequest?.request?.dueAt ? Math.floor(v.onRequest.request.dueAt.toSeconds()) : null,
});
