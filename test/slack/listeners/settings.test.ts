import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config.js';
import { openDb, type DbHandle } from '../../../src/db/client.js';
import { HOME_ACTIONS, SETTINGS_VIEW, settingsAction, type SettingsFieldId } from '../../../src/slack/ids.js';
import { getOrgSettings, getReminderSchedule } from '../../../src/store/settings.js';
import { useTestBot, type TestBot } from '../../support/bot-harness.js';
import { describeOnOneDatabase } from '../../support/databases.js';
import { publicView } from '../../emulator/methods/views.js';
import { openHome } from '../../support/home.js';

/** Modal values keyed as Slack sends them: block id = field, action id = `<field>_input`. */
const values = (fields: Partial<Record<SettingsFieldId, unknown>>) =>
  Object.fromEntries(Object.entries(fields).map(([f, v]) => [f, { [settingsAction(f as SettingsFieldId)]: v }]));

/** Presses Edit settings on the user's Home and waits for the settings modal. */
async function openSettings(t: TestBot, user: string) {
  const res = await t.driver.blockAction({ user, view: t.slack.homeView(user)!.id, action_id: HOME_ACTIONS.editSettings });
  const modal = await t.slack.waitFor(() => t.slack.openViews(user).find((v) => v.callback_id === SETTINGS_VIEW));
  return { modal, payload: res.payload };
}

/** The fields every interaction payload carries (user, team, app, token). */
const common = (p: Record<string, unknown>) => {
  const { user, team, api_app_id, token, enterprise, is_enterprise_install } = p;
  return { user, team, api_app_id, token, enterprise, is_enterprise_install };
};

/** Sends a payload Slack never sent: the same request with another user in it. */
async function forge(t: TestBot, payload: Record<string, unknown>, user: string) {
  const p = structuredClone(payload) as Record<string, any>;
  p['user'] = { ...p['user'], id: user, username: 'otto.outsider', name: 'otto.outsider' };
  return t.driver.raw({ body: new URLSearchParams({ payload: JSON.stringify(p) }).toString(), contentType: 'application/x-www-form-urlencoded' });
}

describeOnOneDatabase('settings in the App Home', ({ freshDatabase }) => {
  const t = useTestBot(freshDatabase);
  let db: DbHandle;
  let admin: string;
  const config = () => loadConfig({ SLACK_BOT_TOKEN: 'xoxb-x', SLACK_SIGNING_SECRET: 's', BREACHBOT_DPO_USERS: t.users.dpo });
  const settingsEvents = () => db.sql`select actor, data from breach_events where type = 'settings_changed' order by id`;
  beforeAll(() => {
    db = openDb(t.databaseUrl, { max: 2 });
    admin = t.slack.addUser({ name: 'ada.admin', isAdmin: true }).id;
  });
  afterAll(() => db.close());

  it('the DPO sees the settings; others do not, a workspace admin neither while a DPO is set', async () => {
    for (const user of [t.users.dpo]) {
      const home = await openHome(t, user);
      expect(home).toContain(HOME_ACTIONS.editSettings);
      expect(home).toContain(`*DPO users*\\n<@${t.users.dpo}>`);
      expect(home).toContain('48, 24, 12, 6, 3 and 1 h before the deadline');
      expect(home).toContain('notices show [MISSING]');
      // A fresh install: the DPO or admin opening the Home is asked first thing to fill in the organisation details.
      const blocks = t.slack.homeView(user)!.blocks as Array<{ block_id?: string; text?: { text: string } }>;
      expect(blocks[1]).toMatchObject({ block_id: 'home_setup_prompt' });
      expect(blocks[1]!.text!.text).toContain('Finish setting up breachbot');
    }
    for (const user of [t.users.outsider, t.users.responder, admin]) {
      const home = await openHome(t, user);
      expect(home).not.toContain(HOME_ACTIONS.editSettings);
      expect(home).not.toContain('home_setup_prompt');
      expect(home).not.toContain('DPO users');
    }
    t.slack.assertNoViolations();
  });

  it('the DPO edits them: errors at the field first, then saved, recorded and shown on every Home', async () => {
    const group = t.slack.addUserGroup({ handle: 'security', users: [t.users.responder] });
    const { modal } = await openSettings(t, t.users.dpo);
    const dpoUsers = modal.state.values['dpoUserIds']?.[settingsAction('dpoUserIds')];
    expect(dpoUsers?.['selected_users']).toEqual([t.users.dpo]);

    const sevenDigits = await t.driver.submitView({ user: t.users.dpo, viewId: modal.id, values: values({ orgName: 'Example Kommune', cvr: '1234567' }) });
    expect(sevenDigits.responseAction).toBe('errors');
    expect(sevenDigits.errors).toEqual({ cvr: 'A CVR number is 8 digits, e.g. 12345678' });
    const badSchedule = await t.driver.submitView({ user: t.users.dpo, viewId: modal.id, values: values({ cvr: '12345678', countdownHours: '24, soon' }) });
    expect(badSchedule.errors?.['countdownHours']).toMatch(/"soon" is not a number of hours/);
    const noGroup = await t.driver.submitView({ user: t.users.dpo, viewId: modal.id, values: values({ countdownHours: '24, 12, 1', responderGroupId: 'S0NOSUCHGROUP' }) });
    expect(noGroup.errors).toEqual({ responderGroupId: 'There is no user group S0NOSUCHGROUP in this workspace.' });
    expect(await settingsEvents()).toHaveLength(0);

    const republished = t.slack.waitForCall('views.publish', (c) => c.args['user_id'] === t.users.responder);
    const saved = await t.driver.submitView({
      user: t.users.dpo,
      viewId: modal.id,
      values: values({
        orgName: '<!channel> Example Kommune & Co',
        address: 'Rådhuspladsen 1\n1550 København V',
        dpoName: 'Dina Dahl',
        dpoEmail: 'dpo@example.dk',
        dpoPhone: '+45 12 34 56 78',
        dpoUserIds: { type: 'multi_users_select', selected_users: [t.users.dpo, t.users.responder] },
        responderGroupId: group.id,
        overdueEveryHours: '6',
      }),
    });
    expect(saved.responseAction).toBe('close');

    const stored = await getOrgSettings(db.db, config());
    expect(stored.dpoUserIds).toEqual([t.users.dpo, t.users.responder]);
    expect(stored.responderGroupId).toBe(group.id);
    expect(stored.organisation).toEqual({
      name: '<!channel> Example Kommune & Co',
      cvr: '12345678',
      address: 'Rådhuspladsen 1\n1550 København V',
      dpo: { name: 'Dina Dahl', email: 'dpo@example.dk', phone: '+45 12 34 56 78' },
    });
    expect(await getReminderSchedule(db.db, config())).toEqual({ countdownHours: [24, 12, 1], atDeadline: true, overdueEveryHours: 6 });
    const events = await settingsEvents();
    expect(events).toHaveLength(1);
    expect(events[0]!.actor).toBe(t.users.dpo);
    expect(events[0]!.data.actingAs).toBeUndefined();
    expect(events[0]!.data.submission).toBe(`view:${modal.id}`);
    expect(events[0]!.data.before.dpoUserIds).toEqual([t.users.dpo]);
    expect(events[0]!.data.after.dpoUserIds).toEqual([t.users.dpo, t.users.responder]);

    // The responder opened the Home in the last test and is a DPO user now: their Home gains the settings.
    await republished;
    const responderHome = JSON.stringify(t.slack.homeView(t.users.responder)!.blocks);
    expect(responderHome).toContain(HOME_ACTIONS.editSettings);
    expect(responderHome).toContain('&lt;!channel&gt; Example Kommune &amp; Co');
    expect(responderHome).toContain(`\`${group.id}\``);
    expect(responderHome).not.toContain('subteam');
    expect(responderHome).toContain('24, 12 and 1 h before the deadline; at the deadline; then every 6 h while overdue');
    await t.slack.waitFor(() => JSON.stringify(t.slack.homeView(t.users.dpo)!.blocks).includes('Dina Dahl'));
    t.slack.assertNoViolations();
  });

  it('a forged Edit action or submission from someone else changes nothing', async () => {
    const before = await getOrgSettings(db.db, config());
    await openHome(t, t.users.dpo);
    const { modal, payload } = await openSettings(t, t.users.dpo);

    const edit = await forge(t, payload, t.users.outsider);
    expect(edit.status).toBe(200);
    const dm = await t.slack.waitFor(() => t.slack.dm(t.users.outsider).find((m) => m.text?.includes('change the settings')));
    expect(dm.text).toMatch(/^Only the DPO can change the settings/);
    expect(t.slack.openViews(t.users.outsider)).toEqual([]);

    // A submission of the DPO's open modal, as if the outsider had sent it with their own values.
    const view = publicView(t.slack.view(modal.id)!) as Record<string, any>;
    view['state']['values']['orgName'] = { [settingsAction('orgName')]: { type: 'plain_text_input', value: 'Evil Corp' } };
    const forged = await forge(t, { ...common(payload), type: 'view_submission', trigger_id: payload['trigger_id'], view, response_urls: [] }, t.users.outsider);
    expect(forged.status).toBe(200);
    expect(forged.json).toMatchObject({ response_action: 'errors', errors: { orgName: expect.stringMatching(/^Only the DPO can change the settings/) } });

    const after = await getOrgSettings(db.db, config());
    expect(after.organisation.name).not.toBe('Evil Corp');
    expect((await settingsEvents()).map((e) => e.actor)).not.toContain(t.users.outsider);
    expect(before.dpoUserIds).toEqual(after.dpoUserIds);
    t.slack.assertNoViolations();
  });

  it('the languages: both drafted and Danish written by default (a required input); English only is saved and shown', async () => {
    expect((await getOrgSettings(db.db, config())).languages).toEqual({ drafting: ['da', 'en'], writing: 'da' });
    await openHome(t, t.users.dpo);
    const { modal } = await openSettings(t, t.users.dpo);
    const drafting = modal.state.values['draftingLanguages']?.[settingsAction('draftingLanguages')];
    expect((drafting?.['selected_options'] as Array<{ value: string }>).map((o) => o.value)).toEqual(['da', 'en']);

    const english = { text: { type: 'plain_text', text: 'English' }, value: 'en' };
    const saved = await t.driver.submitView({
      user: t.users.dpo,
      viewId: modal.id,
      values: values({
        draftingLanguages: { type: 'checkboxes', selected_options: [english] },
        writingLanguage: { type: 'radio_buttons', selected_option: english },
      }),
    });
    expect(saved.responseAction).toBe('close');
    expect((await getOrgSettings(db.db, config())).languages).toEqual({ drafting: ['en'], writing: 'en' });
    await t.slack.waitFor(() => JSON.stringify(t.slack.homeView(t.users.dpo)!.blocks).includes('Drafts in English; the team writes in English'));
    t.slack.assertNoViolations();
  });
});
