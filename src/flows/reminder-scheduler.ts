import type { Logger } from '@slack/bolt';
import type { DateTime } from 'luxon';
import type { Db } from '../db/client.js';
import type { Clock } from '../domain/clock.js';
import {
  DEFAULT_REMINDER_SCHEDULE,
  nextOverdueReminder,
  nextRecurringReminder,
  PHASED_FOLLOW_UP_EVERY_HOURS,
  SUBJECT_REMINDER_EVERY_HOURS,
  type ReminderSchedule,
} from '../domain/reminder-plan.js';
import { isDeadLocalOwner } from './lease-owner.js';
import { isRegimeStream, regimeReminderKey } from '../domain/regimes/breach-regimes.js';
import {
  claimDue,
  expireDeadClaims,
  markFailed,
  markPosted,
  renewClaims,
  type ClaimedReminder,
  type ReminderToSchedule,
} from '../store/reminders.js';

/*
 * The reminder loop every bot process runs. The database decides who posts what (claimDue); this
 * file posts, records the outcome and schedules retries. A reminder is only ever left by marking
 * it posted or pending again; if this process dies in between, its claim times out and another
 * process takes the row over, so nothing is lost.
 */

export type NextReminder = (r: ClaimedReminder, after: DateTime, round: RoundReads) => ReminderToSchedule | null | Promise<ReminderToSchedule | null>;

/**
 * Reads the reminders of one round share (the organisation's settings, a breach's standing): each
 * made once per round instead of once per reminder. A round lasts as long as its posts (about a
 * second); a change made meanwhile shows in the next round's reminders and in the card refresh.
 * A failed read is not kept, so the next reminder reads again.
 */
export class RoundReads {
  private readonly reads = new Map<string, Promise<unknown>>();

  once<T>(key: string, read: () => Promise<T>): Promise<T> {
    const known = this.reads.get(key);
    if (known) return known as Promise<T>;
    const p = read();
    this.reads.set(key, p);
    p.catch(() => {
      if (this.reads.get(key) === p) this.reads.delete(key);
    });
    return p;
  }
}

export interface ReminderSchedulerOptions {
  db: Db;
  clock: Clock;
  /** This process's name in claims (see lease-owner.ts). */
  owner: string;
  /** Poll interval; 0 runs no loop (tests call tickNow). Default 1 s. */
  pollMs?: number;
  /** A claim older than this belongs to a dead process and is taken over. Must exceed one post. Default 2 min. */
  claimTimeoutMs?: number;
  /**
   * How long a dead process's claims wait before they are taken over (default 10 s). Its last post
   * may still be in flight: Slack can carry out a request after the sender died, and the message
   * shows up in the channel only then. Looking for it sooner would miss it and post the reminder
   * twice (test/resilience/replicas.test.ts). Slack answers Web API calls within a few seconds;
   * a post it has not carried out after this long is treated as not made.
   */
  inFlightSettleMs?: number;
  /** Breaches claimed per round. Default 20. */
  batch?: number;
  /**
   * Breaches posted to in parallel; one breach's reminders always go one after the other. Default 20
   * (a whole batch): 100 reminders due at once then go out in about a second (docs/benchmarks.md).
   */
  concurrency?: number;
  /**
   * Renders and posts one reminder. Throw to retry; a Slack 429 is retried after its Retry-After.
   * `{ skipped }` when the reminder is no longer wanted (its stream was stopped and cancelled).
   */
  post: (reminder: ClaimedReminder, round: RoundReads) => Promise<{ messageTs: string } | { skipped: string }>;
  /**
   * Runs after the post is recorded (e.g. refresh the card), once every reminder of the tick is
   * posted: in a storm of due reminders the card refreshes' reads do not queue in front of the
   * next round's posts. Failures are logged, not retried.
   */
  onAfterPost?: (reminder: ClaimedReminder, round: RoundReads) => Promise<void>;
  /** The next step of a recurring chain, stored with the post. Default: `chainNext` with the default schedule. */
  nextReminder?: NextReminder;
  logger: Pick<Logger, 'debug' | 'info' | 'warn' | 'error'>;
}

export interface ReminderScheduler {
  /** Stops polling and waits for the round in progress, posts included. */
  stop(): Promise<void>;
  /** Runs a claim-and-post round now (after any round in progress); rejects if the claim fails. */
  tickNow(): Promise<void>;
}

const MAX_ROUNDS_PER_TICK = 10;
/** How often claims of dead processes on this host are looked for (also on the first tick). */
const DEAD_CLAIMS_EVERY_MS = 5_000;

export function startReminderScheduler(o: ReminderSchedulerOptions): ReminderScheduler {
  const pollMs = o.pollMs ?? 1000;
  const claimTimeoutMs = o.claimTimeoutMs ?? 120_000;
  const inFlightSettleMs = Math.min(o.inFlightSettleMs ?? 10_000, claimTimeoutMs);
  const batch = o.batch ?? 20;
  const concurrency = o.concurrency ?? 20;
  const nextReminder = o.nextReminder ?? ((r, after) => chainNext(r, after));
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let queue: Promise<void> = Promise.resolve();

  /** One claim and its posts. True when the batch was full, so more may be waiting. */
  const round = async (afterPosts: Array<() => Promise<void>>): Promise<boolean> => {
    const claimed = await claimDue(o.db, { owner: o.owner, now: o.clock.now(), limit: batch, claimTimeoutMs });
    if (claimed.length === 0) return false;
    const inFlight = new Set(claimed.map((r) => r.id));
    const reads = new RoundReads();
    const heartbeat = setInterval(() => {
      renewClaims(o.db, o.owner, [...inFlight], o.clock.now()).catch((err) => o.logger.warn('renewing reminder claims failed:', errText(err)));
    }, Math.max(1000, Math.floor(claimTimeoutMs / 3)));
    heartbeat.unref();
    try {
      const byBreach = groupBy(claimed, (r) => r.breachId);
      await eachLimited([...byBreach.values()], concurrency, async (group) => {
        for (const r of group) {
          if (await deliver(r, reads)) {
            afterPosts.push(() => o.onAfterPost!(r, reads).catch((err) => o.logger.warn(`after posting reminder ${r.id}:`, errText(err))));
          }
          inFlight.delete(r.id);
        }
      });
    } finally {
      clearInterval(heartbeat);
    }
    return byBreachCount(claimed) >= batch;
  };

  /** Posts and records one reminder; true when it was posted and recorded. */
  const deliver = async (r: ClaimedReminder, reads: RoundReads): Promise<boolean> => {
    let next: ReminderToSchedule | null;
    let messageTs: string;
    try {
      // Computed before posting: a broken chain hook then delays the reminder instead of ending the chain.
      next = await nextReminder(r, r.claimedAt, reads);
      const outcome = await o.post(r, reads);
      if ('skipped' in outcome) {
        o.logger.debug(`reminder ${r.key} of breach ${r.breachId} not posted: ${outcome.skipped}`);
        return false;
      }
      messageTs = outcome.messageTs;
    } catch (err) {
      const delayMs = retryDelayMs(err, r.attempts);
      o.logger.warn(`reminder ${r.key} of breach ${r.breachId} failed (${errText(err)}); retrying in ${Math.round(delayMs / 1000)} s`);
      // If this write fails too, the claim times out and another round takes the row: still not lost.
      await markFailed(o.db, r.id, o.owner, errText(err), o.clock.now().plus({ milliseconds: delayMs })).catch((e) =>
        o.logger.error(`recording the failure of reminder ${r.id} failed:`, errText(e)),
      );
      return false;
    }
    const recorded = await withRetries(() => markPosted(o.db, r.id, o.owner, { messageTs, postedAt: o.clock.now(), next })).catch((err) => {
      // The message is out but not recorded: after the claim timeout it would be posted again.
      o.logger.error(`reminder ${r.id} was posted (ts ${messageTs}) but recording it failed:`, errText(err));
      return null;
    });
    if (recorded === false) o.logger.warn(`claim on reminder ${r.id} was lost before its post was recorded (claim timeout too short?)`);
    return recorded === true && o.onAfterPost !== undefined;
  };

  let deadClaimsCheckedAt = Number.NEGATIVE_INFINITY;
  const tick = async () => {
    // A process of this bot killed on this host (a crash, a restart) holds claims nobody will post:
    // take them over once its last post has settled (inFlightSettleMs) rather than after the claim
    // timeout. Other hosts' claims simply time out.
    if (Date.now() - deadClaimsCheckedAt >= DEAD_CLAIMS_EVERY_MS) {
      deadClaimsCheckedAt = Date.now();
      const staleAt = o.clock.now().minus({ milliseconds: claimTimeoutMs - inFlightSettleMs }).toJSDate();
      const n = await expireDeadClaims(o.db, (owner) => isDeadLocalOwner(owner, o.owner), staleAt).catch((err) => {
        o.logger.warn('looking for claims of dead processes failed:', errText(err));
        return 0;
      });
      if (n > 0) o.logger.info(`taking over ${n} reminder claim(s) of a process that is gone, in ${Math.round(inFlightSettleMs / 1000)} s`);
    }
    const afterPosts: Array<() => Promise<void>> = [];
    try {
      for (let i = 0; i < MAX_ROUNDS_PER_TICK && !stopped; i += 1) {
        if (!(await round(afterPosts))) return;
      }
    } finally {
      await Promise.all(afterPosts.map((after) => after()));
    }
  };

  /** Ticks never overlap in one process: each waits for the one before. */
  const enqueue = (): Promise<void> => {
    const run = queue.then(tick);
    queue = run.catch(() => {});
    return run;
  };

  const loop = () => {
    if (stopped || pollMs <= 0) return;
    timer = setTimeout(() => {
      enqueue()
        .catch((err) => o.logger.warn('reminder round failed:', errText(err)))
        .finally(loop);
    }, pollDelayMs(pollMs, Date.now()));
    timer.unref();
  };
  loop();

  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await queue;
    },
    tickNow: enqueue,
  };
}

/**
 * The wait before the next poll. A whole number of seconds is kept in step with the wall clock, a
 * few milliseconds after each whole second: due times are whole minutes (awareness is picked to the
 * minute; countdowns are whole hours before the deadline), so a reminder is then claimed as soon as
 * it is due instead of up to a poll interval later. Other intervals are used as they are.
 */
export function pollDelayMs(pollMs: number, nowMs: number): number {
  if (pollMs < 1000 || pollMs % 1000 !== 0) return pollMs;
  const AFTER_SECOND_MS = 20;
  const sinceMark = (((nowMs - AFTER_SECOND_MS) % 1000) + 1000) % 1000;
  return pollMs - sinceMark;
}

/**
 * The default chain (reminder-plan.ts): after an overdue reminder the next one after `after`; after
 * a data-subject or phased reminder (`subjects-3`, `phased-2`) the next occurrence of the same
 * series, its start found from the posted one's time and index.
 */
export function chainNext(
  r: Pick<ClaimedReminder, 'kind' | 'key' | 'stream' | 'dueAt' | 'deadlineAt'>,
  after: DateTime,
  opts: { schedule?: ReminderSchedule; subjectsEveryHours?: number; phasedEveryHours?: number } = {},
): ReminderToSchedule | null {
  if (r.kind === 'overdue' && isRegimeStream(r.stream)) {
    // A regime stage's overdue chain (`nis2-dk:early_warning/overdue-2`): its deadline is the stage's,
    // found from the posted one's time and index, not the breach's GDPR deadline.
    const schedule = opts.schedule ?? DEFAULT_REMINDER_SCHEDULE;
    const index = Number(/overdue-(\d+)$/.exec(r.key)?.[1] ?? NaN);
    if (!Number.isInteger(index) || index < 1) return null;
    const next = nextOverdueReminder({ deadline: r.dueAt.minus({ hours: index * schedule.overdueEveryHours }), schedule, after });
    return { key: regimeReminderKey(r.stream, next.key), kind: next.kind, dueAt: next.dueAt };
  }
  if (r.kind === 'overdue') {
    return nextOverdueReminder({ deadline: r.deadlineAt, schedule: opts.schedule ?? DEFAULT_REMINDER_SCHEDULE, after });
  }
  const everyHours =
    r.stream === 'subjects_daily'
      ? (opts.subjectsEveryHours ?? SUBJECT_REMINDER_EVERY_HOURS)
      : r.stream === 'phased_follow_up'
        ? (opts.phasedEveryHours ?? PHASED_FOLLOW_UP_EVERY_HOURS)
        : null;
  const m = /^(.+)-(\d+)$/.exec(r.key);
  if (everyHours === null || !m) return null;
  const index = Number(m[2]);
  const start = r.dueAt.minus({ hours: index * everyHours });
  const step = nextRecurringReminder({ stream: m[1]!, start, everyHours, after });
  return { key: step.key, kind: r.kind, dueAt: step.dueAt };
}

const BACKOFF_START_MS = 5_000;
const BACKOFF_MAX_MS = 5 * 60_000;
/** Slack said "ratelimited" without a Retry-After we can read. */
const RATE_LIMIT_FALLBACK_MS = 30_000;

/**
 * How long to wait before the next attempt: Slack's Retry-After on a 429 (WebAPIRateLimitedError
 * carries `retryAfter` in seconds), otherwise 5 s, 10 s, 20 s… capped at 5 minutes.
 */
export function retryDelayMs(err: unknown, failuresSoFar: number): number {
  const e = err as { retryAfter?: unknown; code?: string; data?: { error?: string } } | null;
  if (typeof e?.retryAfter === 'number' && Number.isFinite(e.retryAfter) && e.retryAfter >= 0) {
    return Math.max(1000, e.retryAfter * 1000);
  }
  if (e?.code === 'slack_webapi_rate_limited_error' || e?.data?.error === 'ratelimited') return RATE_LIMIT_FALLBACK_MS;
  return Math.min(BACKOFF_MAX_MS, BACKOFF_START_MS * 2 ** Math.min(failuresSoFar, 16));
}

function errText(err: unknown): string {
  const e = err as { data?: { error?: string }; code?: string; message?: string } | null;
  return e?.data?.error ?? e?.message ?? e?.code ?? String(err);
}

/** A few quick retries for a database write, so a blip does not turn into a double post later. */
async function withRetries<T>(fn: () => Promise<T>, delaysMs: readonly number[] = [200, 1000]): Promise<T> {
  for (const delay of delaysMs) {
    try {
      return await fn();
    } catch {
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
  return fn();
}

function groupBy<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}

function byBreachCount(items: readonly ClaimedReminder[]): number {
  return new Set(items.map((r) => r.breachId)).size;
}

async function eachLimited<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++]!;
      await fn(item);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
}
