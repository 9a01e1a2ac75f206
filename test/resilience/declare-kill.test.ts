import { afterAll, beforeAll, describe, it } from 'vitest';
import { checkBreach, declarationOutcome, openDeclare, report, sleep, stopBot, submitDeclare, waitForSetups, world, type World } from './support.js';

/**
 * SIGKILL of the bot process at each step of a declaration (create the channel, invite, set the
 * topic, post the card, pin it), both while Slack has not done the step yet and after Slack did
 * it but before the bot heard back; then a restart. The breach must end up set up exactly once.
 * Recovery: from starting the new process to the completed setup.
 */
// Run by `npm run test:resilience` (vitest.resilience.config.ts sets BREACHBOT_RESILIENCE), not by `npm test`.
describe.skipIf(!process.env.BREACHBOT_RESILIENCE)('SIGKILL during a declaration', () => {
  const STEPS = ['conversations.create', 'conversations.invite', 'conversations.setTopic', 'chat.postMessage', 'pins.add'] as const;

  let w: World;
  beforeAll(async () => {
    w = await world();
  });
  afterAll(async () => {
    await w?.close();
  });

  for (const method of STEPS) {
    for (const when of ['before Slack did it', 'after Slack did it'] as const) {
      it(`declaration killed at ${method}, ${when}`, async () => {
        const title = `Killed at ${method} ${when}`;
        const first = await w.start();
        const driver = w.driver(first);
        const viewId = await openDeclare(w, driver);
        // Before: the request is held in Slack and then refused, so Slack never does the step.
        // After: Slack does it at once and holds the answer, so the bot never learns it succeeded.
        w.slack.faults.failNext(method, when === 'before Slack did it' ? { latencyMs: 4000, error: 'internal_error' } : { answerDelayMs: 4000 });
        await submitDeclare(w, driver, viewId, title);
        await w.slack.waitFor(() => w.slack.faults.pending.length === 0, { timeoutMs: 10_000, what: `${method} reached Slack` });
        await sleep(100);
        first.signal('SIGKILL');
        await first.exited;

        const t0 = performance.now();
        const second = await w.start();
        const done = await waitForSetups(w, [title], 30_000);
        const recoveryMs = performance.now() - t0;
        await stopBot(second);
        const check = await checkBreach(w, title);
        report(`SIGKILL at ${method} (${when})`, { ...declarationOutcome(check), recoveryMs: done ? recoveryMs : Number.NaN });
      });
    }
  }
});
