import { and, asc, eq } from 'drizzle-orm';
import { DateTime } from 'luxon';
import type { Db } from '../db/client.js';
import { regimeStages } from '../db/schema.js';
import type { RecordedStage } from '../domain/regimes/clocks.js';
import type { StreamPlan } from '../domain/regimes/breach-regimes.js';
import { regimeStream } from '../domain/regimes/breach-regimes.js';
import type { Breach } from '../domain/breach/entity.js';
import { eventOfSubmission, withOpenBreach, type LockRefusal } from './breach-lock.js';
import type { Tx } from './breaches.js';
import { appendEvent } from './events.js';
import { cancelStream, scheduleReminders, type DbExecutor } from './reminders.js';

/*
 * Recorded stages of the regimes other than the GDPR (NIS2's early warning, incident notification,
 * final report; the report to the ICO). Each recording is one transaction under the breach's lock:
 * the row, the stage's reminder stream stopped, the streams of the stages counted from it started,
 * and the event row. A modal submission delivered twice records once.
 */

export type RegimeStageRow = typeof regimeStages.$inferSelect;

export const REGIME_STAGE_EVENT = 'regime_stage_recorded';

export async function listRegimeStages(db: Pick<DbExecutor, 'select'>, breachId: string): Promise<RegimeStageRow[]> {
  return db.select().from(regimeStages).where(eq(regimeStages.breachId, breachId)).orderBy(asc(regimeStages.doneAt));
}

/** The recorded stages as the clocks take them. */
export const asRecorded = (rows: readonly RegimeStageRow[]): RecordedStage[] =>
  rows.map((r) => ({ regime: r.regime, stage: r.stage, at: DateTime.fromJSDate(r.doneAt, { zone: 'utc' }) }));

/**
 * Plans the streams of the stages that now have a fixed due time; called under the lock
 * with the breach and every recorded stage including the new one.
 */
export type PlanAfterRecording = (breach: Breach, recorded: RecordedStage[]) => StreamPlan[];

export interface StageRecording {
  breachId: string;
  actor: string;
  now: DateTime;
  /** The modal's view id: the same submission delivered twice records once. */
  submission: string;
  regime: string;
  stage: string;
  doneAt: DateTime;
  reference: string | null;
  /** For the audit trail and the timeline, in words: "NIS2 (Denmark)", "Early warning". */
  names: { regime: string; stage: string };
  plan: PlanAfterRecording;
}

export type StageRecorded = {
  ok: true;
  breach: Breach;
  row: RegimeStageRow;
  /** This submission had been recorded already: nothing new was written. */
  duplicate: boolean;
  cancelled: string[];
  scheduled: string[];
};

export type StageNotRecorded = LockRefusal | { ok: false; why: 'already_recorded'; breach: Breach; row: RegimeStageRow };

/** The stage an earlier delivery of this submission recorded, if any (a replay is answered with it). */
export async function stageOfSubmission(db: Db, submission: string): Promise<RegimeStageRow | null> {
  const seen = await eventOfSubmission(db, REGIME_STAGE_EVENT, submission);
  if (!seen) return null;
  const [row] = await db.select().from(regimeStages).where(eq(regimeStages.id, String(seen['rowId'])));
  return row ?? null;
}

export async function recordRegimeStage(db: Db, r: StageRecording): Promise<StageRecorded | StageNotRecorded> {
  return withOpenBreach(db, r.breachId, async (tx, breach) => {
    const seen = await eventOfSubmission(tx, REGIME_STAGE_EVENT, r.submission);
    if (seen) {
      const [row] = await tx.select().from(regimeStages).where(eq(regimeStages.id, String(seen['rowId'])));
      return { ok: true, breach, row: row!, duplicate: true, cancelled: [], scheduled: [] } as const;
    }
    const [existing] = await tx
      .select()
      .from(regimeStages)
      .where(and(eq(regimeStages.breachId, breach.id), eq(regimeStages.regime, r.regime), eq(regimeStages.stage, r.stage)));
    if (existing) return { ok: false, why: 'already_recorded', breach, row: existing } as const;
    const [row] = await tx
      .insert(regimeStages)
      .values({
        breachId: breach.id,
        regime: r.regime,
        stage: r.stage,
        doneAt: r.doneAt.toJSDate(),
        externalReference: r.reference,
        recordedBy: r.actor,
        createdAt: r.now.toJSDate(),
      })
      .returning();
    const cancelled = await cancelStream(tx, breach.id, regimeStream(r.regime, r.stage), { actor: r.actor, at: r.now, reason: 'recorded' });
    const recorded = asRecorded(await listRegimeStages(tx, breach.id));
    const scheduled = await schedulePlans(tx, breach.id, r.plan(breach, recorded));
    await appendEvent(tx, {
      breachId: breach.id,
      actor: r.actor,
      type: REGIME_STAGE_EVENT,
      data: {
        submission: r.submission,
        rowId: row!.id,
        regime: r.regime,
        stage: r.stage,
        regimeName: r.names.regime,
        stageName: r.names.stage,
        doneAt: row!.doneAt.toISOString(),
        reference: r.reference,
        reminders: { cancelled, scheduled },
      },
      at: r.now.toJSDate(),
    });
    return { ok: true, breach, row: row!, duplicate: false, cancelled, scheduled } as const;
  });
}

/** Stores each stream's planned reminders; keys already stored are left alone. Returns the keys written. */
export async function schedulePlans(tx: Pick<Tx, 'insert'>, breachId: string, plans: readonly StreamPlan[]): Promise<string[]> {
  const keys: string[] = [];
  for (const p of plans) {
    await scheduleReminders(tx, breachId, p.planned, p.stream);
    keys.push(...p.planned.map((x) => x.key));
  }
  return keys;
}
