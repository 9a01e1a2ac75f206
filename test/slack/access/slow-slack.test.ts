import { expect, it } from 'vitest';
import { ACTIONS, TIMELINE_ENTRY_VIEW } from '../../../src/slack/ids.js';
import { declareForAssessment } from '../../support/assess.js';
import { useTestBot } from '../../support/bot-harness.js';
import type { CardRow } from '../../support/card.js';
import { describeOnOneDatabase } from '../../support/databases.js';
import { buttonPayload, sendPayload } from '../../support/forged.js';

/*
 * The access guard asks Slack who is in a breach's channel before the listener acks. When Slack is
 * slow to answer (its pace used up by Home renders, an incident on Slack's side), the request is
 * refused in time with "try again" and nothing is done, rather than acked after Slack's 3 s, which
 * Slack shows the person as an error while the work goes on behind it.
 */
describeOnOneDatabase('the access check when Slack is slow to say who is in a channel', ({ freshDatabase }) => {
  const t = useTestBot(freshDatabase, { slack: { rateLimits: 'off' } });

  it('refuses within the ack deadline, says to try again, opens nothing; the next press works', async () => {
    const breach = (await declareForAssessment(t, 'Backup tapes sent to the wrong archive')) as unknown as CardRow;
    const at = { channel: breach.channel_id, ts: breach.card_ts };
    const responder = t.users.responder;
    t.slack.faults.failNext('conversations.members', { latencyMs: 4_000 });
    const slow = await sendPayload(t, buttonPayload(t, responder, at, ACTIONS.addTimelineEntry, breach.id));
    expect(slow.status).toBe(200);
    expect(slow.ackMs).toBeLessThan(3_000);
    const told = await t.slack.waitFor(() => t.slack.ephemerals({ user: responder }).find((e) => e.text.includes('try again')));
    expect(told.text).toMatch(/Slack took too long .* nothing was done/);
    expect(t.slack.openViews(responder).filter((v) => v.callback_id === TIMELINE_ENTRY_VIEW)).toEqual([]);

    // Slack answering again: the same person, the same button.
    await sendPayload(t, buttonPayload(t, responder, at, ACTIONS.addTimelineEntry, breach.id));
    await t.slack.waitFor(() => t.slack.openViews(responder).find((v) => v.callback_id === TIMELINE_ENTRY_VIEW));
  });

  it('treats `/breach constructor` as an unknown subcommand, not as a surface', async () => {
    for (const text of ['constructor', '__proto__', 'toString']) {
      const res = await t.driver.slashCommand({ user: t.users.responder, channel: t.generalId, text });
      expect(res.status, text).toBe(200);
      expect(res.ackMs, text).toBeLessThan(3_000);
      expect(JSON.stringify(res.json), text).toMatch(/help/i);
    }
  });
});
