import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChildBot } from '../support/child-bot.js';
import type { FaultSpec } from '../emulator/index.js';
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
 * Slack failing: storms of 429 (Retry-After) and of 5xx on every Web API method while breaches are
 * being declared and reminders fall due, and a 5xx after Slack had in fact posted. Everything
 * must be done exactly once when Slack recovers. Recovery: from the end of the storm to all done.
 */
// Run by `npm run test:resilience` (vitest.resilience.config.ts sets BREACHBOT_RESILIENCE), not by `npm test`.
describe.skipIf(!process.env.BREACHBOT_RESILIENCE)('Slack 429 storms and 5xx', () => {
  let w: World;
  let bot: ChildBot;
  let breachIds: string[] = [];
  const reporters: string[] = [];

  beforeAll(async () => {
    w = await world();
    bot = await w.start();
    const driver = w.driver(bot);
    for (let i = 0; i < 3; i += 1) reporters.push(w.slack.addUser({ name: `reporter.${i}` }).id);
    const titles = ['Storm breach A', 'Storm breach B', 'Storm breach C', 'Storm breach D'];
    for (const t of titles) await submitDeclare(w, driver, await openDeclare(w, driver), t);
    expect(await waitForSetups(w, titles, 20_000)).toBe(true);
    breachIds = (await w.sql`select id from breaches where title = any(${titles})`).map((r) => r.id as string);
  });
  afterAll(async () => {
    await w?.close();
  });

  async function storm(name: string, fault: FaultSpec, durationMs: number): Promise<void> {
    const driver = w.driver(bot);
    // Modals are open before the storm: the people press Submit during it.
    const views = await Promise.all(reporters.map((u) => openDeclare(w, driver, u)));
    const titles = reporters.map((_, i) => `${name} declared during the storm ${i}`);
    const key = `storm-${name}`;
    w.slack.faults.failNext('*', { ...fault, times: 1_000_000 });
    await addReminders(w, breachIds, key, new Date());
    await Promise.all(views.map((v, i) => submitDeclare(w, driver, v, titles[i]!, reporters[i])));
    await sleep(durationMs);
    w.slack.faults.clear();
    const ended = performance.now();
    const keys = breachIds.map((breachId) => ({ breachId, key }));
    const done = (await waitForSetups(w, titles, 60_000)) && (await waitForReminders(w, keys, 60_000));
    const recoveryMs = performance.now() - ended;
    await sleep(1500);
    let lost = 0;
    let duplicated = 0;
    for (const t of titles) {
      const o = declarationOutcome(await checkBreach(w, t));
      lost += o.lost;
      duplicated += o.duplicated;
    }
    const r = await reminderOutcome(w, keys);
    const failed = w.slack.calls.filter((c) => c.faulted).length;
    report(`Slack ${name} for ${durationMs / 1000} s`, { lost: lost + r.lost, duplicated: duplicated + r.duplicated, recoveryMs: done ? recoveryMs : Number.NaN }, `${failed} calls refused; ${titles.length} declarations, ${keys.length} reminders`);
    w.slack.clearCalls();
  }

  it('a 429 storm (Retry-After 1 s on every method)', async () => {
    await storm('429 storm', { status: 429, retryAfter: 1 }, 3000);
  });

  it('a 5xx storm (503 on every method)', async () => {
    await storm('503 storm', { status: 503 }, 3000);
  });

  it('a reminder Slack posted but answered 500 for', async () => {
    const key = 'posted-then-500';
    w.slack.faults.failNext('chat.postMessage', { status: 500, applyFirst: true });
    const t0 = performance.now();
    await addReminders(w, [breachIds[0]!], key, new Date());
    const done = await waitForReminders(w, [{ breachId: breachIds[0]!, key }], 60_000);
    const recoveryMs = performance.now() - t0;
    await sleep(1500);
    report('Slack posted a reminder but answered 500', { ...(await reminderOutcome(w, [{ breachId: breachIds[0]!, key }])), recoveryMs: done ? recoveryMs : Number.NaN });
  });

  it('a breach card Slack posted but answered 500 for', async () => {
    const driver = w.driver(bot);
    const title = 'Card posted then 500';
    const view = await openDeclare(w, driver);
    w.slack.faults.failNext('chat.postMessage', { status: 500, applyFirst: true });
    const t0 = performance.now();
    await submitDeclare(w, driver, view, title);
    const done = await waitForSetups(w, [title], 60_000);
    const recoveryMs = performance.now() - t0;
    await sleep(1000);
    report('Slack posted a breach card but answered 500', { ...declarationOutcome(await checkBreach(w, title)), recoveryMs: done ? recoveryMs : Number.NaN });
  });
});
