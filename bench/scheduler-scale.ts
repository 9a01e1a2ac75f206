/*
 * Scheduler cost at scale: the reminder claim (src/store/reminders.ts claimDue, the statement every
 * replica runs every second) on a database holding 1,000 and then 100,000 breaches with their
 * reminders, the same 20 reminders due in both. A dedicated database on the system PostgreSQL is
 * filled with set-based SQL (generate_series) and dropped afterwards. Each claim runs inside a
 * transaction that is rolled back, so every iteration claims the same rows.
 */
import { TransactionRollbackError } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/postgres-js';
import { DateTime } from 'luxon';
import postgres from 'postgres';
import * as schema from '../src/db/schema.js';
import { claimDue, type DbExecutor } from '../src/store/reminders.js';
import { figure, median, type Figure } from './stats.js';
import { createDatabase, dropDatabase } from './support.js';

export interface ScaleSize {
  /** 'as migrated', or with the index PROPOSED_INDEX adds. */
  variant: string;
  breaches: number;
  reminders: number;
  /** Claim time, ms: median over iterations, per run. */
  claimMs: Figure;
  plan: string;
  /** Whether the plan reads the reminders table with a sequential scan. */
  seqScan: boolean;
}

export interface ScaleResult {
  sizes: ScaleSize[];
  /** Claim time at 100,000 / at 1,000, per run and variant. */
  ratio: Record<string, Figure>;
  due: number;
  iterations: number;
  runs: number;
  fillSeconds: number;
  /** The claim statement as sent (parameters as $n). */
  statement: string;
}

const DUE = 20;

/**
 * The partial index on in-flight claims that src/db/schema.ts declares (reminders_claimed_idx).
 * Until a migration creates it, the benchmark measures the database both as migrated and with it.
 */
export const PROPOSED_INDEX = `create index if not exists reminders_claimed_idx on reminders (claimed_at) where status = 'claimed'`;
/** Reminder rows per breach: the default countdown plan (48, 24, 12, 6, 3, 1 h, deadline, overdue-1). */
const PLAN_HOURS = [48, 24, 12, 6, 3, 1, 0, -12];

/**
 * Adds breaches numbered from+1..to: one in 50 is open (aware 0–47 h ago, its past reminders
 * posted and the rest pending), the others closed with every reminder posted or cancelled.
 */
export async function fill(sql: postgres.Sql, from: number, to: number): Promise<void> {
  await sql`
    insert into breaches (reference, year, seq, submission_key, title, description, aware_at, role, reporter_id,
                          status, deadline_at, channel_id, channel_name, card_ts, setup_completed_at, created_at, closed_at)
    select 'BR-' || (1000 + g / 1000) || '-' || lpad((g % 1000)::text, 4, '0'), 1000 + g / 1000, g % 1000, 'bench:' || g,
           'Benchmark breach ' || g, 'Filler row for the scheduler benchmark.', a.aware, 'controller', 'U0BENCH',
           case when g % 50 = 0 then 'assessing' else 'closed' end, a.aware + interval '72 hours',
           'C' || lpad(g::text, 10, '0'), 'breach-' || g, '1700000000.' || lpad(g::text, 6, '0'), a.aware + interval '5 seconds',
           a.aware, case when g % 50 = 0 then null else a.aware + interval '10 days' end
    from generate_series(${from + 1}::int, ${to}::int) g
    cross join lateral (
      select case when g % 50 = 0 then now() - (g % 48) * interval '1 hour' - interval '10 minutes'
                  else now() - interval '30 days' - (g % 5000) * interval '1 hour' end as aware
    ) a`;
  await sql`
    insert into reminders (breach_id, stream, key, kind, due_at, status, claimed_by, claimed_at, posted_at, message_ts)
    select b.id, 'authority_countdown',
           case when h.hours > 0 then 'countdown-' || h.hours || 'h' when h.hours = 0 then 'deadline' else 'overdue-1' end,
           case when h.hours > 0 then 'countdown' when h.hours = 0 then 'deadline' else 'overdue' end,
           d.due,
           case when d.due <= now() then 'posted' when b.closed_at is not null then 'cancelled' else 'pending' end,
           case when d.due <= now() then 'old-replica' end,
           case when d.due <= now() then d.due end,
           case when d.due <= now() then d.due end,
           case when d.due <= now() then '1700000000.000001' end
    from breaches b
    cross join unnest(${PLAN_HOURS}::int[]) as h(hours)
    cross join lateral (select b.deadline_at - h.hours * interval '1 hour' as due) d
    where b.submission_key like 'bench:%' and substr(b.submission_key, 7)::int between ${from + 1} and ${to}`;
}

/** The same DUE open breaches (all among the first 1,000) each get one reminder due 5 s ago. */
async function addDue(sql: postgres.Sql): Promise<void> {
  await sql`
    insert into reminders (breach_id, stream, key, kind, due_at)
    select id, 'subjects_daily', 'subjects-1', 'subjects', now() - interval '5 seconds'
    from breaches where closed_at is null and submission_key like 'bench:%' and substr(submission_key, 7)::int <= 1000
    order by substr(submission_key, 7)::int limit ${DUE}`;
}

export async function benchSchedulerScale(opts: { runs: number; iterations?: number; log: (line: string) => void }): Promise<ScaleResult> {
  const iterations = opts.iterations ?? 40;
  const url = await createDatabase();
  const sql = postgres(url, { max: 1, onnotice: () => {}, connection: { TimeZone: 'UTC' } });
  const captured: Array<{ query: string; params: unknown[] }> = [];
  let capture = false;
  const db = drizzle(sql, {
    schema,
    logger: { logQuery: (query, params) => void (capture && captured.push({ query, params })) },
  }) as unknown as DbExecutor;
  const claimOnce = async (): Promise<{ ms: number; claimed: number }> => {
    let out = { ms: 0, claimed: 0 };
    await db
      .transaction(async (tx) => {
        const t0 = performance.now();
        const rows = await claimDue(tx, { owner: 'bench', now: DateTime.utc(), limit: DUE, claimTimeoutMs: 120_000 });
        out = { ms: performance.now() - t0, claimed: rows.length };
        tx.rollback();
      })
      .catch((err: unknown) => {
        if (!(err instanceof TransactionRollbackError)) throw err;
      });
    return out;
  };
  const explain = async (): Promise<string> => {
    captured.length = 0;
    capture = true;
    await claimOnce();
    capture = false;
    const stmt = captured.find((c) => c.query.includes('with candidate'));
    if (!stmt) throw new Error('the claim statement was not captured');
    let plan = '';
    await sql
      .begin(async (tx) => {
        const rows = await tx.unsafe(`explain (analyze, buffers, costs off) ${stmt.query}`, stmt.params as never[]);
        plan = rows.map((r) => String(r['QUERY PLAN'])).join('\n');
        throw new Error('rollback');
      })
      .catch((err: Error) => {
        if (err.message !== 'rollback') throw err;
      });
    return plan;
  };
  let statement = '';
  try {
    const t0 = performance.now();
    const sizes: ScaleSize[] = [];
    const perRun = new Map<string, number[]>();
    let filled = 0;
    const [existing] = await sql`select count(*)::int as n from pg_indexes where indexname = 'reminders_claimed_idx'`;
    const variants = existing!.n > 0 ? ['as migrated'] : ['as migrated', 'with reminders_claimed_idx'];
    for (const target of [1_000, 100_000]) {
      await fill(sql, filled, target);
      if (filled === 0) await addDue(sql);
      filled = target;
      const [counts] = await sql`select (select count(*)::int from breaches) as b, (select count(*)::int from reminders) as r`;
      for (const variant of variants) {
        if (variant.startsWith('with')) await sql.unsafe(PROPOSED_INDEX);
        // Each measured claim is rolled back, leaving dead row versions behind: clear those of the
        // earlier measurements so that each one starts from a table as production would have it.
        await sql`vacuum analyze`;
        for (let i = 0; i < 5; i += 1) await claimOnce(); // warm the cache and the plan
        const runs: number[] = [];
        for (let run = 0; run < opts.runs; run += 1) {
          const times: number[] = [];
          for (let i = 0; i < iterations; i += 1) {
            const r = await claimOnce();
            if (r.claimed !== DUE) throw new Error(`claimed ${r.claimed} reminders, expected ${DUE}`);
            times.push(r.ms);
          }
          runs.push(median(times));
        }
        perRun.set(`${variant}@${target}`, runs);
        const plan = await explain();
        if (!statement) statement = captured.find((c) => c.query.includes('with candidate'))!.query;
        const seqScan = /Seq Scan on reminders/.test(plan);
        sizes.push({ variant, breaches: counts!.b, reminders: counts!.r, claimMs: figure(runs), plan, seqScan });
        opts.log(
          `scheduler (${variant}): ${counts!.b} breaches, ${counts!.r} reminders: claim ${runs.map((x) => x.toFixed(2)).join(', ')} ms` +
            (seqScan ? ' (sequential scan of reminders)' : ''),
        );
        if (variant.startsWith('with')) await sql`drop index reminders_claimed_idx`;
      }
    }
    const ratio: Record<string, Figure> = {};
    for (const variant of variants) {
      const small = perRun.get(`${variant}@1000`)!;
      const large = perRun.get(`${variant}@100000`)!;
      ratio[variant] = figure(large.map((l, i) => l / small[i]!));
    }
    return {
      sizes,
      ratio,
      due: DUE,
      iterations,
      runs: opts.runs,
      fillSeconds: (performance.now() - t0) / 1000,
      statement,
    };
  } finally {
    await sql.end({ timeout: 5 });
    await dropDatabase(url);
  }
}
