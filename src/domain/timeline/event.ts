/** Actor for things the bot does by itself (setup steps, reminders). */
export const BOT_ACTOR = 'breachbot';

/**
 * One event of a breach's audit trail (Art. 33(5)): who did what, when, and what changed. The
 * columns are documented in src/db/schema.ts (`breach_events`); src/store/timeline.ts checks at
 * compile time that the row and this entity keep the same fields.
 */
export interface StoredEvent {
  id: number;
  breachId: string | null;
  at: Date;
  /** A Slack user id, or BOT_ACTOR. */
  actor: string;
  type: string;
  data: unknown;
  chainSeq: number | null;
  prevHash: string | null;
  hash: string | null;
}
