import { expect, it } from 'vitest';
import { declareForAssessment, useDatabase } from '../support/assess.js';
import { useTestBot } from '../support/bot-harness.js';
import { cardJson, type CardRow } from '../support/card.js';
import { describeEachDatabase } from '../support/databases.js';
import { openHome } from '../support/home.js';

/**
 * Card refreshes (chat.update, Tier 3) and Home publishes (views.publish, Tier 4) are coalesced:
 * a burst of changes costs at most one call in flight and one waiting, and the latest state lands.
 */
describeEachDatabase('coalesced card refreshes and Home publishes', ({ freshDatabase }) => {
  // Each `/breach lead` also announces itself in the channel: more than one post a second there.
  const t = useTestBot(freshDatabase, { slack: { rateLimits: { postMessagePerChannel: null } } });
  const db = useDatabase(t);

  it('a burst of changes to one breach: two chat.update calls, and the card shows the last change', async () => {
    const breach = (await declareForAssessment(t, 'Burst of lead changes')) as unknown as CardRow;
    const leads = Array.from({ length: 6 }, (_, i) => t.slack.addUser({ name: `lead.${i}` }).id);
    const announced = () => t.slack.messages(breach.channel_id).filter((m) => m.text.includes('the breach lead')).length;
    const before = t.slack.callsTo('chat.update').length;
    // Slack is slow to answer the first update, so every later change comes while it is in flight.
    t.slack.faults.failNext('chat.update', { latencyMs: 2_000 });
    for (const lead of leads) {
      const res = await t.driver.slashCommand({ user: t.users.dpo, channel: breach.channel_id, text: `lead <@${lead}>` });
      expect(res.status).toBe(200);
    }
    // Each change is announced after its card refresh has landed.
    await t.slack.waitFor(() => announced() === leads.length, { timeoutMs: 20_000 });
    const stored = (await db()`select lead_id from breaches where id = ${breach.id}`)[0]!['lead_id'] as string;
    const updates = t.slack.callsTo('chat.update').slice(before).filter((c) => c.args['ts'] === breach.card_ts);
    expect(updates.length).toBeLessThanOrEqual(2);
    expect(updates.every((c) => c.ok)).toBe(true);
    expect(cardJson(t, breach)).toContain(`*Breach lead*\\n<@${stored}>`);
    t.slack.assertNoViolations();
  });

  it('a burst of Home openings by one user: at most two views.publish calls, the last one current', async () => {
    await openHome(t, t.users.reporter);
    const before = t.slack.callsTo('views.publish').length;
    t.slack.faults.failNext('views.publish', { latencyMs: 1_500 });
    const deliveries = await Promise.all(Array.from({ length: 5 }, () => t.driver.appHomeOpened({ user: t.users.reporter })));
    expect(deliveries.every((d) => d.acked)).toBe(true);
    await declareForAssessment(t, 'Declared while the Home was publishing');
    const publishes = () => t.slack.callsTo('views.publish').slice(before).filter((c) => c.args['user_id'] === t.users.reporter);
    await t.slack.waitFor(() => JSON.stringify(t.slack.homeView(t.users.reporter)?.blocks ?? []).includes('Declared while the Home was publishing'), { timeoutMs: 20_000 });
    // Five openings and a declaration (which republishes every viewer's Home): the first publish,
    // one folded from the openings and, at most, one more for the declaration.
    expect(publishes().length).toBeLessThanOrEqual(3);
    expect(publishes().every((c) => c.ok)).toBe(true);
  });
});
