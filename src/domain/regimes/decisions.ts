import { DateTime } from 'luxon';
import { z } from 'zod';
import { JUSTIFICATION_MAX, JUSTIFICATION_MIN } from '../decision.js';
import { checkWhen, type Check, type RecordingContext } from '../notification-form.js';
import { GDPR_REGIME_ID, otherRegimeClocks } from './breach-regimes.js';
import { clocksFor, ruleSetFor, type RecordedStage, type StageClock, type StageRequest } from './clocks.js';
import { REGIMES } from './index.js';
import type { Role } from '../deadline.js';
import type { DeclareAnswers, RegimeProfile, Stage } from './types.js';

/*
 * The regime decisions a team makes after declaring (issue 16): whether the incident is a
 * significant one after all (the Declare modal's question, answered again, with a justification for
 * "no"), the conditions a stage waits for that are the team's to decide (NIS2 § 15: is the incident
 * likely to affect our services?), and an authority's request for an on-request stage (NIS2's
 * intermediate report). Stored on the breach's `regime_answers`; every change is an event with the
 * values before and after. Pure: the flow reads and writes, this maps and validates.
 */

/** Conditions that come from the GDPR decision (flows/regimes.ts), not from this form. */
const GDPR_DECISION_CONDITIONS: ReadonlySet<string> = new Set(['risk', 'high_risk']);

export interface DecisionNote {
  by: string;
  /** ISO, UTC. */
  at: string;
  justification: string | null;
}

export interface StoredRequest {
  regime: string;
  stage: string;
  /** ISO, UTC: when the authority asked. */
  at: string;
  /** ISO, UTC: the time the authority gave, if it gave one. */
  dueAt: string | null;
  by: string;
}

/** What `breaches.regime_answers` holds: the Declare answers, then the decisions made since. */
export interface RegimeAnswers extends DeclareAnswers {
  /** Stage conditions the team decided, by the name in `Stage.onlyIf` (`services_affected`). */
  conditions?: Record<string, boolean | null>;
  /** Who decided what after the declaration: `significantIncident` or a condition name. */
  decided?: Record<string, DecisionNote>;
  requests?: StoredRequest[];
}

const tri = z.boolean().nullable().optional();
const answersSchema = z
  .object({
    personalData: tri,
    significantIncident: tri,
    conditions: z.record(z.string(), z.boolean().nullable()).optional(),
    decided: z.record(z.string(), z.object({ by: z.string(), at: z.string(), justification: z.string().nullable() })).optional(),
    requests: z
      .array(z.object({ regime: z.string(), stage: z.string(), at: z.string(), dueAt: z.string().nullable(), by: z.string() }))
      .optional(),
  })
  .passthrough();

/** The stored answers; a value that does not read is taken as no answers (the clocks then run). */
export function readRegimeAnswers(raw: unknown): RegimeAnswers {
  const parsed = answersSchema.safeParse(raw ?? {});
  return parsed.success ? (parsed.data as RegimeAnswers) : {};
}

const iso = (s: string) => DateTime.fromISO(s, { zone: 'utc' });

/** The answers as `clocksFor` takes them: the decided conditions, and the authorities' requests. */
export function decisionClockInputs(answers: RegimeAnswers): { conditions: Record<string, boolean | null>; requests: StageRequest[] } {
  const conditions: Record<string, boolean | null> = {};
  for (const [name, v] of Object.entries(answers.conditions ?? {})) if (!GDPR_DECISION_CONDITIONS.has(name)) conditions[name] = v;
  const requests = (answers.requests ?? []).map((r) => ({ regime: r.regime, stage: r.stage, at: iso(r.at), dueAt: r.dueAt ? iso(r.dueAt) : null }));
  return { conditions, requests };
}

/** What a breach's regime clocks are counted from (the card's, the reminders', the register's). */
export interface BreachRegimeFacts {
  regimes: readonly string[];
  awareAt: DateTime;
  role: Role;
  processorHours: number | null;
  /** The stored answers (`breaches.regime_answers`): the team's decisions and the authorities' requests. */
  regimeAnswers: unknown;
}

/**
 * Every clock of the breach's regimes other than the GDPR's: `gdprConditions` are the GDPR
 * decision's (`risk`, `high_risk`, which win), the team's own decisions and the authorities'
 * requests come from the stored answers.
 */
export function breachRegimeClocks(
  b: BreachRegimeFacts,
  recorded: readonly RecordedStage[],
  gdprConditions: Readonly<Record<string, boolean | null>>,
  now: DateTime,
): StageClock[] {
  const decided = decisionClockInputs(readRegimeAnswers(b.regimeAnswers));
  const { regimeAnswers: _answers, ...clock } = b;
  return otherRegimeClocks({ ...clock, recorded, conditions: { ...decided.conditions, ...gdprConditions }, requests: decided.requests, now });
}

/** What the decisions form asks for a regime, read from its profile. */
export interface DecisionQuestions {
  regime: RegimeProfile;
  /** A stage that waits for a decision of the team (NIS2's notice to our service recipients). */
  condition: { name: string; stage: Stage; ifFalse: string } | null;
  /** A stage that runs only when the authority asks (NIS2's intermediate report). */
  onRequest: Stage | null;
}

export function decisionQuestions(regime: RegimeProfile, awareAt: DateTime): DecisionQuestions {
  const stages = ruleSetFor(regime, awareAt)?.stages ?? [];
  const cond = stages.find((s) => s.onlyIf && !GDPR_DECISION_CONDITIONS.has(s.onlyIf.condition));
  const onRequest = stages.find((s) => Object.values(s.byRole).some((d) => d?.from === 'request')) ?? null;
  return {
    regime,
    condition: cond?.onlyIf ? { name: cond.onlyIf.condition, stage: cond, ifFalse: cond.onlyIf.ifFalse } : null,
    onRequest,
  };
}

export type Answer = 'yes' | 'no' | 'unknown';
const ANSWER: Record<Answer, boolean | null> = { yes: true, no: false, unknown: null };
export const answerOf = (v: boolean | null | undefined): Answer => (v === true ? 'yes' : v === false ? 'no' : 'unknown');

export interface DecisionFormInput {
  significant: string | null;
  justification: string | null;
  condition: string | null;
  /** Unix seconds: when the authority asked for the on-request stage; null when it has not. */
  requestedAt: number | null;
  requestDueAt: number | null;
}
export type DecisionField = keyof DecisionFormInput;

export interface DecisionValue {
  significantIncident: boolean | null;
  justification: string | null;
  condition: boolean | null;
  request: { at: DateTime; dueAt: DateTime | null } | null;
}

export interface DecisionContext extends RecordingContext {
  questions: DecisionQuestions;
  answers: RegimeAnswers;
  /** Whether the on-request stage is recorded already: its request can no longer change. */
  onRequestRecorded: boolean;
}

/** The form checked, each problem at its field. */
export function checkDecisionForm(input: DecisionFormInput, ctx: DecisionContext): Check<DecisionValue, DecisionField> {
  const errors: Partial<Record<DecisionField, string>> = {};
  const significant = input.significant as Answer | null;
  if (!significant || !(significant in ANSWER)) errors.significant = 'Choose whether it is a significant incident.';
  const justification = (input.justification ?? '').trim();
  if (significant === 'no' && justification.length < JUSTIFICATION_MIN) {
    errors.justification = `Write why it is not a significant incident, in at least ${JUSTIFICATION_MIN} characters: the decision stops the NIS2 clocks and goes into the record.`;
  } else if (justification.length > JUSTIFICATION_MAX) {
    errors.justification = `Keep the justification under ${JUSTIFICATION_MAX} characters.`;
  }
  const condition = input.condition as Answer | null;
  if (ctx.questions.condition && (!condition || !(condition in ANSWER))) errors.condition = 'Choose yes, no or not decided yet.';

  let request: DecisionValue['request'] = null;
  const stored = storedRequest(ctx.answers, ctx.questions);
  if (ctx.questions.onRequest) {
    if (input.requestedAt === null && input.requestDueAt !== null) errors.requestedAt = 'Give when the authority asked, or leave both empty.';
    else if (input.requestedAt !== null) {
      const when = checkWhen(input.requestedAt, ctx, 'the authority asked');
      if ('error' in when) errors.requestedAt = when.error.replace('record it once it has been sent', 'record it once it has been asked');
      else {
        const dueAt = input.requestDueAt === null ? null : DateTime.fromSeconds(input.requestDueAt, { zone: 'utc' });
        if (dueAt && dueAt <= when.at) errors.requestDueAt = 'The time the authority gave must be after it asked.';
        else request = { at: when.at, dueAt };
      }
    }
    const changed = (request?.at.toMillis() ?? null) !== (stored ? iso(stored.at).toMillis() : null)
      || (request?.dueAt?.toMillis() ?? null) !== (stored?.dueAt ? iso(stored.dueAt).toMillis() : null);
    if (ctx.onRequestRecorded && changed && !errors.requestedAt && !errors.requestDueAt) {
      errors.requestedAt = 'The report is recorded already: the request it answered can no longer change.';
    }
  }
  if (Object.keys(errors).length > 0 || !significant) return { ok: false, errors };
  return {
    ok: true,
    value: {
      significantIncident: ANSWER[significant],
      justification: significant === 'no' ? justification : null,
      condition: ctx.questions.condition ? ANSWER[condition as Answer] : null,
      request,
    },
  };
}

export function storedRequest(answers: RegimeAnswers, q: DecisionQuestions): StoredRequest | null {
  if (!q.onRequest) return null;
  return (answers.requests ?? []).find((r) => r.regime === q.regime.id && r.stage === q.onRequest!.id) ?? null;
}

export interface AppliedDecision {
  after: RegimeAnswers;
  /** What changed: `significantIncident`, the condition's name, `request`. Empty: nothing to write. */
  changed: string[];
}

/** The answers after the decision, and what changed. A decision equal to what is stored changes nothing. */
export function applyDecision(before: RegimeAnswers, v: DecisionValue, q: DecisionQuestions, by: { actor: string; now: DateTime }): AppliedDecision {
  const after: RegimeAnswers = structuredClone(before);
  const changed: string[] = [];
  const note = (justification: string | null): DecisionNote => ({ by: by.actor, at: by.now.toUTC().toISO()!, justification });
  const prevSignificant = before.significantIncident ?? null;
  const prevJustification = before.decided?.['significantIncident']?.justification ?? null;
  if (prevSignificant !== v.significantIncident || (v.significantIncident === false && prevJustification !== v.justification)) {
    after.significantIncident = v.significantIncident;
    after.decided = { ...after.decided, significantIncident: note(v.justification) };
    changed.push('significantIncident');
  }
  if (q.condition && (before.conditions?.[q.condition.name] ?? null) !== v.condition) {
    after.conditions = { ...after.conditions, [q.condition.name]: v.condition };
    after.decided = { ...after.decided, [q.condition.name]: note(null) };
    changed.push(q.condition.name);
  }
  if (q.onRequest) {
    const prev = storedRequest(before, q);
    const next: StoredRequest | null = v.request
      ? { regime: q.regime.id, stage: q.onRequest.id, at: v.request.at.toUTC().toISO()!, dueAt: v.request.dueAt?.toUTC().toISO() ?? null, by: by.actor }
      : null;
    if ((prev?.at ?? null) !== (next?.at ?? null) || (prev?.dueAt ?? null) !== (next?.dueAt ?? null)) {
      const others = (before.requests ?? []).filter((r) => r !== prev);
      after.requests = next ? [...others, next] : others;
      changed.push('request');
    }
  }
  return { after, changed };
}

/**
 * The breach's regime ids after the significance decision: the regimes the question is about are
 * in unless the answer is no (not known yet runs the clocks, as at the declaration), the others
 * stay as they are; registry order, the GDPR's always kept.
 */
export function regimesAfterDecision(current: readonly string[], concerned: readonly string[], significant: boolean | null): string[] {
  const keep = new Set(current.filter((id) => !concerned.includes(id)));
  if (significant !== false) for (const id of concerned) keep.add(id);
  keep.add(GDPR_REGIME_ID);
  const known = REGIMES.all.map((r) => r.id).filter((id) => keep.has(id));
  return [...known, ...[...keep].filter((id) => !known.includes(id))];
}

/**
 * The clocks of a regime decided not to apply, every stage not applicable with why: the card shows
 * them so the decision stays visible (and can be changed).
 */
export function declinedClocks(regime: RegimeProfile, input: { awareAt: DateTime; role: Role; now: DateTime }, why: string): StageClock[] {
  return clocksFor({ regimes: [regime], awareAt: input.awareAt, role: input.role, now: input.now }).map((c) => ({
    ...c,
    dueAt: null,
    provisional: false,
    status: 'not_applicable' as const,
    recordedAt: null,
    note: why,
  }));
}
