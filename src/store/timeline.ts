import { asc, eq } from 'drizzle-orm';
import type { DateTime } from 'luxon';
import type { Db } from '../db/client.js';
import { breachEvents } from '../db/schema.js';
import type { StoredEvent } from '../domain/timeline/event.js';
import { eventOfSubmission, withOpenBreach, type LockRefusal } from './breach-lock.js';
import { appendEvent } from './events.js';
import type { Assert, Same } from './same-shape.js';
import type { Breach } from '../domain/breach/entity.js';

/** An event row is the domain's StoredEvent, field for field: this stops the build when they drift. */
type EventRowIsTheEntity = Assert<Same<typeof breachEvents.$inferSelect, StoredEvent>>;

/** A breach's audit trail in the order it was recorded. */
export async function breachTimeline(db: Pick<Db, 'select'>, breachId: string): Promise<StoredEvent[]> {
  return db.select().from(breachEvents).where(eq(breachEvents.breachId, breachId)).orderBy(asc(breachEvents.id));
}

/**
 * Stores a timeline entry as a `timeline_entry` event: the text, when it happened, and (as every
 * event) who recorded it and when. Under the breach's lock, so an entry never lands on a breach
 * that a concurrent close has just made final, and once per submission.
 */
export async function addTimelineEntry(
  db: Db,
  e: { breachId: string; actor: string; text: string; occurredAt: DateTime; now: DateTime; submission: string },
): Promise<{ ok: true; breach: Breach; duplicate: boolean } | LockRefusal> {
  return withOpenBreach(db, e.breachId, async (tx, breach) => {
    // A replay of the same submission (double click, re-delivery) adds nothing.
    if (await eventOfSubmission(tx, 'timeline_entry', e.submission)) return { ok: true, breach, duplicate: true } as const;
    await appendEvent(tx, {
      breachId: e.breachId,
      actor: e.actor,
      type: 'timeline_entry',
      data: { text: e.text, occurredAt: e.occurredAt.toUTC().toISO(), submission: e.submission },
      at: e.now.toJSDate(),
    });
    return { ok: true, breach, duplicate: false } as const;
  });
}
