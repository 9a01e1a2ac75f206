import { and, eq, isNull } from 'drizzle-orm';
import type { DateTime } from 'luxon';
import type { Db } from '../db/client.js';
import { breaches, reminders } from '../db/schema.js';
import type { Breach } from '../domain/breach/entity.js';
import type { RegimeStream, StreamPlan } from '../domain/regimes/breach-regimes.js';
import type { RegimeAnswers } from '../domain/regimes/decisions.js';
import { eventOfSubmission, withOpenBreach, type LockRefusal } from './breach-lock.js';
import type { Tx } from './breaches.js';
import { appendEvent } from './events.js';
import { cancelStream, scheduleReminders } from './reminders.js';

/*
 * The regime decisions made after the declaration (issue 16): the breach's `regimes` and
 * `regime_answers` change in one transaction under the breach's lock, with the reminder streams
 * that stop or start, and a `regime_decisions_recorded` event holding the values before and after.
 * A modal submission delivered twice records once.
 */

export const REGIME_DECISION_EVENT = 'regime_decisions_recorded';

/** What the flow decided from the breach as read under the lock; `unchanged` writes nothing. */
export type DecisionChange =
  | 'unchanged'
  | {
      answers: RegimeAnswers;
      regimes: string[];
      changed: string[];
      /** Streams to stop, and streams to plan (a stream stopped earlier starts again). */
      cancel: RegimeStream[];
      plan: StreamPlan[];
    };

export type DecisionsRecorded = {
  ok: true;
  breach: Breach;
  duplicate: boolean;
  changed: string[];
  cancelled: string[];
  scheduled: string[];
};

export async function recordRegimeDecisions(
  db: Db,
  r: { breachId: string; actor: string; now: DateTime; submission: string; decide: (breach: Breach) => DecisionChange },
): Promise<DecisionsRecorded | LockRefusal> {
  return withOpenBreach(db, r.breachId, async (tx, breach) => {
    const seen = await eventOfSubmission(tx, REGIME_DECISION_EVENT, r.submission);
    if (seen) return { ok: true, breach, duplicate: true, changed: (seen['changed'] as string[]) ?? [], cancelled: [], scheduled: [] } as const;
    const change = r.decide(breach);
    if (change === 'unchanged') return { ok: true, breach, duplicate: false, changed: [], cancelled: [], scheduled: [] } as const;
    const at = r.now.toJSDate();
    const [after] = await tx
      .update(breaches)
      .set({ regimes: change.regimes, regimeAnswers: change.answers, updatedAt: at })
      .where(eq(breaches.id, breach.id))
      .returning();
    const cancelled: string[] = [];
    for (const stream of change.cancel) cancelled.push(...(await cancelStream(tx, breach.id, stream, { actor: r.actor, at: r.now, reason: 'regime_decision' })));
    const scheduled = await replanStreams(tx, breach.id, change.plan);
    await appendEvent(tx, {
      breachId: breach.id,
      actor: r.actor,
      type: REGIME_DECISION_EVENT,
      data: {
        submission: r.submission,
        changed: change.changed,
        before: { regimes: breach.regimes, answers: breach.regimeAnswers },
        after: { regimes: change.regimes, answers: change.answers },
        reminders: { cancelled, scheduled },
      },
      at,
    });
    return { ok: true, breach: after!, duplicate: false, changed: change.changed, cancelled, scheduled } as const;
  });
}

/**
 * Plans each stream's reminders. Keys are unique per breach, so a key already stored is not added
 * again: one posted (or skipped) stays as it was and never comes twice; one cancelled before it was
 * claimed (the stream stopped by an earlier decision) is pending again, due when the new plan says.
 * Returns the keys planned or started again.
 */
export async function replanStreams(tx: Pick<Tx, 'insert' | 'update'>, breachId: string, plans: readonly StreamPlan[]): Promise<string[]> {
  const keys: string[] = [];
  for (const p of plans) {
    await scheduleReminders(tx, breachId, p.planned, p.stream);
    for (const planned of p.planned) {
      await tx
        .update(reminders)
        .set({ status: 'pending', kind: planned.kind, dueAt: planned.dueAt.toJSDate(), retryAt: null, lastError: null })
        .where(
          and(
            eq(reminders.breachId, breachId),
            eq(reminders.key, planned.key),
            eq(reminders.status, 'cancelled'),
            isNull(reminders.postedAt),
            isNull(reminders.claimedBy),
          ),
        );
      keys.push(planned.key);
    }
  }
  return keys;
}
