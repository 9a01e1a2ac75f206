import postgres from 'postgres';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ACTIONS, ASSESSMENT, CLOSE_VIEW, HOME_ACTIONS, SETTINGS_VIEW, closeAction, overrideAction, settingsAction } from '../../../src/slack/ids.js';
import type { EmulatedView } from '../../emulator/index.js';
import { publicView } from '../../emulator/methods/views.js';
import { declareForAssessment } from '../../support/assess.js';
import { useTestBot } from '../../support/bot-harness.js';
import { assessedLeak, common, decidedNoNotification, forge, pressCard, type CardRow } from '../../support/card.js';
import { describeEachDatabase } from '../../support/databases.js';
import { openHome } from '../../support/home.js';
import { openRecord } from '../../support/notices.js';
import { RECORD_FIELDS } from '../../../src/slack/views/record-modal.js';

/*
 * Access control (issue 7): every privileged button and command, pressed by someone who is not a
 * DPO user, the breach lead or an admin (the responder, a channel member; the outsider, not even
 * that, with forged requests), gets an explanation and changes nothing: no row, no event.
 * A new privileged button or command belongs here too.
 */
describeEachDatabase('privileged actions refused to everyone else', ({ freshDatabase }) => {
  const t = useTestBot(freshDatabase);
  let sql: postgres.Sql;
  let undecided: CardRow;
  let result: { ts: string };
  let decided: CardRow;

  beforeAll(async () => {
    sql = postgres(t.databaseUrl, { max: 1, onnotice: () => {} });
    undecided = (await declareForAssessment(t, 'Patient letters sent to old addresses')) as unknown as CardRow;
    result = await assessedLeak(t, undecided);
    ({ breach: decided } = await decidedNoNotification(t, 'Timesheet app offline for an hour'));
  });
  afterAll(() => sql.end());

  /** Everything a privileged action could change: decisions, closes, settings, and the audit trail. */
  const snapshot = async () => ({
    decisions: (await sql`select count(*)::int as n from decisions`)[0]!.n,
    closed: (await sql`select count(*)::int as n from breaches where closed_at is not null`)[0]!.n,
    statuses: (await sql`select status from breaches order by id`).map((r) => r.status),
    notifications: (await sql`select count(*)::int as n from notifications`)[0]!.n,
    restrictions: (await sql`select count(*)::int as n from subject_restrictions`)[0]!.n,
    leads: (await sql`select lead_id from breaches order by id`).map((r) => r.lead_id),
    settings: (await sql`select value from settings`).map((r) => r.value),
    events: (await sql`select count(*)::int as n from breach_events where type not in ('reminder_posted', 'reminder_skipped')`)[0]!.n,
  });
  const ONLY = /^Only the DPO(, the breach lead)? or a workspace admin can /;
  const ephemeralTo = (user: string, channel: string, from: number) =>
    t.slack.waitFor(() => t.slack.ephemerals({ channel, user }).slice(from).find((e) => ONLY.test(e.text)));
  const viaResponseUrl = (from: number) => t.slack.waitFor(() => t.slack.responseUrlPosts().slice(from).find((p) => ONLY.test(p.text ?? '')));
  const modalOf = (user: string, callbackId: string) => t.slack.waitFor(() => t.slack.openViews(user).find((v) => v.callback_id === callbackId));
  /** A view_submission of the DPO's open modal, sent as `user` with their own values. */
  const forgeSubmit = (modal: EmulatedView, payload: Record<string, unknown>, user: string, values: Record<string, Record<string, unknown>>) => {
    const view = publicView(t.slack.view(modal.id)!) as Record<string, any>;
    Object.assign(view['state']['values'], values);
    return forge(t, { ...common(payload), type: 'view_submission', trigger_id: payload['trigger_id'], view, response_urls: [] }, user);
  };

  /** Runs a refused attempt and checks that nothing changed. */
  async function refused(attempt: () => Promise<unknown>) {
    const before = await snapshot();
    await attempt();
    // Give anything wrongly started after the ack time to land before comparing.
    await new Promise((r) => setTimeout(r, 150));
    expect(await snapshot()).toEqual(before);
  }

  it('Accept on an assessment result: the responder, and a forged press by the outsider', async () => {
    await refused(async () => {
      const from = t.slack.ephemerals({ channel: undecided.channel_id, user: t.users.responder }).length;
      const press = await t.driver.blockAction({ user: t.users.responder, message: { channel: undecided.channel_id, ts: result.ts }, action_id: ASSESSMENT.accept });
      expect((await ephemeralTo(t.users.responder, undecided.channel_id, from)).text).toMatch(/can record the notification decision/);
      const urls = t.slack.responseUrlPosts().length;
      await forge(t, press.payload, t.users.outsider);
      expect((await viaResponseUrl(urls)).text).toMatch(/can record the notification decision/);
    });
    t.slack.assertNoViolations();
  });

  it('Override: the button, and a forged submission of the DPO\'s override form', async () => {
    await refused(async () => {
      const from = t.slack.ephemerals({ channel: undecided.channel_id, user: t.users.responder }).length;
      await t.driver.blockAction({ user: t.users.responder, message: { channel: undecided.channel_id, ts: result.ts }, action_id: ASSESSMENT.override });
      expect((await ephemeralTo(t.users.responder, undecided.channel_id, from)).text).toMatch(/can override the risk assessment/);
      expect(t.slack.openViews(t.users.responder)).toEqual([]);

      const press = await t.driver.blockAction({ user: t.users.dpo, message: { channel: undecided.channel_id, ts: result.ts }, action_id: ASSESSMENT.override });
      const modal = await modalOf(t.users.dpo, ASSESSMENT.overrideView);
      const forged = await forgeSubmit(modal, press.payload, t.users.responder, {
        notifyAuthority: { [overrideAction('notifyAuthority')]: { type: 'radio_buttons', selected_option: { value: 'no' } } },
        communicateToSubjects: { [overrideAction('communicateToSubjects')]: { type: 'radio_buttons', selected_option: { value: 'no' } } },
        justification: { [overrideAction('justification')]: { type: 'plain_text_input', value: 'Forged: nobody needs to know about this one.' } },
      });
      expect(forged.json).toMatchObject({ response_action: 'errors', errors: { justification: expect.stringMatching(ONLY) } });
    });
    t.slack.assertNoViolations();
  });

  it('Close breach: the button, a forged press by the outsider, and a forged submission of the DPO\'s close form', async () => {
    await refused(async () => {
      const from = t.slack.ephemerals({ channel: decided.channel_id, user: t.users.responder }).length;
      const press = await pressCard(t, decided, ACTIONS.closeBreach, t.users.responder);
      expect((await ephemeralTo(t.users.responder, decided.channel_id, from)).text).toMatch(/can close a breach/);
      expect(t.slack.openViews(t.users.responder)).toEqual([]);
      const urls = t.slack.responseUrlPosts().length;
      await forge(t, press.payload, t.users.outsider);
      expect((await viaResponseUrl(urls)).text).toMatch(/can close a breach/);

      const dpoPress = await pressCard(t, decided, ACTIONS.closeBreach, t.users.dpo);
      const modal = await modalOf(t.users.dpo, CLOSE_VIEW);
      for (const user of [t.users.responder, t.users.outsider]) {
        const forged = await forgeSubmit(modal, dpoPress.payload, user, { note: { [closeAction('note')]: { type: 'plain_text_input', value: 'Forged close.' } } });
        expect(forged.json).toMatchObject({ response_action: 'errors', errors: { note: expect.stringMatching(/can close a breach/) } });
      }
    });
    t.slack.assertNoViolations();
  });

  it('Record notification, communication and § 22 restriction: the button, and forged submissions of each form', async () => {
    await refused(async () => {
      const from = t.slack.ephemerals({ channel: undecided.channel_id, user: t.users.responder }).length;
      const press = await pressCard(t, undecided, ACTIONS.recordNotification, t.users.responder);
      expect((await ephemeralTo(t.users.responder, undecided.channel_id, from)).text).toMatch(/can record the notification to the authority/);
      expect(t.slack.openViews(t.users.responder)).toEqual([]);
      const why = { notification: /notification to the authority/, communication: /communication to the people affected/, restriction: /§ 22 restriction/ };
      for (const kind of ['notification', 'communication', 'restriction'] as const) {
        for (const v of t.slack.openViews(t.users.dpo).reverse()) await t.driver.closeView({ user: t.users.dpo, viewId: v.id });
        const modal = await openRecord(t, undecided, t.users.dpo, kind);
        const field = RECORD_FIELDS[kind][0];
        for (const user of [t.users.responder, t.users.outsider]) {
          const forged = await forgeSubmit(modal, press.payload, user, {});
          expect(forged.json).toMatchObject({ response_action: 'errors', errors: { [field]: expect.stringMatching(ONLY) } });
          expect((forged.json as { errors: Record<string, string> }).errors[field]).toMatch(why[kind]);
        }
      }
    });
    t.slack.assertNoViolations();
  });

  it('/breach lead: an explanation, and nobody is named', async () => {
    await refused(async () => {
      const urls = t.slack.responseUrlPosts().length;
      await t.driver.slashCommand({ user: t.users.responder, channel: decided.channel_id, text: `lead <@${t.users.responder}>` });
      expect((await viaResponseUrl(urls)).text).toMatch(/can name the breach lead/);
    });
    t.slack.assertNoViolations();
  });

  it('/breach register: an ephemeral explanation and no file', async () => {
    await refused(async () => {
      for (const user of [t.users.responder, t.users.outsider]) {
        const res = await t.driver.slashCommand({ user, channel: t.generalId, text: 'register' });
        expect(res.json).toMatchObject({ response_type: 'ephemeral', text: expect.stringMatching(/can export the breach register/) });
      }
    });
    expect(t.slack.callsTo('files.getUploadURLExternal')).toHaveLength(0);
    t.slack.assertNoViolations();
  });

  it("Edit settings: a forged press and a forged submission of an admin's form", async () => {
    await refused(async () => {
      await openHome(t, t.users.dpo);
      const press = await t.driver.blockAction({ user: t.users.dpo, view: t.slack.homeView(t.users.dpo)!.id, action_id: HOME_ACTIONS.editSettings });
      const modal = await modalOf(t.users.dpo, SETTINGS_VIEW);
      await forge(t, press.payload, t.users.responder);
      const dm = await t.slack.waitFor(() => t.slack.dm(t.users.responder).find((m) => ONLY.test(m.text)));
      expect(dm.text).toMatch(/can change the settings/);
      const forged = await forgeSubmit(modal, press.payload, t.users.outsider, { orgName: { [settingsAction('orgName')]: { type: 'plain_text_input', value: 'Evil Corp' } } });
      expect(forged.json).toMatchObject({ response_action: 'errors', errors: { orgName: expect.stringMatching(/can change the settings/) } });
    });
    t.slack.assertNoViolations();
  });

  it('the same actions by the DPO do go through (the checks refuse people, not the actions)', async () => {
    const from = (await snapshot()).decisions;
    await t.driver.blockAction({ user: t.users.dpo, message: { channel: undecided.channel_id, ts: result.ts }, action_id: ASSESSMENT.accept });
    await t.slack.waitFor(async () => (await snapshot()).decisions === from + 1);
  });
});
