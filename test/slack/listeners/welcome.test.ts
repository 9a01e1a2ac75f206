import { expect, it } from 'vitest';
import { useTestBot } from '../../support/bot-harness.js';
import { declareForAssessment } from '../../support/assess.js';
import { describeOnOneDatabase } from '../../support/databases.js';

/*
 * People are pinged when they must act (issue 17): on declaring, a welcome post in the breach channel
 * names the reporter and the DPO and says what happens next, and the DPO gets a DM linking to the
 * channel. Both are setup steps: recorded, and never posted twice, even when Slack answers 5xx after
 * posting. Through the strict emulator, which grants only the manifest's scopes.
 */
describeOnOneDatabase('welcome post and DPO DM on declaring', ({ freshDatabase }) => {
  const t = useTestBot(freshDatabase);
  const welcomes = (channel: string) => t.slack.messages(channel).filter((m) => m.metadata?.['event_type'] === 'breachbot_welcome');
  const dmsAbout = (user: string, breachId: string) =>
    t.slack.dm(user).filter((m) => m.metadata?.['event_type'] === 'breachbot_dpo_dm' && (m.metadata['event_payload'] as Record<string, unknown>)['breach_id'] === breachId);

  it('the channel is told who reported it, who the DPO is and what happens next; the DPO gets a DM with a link', async () => {
    const breach = await declareForAssessment(t, 'Customer export on a public bucket');
    const [welcome, ...more] = await t.slack.waitFor(() => welcomes(breach.channel_id).length > 0 && welcomes(breach.channel_id));
    expect(more).toEqual([]);
    const text = JSON.stringify(welcome!.blocks);
    expect(text).toContain(`Reported by <@${t.users.reporter}>`);
    expect(text).toContain(`DPO: <@${t.users.dpo}>`);
    expect(text).toContain('What happens next');
    expect(text).toMatch(/Assess risk.*accepts or overrides.*Record notification/);
    expect(text).toContain('<!date^');

    const [dm, ...moreDms] = await t.slack.waitFor(() => dmsAbout(t.users.dpo, breach.id).length > 0 && dmsAbout(t.users.dpo, breach.id));
    expect(moreDms).toEqual([]);
    expect(dm!.text).toContain(`<#${breach.channel_id}>`);
    expect(dm!.text).toContain(breach.reference);
    expect(dm!.text).toContain(`<@${t.users.reporter}>`);
    expect(t.slack.callsTo('conversations.open').some((c) => c.args['users'] === t.users.dpo && !c.error)).toBe(true);
    // The steps are recorded, so a restart does not post them again.
    const { default: postgres } = await import('postgres');
    const sql = postgres(t.databaseUrl, { max: 1, onnotice: () => {} });
    try {
      const steps = await sql`select step, status from breach_setup_steps where breach_id = ${breach.id} and step in ('welcome', 'dm_dpo') order by step`;
      expect(steps).toEqual([{ step: 'dm_dpo', status: 'done' }, { step: 'welcome', status: 'done' }]);
    } finally {
      await sql.end();
    }
    t.slack.assertNoViolations();
  });

  it('Slack posts the welcome and the DM but answers 500: each is found, not posted again', async () => {
    // The card's post goes through untouched; the next two posts (the welcome, the DM) are made but answered 500.
    t.slack.faults.failNext('chat.postMessage', { latencyMs: 1 });
    t.slack.faults.failNext('chat.postMessage', { status: 500, applyFirst: true, times: 2 });
    const breach = await declareForAssessment(t, 'Payroll run e-mailed to a supplier');
    await t.slack.waitFor(() => welcomes(breach.channel_id).length > 0 && dmsAbout(t.users.dpo, breach.id).length > 0);
    expect(t.slack.faults.pending).toEqual([]);
    await t.restart();
    await new Promise((r) => setTimeout(r, 300));
    expect(welcomes(breach.channel_id)).toHaveLength(1);
    expect(dmsAbout(t.users.dpo, breach.id)).toHaveLength(1);
  });
});
