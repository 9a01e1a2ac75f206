import { stringify as formEncode } from 'node:querystring';
import { DateTime } from 'luxon';
import postgres from 'postgres';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { manualClock } from '../../../src/domain/clock.js';
import {
  DECLARE_REGIME_ACTION, DECLARE_REGIME_FIELD, HOME_ACTIONS, REGIME_STAGE, SETTINGS_VIEW, regimeStageAction, settingsAction,
} from '../../../src/slack/ids.js';
import type { SubmitViewResult } from '../../emulator/index.js';
import { useTestBot } from '../../support/bot-harness.js';
import { cardJson, forge, type CardRow } from '../../support/card.js';
import { describeOnOneDatabase } from '../../support/databases.js';
import { declareValues, openDeclare, waitForSetup } from '../../support/declare.js';
import { openHome } from '../../support/home.js';
import { picked } from '../../support/notices.js';

/*
 * Issue 16, end to end through Slack: an organisation that is a NIS2 entity declares a significant
 * incident; the card shows every NIS2 clock, each stage's reminders come once, recording a stage
 * moves the clocks and stops its reminders.
 */

// Friday 23 October 2026, 10:00 in Copenhagen (CEST); the clocks change back on Sunday the 25th.
const START = '2026-10-23T08:00:00Z';
const unix = (iso: string) => DateTime.fromISO(iso, { zone: 'utc' }).toUnixInteger();
/** The `<!date^…>` token of a due time, as far as its fallback. */
const token = (iso: string) => `<!date^${unix(iso)}^{date_short_pretty} {time}|`;

describeOnOneDatabase('NIS2 clocks on a significant incident', ({ freshDatabase }) => {
  const clock = manualClock(START);
  const t = useTestBot(freshDatabase, { clock, slack: { rateLimits: { postMessagePerChannel: null } } });
  let sql: postgres.Sql;
  let breach: CardRow & { id: string };
  beforeAll(() => {
    sql = postgres(t.databaseUrl, { max: 1, onnotice: () => {} });
  });
  afterAll(() => sql.end());

  const reminderKeys = (channel: string) =>
    t.slack
      .messages(channel)
      .filter((m) => m.metadata?.['event_type'] === 'breachbot_reminder')
      .map((m) => String((m.metadata?.['event_payload'] as Record<string, unknown>)['key']));
  const earlyWarningKeys = () => reminderKeys(breach.channel_id).filter((k) => k.startsWith('nis2-dk:early_warning/'));
  async function at(iso: string) {
    clock.set(iso);
    await t.bot.tickReminders();
    // A second round at the same time finds nothing more to post: each reminder comes once.
    await t.bot.tickReminders();
  }
  const stageValues = (v: { stage?: string; doneAt?: number; reference?: string }) => ({
    ...(v.stage ? { stage: { [regimeStageAction('stage')]: v.stage } } : {}),
    ...(v.doneAt !== undefined ? { doneAt: { [regimeStageAction('doneAt')]: picked(v.doneAt) } } : {}),
    ...(v.reference ? { reference: { [regimeStageAction('reference')]: v.reference } } : {}),
  });
  async function openStageForm(user: string) {
    const before = new Set(t.slack.openViews(user).map((v) => v.id));
    await t.driver.blockAction({ user, message: { channel: breach.channel_id, ts: breach.card_ts }, action_id: REGIME_STAGE.record });
    return t.slack.waitFor(() => t.slack.openViews(user).find((v) => v.callback_id === REGIME_STAGE.view && !before.has(v.id)));
  }
  const recorded = async () => (await sql`select regime, stage, done_at, recorded_by from regime_stages where breach_id = ${breach.id} order by done_at`);

  it('the DPO says the organisation is a NIS2 entity; the Declare modal then asks whether the incident is significant', async () => {
    await openHome(t, t.users.dpo);
    await t.driver.blockAction({ user: t.users.dpo, view: t.slack.homeView(t.users.dpo)!.id, action_id: HOME_ACTIONS.editSettings });
    const settings = await t.slack.waitFor(() => t.slack.openViews(t.users.dpo).find((v) => v.callback_id === SETTINGS_VIEW));
    const saved = await t.driver.submitView({
      user: t.users.dpo,
      viewId: settings.id,
      values: { regimeOptions: { [settingsAction('regimeOptions')]: ['nis2_dk'] } },
    });
    expect(saved.responseAction).toBe('close');
    const [row] = await sql`select value from settings where key = 'org'`;
    expect(row!['value']['regimes']).toEqual({ establishedIn: ['DK'], nis2EntityIn: ['DK'] });
    await t.slack.waitFor(() => JSON.stringify(t.slack.homeView(t.users.dpo)?.blocks ?? []).includes('NIS2 (Denmark): the Declare form asks whether an incident is significant'));

    const view = await openDeclare(t);
    const asked = await t.slack.waitFor(() => t.slack.view(view.id)?.blocks.find((b) => b['block_id'] === DECLARE_REGIME_FIELD));
    expect(JSON.stringify(asked)).toContain('Is this a significant incident');
    expect(JSON.stringify(asked)).toContain('Not known yet (the NIS2 clocks run until we decide)');

    const title = 'Ransomware on the booking system';
    const sent = await t.driver.submitView({
      user: t.users.reporter,
      viewId: view.id,
      values: { ...declareValues({ title, awareAt: unix(START), responders: [t.users.responder] }), [DECLARE_REGIME_FIELD]: { [DECLARE_REGIME_ACTION]: 'yes' } },
    });
    expect(sent.responseAction).toBe('close');
    breach = (await waitForSetup(t.databaseUrl, title)) as unknown as CardRow & { id: string };
    const [b] = await sql`select regimes, regime_answers from breaches where id = ${breach.id}`;
    expect(b).toEqual({ regimes: ['gdpr-dk', 'nis2-dk'], regime_answers: { significantIncident: true } });
  });

  it('the card shows the early warning at aware + 24 h and the incident notification at aware + 72 h, beside the GDPR deadline', async () => {
    const card = await t.slack.waitFor(() => cardJson(t, breach).includes('NIS2 (Denmark)') && cardJson(t, breach));
    expect(card).toContain(`*Early warning* to The sectoral competent authority and the CSIRT, through Virk.dk: due ${token('2026-10-24T08:00:00Z')}`);
    expect(card).toContain(`*Incident notification* to The sectoral competent authority and the CSIRT, through Virk.dk: due ${token('2026-10-26T08:00:00Z')}`);
    // The final report counts from the notification: provisional, from its deadline, until it is recorded.
    expect(card).toContain(`*Final report*`);
    expect(card).toMatch(/Final report\*[^•]*provisional: Counted from the incident notification deadline until it is recorded/);
    // The GDPR deadline is shown as before.
    expect(card).toContain(`*Deadline to notify Datatilsynet*\\n${token('2026-10-26T08:00:00Z')}`);
  });

  it('the early-warning reminders come once each, and recording the early warning stops them', async () => {
    for (const time of ['2026-10-23T20:00:00Z', '2026-10-24T02:00:00Z', '2026-10-24T05:00:00Z', '2026-10-24T07:00:00Z']) await at(time);
    expect(earlyWarningKeys()).toEqual([
      'nis2-dk:early_warning/countdown-12h',
      'nis2-dk:early_warning/countdown-6h',
      'nis2-dk:early_warning/countdown-3h',
      'nis2-dk:early_warning/countdown-1h',
    ]);
    const last = t.slack.messages(breach.channel_id).at(-1)!;
    // Close to the due time the lead (none yet) and the DPO are called by name, with the due time as a token.
    expect(last.text).toContain(`<@${t.users.dpo}>`);
    expect(JSON.stringify(last.blocks)).toContain('1 h left for the NIS2 (Denmark) early warning to The sectoral competent authority and the CSIRT');
    expect(JSON.stringify(last.blocks)).toContain(token('2026-10-24T08:00:00Z'));

    clock.set('2026-10-24T07:30:00Z');
    const form = await openStageForm(t.users.dpo);
    const ok = await t.driver.submitView({ user: t.users.dpo, viewId: form.id, values: stageValues({ stage: 'nis2-dk:early_warning', doneAt: unix('2026-10-24T07:20:00Z') }) });
    expect(ok.responseAction).toBe('close');
    await at('2026-10-24T08:00:00Z');
    await at('2026-10-24T21:00:00Z');
    expect(earlyWarningKeys()).toHaveLength(4);
    const card = await t.slack.waitFor(() => cardJson(t, breach).includes('met: submitted') && cardJson(t, breach));
    expect(card).toContain(`met: submitted ${token('2026-10-24T07:20:00Z')}`);
  });

  it('a time in the future or before awareness is refused at its field; someone outside the channel cannot record', async () => {
    clock.set('2026-10-25T12:00:00Z');
    const form = await openStageForm(t.users.dpo);
    const options = JSON.stringify(form.blocks.find((b) => b['block_id'] === 'stage'));
    // The early warning is recorded: no longer offered.
    expect(options).not.toContain('nis2-dk:early_warning');
    expect(options).toContain('nis2-dk:incident_notification');
    const future = await t.driver.submitView({ user: t.users.dpo, viewId: form.id, values: stageValues({ stage: 'nis2-dk:incident_notification', doneAt: unix('2026-10-25T13:00:00Z') }) });
    expect(future.errors).toEqual({ doneAt: expect.stringContaining('in the future') });
    const before = await t.driver.submitView({ user: t.users.dpo, viewId: form.id, values: stageValues({ stage: 'nis2-dk:incident_notification', doneAt: unix('2026-10-23T07:00:00Z') }) });
    expect(before.errors).toEqual({ doneAt: expect.stringContaining('before we became aware') });

    // The outsider sends the DPO's form, with a valid time, as their own: refused at the form, nothing recorded.
    const forged = structuredClone(future.payload) as Record<string, any>;
    forged['view']['state']['values']['doneAt'][regimeStageAction('doneAt')]['selected_date_time'] = unix('2026-10-25T11:30:00Z');
    const refused = await forge(t, forged, t.users.outsider);
    expect(refused.status).toBe(200);
    expect(refused.json).toMatchObject({ response_action: 'errors' });
    expect(await recorded()).toHaveLength(1);
    // A responder is in the channel but does not record reports (the DPO and the lead do): told so, no form.
    const opened = t.slack.openViews(t.users.responder).length;
    await t.driver.blockAction({ user: t.users.responder, message: { channel: breach.channel_id, ts: breach.card_ts }, action_id: REGIME_STAGE.record });
    await t.slack.waitFor(() => t.slack.ephemerals({ channel: breach.channel_id, user: t.users.responder }).length > 0);
    expect(t.slack.openViews(t.users.responder)).toHaveLength(opened);
    expect(await recorded()).toHaveLength(1);
  });

  let sent: SubmitViewResult;
  it('recording the incident notification shows the final report due one calendar month later, and stops its reminders', async () => {
    await at('2026-10-25T08:00:00Z');
    const notificationKeys = () => reminderKeys(breach.channel_id).filter((k) => k.startsWith('nis2-dk:incident_notification/'));
    expect(notificationKeys()).toEqual(['nis2-dk:incident_notification/countdown-48h', 'nis2-dk:incident_notification/countdown-24h']);

    clock.set('2026-10-25T12:00:00Z');
    const form = await openStageForm(t.users.dpo);
    sent = await t.driver.submitView({
      user: t.users.dpo,
      viewId: form.id,
      values: stageValues({ stage: 'nis2-dk:incident_notification', doneAt: unix('2026-10-25T11:30:00Z'), reference: 'VIRK-*2026*-<!channel>' }),
    });
    expect(sent.responseAction).toBe('close');
    expect((await recorded()).map((r) => r['stage'])).toEqual(['early_warning', 'incident_notification']);
    const [event] = await sql`select actor, data from breach_events where breach_id = ${breach.id} and type = 'regime_stage_recorded' and data->>'stage' = 'incident_notification'`;
    expect(event).toMatchObject({ actor: t.users.dpo, data: { regime: 'nis2-dk', stage: 'incident_notification', doneAt: '2026-10-25T11:30:00.000Z' } });

    // 25 October 12:30 CET + one month = 25 November 12:30 CET: 31 days, not 30.
    const card = await t.slack.waitFor(() => cardJson(t, breach).includes(token('2026-11-25T11:30:00Z')) && cardJson(t, breach));
    expect(card).toContain(`*Final report* to The sectoral competent authority and the CSIRT, through Virk.dk: due ${token('2026-11-25T11:30:00Z')}`);
    expect(card).not.toContain('provisional');
    // The confirmation in the channel, with the reference escaped.
    const confirmation = await t.slack.waitFor(() => t.slack.messages(breach.channel_id).find((m) => m.text.includes('recorded the NIS2 (Denmark) incident notification')));
    expect(confirmation.text).toContain('VIRK-*2026*-&lt;!channel&gt;');
    expect(JSON.stringify(confirmation.blocks)).toContain(`Next: the final report, due ${token('2026-11-25T11:30:00Z')}`);

    // The notification's reminders have stopped; the GDPR countdown runs on, and the final report's are planned.
    const rows = await sql`select key, status from reminders where breach_id = ${breach.id} and stream = 'nis2-dk:incident_notification' and status = 'pending'`;
    expect(rows).toEqual([]);
    const finalKeys = (await sql`select key from reminders where breach_id = ${breach.id} and stream = 'nis2-dk:final_report' and status = 'pending' order by due_at`).map((r) => r['key']);
    expect(finalKeys[0]).toBe('nis2-dk:final_report/countdown-48h');
    expect(finalKeys).toContain('nis2-dk:final_report/deadline');
    await at('2026-10-26T08:00:00Z');
    await at('2026-10-26T21:00:00Z');
    expect(notificationKeys()).toHaveLength(2);
    expect(reminderKeys(breach.channel_id)).toContain('deadline');

    // The final report's reminders come in their turn.
    await at('2026-11-23T11:30:00Z');
    expect(reminderKeys(breach.channel_id).filter((k) => k.startsWith('nis2-dk:final_report/'))).toEqual(['nis2-dk:final_report/countdown-48h']);
    // Across every stream, the GDPR countdown included, no reminder was posted twice.
    const all = reminderKeys(breach.channel_id);
    expect(new Set(all).size).toBe(all.length);
    t.slack.assertNoViolations();
  });

  it('a replayed submission records nothing twice', async () => {
    const r = await t.driver.raw({
      body: formEncode({ payload: JSON.stringify(sent.payload) }),
      contentType: 'application/x-www-form-urlencoded',
      timestamp: Math.floor(Date.now() / 1000) - 120,
    });
    expect(r.status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await recorded()).toHaveLength(2);
    expect(await sql`select 1 from breach_events where breach_id = ${breach.id} and type = 'regime_stage_recorded'`).toHaveLength(2);
    const confirmations = t.slack.messages(breach.channel_id).filter((m) => m.text.includes('recorded the NIS2 (Denmark) incident notification'));
    expect(confirmations).toHaveLength(1);
  });
});
