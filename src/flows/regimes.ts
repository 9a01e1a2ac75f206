import { DateTime } from 'luxon';
import type { Config } from '../config.js';
import type { Db } from '../db/client.js';
import type { Clock } from '../domain/clock.js';
import type { Role } from '../domain/deadline.js';
import type { Breach } from '../domain/breach/entity.js';
import type { ReminderSchedule } from '../domain/reminder-plan.js';
import {
  countsFrom,
  declareQuestion,
  GDPR_REGIME_ID,
  regimeReminderPlans,
  type DeclareQuestion,
} from '../domain/regimes/breach-regimes.js';
import type { RecordedStage, StageClock } from '../domain/regimes/clocks.js';
import { breachRegimeClocks } from '../domain/regimes/decisions.js';
import { REGIMES } from '../domain/regimes/index.js';
import { checkStageForm, stagesToRecord, type StageFormInput } from '../domain/regimes/stage-form.js';
import { getBreach, type Tx } from '../store/breaches.js';
import { currentDecision } from '../store/decisions.js';
import { asRecorded, listRegimeStages, recordRegimeStage, schedulePlans, stageOfSubmission, type RegimeStageRow } from '../store/regime-stages.js';
import { getOrgSettings, getReminderSchedule } from '../store/settings.js';

/*
 * The reporting regimes of a breach beyond the GDPR (issue 16), for the Slack side: the question the
 * Declare modal asks, every stage clock for the card and the reminders, and recording a stage. Plain
 * data only; src/slack renders it.
 */

export interface RegimeContext {
  db: Db;
  clock: Clock;
  config: Pick<Config, 'seeds' | 'timezone'>;
}

const utc = (d: Date) => DateTime.fromJSDate(d, { zone: 'utc' });

/** The question the Declare modal adds for the organisation's settings, or null (the default settings). */
export async function declareQuestionFor(ctx: Pick<RegimeContext, 'db' | 'config'>): Promise<DeclareQuestion | null> {
  return declareQuestion((await getOrgSettings(ctx.db, ctx.config)).regimes);
}

/** The GDPR decision as the GDPR-family regimes' conditions (the ICO report waits on `risk` like Datatilsynet's). */
export async function conditionsOf(db: Db, breachId: string): Promise<Record<string, boolean | null>> {
  const d = await currentDecision(db, breachId);
  if (!d) return { risk: null, high_risk: null };
  return { risk: d.notifyAuthority, high_risk: d.communicateToSubjects !== 'no' };
}

/**
 * The clocks of the breach's regimes other than the GDPR's: `conditions` are the GDPR decision's;
 * the team's own decisions and the authorities' requests come from the breach's answers (decisions.ts).
 */
export function clocksOf(breach: Breach, recorded: RecordedStage[], conditions: Record<string, boolean | null>, now: DateTime): StageClock[] {
  const { regimes, processorHours, regimeAnswers } = breach;
  return breachRegimeClocks({ regimes, awareAt: utc(breach.awareAt), role: breach.role as Role, processorHours, regimeAnswers }, recorded, conditions, now);
}

/** Every stage clock of the breach's regimes other than the GDPR's, at `now` (none for a GDPR-only breach). */
export async function regimeClocks(db: Db, breach: Breach, now: DateTime): Promise<StageClock[]> {
  if (!breach.regimes.some((id) => REGIMES.get(id) && id !== GDPR_REGIME_ID)) return [];
  const [rows, conditions] = await Promise.all([listRegimeStages(db, breach.id), conditionsOf(db, breach.id)]);
  return clocksOf(breach, asRecorded(rows), conditions, now);
}

/**
 * The reminder streams of the stages counted from awareness, written in the declaration's
 * transaction (a stage counted from another stage is planned when that one is recorded).
 */
export async function planRegimeReminders(tx: Pick<Tx, 'insert'>, breach: Breach, schedule: ReminderSchedule, now: Date): Promise<void> {
  const at = utc(now);
  const clocks = clocksOf(breach, [], {}, at);
  await schedulePlans(tx, breach.id, regimeReminderPlans(clocks, { awareAt: utc(breach.awareAt), schedule, now: at }));
}

/** What the Record a report modal offers: the stages that can be recorded now. */
export interface StageModalInput {
  breach: { id: string; reference: string };
  stages: StageClock[];
  nowSeconds: number;
}

export async function stageModalInput(ctx: RegimeContext, breach: Breach): Promise<StageModalInput> {
  const now = ctx.clock.now();
  return { breach, stages: stagesToRecord(await regimeClocks(ctx.db, breach, now)), nowSeconds: Math.floor(now.toSeconds()) };
}

export type StageCheck = { ok: true; breach: Breach } | { ok: false; message: string };

/**
 * Whether this breach can record a regime stage now (who may is the access guard's, src/slack/access/).
 * Opening the form also needs a stage left to record; a submission is checked stage by stage.
 */
export async function checkStageRecording(ctx: RegimeContext, breachId: string, opening = true): Promise<StageCheck> {
  const breach = await getBreach(ctx.db, breachId);
  if (!breach) return { ok: false, message: 'That breach no longer exists.' };
  if (breach.closedAt) return { ok: false, message: `${breach.reference} is closed: what was sent is part of the record and can no longer change.` };
  if (opening && stagesToRecord(await regimeClocks(ctx.db, breach, ctx.clock.now())).length === 0) {
    return { ok: false, message: `${breach.reference} has no report to another authority left to record.` };
  }
  return { ok: true, breach };
}

export interface StageRecordedOutcome {
  breach: Breach;
  row: RegimeStageRow;
  clock: StageClock;
  duplicate: boolean;
  /** The clocks after the recording: what the confirmation says comes next. */
  clocks: StageClock[];
}

export type StageResult = { ok: true; outcome: StageRecordedOutcome } | { ok: false; errors: Record<string, string> };

/**
 * Validates the submitted form and records the stage (errors at the field otherwise): its reminders
 * stop, and the stages counted from it get theirs (NIS2's final report, one month after the
 * incident notification). Only the database is touched, so the submission can call this before its ack.
 */
export async function recordStageFromForm(
  ctx: RegimeContext,
  r: { breach: Breach; userId: string; form: StageFormInput; submission: string },
): Promise<StageResult> {
  const now = ctx.clock.now();
  // A replayed submission (a double click, a re-delivery) finds what the first one recorded.
  const earlier = await stageOfSubmission(ctx.db, r.submission);
  if (earlier) return { ok: true, outcome: await outcomeOf(ctx.db, r.breach, earlier, true, now) };
  const clocks = await regimeClocks(ctx.db, r.breach, now);
  const awareAt = utc(r.breach.awareAt);
  const check = checkStageForm(r.form, { now, awareAt, zone: ctx.config.timezone, clocks });
  if (!check.ok) return { ok: false, errors: check.errors as Record<string, string> };
  const { clock, doneAt, reference } = check.value;
  const [schedule, conditions] = await Promise.all([getReminderSchedule(ctx.db, ctx.config), conditionsOf(ctx.db, r.breach.id)]);
  const role = r.breach.role as Role;
  const res = await recordRegimeStage(ctx.db, {
    breachId: r.breach.id,
    actor: r.userId,
    now,
    submission: r.submission,
    regime: clock.regime,
    stage: clock.stage,
    doneAt,
    reference,
    names: { regime: REGIMES.get(clock.regime)?.name.en ?? clock.regime, stage: clock.name.en },
    plan: (breach, recorded) =>
      regimeReminderPlans(clocksOf(breach, recorded, conditions, now), {
        awareAt,
        schedule,
        now,
        only: (c) => c.regime === clock.regime && countsFrom(c, role) === clock.stage,
      }),
  });
  if (!res.ok) {
    const message =
      res.why === 'closed' ? 'The breach was closed meanwhile: nothing was recorded.'
      : res.why === 'already_recorded' ? 'This report was recorded meanwhile: nothing was recorded twice.'
      : 'That breach no longer exists.';
    return { ok: false, errors: { stage: message } };
  }
  return { ok: true, outcome: await outcomeOf(ctx.db, res.breach, res.row, res.duplicate, now) };
}

async function outcomeOf(db: Db, breach: Breach, row: RegimeStageRow, duplicate: boolean, now: DateTime): Promise<StageRecordedOutcome> {
  const clocks = await regimeClocks(db, breach, now);
  const clock = clocks.find((c) => c.regime === row.regime && c.stage === row.stage)!;
  return { breach, row, clock, duplicate, clocks };
}
