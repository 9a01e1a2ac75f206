import type { Db } from '../db/client.js';
import { breachEvents } from '../db/schema.js';
import { actingAsOf } from './acting-as.js';

export interface NewEvent {
  breachId: string | null;
  /** Slack user id, or BOT_ACTOR. */
  actor: string;
  type: string;
  /** What changed: before/after, the decision and its reasons, a Slack error… Never tokens. */
  data?: Record<string, unknown>;
  at?: Date;
}

type Tx = Pick<Db, 'insert'>;

/** Appends one row to the audit trail. The table accepts nothing else: UPDATE and DELETE fail by trigger. */
export async function appendEvent(db: Tx, e: NewEvent): Promise<void> {
  const as = actingAsOf(e.actor);
  await db.insert(breachEvents).values({
    breachId: e.breachId,
    actor: e.actor,
    type: e.type,
    data: as ? { ...e.data, actingAs: as } : (e.data ?? {}),
    ...(e.at ? { at: e.at } : {}),
  });
}
