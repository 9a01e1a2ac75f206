import { eq } from 'drizzle-orm';
import type { DateTime } from 'luxon';
import type { Db } from '../db/client.js';
import { breaches } from '../db/schema.js';
import { changedFacts, readRecordedFacts, type FactField, type RecordedFacts } from '../domain/breach/recorded-facts.js';
import type { Language } from '../domain/language.js';
import { eventOfSubmission, withOpenBreach, type LockRefusal } from './breach-lock.js';
import { appendEvent } from './events.js';
import type { Breach } from '../domain/breach/entity.js';

export interface FactsSaved {
  ok: true;
  breach: Breach;
  /** Empty when the form was saved unchanged: then nothing is written. */
  changed: FactField[];
}

/**
 * Replaces the facts recorded after the declaration (the form shows them all, so what it sends is
 * the whole new set) and writes the `facts_updated` event with the changed fields before and after.
 */
export async function saveRecordedFacts(
  db: Db,
  r: {
    breachId: string;
    /** The whole new set, or how to get it from the stored one (read under the breach's lock). */
    facts: RecordedFacts | ((before: RecordedFacts) => RecordedFacts);
    actor: string;
    now: DateTime;
    /** The view submission that asked for it: a replay of it changes nothing. */
    submission?: string;
    /** The team's writing language: how a text stored before texts had a language is read. */
    writing: Language;
  },
): Promise<FactsSaved | LockRefusal> {
  return withOpenBreach(db, r.breachId, async (tx, breach) => {
    // A replay of a submission already saved changes nothing (and would undo a later change).
    if (r.submission && (await eventOfSubmission(tx, 'facts_updated', r.submission))) return { ok: true, breach, changed: [] } as const;
    const before = readRecordedFacts(breach.facts, r.writing);
    const facts = typeof r.facts === 'function' ? r.facts(before) : r.facts;
    const changed = changedFacts(before, facts);
    if (changed.length === 0) return { ok: true, breach, changed } as const;
    const at = r.now.toJSDate();
    const [after] = await tx.update(breaches).set({ facts, updatedAt: at }).where(eq(breaches.id, breach.id)).returning();
    const pick = (f: RecordedFacts) => Object.fromEntries(changed.map((k) => [k, f[k] ?? null]));
    await appendEvent(tx, {
      breachId: breach.id,
      actor: r.actor,
      type: 'facts_updated',
      data: { changed, before: pick(before), after: pick(facts), ...(r.submission ? { submission: r.submission } : {}) },
      at,
    });
    return { ok: true, breach: after!, changed } as const;
  });
}
