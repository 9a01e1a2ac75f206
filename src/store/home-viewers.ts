import { asc, gte } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { homeViewers } from '../db/schema.js';

/** Remembers that a user opened the Home tab, so their Home can be republished when something changes. */
export async function recordHomeViewer(db: Db, userId: string, at: Date): Promise<void> {
  await db
    .insert(homeViewers)
    .values({ userId, lastOpenedAt: at })
    .onConflictDoUpdate({ target: homeViewers.userId, set: { lastOpenedAt: at } });
}

/** Users who opened the Home tab at or after `since`, longest ago first. */
export async function homeViewersSince(db: Db, since: Date): Promise<string[]> {
  const rows = await db
    .select({ userId: homeViewers.userId })
    .from(homeViewers)
    .where(gte(homeViewers.lastOpenedAt, since))
    .orderBy(asc(homeViewers.lastOpenedAt));
  return rows.map((r) => r.userId);
}
