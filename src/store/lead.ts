import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { breaches } from '../db/schema.js';
import { appendEvent } from './events.js';
import type { Breach } from '../domain/breach/entity.js';

export type LeadChange =
  | { ok: true; breach: Breach; before: string | null }
  | { ok: false; why: 'not_found' | 'closed' | 'unchanged' };

/** Names the breach lead, with its event row (before and after), under the breach's lock. */
export async function setLead(db: Db, breachId: string, leadId: string, meta: { actor: string; now: Date }): Promise<LeadChange> {
  return db.transaction(async (tx) => {
    const [breach] = await tx.select().from(breaches).where(eq(breaches.id, breachId)).for('no key update');
    if (!breach) return { ok: false, why: 'not_found' } as const;
    if (breach.closedAt) return { ok: false, why: 'closed' } as const;
    if (breach.leadId === leadId) return { ok: false, why: 'unchanged' } as const;
    const [after] = await tx.update(breaches).set({ leadId, updatedAt: meta.now }).where(eq(breaches.id, breachId)).returning();
    await appendEvent(tx, { breachId, actor: meta.actor, type: 'lead_named', data: { before: breach.leadId, after: leadId }, at: meta.now });
    return { ok: true, breach: after!, before: breach.leadId } as const;
  });
}
