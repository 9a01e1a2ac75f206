import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { openDb, type DbHandle } from '../../src/db/client.js';
import { manualClock, type ManualClock } from '../../src/domain/clock.js';
import { nextSubjectReminder, planReminders } from '../../src/domain/reminder-plan.js';
import { startReminderScheduler, type ReminderSchedulerOptions } from '../../src/flows/reminder-scheduler.js';
import { declareBreach, type Declaration } from '../../src/store/breaches.js';
import { cancelStream, claimDue, type ClaimedReminder, scheduleReminders } from '../../src/store/reminders.js';
import { describeEachDatabase } from '../support/databases.js';

const T0 = DateTime.fromISO('2026-11-20T09:00:00Z', { zone: 'utc' });
const AWARE = T0.minus({ minutes: 30 });
const STREAM = 'authority_countdown';
const quiet = { debug() {}, info() {}, warn() {}, error() {} };

type Role = Declaration['role'];

describeEachDatabase('reminder scheduler', ({ freshDatabase }) => {
  let h: DbHandle;
  let url: string;
  beforeAll(async () => {
    url = await freshDatabase();
    h = openDb(url);
  });
  afterAll(() => h.close());
  // Every test starts with no live reminder left over from an earlier one (claims are database-wide).
  beforeEach(async () => {
    await h.sql`update reminders set status = 'cancelled' where status in ('pending', 'claimed')`;
  });

  async function breachWithPlan(role: Role = 'controller'): Promise<{ id: string; deadline: DateTime }> {
    const b = await declared(role);
    await scheduleReminders(h.db, b.id, planReminders({ awareAt: AWARE, deadline: b.deadline, now: T0 }), STREAM);
    return b;
  }

  async function declared(role: Role = 'controller'): Promise<{ id: string; deadline: DateTime }> {
    const deadline = AWARE.plus({ hours: role === 'processor' ? 24 : 72 });
    const { breach } = await declareBreach(
      h.db,
      {
        title: 'Lost laptop',
        description: 'An unencrypted laptop was left on a train.',
        codename: null,
        awareAt: AWARE.toJSDate(),
        startedAt: null,
        discovery: null,
        role,
        processorHours: role === 'processor' ? 24 : null,
        systems: null,
        ongoing: 'no',
        responderIds: [],
        deadlineAt: deadline.toJSDate(),
      },
      { reporterId: 'U0REPORT', submissionKey: randomUUID(), replyUrl: null, now: T0.toJSDate() },
    );
    return { id: breach.id, deadline };
  }

  /** A scheduler without its own loop (tests tick it) that records what it posts. */
  function scheduler(clock: ManualClock, over: Partial<ReminderSchedulerOptions> = {}) {
    const posted: ClaimedReminder[] = [];
    const s = startReminderScheduler({
      db: h.db,
      clock,
      owner: 'replica-a',
      pollMs: 0,
      claimTimeoutMs: 2 * 60_000,
      logger: quiet,
      post: async (r) => {
        posted.push(r);
        return { messageTs: `${posted.length}.0001` };
      },
      ...over,
    });
    return { s, posted };
  }
  const statusOf = async (breachId: string) =>
    Object.fromEntries((await h.sql`select key, status from reminders where breach_id = ${breachId}`).map((r) => [r.key, r.status]));

  for (const role of ['controller', 'processor'] as const) {
    it(`posts every planned reminder of a ${role} breach once, in order, as the clock moves`, async () => {
      const { id, deadline } = await breachWithPlan(role);
      const clock = manualClock(T0);
      const { s, posted } = scheduler(clock);
      const planned = planReminders({ awareAt: AWARE, deadline, now: T0 });
      const dueTimes = [...planned.map((p) => p.dueAt), deadline.plus({ hours: 24 })]; // + the chained overdue-2
      for (const due of dueTimes) {
        clock.set(due.minus({ seconds: 1 }));
        await s.tickNow();
        clock.set(due.plus({ seconds: 1 }));
        await s.tickNow();
        await s.tickNow();
      }
      await s.stop();
      const expected = [...planned.map((p) => p.key), 'overdue-2'];
      expect(posted.map((r) => r.key)).toEqual(expected);
      expect(expected[0]).toBe(role === 'processor' ? 'countdown-12h' : 'countdown-48h');
      expect(posted.every((r) => !r.late && r.breachId === id)).toBe(true);
      const rows = await h.sql`select key, status, message_ts from reminders where breach_id = ${id} order by due_at`;
      expect(rows.map((r) => [r.key, r.status])).toEqual([...expected.map((k) => [k, 'posted']), ['overdue-3', 'pending']]);
      const [ev] = await h.sql`select count(*)::int as n from breach_events where breach_id = ${id} and type = 'reminder_posted'`;
      expect(ev!.n).toBe(expected.length);
    });
  }

  it('three schedulers on separate pools post 500 due reminders, none twice and none missing', async () => {
    // Two streams per breach, both due: 250 × 2 = 500 posts.
    const due = T0.plus({ minutes: 1 });
    const breaches: string[] = [];
    for (let i = 0; i < 25; i += 1) {
      const ids = await Promise.all(
        Array.from({ length: 10 }, async () => {
          const { id } = await declared();
          await scheduleReminders(h.db, id, [{ key: 'catch-up', kind: 'catch_up', dueAt: due }], STREAM);
          await scheduleReminders(h.db, id, [{ key: 'subjects-1', kind: 'subjects', dueAt: due }], 'subjects_daily');
          return id;
        }),
      );
      breaches.push(...ids);
    }
    const clock = manualClock(due.plus({ seconds: 1 }));
    const counts = new Map<number, number>();
    const busy = new Set<string>();
    let overlapping = 0;
    const pools = [0, 1, 2].map(() => openDb(url, { max: 3 }));
    const schedulers = pools.map((p, i) =>
      startReminderScheduler({
        db: p.db,
        clock,
        owner: `replica-${i}`,
        pollMs: 5,
        batch: 10,
        concurrency: 4,
        claimTimeoutMs: 60_000,
        logger: quiet,
        nextReminder: () => null,
        post: async (r) => {
          if (busy.has(r.breachId)) overlapping += 1;
          busy.add(r.breachId);
          await new Promise((resolve) => setTimeout(resolve, Math.random() * 2));
          busy.delete(r.breachId);
          counts.set(r.id, (counts.get(r.id) ?? 0) + 1);
          return { messageTs: String(r.id) };
        },
      }),
    );
    try {
      const deadline = Date.now() + 20_000;
      while (Date.now() < deadline) {
        const [row] = await h.sql`select count(*)::int as n from reminders where breach_id = any(${breaches}) and status = 'posted'`;
        if (row!.n >= 500) break;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    } finally {
      await Promise.all(schedulers.map((s) => s.stop()));
      await Promise.all(pools.map((p) => p.close()));
    }
    expect(counts.size).toBe(500);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
    expect(overlapping).toBe(0);
    const rows = await h.sql`select status, claimed_by, count(*)::int as n from reminders where breach_id = any(${breaches}) and status <> 'cancelled' group by 1, 2`;
    expect(rows.every((r) => r.status === 'posted')).toBe(true);
    expect(rows.reduce((sum, r) => sum + r.n, 0)).toBe(500);
    expect(rows.length).toBeGreaterThan(1); // the work was shared
  });

  it("posts a dead claimer's reminder once after the claim timeout, marked late", async () => {
    const { id, deadline } = await breachWithPlan();
    const due = deadline.minus({ hours: 48 });
    const clock = manualClock(due);
    const dead = await claimDue(h.db, { owner: 'dead-replica', now: due, limit: 10, claimTimeoutMs: 120_000 });
    expect(dead.filter((r) => r.breachId === id).map((r) => r.key)).toEqual(['countdown-48h']);
    const { s, posted } = scheduler(clock, { claimTimeoutMs: 120_000 });
    clock.advance({ minutes: 1 });
    await s.tickNow();
    expect(posted).toEqual([]);
    clock.advance({ minutes: 9 });
    await s.tickNow();
    await s.tickNow();
    await s.stop();
    expect(posted.map((r) => [r.key, r.late, r.lateByMinutes])).toEqual([['countdown-48h', true, 10]]);
    const [row] = await h.sql`select status, late, claimed_by from reminders where breach_id = ${id} and key = 'countdown-48h'`;
    expect(row).toMatchObject({ status: 'posted', late: true, claimed_by: 'replica-a' });
  });

  it("takes over a dead local process's claim only after its last post could have landed, and looks for that post first", async () => {
    const { id, deadline } = await breachWithPlan();
    const due = deadline.minus({ hours: 48 });
    const clock = manualClock(due);
    // A process of this bot on this host that is gone (no process has this pid), killed mid-post.
    const deadOwner = `${hostname()}:999999999:dead01`;
    await claimDue(h.db, { owner: deadOwner, now: due, limit: 10, claimTimeoutMs: 120_000 });
    const { s, posted } = scheduler(clock, { owner: `${hostname()}:${process.pid}:self01`, claimTimeoutMs: 120_000, inFlightSettleMs: 10_000 });
    clock.advance({ seconds: 1 });
    await s.tickNow();
    clock.advance({ seconds: 8 });
    await s.tickNow();
    // Slack may still carry out the dead process's post: nothing is posted while it could land.
    expect(posted).toEqual([]);
    clock.advance({ seconds: 3 });
    await s.tickNow();
    await s.stop();
    // Taken over well before the 2-minute claim timeout, as a retry (attempts > 0: the poster looks first).
    expect(posted.map((r) => [r.key, r.attempts])).toEqual([['countdown-48h', 1]]);
    const [row] = await h.sql`select status, claimed_by from reminders where breach_id = ${id} and key = 'countdown-48h'`;
    expect(row).toMatchObject({ status: 'posted', claimed_by: `${hostname()}:${process.pid}:self01` });
  });

  it('after an outage across several due times posts one late reminder per stream and skips the rest', async () => {
    const { id, deadline } = await breachWithPlan();
    const subjects = nextSubjectReminder({ decidedAt: T0.plus({ hours: 1 }), after: T0.plus({ hours: 1 }) });
    await scheduleReminders(h.db, id, [{ ...subjects, kind: 'subjects' }], 'subjects_daily');
    const now = deadline.plus({ hours: 13 }); // past six countdowns, the deadline and overdue-1
    const clock = manualClock(now);
    const { s, posted } = scheduler(clock);
    await s.tickNow();
    await s.tickNow();
    await s.stop();
    expect(posted.map((r) => [r.stream, r.key, r.late]).sort()).toEqual([
      [STREAM, 'overdue-1', true],
      ['subjects_daily', 'subjects-1', true],
    ]);
    expect(posted.find((r) => r.stream === STREAM)!.skippedKeys).toEqual([
      'countdown-48h',
      'countdown-24h',
      'countdown-12h',
      'countdown-6h',
      'countdown-3h',
      'countdown-1h',
      'deadline',
    ]);
    const status = await statusOf(id);
    expect(Object.values(status).filter((x) => x === 'skipped')).toHaveLength(7);
    // The chains continue from now, not from the missed times: overdue-2 and subjects-4 are next.
    const nextSubjects = nextSubjectReminder({ decidedAt: T0.plus({ hours: 1 }), after: now }).key;
    expect(nextSubjects).toBe('subjects-4');
    expect(Object.entries(status).filter(([, x]) => x === 'pending').map(([k]) => k).sort()).toEqual(['overdue-2', nextSubjects]);
  });

  it("retries a rate-limited post after Slack's Retry-After and posts it once", async () => {
    const { id, deadline } = await breachWithPlan();
    const due = deadline.minus({ hours: 48 });
    const clock = manualClock(due);
    let calls = 0;
    const posted: ClaimedReminder[] = [];
    const limited = startReminderScheduler({
      db: h.db,
      clock,
      owner: 'replica-a',
      pollMs: 0,
      logger: quiet,
      post: async (r) => {
        calls += 1;
        if (calls === 1) throw Object.assign(new Error('A rate limit was exceeded'), { code: 'slack_webapi_rate_limited_error', retryAfter: 30 });
        posted.push(r);
        return { messageTs: '5.5' };
      },
    });
    await limited.tickNow();
    expect([calls, posted.length]).toEqual([1, 0]);
    clock.advance({ seconds: 29 });
    await limited.tickNow();
    expect(calls).toBe(1);
    clock.advance({ seconds: 1 });
    await limited.tickNow();
    await limited.tickNow();
    await limited.stop();
    expect(calls).toBe(2);
    expect(posted.map((r) => [r.key, r.attempts])).toEqual([['countdown-48h', 1]]);
    const [row] = await h.sql`select status, attempts, message_ts, late from reminders where breach_id = ${id} and key = 'countdown-48h'`;
    expect(row).toMatchObject({ status: 'posted', attempts: 1, message_ts: '5.5', late: false });
  });

  it('backs off 5 s, then 10 s, after other errors, and never drops the reminder', async () => {
    const { deadline } = await breachWithPlan();
    const clock = manualClock(deadline.minus({ hours: 48 }));
    const attemptsAt: string[] = [];
    const { s } = scheduler(clock, {
      post: async () => {
        attemptsAt.push(clock.now().toISO()!);
        if (attemptsAt.length <= 2) throw Object.assign(new Error('An API error occurred: internal_error'), { data: { error: 'internal_error' } });
        return { messageTs: '1.0' };
      },
    });
    for (let i = 0; i < 20; i += 1) {
      await s.tickNow();
      clock.advance({ seconds: 1 });
    }
    await s.stop();
    const start = deadline.minus({ hours: 48 });
    expect(attemptsAt).toEqual([start, start.plus({ seconds: 5 }), start.plus({ seconds: 15 })].map((t) => t.toISO()));
  });

  it('cancelStream stops the pending reminders of a stream', async () => {
    const { id, deadline } = await breachWithPlan();
    const clock = manualClock(deadline.minus({ hours: 48 }));
    const { s, posted } = scheduler(clock);
    await s.tickNow();
    expect(posted.map((r) => r.key)).toEqual(['countdown-48h']);
    expect(await cancelStream(h.db, id, STREAM, { actor: 'U0DPO' })).toHaveLength(7);
    for (const hours of [24, 1, 0, -12, -24, -100]) {
      clock.set(deadline.minus({ hours }).plus({ seconds: 1 }));
      await s.tickNow();
    }
    await s.stop();
    expect(posted.map((r) => r.key)).toEqual(['countdown-48h']);
    expect(Object.values(await statusOf(id)).filter((x) => x === 'cancelled')).toHaveLength(7);
  });

  it('stop waits for a post in flight, which is then recorded', async () => {
    const { id, deadline } = await breachWithPlan();
    const clock = manualClock(deadline.minus({ hours: 48 }));
    let release!: () => void;
    let started!: () => void;
    const postStarted = new Promise<void>((resolve) => (started = resolve));
    const s = startReminderScheduler({
      db: h.db,
      clock,
      owner: 'replica-a',
      pollMs: 5,
      logger: quiet,
      post: () => {
        started();
        return new Promise((resolve) => (release = () => resolve({ messageTs: '7.7' })));
      },
    });
    await postStarted;
    let stopped = false;
    const stopping = s.stop().then(() => (stopped = true));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(stopped).toBe(false);
    release();
    await stopping;
    const [row] = await h.sql`select status, message_ts from reminders where breach_id = ${id} and key = 'countdown-48h'`;
    expect(row).toMatchObject({ status: 'posted', message_ts: '7.7' });
  });
});
