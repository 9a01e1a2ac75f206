import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChildBot } from '../support/child-bot.js';
import {
  addReminders,
  checkBreach,
  declarationOutcome,
  openDeclare,
  reminderOutcome,
  report,
  sleep,
  submitDeclare,
  waitForReminders,
  waitForSetups,
  world,
  type World,
} from './support.js';

/**
 * Three bot processes on one PostgreSQL and one Slack: declarations arrive at any of them (the
 * modal opened by one, submitted to another, some submitted twice to two of them at once, as a
 * double click or a Slack retry does), then reminders fall due and are shared out; one replica is
 * killed while posting. Each breach is set up once and each reminder posted once.
 */
// Run by `npm run test:resilience` (vitest.resilience.config.ts sets BREACHBOT_RESILIENCE), not by `npm test`.
describe.skipIf(!process.env.BREACHBOT_RESILIENCE)('three replicas on one PostgreSQL', () => {
  let w: World;
  let replicas: ChildBot[];
  beforeAll(async () => {
    w = await world();
    replicas = await Promise.all([0, 1, 2].map(() => w.start()));
  });
  afterAll(async () => {
    await w?.close();
  });

  it('three replicas on one PostgreSQL', async () => {
    const users = Array.from({ length: 9 }, (_, i) => w.slack.addUser({ name: `reporter.${i}` }).id);
    const titles = users.map((_, i) => `Replica breach ${i}`);
    await Promise.all(
      users.map(async (user, i) => {
        const opener = w.driver(replicas[i % 3]!);
        const viewId = await openDeclare(w, opener, user);
        const to = w.driver(replicas[(i + 1) % 3]!);
        if (i % 3 === 0) {
          // The same submission delivered to two replicas at once.
          const again = w.driver(replicas[(i + 2) % 3]!);
          await Promise.all([submitDeclare(w, to, viewId, titles[i]!, user), submitDeclare(w, again, viewId, titles[i]!, user).catch(() => undefined)]);
        } else {
          await submitDeclare(w, to, viewId, titles[i]!, user);
        }
      }),
    );
    expect(await waitForSetups(w, titles, 60_000)).toBe(true);

    const ids = (await w.sql`select id from breaches where title = any(${titles})`).map((r) => r.id as string);
    const keys = ids.flatMap((breachId) => ['replica-1', 'replica-2', 'replica-3'].map((key) => ({ breachId, key })));
    // One replica dies while posting (its first post is held in Slack); the other two take over.
    w.slack.faults.failNext('chat.postMessage', { latencyMs: 3000 });
    const now = Date.now();
    await addReminders(w, ids, 'replica-1', new Date(now));
    await addReminders(w, ids, 'replica-2', new Date(now + 2000));
    await addReminders(w, ids, 'replica-3', new Date(now + 4000));
    await w.slack.waitFor(() => w.slack.faults.pending.length === 0, { timeoutMs: 10_000, what: 'a post in flight' });
    const [claim] = await w.sql`select claimed_by from reminders where status = 'claimed' and key like 'replica-%' limit 1`;
    const victim = replicas.find((r) => String(claim?.claimed_by ?? '').split(':')[1] === String(r.child.pid)) ?? replicas[0]!;
    victim.signal('SIGKILL');
    const killedAt = performance.now();
    const done = await waitForReminders(w, keys, 60_000);
    const recoveryMs = performance.now() - killedAt;
    await sleep(1500);

    let lost = 0;
    let duplicated = 0;
    for (const t of titles) {
      const o = declarationOutcome(await checkBreach(w, t));
      lost += o.lost;
      duplicated += o.duplicated;
    }
    const r = await reminderOutcome(w, keys);
    if (process.env.RESILIENCE_DEBUG) {
      for (const t of titles) process.stdout.write(`${t}: ${JSON.stringify(await checkBreach(w, t))}\n`);
      process.stdout.write(`${JSON.stringify(await w.sql`select key, status, claimed_by, attempts, last_error from reminders where key like 'replica-%' and status <> 'posted'`)}\n`);
    }
    const posters = await w.sql`select count(distinct claimed_by)::int as n from reminders where status = 'posted' and key like 'replica-%'`;
    report('three replicas on one PostgreSQL, one killed while posting', { lost: lost + r.lost, duplicated: duplicated + r.duplicated, recoveryMs: done ? recoveryMs : Number.NaN }, [
      `${titles.length} declarations (3 delivered twice)`,
      `${keys.length} reminders: posted by ${posters[0]!.n} replicas, ${r.collapsed} folded into a later one while the dead replica's claim was taken over`,
    ].join('; '));
  });
});
