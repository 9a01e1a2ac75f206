import { stringify as formEncode } from 'node:querystring';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeSignature, type RawRequest } from '../emulator/index.js';
import type { ChildBot } from '../support/child-bot.js';
import { openDeclare, report, sleep, submitDeclare, waitForSetups, world, type World } from './support.js';

/**
 * 10,000 requests Slack never sent, at 50 in flight, to a running bot: unsigned, wrongly signed,
 * tampered, replayed after the 5-minute window, from the future, and correctly signed garbage.
 * Every one must be refused (401, or 400 for a signed body that does not parse), nothing may change
 * in the database or in Slack, and the bot must still answer /healthz and /breach help.
 */
// Run by `npm run test:resilience` (vitest.resilience.config.ts sets BREACHBOT_RESILIENCE), not by `npm test`.
describe.skipIf(!process.env.BREACHBOT_RESILIENCE)('malformed, unsigned or replayed requests', () => {
  const TOTAL = 10_000;
  const IN_FLIGHT = 50;

  let w: World;
  let bot: ChildBot;
  beforeAll(async () => {
    w = await world();
    bot = await w.start();
    const driver = w.driver(bot);
    await submitDeclare(w, driver, await openDeclare(w, driver), 'Existing breach');
    expect(await waitForSetups(w, ['Existing breach'], 20_000)).toBe(true);
  });
  afterAll(async () => {
    await w?.close();
  });

  const counts = async () =>
    (
      await w.sql`select (select count(*)::int from breaches) as breaches, (select count(*)::int from breach_events) as events,
                         (select count(*)::int from reminders) as reminders, (select count(*)::int from breach_setup_steps) as steps,
                         (select max(updated_at) from breaches) as updated`
    )[0];

  it('10,000 malformed, unsigned or replayed requests', async () => {
    const secret = w.slack.signingSecret;
    const now = () => Math.floor(Date.now() / 1000);
    const command = (text: string) =>
      formEncode({
        token: w.slack.verificationToken,
        team_id: w.slack.teamId,
        channel_id: w.generalId,
        user_id: w.users.reporter,
        command: '/breach',
        text,
        trigger_id: `${Date.now()}.1234.abcd`,
        response_url: `${w.slack.baseUrl}/response/none`,
      });
    const submission = formEncode({
      payload: JSON.stringify({
        type: 'view_submission',
        team: { id: w.slack.teamId },
        user: { id: w.users.reporter },
        view: { id: 'V0REPLAYED', callback_id: 'declare_breach_modal', state: { values: {} }, private_metadata: '' },
      }),
    });
    const form = 'application/x-www-form-urlencoded';
    const kinds: Array<{ name: string; expect: number[]; make: () => RawRequest }> = [
      { name: 'unsigned', expect: [401], make: () => ({ body: command('declare'), contentType: form, timestamp: null, signature: null }) },
      { name: 'no signature', expect: [401], make: () => ({ body: command('declare'), contentType: form, signature: null }) },
      { name: 'wrong secret', expect: [401], make: () => ({ body: command('declare'), contentType: form, signature: computeSignature('not-the-secret', now(), command('declare')) }) },
      {
        name: 'tampered body',
        expect: [401],
        make: () => {
          const ts = now();
          return { body: command('declare Tampered'), contentType: form, timestamp: ts, signature: computeSignature(secret, ts, command('help')) };
        },
      },
      {
        name: 'replayed command (6 min old)',
        expect: [401],
        make: () => {
          const ts = now() - 360;
          return { body: command('declare'), contentType: form, timestamp: ts, signature: computeSignature(secret, ts, command('declare')) };
        },
      },
      {
        name: 'replayed view submission (10 min old)',
        expect: [401],
        make: () => {
          const ts = now() - 600;
          return { body: submission, contentType: form, timestamp: ts, signature: computeSignature(secret, ts, submission) };
        },
      },
      {
        name: 'from the future (+10 min)',
        expect: [401],
        make: () => {
          const ts = now() + 600;
          return { body: command('declare'), contentType: form, timestamp: ts, signature: computeSignature(secret, ts, command('declare')) };
        },
      },
      { name: 'garbage signature', expect: [401], make: () => ({ body: command('declare'), contentType: form, signature: 'v0=zzzz' }) },
      { name: 'signed, payload not JSON', expect: [400], make: () => ({ body: 'payload=%7Bnot%20json', contentType: form }) },
      { name: 'signed JSON event, truncated', expect: [400], make: () => ({ body: '{"type":"event_callback","event":{', contentType: 'application/json' }) },
    ];

    const driver = w.driver(bot);
    await sleep(500);
    const before = await counts();
    const callsBefore = w.slack.calls.length;
    const statuses = new Map<string, Map<number, number>>();
    let unexpected = 0;
    let next = 0;
    const t0 = performance.now();
    await Promise.all(
      Array.from({ length: IN_FLIGHT }, async () => {
        while (next < TOTAL) {
          const kind = kinds[next % kinds.length]!;
          next += 1;
          const r = await driver.raw(kind.make()).catch(() => ({ status: 0 }));
          const m = statuses.get(kind.name) ?? new Map<number, number>();
          m.set(r.status, (m.get(r.status) ?? 0) + 1);
          statuses.set(kind.name, m);
          if (!kind.expect.includes(r.status)) unexpected += 1;
        }
      }),
    );
    const floodMs = performance.now() - t0;
    const t1 = performance.now();
    const health = await fetch(`http://127.0.0.1:${bot.port}/healthz`);
    const healthMs = performance.now() - t1;
    const help = await driver.slashCommand({ user: w.users.reporter, channel: w.generalId, text: 'help' });
    await sleep(1000);
    const after = await counts();
    const callsAfter = w.slack.calls.slice(callsBefore).filter((c) => c.method !== 'auth.test');

    const summary = [...statuses].map(([k, m]) => `${k}: ${[...m].map(([s, n]) => `${n}×${s}`).join(' ')}`).join('; ');
    expect(unexpected, summary).toBe(0);
    expect(health.status).toBe(200);
    expect(help.status).toBe(200);
    expect(help.body).toContain('/breach');
    expect(after).toEqual(before);
    // The only Slack call since the flood is none: /breach help is answered in its ack.
    expect(callsAfter.map((c) => c.method)).toEqual([]);
    report(`${TOTAL.toLocaleString('en-US')} malformed, unsigned or replayed requests`, {
      lost: 0,
      duplicated: after!.breaches - before!.breaches + (after!.events - before!.events),
      recoveryMs: healthMs,
    }, `all refused (401/400) in ${Math.round(floodMs)} ms; then /healthz 200 and /breach help answered`);
  });
});
