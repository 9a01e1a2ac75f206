import postgres from 'postgres';
import { expect, it } from 'vitest';
import { VIEWS } from '../../src/slack/ids.js';
import { useTestBot } from '../support/bot-harness.js';
import { describeEachDatabase } from '../support/databases.js';
import { declareValues } from '../support/declare.js';
import { eventually } from '../support/eventually.js';

describeEachDatabase('20 people declaring at once', ({ freshDatabase }) => {
  const t = useTestBot(freshDatabase);

  it('gives 20 breaches with unique references, each with exactly one channel and one pinned card', async () => {
    const people = Array.from({ length: 20 }, (_, i) => t.slack.addUser({ name: `person${i}` }).id);
    const views = await Promise.all(
      people.map(async (user) => {
        await t.driver.slashCommand({ user, channel: t.generalId, text: 'declare' });
        return t.slack.waitFor(() => t.slack.openViews(user).find((v) => v.callback_id === VIEWS.declare));
      }),
    );
    await Promise.all(
      views.map((view, i) => t.driver.submitView({ user: people[i]!, viewId: view.id, values: declareValues({ title: `Concurrent ${i}` }) })),
    );
    const sql = postgres(t.databaseUrl, { max: 1, onnotice: () => {} });
    try {
      const rows = await eventually(async () => {
        const r = await sql`select reference, channel_id, card_ts from breaches where title like 'Concurrent %' and setup_completed_at is not null`;
        return r.length === 20 ? r : null;
      }, 60_000, '20 completed setups');
      expect(new Set(rows.map((r) => r.reference)).size).toBe(20);
      expect(new Set(rows.map((r) => r.channel_id)).size).toBe(20);
      for (const r of rows) expect(t.slack.pins(r.channel_id).map((p) => p.ts)).toEqual([r.card_ts]);
      const breachChannels = [...t.slack.state.channels.values()].filter((c) => c.name.startsWith('breach-'));
      expect(breachChannels).toHaveLength(20);
      t.slack.assertNoViolations();
    } finally {
      await sql.end();
    }
  }, 90_000);
});
