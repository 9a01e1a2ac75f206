import { and, asc, eq, gt, inArray, sql } from 'drizzle-orm';
import type { PgDatabase } from 'drizzle-orm/pg-core';
import type { PostgresJsQueryResultHKT } from 'drizzle-orm/postgres-js';
import { DateTime } from 'luxon';
import type * as schema from '../db/schema.js';
import { reminders } from '../db/schema.js';
import { LATE_AFTER_MS } from '../domain/reminder-plan.js';
import type { AnyReminderStream } from '../domain/reminder-status.js';
import { appendEvent } from './events.js';
import { BOT_ACTOR } from '../domain/timeline/event.js';

/*
 * Reminder rows and their life: pending → claimed → posted, or skipped (collapsed into a later one
 * of the same stream), or cancelled (the stream stopped). A failed post goes back to pending with
 * `retry_at`; `due_at` never moves, so lateness and the collapse order always use the planned time.
 *
 * Locking order, everywhere: the breach row first (FOR NO KEY UPDATE, which does not block the
 * foreign-key checks of inserts), then its reminder rows. Claims, marking posted and cancelling
 * therefore serialise per breach and cannot deadlock.
 */

/** The bot's database or a transaction on it: the functions here work inside a caller's transaction. */
export type DbExecutor = PgDatabase<PostgresJsQueryResultHKT, typeof schema>;

export type Reminder = typeof reminders.$inferSelect;
export type ReminderRowStatus = 'pending' | 'claimed' | 'posted' | 'skipped' | 'cancelled';

/** A planned reminder (`PlannedReminder` fits) or a step of a recurring chain with its kind. */
export interface ReminderToSchedule {
  key: string;
  kind: string;
  dueAt: DateTime;
}

export interface ClaimedReminder {
  id: number;
  breachId: string;
  stream: AnyReminderStream;
  key: string;
  kind: string;
  /** The planned time; retries do not move it. */
  dueAt: DateTime;
  /** The breach's deadline and channel, for the text and the overdue chain. */
  deadlineAt: DateTime;
  channelId: string | null;
  /** Claimed more than LATE_AFTER_MS after it was due (an outage, a dead claimer, long retries). */
  late: boolean;
  lateByMinutes: number;
  /** Failed posts so far, and claims taken over from a dead process (its post may have reached Slack). */
  attempts: number;
  /** Earlier reminders of the same stream that were due too: marked skipped, never posted. */
  skippedKeys: string[];
  claimedAt: DateTime;
}

/** Inserts the planned rows; a key already stored for the breach is left alone, so planning twice is harmless. */
export async function scheduleReminders(
  db: Pick<DbExecutor, 'insert'>,
  breachId: string,
  planned: readonly ReminderToSchedule[],
  stream: AnyReminderStream,
): Promise<number> {
  if (planned.length === 0) return 0;
  const rows = await db
    .insert(reminders)
    .values(planned.map((p) => ({ breachId, stream, key: p.key, kind: p.kind, dueAt: p.dueAt.toJSDate() })))
    .onConflictDoNothing({ target: [reminders.breachId, reminders.key] })
    .returning({ id: reminders.id });
  return rows.length;
}

const ts = (t: DateTime) => sql`${t.toUTC().toISO()}::timestamptz`;
const fromMs = (ms: unknown) => DateTime.fromMillis(Math.round(Number(ms)), { zone: 'utc' });
const epochMs = (column: string) => sql.raw(`(extract(epoch from ${column}) * 1000)::float8`);

interface ClaimRow {
  id: string | number;
  breach_id: string;
  stream: AnyReminderStream;
  key: string;
  kind: string;
  status: 'claimed' | 'skipped';
  late: boolean;
  attempts: number;
  due_ms: number;
  deadline_ms: number;
  channel_id: string | null;
}

/**
 * Claims what is due, in one statement. Whole breaches are claimed: the breach rows are locked with
 * SKIP LOCKED, so two replicas never work on one breach's reminders at once and a group (breach,
 * stream) is always seen whole. Per group only the latest due row is claimed; earlier due rows are
 * marked skipped (several missed reminders collapse into one). A group waits while its latest row
 * is in retry back-off, and a breach waits while any of its rows is freshly claimed, so posts to
 * one channel stay in order. Claims older than the timeout belong to a dead process and are taken
 * over. The UPDATE re-checks each row's status, so a row changed since the snapshot is left alone.
 * `limit` bounds the breaches per claim.
 */
export async function claimDue(
  db: DbExecutor,
  opts: { owner: string; now: DateTime; limit: number; claimTimeoutMs: number; lateAfterMs?: number },
): Promise<ClaimedReminder[]> {
  const now = opts.now.toUTC();
  const stale = now.minus({ milliseconds: opts.claimTimeoutMs });
  const lateCutoff = now.minus({ milliseconds: opts.lateAfterMs ?? LATE_AFTER_MS });
  const claimable = sql`((r.status = 'pending' and r.due_at <= ${ts(now)}) or (r.status = 'claimed' and r.claimed_at < ${ts(stale)}))`;
  return db.transaction(async (tx) => {
    const rows = (await tx.execute(sql`
      with candidate as (
        select b.id, b.deadline_at, b.channel_id
        from breaches b
        -- = any(array(...)), not in (...): the planner then looks the few due breaches up by primary key
        -- instead of hashing a guess of thousands of rows against a scan of every breach.
        where b.id = any(array(
            select r.breach_id from reminders r
            where ${claimable} and (r.status = 'claimed' or r.retry_at is null or r.retry_at <= ${ts(now)})
          ))
          and not exists (
            select 1 from reminders c
            where c.breach_id = b.id and c.status = 'claimed' and c.claimed_at >= ${ts(stale)}
          )
        order by b.deadline_at, b.id
        limit ${opts.limit}
        for no key update of b skip locked
      ),
      due as (
        select r.id,
               row_number() over w as rank,
               first_value(r.status = 'claimed' or r.retry_at is null or r.retry_at <= ${ts(now)}) over w as group_ready
        from reminders r
        join candidate c on c.id = r.breach_id
        where ${claimable}
        window w as (partition by r.breach_id, r.stream order by r.due_at desc, r.key collate "C")
      ),
      changed as (
        update reminders r
        set status = case when d.rank = 1 then 'claimed' else 'skipped' end,
            claimed_by = case when d.rank = 1 then ${opts.owner} else r.claimed_by end,
            claimed_at = case when d.rank = 1 then ${ts(now)} else r.claimed_at end,
            -- A stale claim taken over counts as an attempt: the dead claimer may have posted, so the
            -- poster looks for that message first instead of posting it twice.
            attempts = case when d.rank = 1 and r.status = 'claimed' then r.attempts + 1 else r.attempts end,
            late = case when d.rank = 1 then r.late or r.due_at < ${ts(lateCutoff)} else r.late end
        from due d
        where r.id = d.id and d.group_ready
          and ((r.status = 'pending') or (r.status = 'claimed' and r.claimed_at < ${ts(stale)}))
        returning r.id, r.breach_id, r.stream, r.key, r.kind, r.status, r.late, r.attempts, ${epochMs('r.due_at')} as due_ms
      )
      select ch.*, ${epochMs('c.deadline_at')} as deadline_ms, c.channel_id
      from changed ch join candidate c on c.id = ch.breach_id
    `)) as unknown as ClaimRow[];

    const groups = new Map<string, { claimed?: ClaimRow; skipped: ClaimRow[] }>();
    for (const row of rows) {
      const k = `${row.breach_id}\u0000${row.stream}`;
      const g = groups.get(k) ?? { skipped: [] };
      if (row.status === 'claimed') g.claimed = row;
      else g.skipped.push(row);
      groups.set(k, g);
    }
    const out: ClaimedReminder[] = [];
    for (const g of groups.values()) {
      g.skipped.sort((a, b) => a.due_ms - b.due_ms);
      for (const s of g.skipped) {
        await appendEvent(tx, {
          breachId: s.breach_id,
          actor: BOT_ACTOR,
          type: 'reminder_skipped',
          data: { key: s.key, kind: s.kind, stream: s.stream, dueAt: fromMs(s.due_ms).toISO(), collapsedInto: g.claimed?.key ?? null },
          at: now.toJSDate(),
        });
      }
      const c = g.claimed;
      if (!c) continue;
      out.push({
        id: Number(c.id),
        breachId: c.breach_id,
        stream: c.stream,
        key: c.key,
        kind: c.kind,
        dueAt: fromMs(c.due_ms),
        deadlineAt: fromMs(c.deadline_ms),
        channelId: c.channel_id,
        late: c.late,
        lateByMinutes: Math.max(0, Math.floor((now.toMillis() - Math.round(c.due_ms)) / 60_000)),
        attempts: c.attempts,
        skippedKeys: g.skipped.map((s) => s.key),
        claimedAt: now,
      });
    }
    return out.sort((a, b) => a.dueAt.toMillis() - b.dueAt.toMillis() || a.id - b.id);
  });
}

/**
 * Claims held by processes that are certainly gone (`isDead`, see lease-owner.ts) go stale at
 * `staleAt` (a past time for a claim timeout measured from now), so a claim round takes them over
 * soon instead of waiting out the whole claim timeout. Only moved earlier, never later: checking
 * again does not push a takeover back. Returns how many claims were moved.
 */
export async function expireDeadClaims(db: DbExecutor, isDead: (owner: string) => boolean, staleAt: Date): Promise<number> {
  const held = await db.selectDistinct({ owner: reminders.claimedBy }).from(reminders).where(eq(reminders.status, 'claimed'));
  const dead = held.map((h) => h.owner).filter((o): o is string => o !== null && isDead(o));
  if (dead.length === 0) return 0;
  const rows = await db
    .update(reminders)
    .set({ claimedAt: staleAt })
    .where(and(eq(reminders.status, 'claimed'), inArray(reminders.claimedBy, dead), gt(reminders.claimedAt, staleAt)))
    .returning({ id: reminders.id });
  return rows.length;
}

/** Keeps claims alive while their posts are slow, so they are not taken for a dead process's. */
export async function renewClaims(db: DbExecutor, owner: string, ids: readonly number[], now: DateTime): Promise<void> {
  if (ids.length === 0) return;
  await db
    .update(reminders)
    .set({ claimedAt: now.toJSDate() })
    .where(and(inArray(reminders.id, [...ids]), eq(reminders.claimedBy, owner), eq(reminders.status, 'claimed')));
}

async function lockBreachOfReminder(tx: DbExecutor, reminderId: number): Promise<void> {
  await tx.execute(sql`select b.id from breaches b where b.id = (select breach_id from reminders where id = ${reminderId}) for no key update`);
}

/**
 * Records a post. False when this owner no longer holds the claim (it timed out and another process
 * took the row over): nothing is written then, so the row is never marked twice. `next`, the next
 * step of a recurring chain, is inserted in the same transaction so the chain cannot break, unless
 * the stream was cancelled while the post was in flight.
 */
export async function markPosted(
  db: DbExecutor,
  id: number,
  owner: string,
  p: { messageTs: string; postedAt: DateTime; next?: ReminderToSchedule | null; lateAfterMs?: number },
): Promise<boolean> {
  return db.transaction(async (tx) => {
    await lockBreachOfReminder(tx, id);
    const [row] = await tx.select().from(reminders).where(eq(reminders.id, id)).for('update');
    const held = row && row.claimedBy === owner && !row.postedAt && (row.status === 'claimed' || row.status === 'cancelled');
    if (!row || !held) return false;
    const cancelledInFlight = row.status === 'cancelled';
    const late = row.late || p.postedAt.toMillis() - row.dueAt.getTime() > (p.lateAfterMs ?? LATE_AFTER_MS);
    await tx
      .update(reminders)
      .set({ status: 'posted', postedAt: p.postedAt.toJSDate(), messageTs: p.messageTs, late, lastError: null })
      .where(eq(reminders.id, id));
    if (p.next && !cancelledInFlight) await scheduleReminders(tx, row.breachId, [p.next], row.stream as AnyReminderStream);
    await appendEvent(tx, {
      breachId: row.breachId,
      actor: BOT_ACTOR,
      type: 'reminder_posted',
      data: {
        key: row.key,
        kind: row.kind,
        stream: row.stream,
        dueAt: row.dueAt.toISOString(),
        late,
        attempts: row.attempts,
        messageTs: p.messageTs,
        ...(cancelledInFlight ? { cancelledWhilePosting: true } : {}),
        ...(p.next && !cancelledInFlight ? { next: p.next.key } : {}),
      },
      at: p.postedAt.toJSDate(),
    });
    return true;
  });
}

/** A failed post: back to pending, not before `retryAt`. False when the claim was lost or the row cancelled. */
export async function markFailed(db: DbExecutor, id: number, owner: string, error: string, retryAt: DateTime): Promise<boolean> {
  const rows = await db
    .update(reminders)
    .set({
      status: 'pending',
      claimedBy: null,
      claimedAt: null,
      attempts: sql`${reminders.attempts} + 1`,
      lastError: error.slice(0, 500),
      retryAt: retryAt.toJSDate(),
    })
    .where(and(eq(reminders.id, id), eq(reminders.claimedBy, owner), eq(reminders.status, 'claimed')))
    .returning({ id: reminders.id });
  return rows.length === 1;
}

/**
 * Stops a stream (the notification was recorded, the subjects were told…). Claimed rows are
 * cancelled too: their post may still land, but `markPosted` then starts no next step of the chain.
 * Returns the cancelled keys.
 */
export async function cancelStream(
  db: DbExecutor,
  breachId: string,
  stream: AnyReminderStream,
  opts: { actor?: string; at?: DateTime; reason?: string } = {},
): Promise<string[]> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select id from breaches where id = ${breachId} for no key update`);
    const rows = await tx
      .update(reminders)
      .set({ status: 'cancelled' })
      .where(and(eq(reminders.breachId, breachId), eq(reminders.stream, stream), inArray(reminders.status, ['pending', 'claimed'])))
      .returning({ key: reminders.key });
    const keys = rows.map((r) => r.key).sort();
    if (keys.length > 0) {
      await appendEvent(tx, {
        breachId,
        actor: opts.actor ?? BOT_ACTOR,
        type: 'reminders_cancelled',
        data: { stream, keys, ...(opts.reason ? { reason: opts.reason } : {}) },
        ...(opts.at ? { at: opts.at.toJSDate() } : {}),
      });
    }
    return keys;
  });
}

/** Rows still to be posted (pending, or claimed and in flight), earliest first. */
export async function pendingForBreach(db: DbExecutor, breachId: string): Promise<Reminder[]> {
  return db
    .select()
    .from(reminders)
    .where(and(eq(reminders.breachId, breachId), inArray(reminders.status, ['pending', 'claimed'])))
    .orderBy(asc(reminders.dueAt), asc(reminders.key));
}
