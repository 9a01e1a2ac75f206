import postgres from 'postgres';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ACTIONS, TIMELINE_ENTRY_VIEW, timelineEntryAction } from '../../../src/slack/ids.js';
import { declareForAssessment } from '../../support/assess.js';
import { useTestBot } from '../../support/bot-harness.js';
import { forge, pressCard, type CardRow } from '../../support/card.js';
import { describeOnOneDatabase } from '../../support/databases.js';
import { seconds } from '../../support/declare.js';

describeOnOneDatabase('the breach timeline', ({ freshDatabase }) => {
  const t = useTestBot(freshDatabase);
  let sql: postgres.Sql;
  let breach: CardRow;
  beforeAll(async () => {
    sql = postgres(t.databaseUrl, { max: 1, onnotice: () => {} });
    breach = (await declareForAssessment(t, 'Backup tape missing from courier van')) as unknown as CardRow;
  });
  afterAll(() => sql.end());

  const entryModal = (user: string) => t.slack.waitFor(() => t.slack.openViews(user).find((v) => v.callback_id === TIMELINE_ENTRY_VIEW));
  const entries = () => sql`select actor, data from breach_events where breach_id = ${breach.id} and type = 'timeline_entry' order by id`;
  const timelineReplies = () => t.slack.thread(breach.channel_id, breach.card_ts).filter((m) => m.text.startsWith(`Timeline of ${breach.reference}`));

  it('any channel member adds an entry from the card: what happened and when, not in the future', async () => {
    await pressCard(t, breach, ACTIONS.addTimelineEntry, t.users.responder);
    const modal = await entryModal(t.users.responder);
    const values = (what: string, when: number) => ({
      what: { [timelineEntryAction('what')]: what },
      occurredAt: { [timelineEntryAction('occurredAt')]: { type: 'datetimepicker', selected_date_time: when } },
    });
    const future = await t.driver.submitView({ user: t.users.responder, viewId: modal.id, values: values('Courier called back', seconds(new Date()) + 3600) });
    expect(future.errors).toEqual({ occurredAt: 'When it happened cannot be in the future' });
    expect(await entries()).toHaveLength(0);

    const when = seconds(new Date()) - 7200;
    const ok = await t.driver.submitView({ user: t.users.responder, viewId: modal.id, values: values('Courier confirmed the tape was <b>found</b> & sealed', when) });
    expect(ok.responseAction).toBe('close');
    const [entry] = await entries();
    expect(entry).toEqual({ actor: t.users.responder, data: { text: 'Courier confirmed the tape was <b>found</b> & sealed', occurredAt: new Date(when * 1000).toISOString(), submission: `view:${modal.id}` } });
    t.slack.assertNoViolations();
  });

  it('someone outside the channel cannot add one, even with a forged request', async () => {
    const press = await pressCard(t, breach, ACTIONS.addTimelineEntry, t.users.responder);
    await t.slack.waitFor(() => t.slack.openViews(t.users.responder).length > 0);
    const forged = await forge(t, press.payload, t.users.outsider);
    expect(forged.status).toBe(200);
    const told = await t.slack.waitFor(() => t.slack.responseUrlPosts().find((p) => JSON.stringify(p).includes('Only members of')));
    expect(JSON.stringify(told)).toContain("Only members of the breach's channel, the breach lead or the DPO can add to this breach's timeline.");
    expect(t.slack.openViews(t.users.outsider)).toEqual([]);
    expect(await entries()).toHaveLength(1);
    t.slack.assertNoViolations();
  });

  it('/breach timeline posts every event in the card thread: who, when and what, oldest first', async () => {
    const res = await t.driver.slashCommand({ user: t.users.reporter, channel: breach.channel_id, text: 'timeline' });
    expect(res.status).toBe(200);
    const [reply] = await t.slack.waitFor(() => timelineReplies().length > 0 && timelineReplies());
    const text = JSON.stringify(reply!.blocks);
    expect(text).toContain('Breach declared: \\"Backup tape missing from courier van\\"');
    expect(text).toContain('Timeline entry: \\"Courier confirmed the tape was &lt;b&gt;found&lt;/b&gt; &amp; sealed\\"');
    expect(text).toContain(`<@${t.users.reporter}>`);
    expect(text).toContain(`<@${t.users.responder}>`);
    expect(text).toContain('<!date^');
    expect(text).toContain('Breach card pinned');
    // Ordered by when things happened: the entry (two hours ago) comes before the declaration.
    expect(text.indexOf('Timeline entry')).toBeLessThan(text.indexOf('Breach declared'));
    t.slack.assertNoViolations();
  });

  it('a long timeline is split across messages within Slack limits, losing nothing', async () => {
    const long = 'A very detailed note about the courier. '.repeat(70);
    await sql`insert into breach_events (breach_id, actor, type, data)
              select ${breach.id}, ${t.users.responder}, 'timeline_entry', jsonb_build_object('text', ${long}::text || g, 'occurredAt', now())
              from generate_series(1, 40) g`;
    const [count] = await sql`select count(*)::int as n from breach_events where breach_id = ${breach.id}`;
    const before = timelineReplies().length;
    await t.driver.slashCommand({ user: t.users.dpo, channel: breach.channel_id, text: 'timeline' });
    const parts = await t.slack.waitFor(() => {
      const all = timelineReplies().slice(before);
      return all.length > 1 && all.at(-1)!.text.endsWith(`(part ${all.length} of ${all.length})`) && all;
    }, 20_000);
    let lines = 0;
    for (const m of parts) {
      expect(m.blocks!.length).toBeLessThanOrEqual(50);
      const texts = m.blocks!.map((b) => String((b as { text?: { text?: string } }).text?.text ?? ''));
      expect(texts.every((s) => s.length <= 3000)).toBe(true);
      expect(texts.join('').length).toBeLessThan(12_000);
      lines += texts.join('\n').split('\n').filter((l) => l.startsWith('• ')).length;
    }
    expect(lines).toBe(count!.n);
    t.slack.assertNoViolations();
  }, 30_000);

  it('outside a breach channel it says where to run it', async () => {
    await t.driver.slashCommand({ user: t.users.reporter, channel: t.generalId, text: 'timeline' });
    const e = await t.slack.waitFor(() => t.slack.ephemerals({ channel: t.generalId, user: t.users.reporter }).find((x) => x.text.includes('timeline')));
    expect(e.text).toMatch(/^Run `\/breach timeline` in the breach's channel/);
  });
});
