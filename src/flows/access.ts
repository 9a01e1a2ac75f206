import type { Db } from '../db/client.js';
import type { StoredAssessment } from '../domain/assessment/stored.js';
import type { Breach } from '../domain/breach/entity.js';
import { actingAs } from '../store/acting-as.js';
import { getAssessment } from '../store/assessments.js';
import { getBreach, getBreachByChannel } from '../store/breaches.js';

/*
 * What the Slack access guard (src/slack/access/guard.ts) needs from the database: the breach (and
 * assessment) a request names, and running an admin's stand-in request so its audit events say so.
 */

/** What a request's surface names, already validated (src/slack/access/locate.ts). */
export type RequestTarget =
  | { kind: 'none' }
  | { kind: 'channel'; channelId: string }
  | { kind: 'breach'; id: string }
  | { kind: 'assessment'; id: string };

export type FoundTarget =
  | { ok: true; breach: Breach | null; assessment: StoredAssessment | null }
  | { ok: false; missing: 'breach' | 'assessment' };

/**
 * Loads what a request names. A channel that is no breach's is not an error (the command then says
 * where to run it); a named breach or assessment that does not exist is.
 */
export async function findTarget(db: Db, target: RequestTarget): Promise<FoundTarget> {
  switch (target.kind) {
    case 'none':
      return { ok: true, breach: null, assessment: null };
    case 'channel':
      return { ok: true, breach: (await getBreachByChannel(db, target.channelId)) ?? null, assessment: null };
    case 'breach': {
      const breach = await getBreach(db, target.id);
      return breach ? { ok: true, breach, assessment: null } : { ok: false, missing: 'breach' };
    }
    case 'assessment': {
      const assessment = await getAssessment(db, target.id);
      const breach = assessment && (await getBreach(db, assessment.breachId));
      return assessment && breach ? { ok: true, breach, assessment } : { ok: false, missing: 'assessment' };
    }
  }
}

/**
 * Runs `fn` (the rest of a request) as a workspace admin standing in for the DPO: every event row it
 * writes for `userId` says `actingAs: "admin"` (store/acting-as.ts).
 */
export function asStandInAdmin<T>(userId: string, fn: () => T): T {
  return actingAs(userId, 'admin', fn);
}
