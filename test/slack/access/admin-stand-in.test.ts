import postgres from 'postgres';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ACTIONS, HOME_ACTIONS, SETTINGS_VIEW, TIMELINE_ENTRY_VIEW, settingsAction, timelineEntryAction } from '../../../src/slack/ids.js';
import { declareForAssessment } from '../../support/assess.js';
import { useTestBot } from '../../support/bot-harness.js';
import type { CardRow } from '../../support/card.js';
import { describeOnOneDatabase } from '../../support/databases.js';
import { buttonPayload, sendPayload, submissionPayload } from '../../support/forged.js';
import { openHome } from '../../support/home.js';

/*
 * Workspace admins stand in for the DPO only while no DPO user is configured (domain/access/policy.ts):
 * a new workspace is never locked out, and every event an admin's request writes says `actingAs:
 * "admin"`. Once the admin names a DPO in the settings, the admin is refused like anyone else.
 */
describeOnOneDatabase('a workspace admin while no DPO is configured', ({ freshDatabase }) => {
  const t = useTestBot(freshDatabase, { env: { BREACHBOT_DPO_USERS: '' }, slack: { rateLimits: 'off' } });
  let sql: postgres.Sql;
  let admin: string;
  let breach: CardRow;
  beforeAll(async () => {
    sql = postgres(t.databaseUrl, { max: 1, onnotice: () => {} });
    admin = t.slack.addUser({ name: 'ada.admin', isAdmin: true }).id;
    breach = (await declareForAssessment(t, 'Printer queue kept scanned passports')) as unknown as CardRow;
  });
  afterAll(() => sql.end());

  it('adds to a breach it is not a member of, recorded as acting as admin', async () => {
    expect(t.slack.channel(breach.channel_id)!.members).not.toContain(admin);
    await sendPayload(t, buttonPayload(t, admin, { channel: breach.channel_id, ts: breach.card_ts }, ACTIONS.addTimelineEntry, breach.id));
    const modal = await t.slack.waitFor(() => t.slack.openViews(admin).find((v) => v.callback_id === TIMELINE_ENTRY_VIEW));
    const saved = await t.driver.submitView({ user: admin, viewId: modal.id, values: { what: { [timelineEntryAction('what')]: 'Admin: printer disconnected' } } });
    expect(saved.responseAction).toBe('close');
    const [event] = await sql`select actor, data from breach_events where type = 'timeline_entry'`;
    expect(event).toMatchObject({ actor: admin, data: { text: 'Admin: printer disconnected', actingAs: 'admin' } });
  });

  it('exports the register as admin', async () => {
    const res = await t.driver.slashCommand({ user: admin, channel: t.generalId, text: 'register' });
    expect(res.json).toMatchObject({ text: expect.stringMatching(/^Preparing the breach register/) });
    const [event] = await t.slack.waitFor(async () => {
      const rows = await sql`select actor, data from breach_events where type = 'register_exported'`;
      return rows.length > 0 && rows;
    });
    expect(event).toMatchObject({ actor: admin, data: { actingAs: 'admin' } });
  });

  it('names a DPO in the settings as admin, and from then on is refused', async () => {
    await openHome(t, admin);
    await t.driver.blockAction({ user: admin, view: t.slack.homeView(admin)!.id, action_id: HOME_ACTIONS.editSettings });
    const modal = await t.slack.waitFor(() => t.slack.openViews(admin).find((v) => v.callback_id === SETTINGS_VIEW));
    const saved = await t.driver.submitView({
      user: admin,
      viewId: modal.id,
      values: { dpoUserIds: { [settingsAction('dpoUserIds')]: { type: 'multi_users_select', selected_users: [t.users.dpo] } } },
    });
    expect(saved.responseAction).toBe('close');
    const [event] = await sql`select actor, data from breach_events where type = 'settings_changed'`;
    expect(event).toMatchObject({ actor: admin, data: { actingAs: 'admin', after: { dpoUserIds: [t.users.dpo] } } });

    const again = await t.driver.slashCommand({ user: admin, channel: t.generalId, text: 'register' });
    expect(again.json).toMatchObject({ text: expect.stringMatching(/^Only the DPO can export the breach register\./) });
    const replay = await sendPayload(t, submissionPayload(t, admin, t.slack.view(modal.id)!));
    expect(replay.json).toMatchObject({ response_action: 'errors', errors: { orgName: expect.stringMatching(/^Only the DPO can change the settings/) } });
    expect(await sql`select 1 from breach_events where type = 'settings_changed'`).toHaveLength(1);
  });
});
