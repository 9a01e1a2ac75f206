import { desc, gte } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { breaches } from '../db/schema.js';
import type { Breach } from '../domain/breach/entity.js';

/** Breaches closed at or after `since`, most recently closed first. */
export async function listRecentlyClosed(db: Db, since: Date, limit: number): Promise<Breach[]> {
  return db.select().from(breaches).where(gte(breaches.closedAt, since)).orderBy(desc(breaches.closedAt)).limit(limit);
}
