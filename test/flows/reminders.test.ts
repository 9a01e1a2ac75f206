import { DateTime } from 'luxon';
import postgres from 'postgres';
import { expect, it } from 'vitest';
import { manualClock } from '../../src/domain/clock.js';
import { declareAction } from '../../src/slack/ids.js';
import { useTestBot } from '../support/bot-harness.js';
import { describeEachDatabase } from '../support/databases.js';
import { declareValues, openDeclare, waitForSetup } from '../support/declare.js';

// Friday 23 October 2026, 10:00 in Copenhagen: the weekend of the October DST change.
const START = '2026-10-23T08:00:00Z';

describeEachDatabase('countdown reminders with a moved clock', ({ freshDatabase }) => {
  const clock = manualClock(START);
  // Posting one reminder per second per channel is Slack's rule; the moved clock posts faster than real time.
  const t = useTestBot(freshDatabase, { clock, slack: { rateLimits: { postMessagePerChannel: null } } });

  async function declare(title: string, opts: { role?: 'controller' | 'processor'; awareAt?: DateTime } = {}) {
    const view = await openDeclare(t);
    const values: Record<string, Record<string, unknown>> = declareValues({ title, awareAt: Math.floor((opts.awareAt ?? clock.now()).toSeconds()) });
    if (opts.role) values['role'] = { [declareAction('role')]: opts.role };
    await t.driver.submitView({ user: t.users.reporter, viewId: view.id, values });
    return waitForSetup(t.databaseUrl, title);
  }

  /** Reminder messages in the channel (the card is the first message). */
  const reminders = (channel: string) => t.slack.messages(channel).filter((m) => m.metadata?.['event_type'] === 'breachbot_reminder');

  async function at(iso: string) {
    clock.set(iso);
    await t.bot.tickReminders();
  }

  it('posts every planned reminder of a controller breach once, in order, across the DST change', async () => {
    const row = await declare('Controller countdown');
    // Deadline: 72 elapsed hours later, Monday 26 October 09:00 Copenhagen (08:00 UTC).
    expect(new Date(row.deadline_at).toISOString()).toBe('2026-10-26T08:00:00.000Z');
    const due = [
      ['2026-10-24T08:00:00Z', '2 d left'],
      ['2026-10-25T08:00:00Z', '1 d left'],
      ['2026-10-25T20:00:00Z', '12 h left'],
      ['2026-10-26T02:00:00Z', '6 h left'],
      ['2026-10-26T05:00:00Z', '3 h left'],
      ['2026-10-26T07:00:00Z', '1 h left'],
      ['2026-10-26T08:00:00Z', 'the deadline to notify Datatilsynet is now'],
      ['2026-10-26T20:00:00Z', 'overdue by 12 h'],
      ['2026-10-27T08:00:00Z', 'overdue by 1 d'],
    ] as const;
    for (const [when, says] of due) {
      await at(new Date(Date.parse(when) - 60_000).toISOString());
      const before = reminders(row.channel_id).length;
      await at(when);
      const posted = reminders(row.channel_id);
      expect(posted.length, `one reminder at ${when}`).toBe(before + 1);
      expect(posted.at(-1)!.text).toContain(says);
    }
    const last = reminders(row.channel_id).at(-1)!;
    expect(JSON.stringify(last.blocks)).toContain('reasons for the delay');
    expect(JSON.stringify(last.blocks)).toMatch(/Missing:\*.*risk assessment/);
    // Each reminder is an event row, and the card's countdown was refreshed.
    const sql = postgres(t.databaseUrl, { max: 1, onnotice: () => {} });
    try {
      const events = await sql`select data->>'key' as key from breach_events where breach_id = ${row.id} and type = 'reminder_posted' order by id`;
      expect(events.map((e) => e.key)).toEqual(['countdown-48h', 'countdown-24h', 'countdown-12h', 'countdown-6h', 'countdown-3h', 'countdown-1h', 'deadline', 'overdue-1', 'overdue-2']);
    } finally {
      await sql.end();
    }
    const card = t.slack.messages(row.channel_id).find((m) => m.ts === row.card_ts)!;
    expect(card.edited).toBeDefined();
    t.slack.assertNoViolations();
  });

  it("a processor's clock is the contract's 24 hours, without the 48 and 24 hour reminders", async () => {
    clock.set(START);
    const row = await declare('Processor countdown', { role: 'processor' });
    expect(new Date(row.deadline_at).toISOString()).toBe('2026-10-24T08:00:00.000Z');
    for (const [when, says] of [
      ['2026-10-23T20:00:00Z', '12 h left to tell the controller'],
      ['2026-10-24T02:00:00Z', '6 h left'],
      ['2026-10-24T05:00:00Z', '3 h left'],
      ['2026-10-24T07:00:00Z', '1 h left'],
      ['2026-10-24T08:00:00Z', 'the deadline to tell the controller is now'],
      ['2026-10-24T20:00:00Z', 'a processor must tell the controller without undue delay (Art. 33(2))'],
    ] as const) {
      await at(when);
      expect(reminders(row.channel_id).at(-1)?.text).toContain(says);
    }
    expect(reminders(row.channel_id)).toHaveLength(6);
    // A processor's duty is Art. 33(2); the reasons-for-delay rule of Art. 33(1) is the controller's.
    for (const m of reminders(row.channel_id)) {
      expect(m.text).toContain('Art. 33(2)');
      expect(m.text).not.toContain('33(1)');
    }
  });

  it('awareness long ago: one catch-up message instead of the reminders already past', async () => {
    clock.set(START);
    const row = await declare('Found on Monday, known since Friday', { awareAt: clock.now().minus({ hours: 60 }) });
    await at(clock.now().plus({ seconds: 1 }).toISO()!);
    const posted = reminders(row.channel_id);
    expect(posted).toHaveLength(1);
    expect(posted[0]!.text).toContain('12 h left');
    expect(JSON.stringify(posted[0]!.blocks)).toContain('Catching up');
  });

  it('stops when the notification is recorded', async () => {
    clock.set(START);
    const row = await declare('Notified early');
    await at('2026-10-24T08:00:00Z');
    expect(reminders(row.channel_id)).toHaveLength(1);
    const sql = postgres(t.databaseUrl, { max: 1, onnotice: () => {} });
    try {
      await sql`insert into notifications (breach_id, target, submitted_at, method, completeness, recorded_by)
                values (${row.id}, 'authority', ${'2026-10-24T10:00:00Z'}, 'online_form', 'complete', ${t.users.dpo})`;
      await at('2026-10-25T08:00:00Z');
      await at('2026-10-27T08:00:00Z');
      expect(reminders(row.channel_id)).toHaveLength(1);
      const pending = await sql`select count(*)::int as n from reminders where breach_id = ${row.id} and status = 'pending'`;
      expect(pending[0]!.n).toBe(0);
    } finally {
      await sql.end();
    }
  });

  it('a bot down across several due times posts one late reminder when it is back', async () => {
    clock.set(START);
    const row = await declare('Down over the weekend');
    await t.bot.stop();
    // Saturday 08:00 (48 h), Sunday 08:00 (24 h) and Sunday 20:00 (12 h) pass while it is down.
    clock.set('2026-10-25T21:30:00Z');
    await t.restart();
    await t.bot.tickReminders();
    const posted = reminders(row.channel_id);
    expect(posted).toHaveLength(1);
    expect(posted[0]!.text).toContain('10 h 30 min left');
    const note = JSON.stringify(posted[0]!.blocks);
    expect(note).toContain('Posted late');
    expect(note).toContain('2 missed reminders are folded into this one');
    await at('2026-10-26T02:00:00Z');
    expect(reminders(row.channel_id)).toHaveLength(2);
  });
});
