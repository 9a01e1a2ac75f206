import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { breachEvents, breaches } from '../db/schema.js';
import type { Tx } from './breaches.js';
import type { Breach } from '../domain/breach/entity.js';

export type LockRefusal = { ok: false; why: 'not_found' | 'closed'; breach?: Breach };

/**
 * Runs `fn` in a transaction holding the breach row (FOR NO KEY UPDATE: the locking order every
 * writer here uses, breach first), so recordings on one breach serialise. A closed breach is part of
 * the record and refuses any change; nothing is written then.
 */
export async function withOpenBreach<T>(db: Db, breachId: string, fn: (tx: Tx, breach: Breach) => Promise<T>): Promise<T | LockRefusal> {
  return db.transaction(async (tx) => {
    const [breach] = await tx.select().from(breaches).where(eq(breaches.id, breachId)).for('no key update');
    if (!breach) return { ok: false, why: 'not_found' } as const;
    if (breach.closedAt) return { ok: false, why: 'closed', breach } as const;
    return fn(tx, breach);
  });
}

/**
 * The event row an earlier delivery of the same modal submission wrote, if any: a double click, a
 * re-delivery or a replayed payload finds it and records nothing twice. The submission key (the
 * view id, views/submission-key.ts) is kept in the event's data; a unique index on (type, key)
 * makes the database refuse a second row even if two deliveries race past this check.
 */
export async function eventOfSubmission(tx: Pick<Tx, 'select'>, type: string, submission: string): Promise<Record<string, unknown> | null> {
  const [seen] = await tx
    .select({ data: breachEvents.data })
    .from(breachEvents)
    .where(and(eq(breachEvents.type, type), sql`${breachEvents.data}->>'submission' = ${submission}`));
  return (seen?.data as Record<string, unknown> | undefined) ?? null;
}
