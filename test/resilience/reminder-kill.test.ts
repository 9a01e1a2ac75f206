import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FaultSpec } from '../emulator/index.js';
import {
  addReminders,
  openDeclare,
  reminderOutcome,
  report,
  sleep,
  stopBot,
  submitDeclare,
  waitForReminders,
  waitForSetups,
  world,
  type World,
} from './support.js';

/**
 * SIGKILL of the bot process at each step of a reminder post, then a restart: the reminder is
 * posted exactly once. Recovery: from starting the new process to the reminder posted and recorded.
 */
// Run by `npm run test:resilience` (vitest.resilience.config.ts sets BREACHBOT_RESILIENCE), not by `npm test`.
describe.skipIf(!process.env.BREACHBOT_RESILIENCE)('SIGKILL during a reminder post', () => {
  const CASES: Array<{ step: string; method: string; fault: FaultSpec }> = [
    // Claimed and sent, but Slack has not posted it (held, then refused): nothing is in the channel.
    { step: 'claimed, post in flight, not posted by Slack', method: 'chat.postMessage', fault: { latencyMs: 4000, error: 'internal_error' } },
    // Slack posted it, the answer is held: the message is in the channel, the row is still claimed.
    { step: 'posted by Slack, answer not received', method: 'chat.postMessage', fault: { answerDelayMs: 4000 } },
    // Posted and recorded; the card refresh after it is in flight.
    { step: 'posted and recorded, card refresh in flight', method: 'chat.update', fault: { latencyMs: 4000 } },
  ];

  let w: World;
  let breachId: string;
  beforeAll(async () => {
    w = await world();
    const bot = await w.start();
    const driver = w.driver(bot);
    await submitDeclare(w, driver, await openDeclare(w, driver), 'Reminder crash breach');
    expect(await waitForSetups(w, ['Reminder crash breach'], 20_000)).toBe(true);
    breachId = (await w.sql`select id from breaches where title = 'Reminder crash breach'`)[0]!.id as string;
    await stopBot(bot);
  });
  afterAll(async () => {
    await w?.close();
  });

  CASES.forEach((c, i) => {
    it(`reminder post killed: ${c.step}`, async () => {
      const key = `crash-${i}`;
      const first = await w.start();
      w.slack.faults.failNext(c.method, c.fault);
      await addReminders(w, [breachId], key, new Date());
      await w.slack.waitFor(() => w.slack.faults.pending.length === 0, { timeoutMs: 15_000, what: `${c.method} reached Slack` });
      await sleep(100);
      first.signal('SIGKILL');
      await first.exited;
      const [row] = await w.sql`select status from reminders where breach_id = ${breachId} and key = ${key}`;

      const t0 = performance.now();
      const second = await w.start();
      const done = await waitForReminders(w, [{ breachId, key }], 30_000);
      const recoveryMs = performance.now() - t0;
      await sleep(1500); // anything posted twice would show by now
      await stopBot(second);
      const outcome = await reminderOutcome(w, [{ breachId, key }]);
      report(`SIGKILL during a reminder post (${c.step})`, { ...outcome, recoveryMs: done ? recoveryMs : Number.NaN }, `row was ${row?.status} at the kill`);
    });
  });
});
