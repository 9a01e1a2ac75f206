import { expect, it } from 'vitest';
import { SHORTCUTS, VIEWS } from '../../../src/slack/ids.js';
import { useTestBot } from '../../support/bot-harness.js';
import { describeOnOneDatabase } from '../../support/databases.js';

/** Requests no listener handles are acked at once, so Slack never shows the user a timeout error. */
describeOnOneDatabase('requests for things breachbot does not handle', ({ freshDatabase }) => {
  const t = useTestBot(freshDatabase);

  const form = (payload: unknown) => ({
    body: new URLSearchParams({ payload: JSON.stringify(payload) }).toString(),
    contentType: 'application/x-www-form-urlencoded',
  });
  const user = () => ({ id: t.users.outsider, username: 'otto', team_id: t.slack.teamId });

  it('a button from an unknown (old) message is acked quickly with nothing done', async () => {
    const calls = t.slack.calls.length;
    const res = await t.driver.raw(
      form({ type: 'block_actions', user: user(), team: { id: t.slack.teamId }, api_app_id: t.slack.appId, trigger_id: t.slack.issueTrigger(t.users.outsider), actions: [{ type: 'button', action_id: 'retired_button', block_id: 'b', action_ts: '1' }] }),
    );
    expect(res.status).toBe(200);
    expect(res.ackMs).toBeLessThan(1000);
    expect(t.slack.calls.length).toBe(calls);
  });

  it('an unknown shortcut and an unknown view submission are acked quickly', async () => {
    for (const payload of [
      { type: 'shortcut', callback_id: 'someone_elses', user: user(), team: { id: t.slack.teamId }, trigger_id: t.slack.issueTrigger(t.users.outsider), action_ts: '1' },
      { type: 'view_submission', user: user(), team: { id: t.slack.teamId }, view: { id: 'V1', callback_id: 'stale_modal', private_metadata: '', state: { values: {} }, hash: '1.a' } },
    ]) {
      const res = await t.driver.raw(form(payload));
      expect(res.status).toBe(200);
      expect(res.ackMs).toBeLessThan(1000);
      expect(res.body).toBe('');
    }
  });

  it('another app’s slash command routed here gets a pointer to /breach help', async () => {
    const res = await t.driver.slashCommand({ user: t.users.outsider, channel: t.generalId, command: '/incident', text: 'x' });
    expect(res.status).toBe(200);
    expect(JSON.stringify(res.json)).toContain('/incident is not a breachbot command');
    // A command name is request text like any other: it cannot ping the channel from our answer.
    const odd = await t.driver.slashCommand({ user: t.users.outsider, channel: t.generalId, command: '/x<!channel>', text: '' });
    expect((odd.json as { text: string }).text).toBe('/x&lt;!channel&gt; is not a breachbot command. Try /breach help.');
  });

  it('a closed Declare form (view_closed) is not taken for a submission: nothing is declared', async () => {
    const calls = t.slack.calls.length;
    const res = await t.driver.raw(
      form({ type: 'view_closed', user: user(), team: { id: t.slack.teamId }, api_app_id: t.slack.appId, is_cleared: false, view: { id: 'V1', callback_id: VIEWS.declare, private_metadata: '', state: { values: {} }, hash: '1.a' } }),
    );
    expect(res.status).toBe(200);
    expect(res.body).toBe('');
    expect(t.slack.calls.slice(calls).map((c) => c.method)).toEqual([]);
  });

  it('the message shortcut\'s id sent as a global shortcut does not run the message shortcut', async () => {
    const calls = t.slack.calls.length;
    const res = await t.driver.raw(
      form({ type: 'shortcut', callback_id: SHORTCUTS.reportMessage, user: user(), team: { id: t.slack.teamId }, trigger_id: t.slack.issueTrigger(t.users.outsider), action_ts: '1' }),
    );
    expect(res.status).toBe(200);
    expect(res.body).toBe('');
    expect(t.slack.calls.slice(calls).map((c) => c.method)).toEqual([]);
  });
});
