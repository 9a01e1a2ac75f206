import { and, eq, inArray, like } from 'drizzle-orm';
import type { DateTime } from 'luxon';
import type { Db } from '../db/client.js';
import { breaches, reminders } from '../db/schema.js';
import { closeBlocker } from '../domain/close.js';
import { REMINDER_STREAMS } from '../domain/reminder-status.js';
import type { RegimeStream } from '../domain/regimes/breach-regimes.js';
import { loadReminderState } from './breach-state.js';
import { withOpenBreach } from './breach-lock.js';
import { appendEvent } from './events.js';
import { cancelStream } from './reminders.js';
import type { Breach } from '../domain/breach/entity.js';

export type CloseRefusal =
  | { ok: false; why: 'not_found' }
  | { ok: false; why: 'closed'; breach: Breach }
  | { ok: false; why: 'incomplete'; breach: Breach; missing: string };

export interface Closed {
  ok: true;
  breach: Breach;
  /** Reminder keys cancelled, per stream that had any. */
  cancelled: Record<string, string[]>;
}

/** Whether the breach can be closed now, read without locking (before a modal opens). */
export async function closability(db: Db, breachId: string, breach?: Breach): Promise<{ ok: true; breach: Breach } | CloseRefusal> {
  const [row] = breach ? [breach] : await db.select().from(breaches).where(eq(breaches.id, breachId));
  if (!row) return { ok: false, why: 'not_found' };
  if (row.closedAt) return { ok: false, why: 'closed', breach: row };
  const state = await loadReminderState(db, row.id);
  const missing = state ? closeBlocker(state) : 'record the notification, or a decision that none is needed, first';
  return missing ? { ok: false, why: 'incomplete', breach: row, missing } : { ok: true, breach: row };
}

/**
 * Closes a breach: closed_at/by/reason and status, every reminder stream cancelled, and the event
 * with before and after, all in one transaction under the breach's lock (the order every writer
 * uses). The rules are checked again under the lock, so a decision changed meanwhile is seen, and
 * two closes at once close it once.
 */
export async function closeBreachRecord(
  db: Db,
  c: { breachId: string; closedBy: string; note: string; now: DateTime },
): Promise<Closed | CloseRefusal> {
  const res = await withOpenBreach(db, c.breachId, async (tx, locked): Promise<Closed | CloseRefusal> => {
    // The snapshot reads only select(); under the lock no decision or notification can land meanwhile.
    const check = await closability(tx as unknown as Db, c.breachId, locked);
    if (!check.ok) return check;
    const at = c.now.toJSDate();
    const [after] = await tx
      .update(breaches)
      .set({ closedAt: at, closedBy: c.closedBy, closeReason: c.note, status: 'closed', updatedAt: at })
      .where(eq(breaches.id, c.breachId))
      .returning();
    await appendEvent(tx, {
      breachId: c.breachId,
      actor: c.closedBy,
      type: 'breach_closed',
      data: {
        note: c.note,
        before: { status: locked.status, closedAt: null },
        after: { status: 'closed', closedAt: at.toISOString() },
      },
      at,
    });
    // After the close event, so the timeline reads "closed", then "reminders stopped (closed)".
    const cancelled: Record<string, string[]> = {};
    // The streams of other regimes' stages (`nis2-dk:early_warning`, issue 16) that still have reminders to post.
    const regimeStreams = await tx
      .selectDistinct({ stream: reminders.stream })
      .from(reminders)
      .where(and(eq(reminders.breachId, c.breachId), like(reminders.stream, '%:%'), inArray(reminders.status, ['pending', 'claimed'])));
    for (const stream of [...REMINDER_STREAMS, ...regimeStreams.map((r) => r.stream as RegimeStream).sort()]) {
      const keys = await cancelStream(tx, c.breachId, stream, { actor: c.closedBy, at: c.now, reason: 'closed' });
      if (keys.length) cancelled[stream] = keys;
    }
    return { ok: true, breach: after!, cancelled } as const;
  });
  // Closed meanwhile (a double submit, two people at once): say so, with who closed it.
  if (!res.ok && res.why === 'closed') return { ok: false, why: 'closed', breach: res.breach! };
  return res as Closed | CloseRefusal;
}
