import { stringify as formEncode } from 'node:querystring';
import { DateTime } from 'luxon';
import postgres from 'postgres';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { manualClock } from '../../../src/domain/clock.js';
import {
  DECLARE_REGIME_ACTION, DECLARE_REGIME_FIELD, HOME_ACTIONS, REGIME_DECISIONS, REGIME_STAGE, SETTINGS_VIEW, regimeDecisionAction, settingsAction,
  type RegimeDecisionFieldId,
} from '../../../src/slack/ids.js';
import type { SubmitViewResult } from '../../emulator/index.js';
import { useTestBot } from '../../support/bot-harness.js';
import { cardJson, forge, type CardRow } from '../../support/card.js';
import { describeOnOneDatabase } from '../../support/databases.js';
import { declareValues, openDeclare, waitForSetup } from '../../support/declare.js';
import { openHome } from '../../support/home.js';
import { picked } from '../../support/notices.js';

/*
 * Issue 16, end to end through Slack: the NIS2 decisions a team makes after declaring. A breach
 * declared "not known yet" runs the NIS2 clocks until the team decides "no" with a justification;
 * one declared "no" gets them when the team decides "yes"; the authority's request for an
 * intermediate report gives that stage its clock and reminders. Only the DPO and the lead decide.
 */

// Friday 23 October 2026, 10:00 in Copenhagen (CEST).
const START = '2026-10-23T08:00:00Z';
const unix = (iso: string) => DateTime.fromISO(iso, { zone: 'utc' }).toUnixInteger();
const token = (iso: string) => `<!date^${unix(iso)}^{date_short_pretty} {time}|`;
type Breach = CardRow & { id: string };
const escape = (x: string) => x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A stage's line on the card: its name, its due time as a token (any fallback) and its status. */
const stageLine = (name: string, iso: string, status: string) =>
  new RegExp(`${escape(`*${name}* to The sectoral competent authority and the CSIRT, through Virk.dk: due ${token(iso)}`)}[^>]*> · ${escape(status)}`);

describeOnOneDatabase('NIS2 decisions after the declaration', ({ freshDatabase }) => {
  const clock = manualClock(START);
  const t = useTestBot(freshDatabase, { clock, slack: { rateLimits: { postMessagePerChannel: null } } });
  let sql: postgres.Sql;
  let unknown: Breach;
  let declaredNo: Breach;
  beforeAll(() => {
    sql = postgres(t.databaseUrl, { max: 1, onnotice: () => {} });
  });
  afterAll(() => sql.end());

  const reminderKeys = (b: Breach) =>
    t.slack
      .messages(b.channel_id)
      .filter((m) => m.metadata?.['event_type'] === 'breachbot_reminder')
      .map((m) => String((m.metadata?.['event_payload'] as Record<string, unknown>)['key']));
  const nis2Keys = (b: Breach) => reminderKeys(b).filter((k) => k.startsWith('nis2-dk:'));
  async function at(iso: string) {
    clock.set(iso);
    await t.bot.tickReminders();
    await t.bot.tickReminders();
  }
  async function declare(title: string, answer: 'yes' | 'no' | 'unknown'): Promise<Breach> {
    const view = await openDeclare(t);
    await t.slack.waitFor(() => t.slack.view(view.id)?.blocks.find((b) => b['block_id'] === DECLARE_REGIME_FIELD));
    const sent = await t.driver.submitView({
      user: t.users.reporter,
      viewId: view.id,
      values: { ...declareValues({ title, awareAt: unix(START), responders: [t.users.responder] }), [DECLARE_REGIME_FIELD]: { [DECLARE_REGIME_ACTION]: answer } },
    });
    expect(sent.responseAction).toBe('close');
    return (await waitForSetup(t.databaseUrl, title)) as unknown as Breach;
  }
  async function openDecisions(b: Breach, user: string) {
    const before = new Set(t.slack.openViews(user).map((v) => v.id));
    await t.driver.blockAction({ user, message: { channel: b.channel_id, ts: b.card_ts }, action_id: REGIME_DECISIONS.open });
    return t.slack.waitFor(() => t.slack.openViews(user).find((v) => v.callback_id === REGIME_DECISIONS.view && !before.has(v.id)));
  }
  const values = (v: Partial<Record<RegimeDecisionFieldId, string | number>>) =>
    Object.fromEntries(
      Object.entries(v).map(([f, x]) => [f, { [regimeDecisionAction(f as RegimeDecisionFieldId)]: typeof x === 'number' ? picked(x) : x }]),
    );
  const stored = async (b: Breach) => (await sql`select regimes, regime_answers from breaches where id = ${b.id}`)[0]!;
  const pendingNis2 = async (b: Breach) =>
    (await sql`select key from reminders where breach_id = ${b.id} and stream like 'nis2-dk:%' and status = 'pending' order by key`).map((r) => r['key']);

  it('a NIS2 entity declares one incident "not known yet" and one "no"', async () => {
    await openHome(t, t.users.dpo);
    await t.driver.blockAction({ user: t.users.dpo, view: t.slack.homeView(t.users.dpo)!.id, action_id: HOME_ACTIONS.editSettings });
    const settings = await t.slack.waitFor(() => t.slack.openViews(t.users.dpo).find((v) => v.callback_id === SETTINGS_VIEW));
    const saved = await t.driver.submitView({ user: t.users.dpo, viewId: settings.id, values: { regimeOptions: { [settingsAction('regimeOptions')]: ['nis2_dk'] } } });
    expect(saved.responseAction).toBe('close');
    unknown = await declare('Ransomware on the booking system', 'unknown');
    declaredNo = await declare('Phishing mail opened at reception', 'no');
    expect(await stored(unknown)).toMatchObject({ regimes: ['gdpr-dk', 'nis2-dk'], regime_answers: { significantIncident: null } });
    expect(await stored(declaredNo)).toMatchObject({ regimes: ['gdpr-dk'], regime_answers: { significantIncident: false } });

    // "Not known yet" runs the early warning; the card says it is not decided and offers the decisions.
    const card = await t.slack.waitFor(() => cardJson(t, unknown).includes(REGIME_DECISIONS.open) && cardJson(t, unknown));
    expect(card).toMatch(stageLine('Early warning', '2026-10-24T08:00:00Z', 'pending'));
    expect(card).toContain('Significant incident: *not known yet*: the NIS2 clocks run until it is decided');
    // Declared "no": the NIS2 stages show as not applicable, with the button to decide again.
    const noCard = await t.slack.waitFor(() => cardJson(t, declaredNo).includes(REGIME_DECISIONS.open) && cardJson(t, declaredNo));
    expect(noCard).toContain('*Early warning* to The sectoral competent authority and the CSIRT, through Virk.dk: no fixed due time · not applicable: The reporter said it is not a significant incident.');
  });

  it('someone outside the DPO and the lead is refused, and nothing changes', async () => {
    const before = await stored(unknown);
    const opened = t.slack.openViews(t.users.responder).length;
    await t.driver.blockAction({ user: t.users.responder, message: { channel: unknown.channel_id, ts: unknown.card_ts }, action_id: REGIME_DECISIONS.open });
    const told = await t.slack.waitFor(() => t.slack.ephemerals({ channel: unknown.channel_id, user: t.users.responder })[0]?.text);
    expect(told).toContain('Only the breach lead or the DPO can record the NIS2 decisions');
    expect(t.slack.openViews(t.users.responder)).toHaveLength(opened);

    // The DPO's own form, sent as the responder's: refused at the form.
    const form = await openDecisions(unknown, t.users.dpo);
    const tooShort = await t.driver.submitView({ user: t.users.dpo, viewId: form.id, values: values({ significant: 'no', justification: 'small' }) });
    expect(tooShort.errors).toEqual({ justification: expect.stringContaining('Write why it is not a significant incident') });
    const forged = structuredClone(tooShort.payload) as Record<string, any>;
    forged['view']['state']['values']['justification'][regimeDecisionAction('justification')]['value'] = 'No service was disrupted and no money was lost.';
    const refused = await forge(t, forged, t.users.responder);
    expect(refused.json).toMatchObject({ response_action: 'errors' });
    expect(await stored(unknown)).toEqual(before);
    expect(await sql`select 1 from breach_events where type = 'regime_decisions_recorded'`).toHaveLength(0);
  });

  let decidedNo: SubmitViewResult;
  it('deciding "no" with a justification stops the NIS2 clocks and their reminders; the card says why', async () => {
    await at('2026-10-23T20:00:00Z');
    expect(nis2Keys(unknown)).toEqual(['nis2-dk:early_warning/countdown-12h']);
    clock.set('2026-10-23T21:00:00Z');
    const form = await openDecisions(unknown, t.users.dpo);
    decidedNo = await t.driver.submitView({
      user: t.users.dpo,
      viewId: form.id,
      values: values({ significant: 'no', justification: 'Bookings ran on paper for an hour; no *money* lost <!channel>' }),
    });
    expect(decidedNo.responseAction).toBe('close');
    expect(await stored(unknown)).toMatchObject({ regimes: ['gdpr-dk'], regime_answers: { significantIncident: false } });
    const [event] = await sql`select actor, data from breach_events where breach_id = ${unknown.id} and type = 'regime_decisions_recorded'`;
    expect(event).toMatchObject({
      actor: t.users.dpo,
      data: { changed: ['significantIncident'], before: { regimes: ['gdpr-dk', 'nis2-dk'] }, after: { regimes: ['gdpr-dk'] } },
    });
    expect(await pendingNis2(unknown)).toEqual([]);

    const card = await t.slack.waitFor(() => cardJson(t, unknown).includes('Significant incident: *no*') && cardJson(t, unknown));
    expect(card).toContain('*Early warning* to The sectoral competent authority and the CSIRT, through Virk.dk: no fixed due time · not applicable: Decided not a significant incident');
    expect(card).toContain('lost &lt;!channel&gt;');
    const told = await t.slack.waitFor(() => t.slack.messages(unknown.channel_id).find((m) => m.text.includes('recorded the NIS2 (Denmark) decisions')));
    expect(told.text).toContain('&lt;!channel&gt;');
    expect(told.text).toContain('The NIS2 reminders have stopped.');

    for (const time of ['2026-10-24T02:00:00Z', '2026-10-24T08:00:00Z', '2026-10-26T09:00:00Z']) await at(time);
    expect(nis2Keys(unknown)).toEqual(['nis2-dk:early_warning/countdown-12h']);
    t.slack.assertNoViolations();
  });

  it('a replayed decision records nothing twice', async () => {
    const r = await t.driver.raw({
      body: formEncode({ payload: JSON.stringify(decidedNo.payload) }),
      contentType: 'application/x-www-form-urlencoded',
      timestamp: Math.floor(Date.now() / 1000) - 120,
    });
    expect(r.status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await sql`select 1 from breach_events where breach_id = ${unknown.id} and type = 'regime_decisions_recorded'`).toHaveLength(1);
    expect(t.slack.messages(unknown.channel_id).filter((m) => m.text.includes('recorded the NIS2 (Denmark) decisions'))).toHaveLength(1);
  });

  it('deciding "not known yet" again after "no" runs the clocks again: what was posted is not posted twice', async () => {
    clock.set('2026-10-26T09:00:00Z');
    const form = await openDecisions(unknown, t.users.dpo);
    const ok = await t.driver.submitView({ user: t.users.dpo, viewId: form.id, values: values({ significant: 'unknown' }) });
    expect(ok.responseAction).toBe('close');
    expect(await stored(unknown)).toMatchObject({ regimes: ['gdpr-dk', 'nis2-dk'], regime_answers: { significantIncident: null } });
    await t.slack.waitFor(() => cardJson(t, unknown).includes(':rotating_light: late: not recorded'));
    await at('2026-10-26T09:00:00Z');
    await at('2026-10-26T20:00:00Z');
    const keys = nis2Keys(unknown);
    expect(keys.filter((k) => k === 'nis2-dk:early_warning/countdown-12h')).toHaveLength(1);
    expect(keys).toContain('nis2-dk:early_warning/catch-up');
    expect(keys).toContain('nis2-dk:incident_notification/catch-up');
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('deciding "yes" on a breach declared "no" starts the clocks from awareness: the early warning is late, its reminders come once', async () => {
    clock.set('2026-10-24T14:00:00Z');
    const form = await openDecisions(declaredNo, t.users.dpo);
    expect(JSON.stringify(form.blocks)).toContain('24 hours and the incident notification 72 hours from when we became aware');
    const ok = await t.driver.submitView({ user: t.users.dpo, viewId: form.id, values: values({ significant: 'yes', condition: 'yes' }) });
    expect(ok.responseAction).toBe('close');
    expect(await stored(declaredNo)).toMatchObject({ regimes: ['gdpr-dk', 'nis2-dk'], regime_answers: { significantIncident: true, conditions: { services_affected: true } } });

    const card = await t.slack.waitFor(() => cardJson(t, declaredNo).includes(':rotating_light: late: not recorded') && cardJson(t, declaredNo));
    expect(card).toMatch(stageLine('Early warning', '2026-10-24T08:00:00Z', ':rotating_light: late: not recorded'));
    expect(card).toMatch(stageLine('Incident notification', '2026-10-26T08:00:00Z', 'pending'));
    // § 15: our services are affected, so the recipients are told without undue delay.
    expect(card).toContain('*Notice to the recipients of our services* to the recipients of our services: no fixed due time · pending');
    expect(card).toContain('the notice to the recipients of our services is due without undue delay');

    await at('2026-10-24T14:00:00Z');
    await at('2026-10-24T20:00:00Z');
    await at('2026-10-24T21:00:00Z');
    const keys = nis2Keys(declaredNo);
    expect(keys).toContain('nis2-dk:early_warning/catch-up');
    expect(keys).toContain('nis2-dk:early_warning/overdue-1');
    expect(keys).toContain('nis2-dk:incident_notification/catch-up');
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('the authority asks for an intermediate report: errors at the field, then its clock and reminders', async () => {
    clock.set('2026-10-25T09:00:00Z');
    const form = await openDecisions(declaredNo, t.users.dpo);
    const early = await t.driver.submitView({
      user: t.users.dpo, viewId: form.id, values: values({ requestedAt: unix('2026-10-23T07:00:00Z'), requestDueAt: unix('2026-10-23T09:00:00Z') }),
    });
    expect(early.errors).toEqual({ requestedAt: expect.stringContaining('before we became aware') });
    const backwards = await t.driver.submitView({
      user: t.users.dpo, viewId: form.id, values: values({ requestedAt: unix('2026-10-25T08:30:00Z'), requestDueAt: unix('2026-10-25T08:00:00Z') }),
    });
    expect(backwards.errors).toEqual({ requestDueAt: 'The time the authority gave must be after it asked.' });
    const ok = await t.driver.submitView({
      user: t.users.dpo, viewId: form.id, values: values({ requestedAt: unix('2026-10-25T08:30:00Z'), requestDueAt: unix('2026-10-27T08:30:00Z') }),
    });
    expect(ok.responseAction).toBe('close');
    await at('2026-10-25T09:00:00Z');

    const card = await t.slack.waitFor(() => cardJson(t, declaredNo).includes('The authority asked for an intermediate report') && cardJson(t, declaredNo));
    expect(card).toMatch(stageLine('Intermediate report (on request)', '2026-10-27T08:30:00Z', 'pending'));
    expect(card).toContain(`The authority asked for an intermediate report ${token('2026-10-25T08:30:00Z')}`);

    await at('2026-10-26T08:30:00Z');
    await at('2026-10-26T20:30:00Z');
    const keys = nis2Keys(declaredNo).filter((k) => k.startsWith('nis2-dk:intermediate_report/'));
    // The 48 h countdown fell before it asked: one catch-up at once, then the countdowns ahead.
    expect(keys).toEqual(['nis2-dk:intermediate_report/catch-up', 'nis2-dk:intermediate_report/countdown-24h', 'nis2-dk:intermediate_report/countdown-12h']);
    const all = nis2Keys(declaredNo);
    expect(new Set(all).size).toBe(all.length);

    // It can now be recorded with Record a NIS2 report.
    const before = new Set(t.slack.openViews(t.users.dpo).map((v) => v.id));
    await t.driver.blockAction({ user: t.users.dpo, message: { channel: declaredNo.channel_id, ts: declaredNo.card_ts }, action_id: REGIME_STAGE.record });
    const record = await t.slack.waitFor(() => t.slack.openViews(t.users.dpo).find((v) => v.callback_id === REGIME_STAGE.view && !before.has(v.id)));
    expect(JSON.stringify(record.blocks)).toContain('nis2-dk:intermediate_report');
    t.slack.assertNoViolations();
  });
});
