import { stringify as formEncode } from 'node:querystring';
import postgres from 'postgres';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  ACTIONS, ASSESSMENT, HOME_ACTIONS, NOTICE_ACTIONS, NOTICE_VIEWS, SETTINGS_VIEW, TIMELINE_ENTRY_VIEW, overrideAction, settingsAction, timelineEntryAction,
} from '../../../src/slack/ids.js';
import type { SubmitViewResult } from '../../emulator/index.js';
import { useTestBot } from '../../support/bot-harness.js';
import { decidedNoNotification, type CardRow } from '../../support/card.js';
import { describeOnOneDatabase } from '../../support/databases.js';
import { openHome } from '../../support/home.js';
import { fieldValues, openFromCard, openRecord, picked } from '../../support/notices.js';
import { openByButton } from '../../support/forged.js';

/*
 * Replays (issue 14): Slack re-delivers, people double-click, and a captured request stays validly
 * signed for five minutes. Each state-changing form submission is sent once by the user, then the
 * very same signed payload again, two minutes "later" (inside Slack's 5-minute window, so the bot
 * must accept it): it applies once. Where someone changed the same thing in between, the replay
 * does not undo their change.
 */
describeOnOneDatabase('a replayed submission applies once', ({ freshDatabase }) => {
  const t = useTestBot(freshDatabase, { slack: { rateLimits: 'off' } });
  let sql: postgres.Sql;
  let breach: CardRow & { id: string };
  let result: { ts: string };
  beforeAll(async () => {
    sql = postgres(t.databaseUrl, { max: 1, onnotice: () => {} });
    ({ breach, result } = (await decidedNoNotification(t, 'Replay: visitor badges list e-mailed out')) as { breach: CardRow & { id: string }; result: { ts: string } });
  });
  afterAll(() => sql.end());

  /** The same payload, signed, as a replay two minutes after it was first sent. */
  const replay = async (sent: SubmitViewResult) => {
    const r = await t.driver.raw({
      body: formEncode({ payload: JSON.stringify(sent.payload) }),
      contentType: 'application/x-www-form-urlencoded',
      timestamp: Math.floor(Date.now() / 1000) - 120,
    });
    expect(r.status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 200));
    return r;
  };
  const count = async (table: string, where = 'true') => (await sql.unsafe(`select count(*)::int as n from ${table} where ${where}`))[0]!['n'];

  it('a timeline entry', async () => {
    const modal = await openFromCard(t, breach, ACTIONS.addTimelineEntry, TIMELINE_ENTRY_VIEW, t.users.responder);
    const sent = await t.driver.submitView({ user: t.users.responder, viewId: modal.id, values: { what: { [timelineEntryAction('what')]: 'Recipient confirmed deletion' } } });
    expect(sent.responseAction).toBe('close');
    await replay(sent);
    await replay(sent);
    expect(await count('breach_events', "type = 'timeline_entry'")).toBe(1);
  });

  it('updated facts, without undoing a later change', async () => {
    const first = await openFromCard(t, breach, NOTICE_ACTIONS.updateFacts, NOTICE_VIEWS.facts, t.users.responder);
    const sent = await t.driver.submitView({ user: t.users.responder, viewId: first.id, values: fieldValues({ subjectsDescription_da: 'Visitors of March' }) });
    expect(sent.responseAction).toBe('close');
    const second = await openFromCard(t, breach, NOTICE_ACTIONS.updateFacts, NOTICE_VIEWS.facts, t.users.dpo);
    await t.driver.submitView({ user: t.users.dpo, viewId: second.id, values: fieldValues({ subjectsDescription_da: 'Visitors of March and April' }) });
    await replay(sent);
    const [row] = await sql`select facts->'subjectsDescription'->>'da' as d from breaches where id = ${breach.id}`;
    expect(row!['d']).toBe('Visitors of March and April');
    // Submissions only: the bot itself also records the reporter's name from Slack as a facts update.
    expect(await count('breach_events', "type = 'facts_updated' and data ? 'submission'")).toBe(2);
  });

  it('an override', async () => {
    // The result no longer shows Override once decided (issue 17); a press on an older copy still arrives.
    const assessmentId = (await sql`select id from assessments where breach_id = ${breach.id}`)[0]!['id'] as string;
    const modal = await openByButton(t, t.users.dpo, { channel: breach.channel_id, ts: result.ts }, ASSESSMENT.override, assessmentId, ASSESSMENT.overrideView);
    const sent = await t.driver.submitView({
      user: t.users.dpo,
      viewId: modal.id,
      values: {
        notifyAuthority: { [overrideAction('notifyAuthority')]: 'yes' },
        communicateToSubjects: { [overrideAction('communicateToSubjects')]: 'no' },
        justification: { [overrideAction('justification')]: 'Badge list includes ID numbers; we notify to be safe.' },
      },
    });
    expect(sent.responseAction).toBe('close');
    const decisions = await count('decisions');
    await replay(sent);
    expect(await count('decisions')).toBe(decisions);
    expect(await count('breach_events', "type = 'decision_overridden'")).toBe(1);
  });

  it('a recorded notification', async () => {
    const modal = await openByButton(t, t.users.dpo, { channel: breach.channel_id, ts: breach.card_ts }, ACTIONS.recordNotification, breach.id, NOTICE_VIEWS.record);
    const sent = await t.driver.submitView({
      user: t.users.dpo,
      viewId: modal.id,
      values: fieldValues({ submittedAt: picked(Math.floor(Date.now() / 1000) - 60), method: 'online_form', completeness: 'complete' }),
    });
    expect(sent.responseAction).toBe('close');
    await replay(sent);
    expect(await count('notifications')).toBe(1);
  });

  it('the settings, without undoing a later change', async () => {
    await openHome(t, t.users.dpo);
    const open = async () => {
      await t.driver.blockAction({ user: t.users.dpo, view: t.slack.homeView(t.users.dpo)!.id, action_id: HOME_ACTIONS.editSettings });
      return t.slack.waitFor(() => t.slack.openViews(t.users.dpo).find((v) => v.callback_id === SETTINGS_VIEW));
    };
    const name = (v: string) => ({ orgName: { [settingsAction('orgName')]: v } });
    const first = await open();
    const sent = await t.driver.submitView({ user: t.users.dpo, viewId: first.id, values: name('Example Kommune') });
    expect(sent.responseAction).toBe('close');
    const second = await open();
    await t.driver.submitView({ user: t.users.dpo, viewId: second.id, values: name('Example Region') });
    await replay(sent);
    const [row] = await sql`select value->'organisation'->>'name' as n from settings`;
    expect(row!['n']).toBe('Example Region');
    expect(await count('breach_events', "type = 'settings_changed'")).toBe(2);
  });

  it('the database itself refuses a second event for one submission', async () => {
    const [e] = await sql`select type, data from breach_events where type = 'timeline_entry'`;
    await expect(sql`insert into breach_events (breach_id, actor, type, data) values (${breach.id}, 'U0X', ${e!['type']}, ${sql.json(e!['data'])})`).rejects.toThrow(
      /breach_events_submission_key/,
    );
  });
});
