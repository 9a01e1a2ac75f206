import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { afterAll, expect, it } from 'vitest';
import { restoreBackup } from '../../src/db/backup.js';
import { manualClock } from '../../src/domain/clock.js';
import { takeBackup } from '../../src/flows/backups.js';
import { useTestBot } from '../support/bot-harness.js';
import { describeEachDatabase, testServers } from '../support/databases.js';
import { declareValues, openDeclare, waitForSetup } from '../support/declare.js';
import { assessByCommand, HEALTH_LEAK_STEP1, resultMessage, submitStep } from '../support/assess.js';
import { pressCard, type CardRow } from '../support/card.js';
import { ACTIONS, TIMELINE_ENTRY_VIEW, timelineEntryAction } from '../../src/slack/ids.js';

const START = '2026-10-23T08:00:00Z';
const dir = mkdtempSync(join(tmpdir(), 'breachbot-drill-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * The restore drill: a breach is declared, its clock running; the database is backed up, wiped and
 * restored; the bot starts again and carries on exactly: the next reminder is posted once.
 */
describeEachDatabase('restore drill', ({ server, freshDatabase }) => {
  const clock = manualClock(START);
  const t = useTestBot(freshDatabase, { clock, slack: { rateLimits: { postMessagePerChannel: null } } });
  const reminders = (channel: string) => t.slack.messages(channel).filter((m) => m.metadata?.['event_type'] === 'breachbot_reminder');
  const adminUrl = () => testServers().find((s) => s.server === server)!.adminUrl;

  it('declare, assess, record, back up, wipe, restore, start: the next reminder is posted once', async () => {
    // Declare, assess, record a timeline entry: the state a restore must bring back.
    const now = Math.floor(clock.now().toSeconds());
    const view = await openDeclare(t);
    await t.driver.submitView({
      user: t.users.reporter,
      viewId: view.id,
      values: declareValues({ title: 'Drill breach', awareAt: now, responders: [t.users.responder] }),
    });
    const row = await waitForSetup(t.databaseUrl, 'Drill breach');
    const questionnaire = await assessByCommand(t, row.channel_id);
    await submitStep(t, t.users.responder, questionnaire.id, HEALTH_LEAK_STEP1);
    await submitStep(t, t.users.responder, questionnaire.id, { disclosure: 'likely', recipients: 'unknown', physicalDanger: 'false', protection: 'none' });
    await submitStep(t, t.users.responder, questionnaire.id, { measuresRemoveHighRisk: 'false', individualContactDisproportionate: 'false' });
    await resultMessage(t, row.channel_id, 1);
    await pressCard(t, row as unknown as CardRow, ACTIONS.addTimelineEntry, t.users.responder);
    const entry = await t.slack.waitFor(() => t.slack.openViews(t.users.responder).find((v) => v.callback_id === TIMELINE_ENTRY_VIEW));
    const saved = await t.driver.submitView({
      user: t.users.responder,
      viewId: entry.id,
      values: {
        what: { [timelineEntryAction('what')]: 'Laptop located at the courier' },
        occurredAt: { [timelineEntryAction('occurredAt')]: { type: 'datetimepicker', selected_date_time: now - 600 } },
      },
    });
    expect(saved.responseAction).toBe('close');
    const sql = postgres(t.databaseUrl, { max: 1, onnotice: () => {} });
    const file = join(dir, `drill-${server}.backup.gz`);
    try {
      const before = await sql`select count(*)::int as n from breach_events`;
      const pending = await sql`select key from reminders where breach_id = ${row.id} and status = 'pending' order by due_at`;
      expect(pending[0]!.key).toBe('countdown-48h');
      await takeBackup(t.databaseUrl, file, 'manual');

      // Wipe: the database is gone and created again, empty.
      await t.bot.stop();
      await sql.end();
      const name = new URL(t.databaseUrl).pathname.slice(1);
      const admin = postgres(adminUrl(), { max: 1, onnotice: () => {} });
      await admin.unsafe(`drop database ${name} with (force)`);
      await admin.unsafe(`create database ${name}`);
      await admin.end();

      await restoreBackup(t.databaseUrl, file);
      await t.restart();
      const again = postgres(t.databaseUrl, { max: 1, onnotice: () => {} });
      try {
        expect((await again`select count(*)::int as n from breach_events`)[0]!.n).toBeGreaterThanOrEqual(before[0]!.n);
        expect((await again`select card_ts from breaches where id = ${row.id}`)[0]!.card_ts).toBe(row.card_ts);
        expect((await again`select count(*)::int as n from assessments where breach_id = ${row.id}`)[0]!.n).toBe(1);
        expect((await again`select data->>'text' as t from breach_events where breach_id = ${row.id} and type = 'timeline_entry'`)[0]!.t).toBe(
          'Laptop located at the courier',
        );
      } finally {
        await again.end();
      }

      // 48 hours before the deadline: the first reminder, once, however often the scheduler looks.
      clock.set('2026-10-24T08:00:00Z');
      await t.bot.tickReminders();
      await t.bot.tickReminders();
      await t.restart();
      await t.bot.tickReminders();
      const posted = reminders(row.channel_id);
      expect(posted).toHaveLength(1);
      expect(posted[0]!.text).toContain('2 d left');
      t.slack.assertNoViolations();
    } finally {
      await sql.end().catch(() => {});
    }
  }, 120_000);
});
