/** Rule 2 (slack-rules.md §1.2, §1.4): the bot must ack within 3 s with a 2xx. */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DriverError, SlackEmulator, type Driver } from './index.js';
import { sleep, startBolt, type BoltHandle } from './test-helpers.js';

describe('ack deadline', () => {
  let slack: SlackEmulator;
  let bolt: BoltHandle;
  let driver: Driver;
  let alice: string;

  beforeAll(async () => {
    slack = await SlackEmulator.start();
    alice = slack.addUser({ name: 'alice' }).id;
    bolt = await startBolt(slack, (app) => {
      app.command('/breach', async ({ ack, command }) => {
        if (command.text === 'slow') await sleep(3300);
        if (command.text === 'crash') throw new Error('boom before ack');
        if (command.text === 'reply') return ack({ response_type: 'ephemeral', text: 'Working on it…' });
        await ack();
      });
      app.action('slow_button', async ({ ack }) => {
        await sleep(700);
        await ack();
      });
    });
    driver = slack.driver(bolt.url);
  });
  afterAll(async () => {
    await bolt.stop();
    await slack.close();
  });

  test('a fast ack passes and records nothing', async () => {
    slack.clearViolations();
    const r = await driver.slashCommand({ user: alice, text: '' });
    expect(r.status).toBe(200);
    expect(r.ackMs).toBeLessThan(3000);
    expect(slack.violations).toEqual([]);
  });

  test('an ack body is shown to the user as an ephemeral message', async () => {
    await driver.slashCommand({ user: alice, text: 'reply' });
    expect(slack.ephemerals({ user: alice }).map((e) => e.text)).toContain('Working on it…');
  });

  test('an ack after 3 s is a violation and throws by default', async () => {
    slack.clearViolations();
    const err = await driver.slashCommand({ user: alice, text: 'slow' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DriverError);
    expect(slack.violations.map((v) => v.kind)).toContain('late_ack');
    const late = slack.violations.find((v) => v.kind === 'late_ack');
    expect(Number(late?.detail?.['ackMs'])).toBeGreaterThan(3000);
  });

  test('a non-2xx answer is a violation; throwing can be turned off', async () => {
    slack.clearViolations();
    const lenient = slack.driver(bolt.url, { throwOnViolation: false });
    const r = await lenient.slashCommand({ user: alice, text: 'crash' });
    expect(r.status).toBe(500);
    expect(slack.violations.map((v) => v.kind)).toEqual(['non_2xx_ack']);
  });

  test('the deadline is configurable (fast tests of interactions)', async () => {
    slack.clearViolations();
    const ch = slack.addChannel({ name: 'acks', members: [alice], botIsMember: true });
    const client = bolt.app.client;
    const posted = await client.chat.postMessage({
      channel: ch.id,
      text: 'card',
      blocks: [{ type: 'actions', elements: [{ type: 'button', action_id: 'slow_button', text: { type: 'plain_text', text: 'Go' } }] }],
    });
    const strict = slack.driver(bolt.url, { ackDeadlineMs: 300 });
    await expect(
      strict.blockAction({ user: alice, action_id: 'slow_button', message: { channel: ch.id, ts: String(posted.ts) } }),
    ).rejects.toBeInstanceOf(DriverError);
    expect(slack.violations.map((v) => v.kind)).toEqual(['late_ack']);
  });
});
