import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmbedded, type EmbeddedServer } from '../../src/db/embedded.js';
import { freePort } from '../../src/db/free-port.js';
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
 * PostgreSQL restarted under a bot that is serving: declarations keep coming in, /healthz is
 * polled and reminders fall due during the outage. The server is the embedded PostgreSQL 18 of
 * src/db/embedded.ts, on a fixed port so that it comes back where the bot expects it. Every declaration, accepted at
 * once or submitted again after an error, must be set up once, and every reminder posted once.
 */
// Run by `npm run test:resilience` (vitest.resilience.config.ts sets BREACHBOT_RESILIENCE), not by `npm test`.
describe.skipIf(!process.env.BREACHBOT_RESILIENCE)('PostgreSQL restarted while serving', () => {
  const OUTAGE_MS = 4000;

  let dir: string;
  let pg: EmbeddedServer;
  let port: number;
  let url: string;
  let w: World;
  let bot: ChildBot;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'breachbot-pg-restart-'));
    port = await freePort();
    pg = await startEmbedded({ dataDir: dir, port });
    // The superuser's URL: the bot migrates with it, as with a DATABASE_URL alone.
    url = pg.adminUrl;
    w = await world({ databaseUrl: url });
    bot = await w.start();
  }, 120_000);

  afterAll(async () => {
    await w?.close();
    await pg?.stop().catch(() => {});
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('PostgreSQL restarted while the bot serves', async () => {
    const driver = w.driver(bot);
    // Two breaches with channels, whose reminders fall due during the outage and after it.
    const base = ['Before the outage A', 'Before the outage B'];
    for (const t of base) await submitDeclare(w, driver, await openDeclare(w, driver), t);
    expect(await waitForSetups(w, base, 20_000)).toBe(true);
    const ids = (await w.sql`select id from breaches where title = any(${base})`).map((r) => r.id as string);
    const now = Date.now();
    await addReminders(w, ids, 'during-outage', new Date(now + 2500));
    await addReminders(w, ids, 'after-outage', new Date(now + 2000 + OUTAGE_MS + 3000));
    await w.sql.end();

    // Traffic: one declaration after another, and /healthz every 100 ms. A submission is accepted
    // when its ack closes the modal within Slack's 3 s; otherwise the person sees an error (at the
    // field, or Slack's own when the ack is late) and presses Submit again on the same modal.
    const accepted: string[] = [];
    let resubmits = 0;
    const health: Array<{ at: number; status: number }> = [];
    let running = true;
    const declarations = (async () => {
      for (let i = 0; running; i += 1) {
        const title = `During the outage ${i}`;
        const viewId = await openDeclare(w, driver);
        for (let attempt = 0; attempt < 60; attempt += 1) {
          if (attempt > 0) resubmits += 1;
          const res = await submitDeclare(w, driver, viewId, title).catch(() => undefined);
          if (res && res.status === 200 && res.ackMs <= 3000 && res.responseAction !== 'errors') {
            accepted.push(title);
            break;
          }
          await sleep(500);
        }
        await sleep(200);
      }
    })();
    const healthz = (async () => {
      while (running) {
        const status = await fetch(`http://127.0.0.1:${bot.port}/healthz`, { signal: AbortSignal.timeout(3000) })
          .then((r) => r.status)
          .catch(() => 0);
        health.push({ at: performance.now(), status });
        await sleep(100);
      }
    })();

    await sleep(2000);
    await pg.stop();
    const stoppedAt = performance.now();
    await sleep(OUTAGE_MS);
    pg = await startEmbedded({ dataDir: dir, port });
    const startedAt = performance.now();
    await sleep(4000);
    running = false;
    await Promise.all([declarations, healthz]);
    w.sql = postgres(url, { max: 2, onnotice: () => {} });
    let healthyAgain = health.find((h) => h.at > startedAt && h.status === 200);
    for (let i = 0; !healthyAgain && i < 600; i += 1) {
      const status = await fetch(`http://127.0.0.1:${bot.port}/healthz`, { signal: AbortSignal.timeout(3000) })
        .then((r) => r.status)
        .catch(() => 0);
      if (status === 200) healthyAgain = { at: performance.now(), status };
      else await sleep(100);
    }
    if (process.env.RESILIENCE_DEBUG) {
      const changes = health.filter((h, i) => i === 0 || h.status !== health[i - 1]!.status);
      process.stdout.write(`health: ${changes.map((h) => `${Math.round(h.at - stoppedAt)}ms:${h.status}`).join(' ')}; restarted at ${Math.round(startedAt - stoppedAt)}ms\n`);
      process.stdout.write(`accepted ${accepted.length}, submitted again ${resubmits}\n${bot.stderr().slice(-3000)}\n`);
    }
    const sawOutage = health.some((h) => h.at > stoppedAt && h.at < startedAt && h.status === 503);
    const settled = (await waitForSetups(w, accepted, 120_000)) && (await waitForReminders(w, ids.flatMap((id) => ['during-outage', 'after-outage'].map((key) => ({ breachId: id, key }))), 60_000));
    const settledAt = performance.now();

    let lost = 0;
    let duplicated = 0;
    for (const t of [...base, ...accepted]) {
      const o = declarationOutcome(await checkBreach(w, t));
      lost += o.lost;
      duplicated += o.duplicated;
    }
    const r = await reminderOutcome(w, ids.flatMap((id) => ['during-outage', 'after-outage'].map((key) => ({ breachId: id, key }))));
    lost += r.lost;
    duplicated += r.duplicated;
    expect(sawOutage).toBe(true);
    expect(healthyAgain).toBeDefined();
    report('PostgreSQL restarted while serving', { lost, duplicated, recoveryMs: settled ? settledAt - startedAt : Number.NaN }, [
      `outage ${OUTAGE_MS} ms`,
      `/healthz 200 again ${Math.round(healthyAgain!.at - startedAt)} ms after the restart`,
      `${accepted.length} declarations, ${resubmits} submissions refused or acked late during the outage and submitted again`,
    ].join('; '));
  });
});
