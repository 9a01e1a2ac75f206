import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openDb, type DbHandle } from '../../src/db/client.js';
import { planReminders } from '../../src/domain/reminder-plan.js';
import { declareBreach, type Declaration } from '../../src/store/breaches.js';
import {
  cancelStream,
  claimDue,
  markFailed,
  markPosted,
  pendingForBreach,
  scheduleReminders,
} from '../../src/store/reminders.js';
import { describeEachDatabase } from '../support/databases.js';

const T0 = DateTime.fromISO('2026-11-20T09:00:00Z', { zone: 'utc' });
const AWARE = T0.minus({ minutes: 30 });
const DEADLINE = AWARE.plus({ hours: 72 });
const STREAM = 'authority_countdown';
const TIMEOUT = 2 * 60_000;

const declaration = (): Declaration => ({
  title: 'Payroll file sent to wrong recipient',
  description: 'The October payroll export was e-mailed to an external address.',
  codename: null,
  awareAt: AWARE.toJSDate(),
  startedAt: null,
  discovery: null,
  role: 'controller',
  processorHours: null,
  systems: null,
  ongoing: 'no',
  responderIds: [],
  deadlineAt: DEADLINE.toJSDate(),
});


describeEachDatabase('reminder store', ({ freshDatabase }) => {
  let h: DbHandle;
  let url: string;
  beforeAll(async () => {
    url = await freshDatabase();
    h = openDb(url);
  });
  afterAll(() => h.close());

  /** A declared controller breach with its plan (made at T0) stored. */
  async function plannedBreach(): Promise<string> {
    const { breach } = await declareBreach(h.db, declaration(), {
      reporterId: 'U0REPORT',
      submissionKey: randomUUID(),
      replyUrl: null,
      now: T0.toJSDate(),
    });
    await scheduleReminders(h.db, breach.id, planReminders({ awareAt: AWARE, deadline: DEADLINE, now: T0 }), STREAM);
    return breach.id;
  }
  const rowsOf = (breachId: string) =>
    h.sql`select key, status, late, attempts, claimed_by, due_at, retry_at from reminders where breach_id = ${breachId} order by due_at, key`;
  const eventsOf = (breachId: string, type: string) =>
    h.sql`select data from breach_events where breach_id = ${breachId} and type = ${type} order by id`;
  const claim = (owner: string, now: DateTime, limit = 100) => claimDue(h.db, { owner, now, limit, claimTimeoutMs: TIMEOUT });
  const mine = <T extends { breachId: string }>(claimed: T[], breachId: string) => claimed.filter((r) => r.breachId === breachId);

  it('stores a plan once however often it is written, also inside a transaction', async () => {
    const id = await plannedBreach();
    const plan = planReminders({ awareAt: AWARE, deadline: DEADLINE, now: T0 });
    expect(await scheduleReminders(h.db, id, plan, STREAM)).toBe(0);
    expect(await h.db.transaction((tx) => scheduleReminders(tx, id, plan, STREAM))).toBe(0);
    const rows = await rowsOf(id);
    expect(rows.map((r) => r.key)).toEqual(plan.map((p) => p.key));
    expect(rows.every((r) => r.status === 'pending')).toBe(true);
  });

  it('claims a due row for one owner only and records its post once', async () => {
    const id = await plannedBreach();
    const at = DEADLINE.minus({ hours: 48 }).plus({ seconds: 1 });
    expect(mine(await claim('a', at.minus({ seconds: 2 })), id)).toEqual([]);
    const [r] = mine(await claim('a', at), id);
    expect(r).toMatchObject({ key: 'countdown-48h', late: false, attempts: 0, skippedKeys: [] });
    expect(r!.dueAt.toISO()).toBe(DEADLINE.minus({ hours: 48 }).toISO());
    expect(r!.deadlineAt.toISO()).toBe(DEADLINE.toISO());
    expect(mine(await claim('b', at), id)).toEqual([]);

    expect(await markPosted(h.db, r!.id, 'b', { messageTs: '1.1', postedAt: at })).toBe(false);
    expect(await markPosted(h.db, r!.id, 'a', { messageTs: '1.2', postedAt: at })).toBe(true);
    expect(await markPosted(h.db, r!.id, 'a', { messageTs: '1.3', postedAt: at })).toBe(false);
    const [row] = await h.sql`select status, message_ts, late from reminders where id = ${r!.id}`;
    expect(row).toMatchObject({ status: 'posted', message_ts: '1.2', late: false });
    expect((await eventsOf(id, 'reminder_posted')).map((e) => e.data)).toEqual([
      expect.objectContaining({ key: 'countdown-48h', late: false, messageTs: '1.2' }),
    ]);
  });

  it('collapses reminders missed together into the latest, late, and records the skipped ones', async () => {
    const id = await plannedBreach();
    const now = DEADLINE.plus({ hours: 1 });
    const claimed = mine(await claim('a', now), id);
    expect(claimed).toHaveLength(1);
    const skipped = ['countdown-48h', 'countdown-24h', 'countdown-12h', 'countdown-6h', 'countdown-3h', 'countdown-1h'];
    expect(claimed[0]).toMatchObject({ key: 'deadline', late: true, lateByMinutes: 60, skippedKeys: skipped });
    const rows = await rowsOf(id);
    expect(rows.filter((r) => r.status === 'skipped').map((r) => r.key)).toEqual(skipped);
    expect(rows.find((r) => r.key === 'overdue-1')!.status).toBe('pending');
    expect((await eventsOf(id, 'reminder_skipped')).map((e) => [e.data.key, e.data.collapsedInto])).toEqual(
      skipped.map((k) => [k, 'deadline']),
    );
  });

  it("takes over a dead claimer's row after the timeout and refuses the old owner's late record", async () => {
    const id = await plannedBreach();
    const due = DEADLINE.minus({ hours: 48 });
    const [r] = mine(await claim('dead', due), id);
    expect(mine(await claim('b', due.plus({ milliseconds: TIMEOUT - 1 })), id)).toEqual([]);
    const later = due.plus({ minutes: 10 });
    const [again] = mine(await claim('b', later), id);
    expect(again).toMatchObject({ id: r!.id, key: 'countdown-48h', late: true, lateByMinutes: 10 });
    expect(await markPosted(h.db, r!.id, 'dead', { messageTs: 'x', postedAt: later })).toBe(false);
    expect(await markPosted(h.db, r!.id, 'b', { messageTs: 'y', postedAt: later })).toBe(true);
    expect((await rowsOf(id))[0]).toMatchObject({ status: 'posted', late: true, claimed_by: 'b' });
  });

  it('a failed post waits for its retry time, keeps its due time, and a breach with a live claim is not claimed again', async () => {
    const id = await plannedBreach();
    const due = DEADLINE.minus({ hours: 48 });
    await scheduleReminders(h.db, id, [{ key: 'subjects-1', kind: 'subjects', dueAt: due.plus({ seconds: 10 }) }], 'subjects_daily');
    const [r] = mine(await claim('a', due), id);
    // While countdown-48h is in flight, another row of the breach coming due waits: one post at a time per channel.
    expect(mine(await claim('b', due.plus({ seconds: 20 })), id)).toEqual([]);
    expect(await cancelStream(h.db, id, 'subjects_daily')).toEqual(['subjects-1']);
    expect(await markFailed(h.db, r!.id, 'b', 'nope', due)).toBe(false);
    expect(await markFailed(h.db, r!.id, 'a', 'ratelimited', due.plus({ seconds: 30 }))).toBe(true);
    expect(mine(await claim('a', due.plus({ seconds: 29 })), id)).toEqual([]);
    const [retry] = mine(await claim('a', due.plus({ seconds: 30 })), id);
    expect(retry).toMatchObject({ id: r!.id, attempts: 1, late: false });
    expect(retry!.dueAt.toISO()).toBe(due.toISO());
    expect((await rowsOf(id))[0]).toMatchObject({ key: 'countdown-48h', status: 'claimed', attempts: 1 });
  });

  it('cancels the pending and in-flight rows of one stream; an in-flight post is recorded but chains nothing', async () => {
    const id = await plannedBreach();
    await scheduleReminders(h.db, id, [{ key: 'subjects-1', kind: 'subjects', dueAt: T0.plus({ days: 1 }) }], 'subjects_daily');
    const due = DEADLINE.minus({ hours: 48 });
    const [r] = mine(await claim('a', due), id);
    const keys = await cancelStream(h.db, id, STREAM, { actor: 'U0DPO', reason: 'notified' });
    expect(keys).toHaveLength(8);
    expect((await pendingForBreach(h.db, id)).map((x) => x.key)).toEqual(['subjects-1']);
    const next = { key: 'never', kind: 'countdown', dueAt: due.plus({ hours: 1 }) };
    expect(await markPosted(h.db, r!.id, 'a', { messageTs: '9.9', postedAt: due, next })).toBe(true);
    const rows = await rowsOf(id);
    expect(rows.find((x) => x.key === 'countdown-48h')!.status).toBe('posted');
    expect(rows.some((x) => x.key === 'never')).toBe(false);
    expect(mine(await claim('a', DEADLINE.plus({ days: 30 })), id).map((x) => x.key)).toEqual(['subjects-1']);
    const [ev] = await h.sql`select actor, data from breach_events where breach_id = ${id} and type = 'reminders_cancelled'`;
    expect(ev).toMatchObject({ actor: 'U0DPO', data: { stream: STREAM, reason: 'notified' } });
  });

  it('concurrent claimers on separate pools collapse each breach once and never share a row', async () => {
    const ids = await Promise.all(Array.from({ length: 30 }, () => plannedBreach()));
    const handles = [0, 1, 2].map(() => openDb(url, { max: 2 }));
    try {
      const now = DEADLINE.plus({ hours: 1 });
      const claimedBy = await Promise.all(
        handles.map(async (hh, i) => {
          const got: { id: number; breachId: string; key: string }[] = [];
          for (;;) {
            const batch = await claimDue(hh.db, { owner: `o${i}`, now, limit: 3, claimTimeoutMs: TIMEOUT });
            if (batch.length === 0) return got;
            got.push(...batch);
          }
        }),
      );
      const all = claimedBy.flat().filter((r) => ids.includes(r.breachId));
      expect(new Set(all.map((r) => r.id)).size).toBe(all.length);
      expect(all.map((r) => r.breachId).sort()).toEqual([...ids].sort());
      expect(all.every((r) => r.key === 'deadline')).toBe(true);
      const [n] = await h.sql`select count(*)::int as n from breach_events where type = 'reminder_skipped' and breach_id = any(${ids})`;
      expect(n!.n).toBe(30 * 6);
    } finally {
      await Promise.all(handles.map((hh) => hh.close()));
    }
  });
});

