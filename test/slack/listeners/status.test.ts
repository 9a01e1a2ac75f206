import { expect, it } from 'vitest';
import { useTestBot } from '../../support/bot-harness.js';
import { describeEachDatabase } from '../../support/databases.js';
import { declareValues, openDeclare, waitForSetup } from '../../support/declare.js';

describeEachDatabase('/breach status and /breach list', ({ freshDatabase }) => {
  const t = useTestBot(freshDatabase);

  async function declare(title: string) {
    const view = await openDeclare(t);
    await t.driver.submitView({ user: t.users.reporter, viewId: view.id, values: declareValues({ title, responders: [t.users.responder] }) });
    return waitForSetup(t.databaseUrl, title);
  }

  const text = (res: { json?: unknown }) => JSON.stringify(res.json ?? '');
  const lastResponse = () => JSON.stringify(t.slack.responseUrlPosts().at(-1)?.body ?? {});

  it('says so when there are no open breaches', async () => {
    await t.driver.slashCommand({ user: t.users.outsider, channel: t.generalId, text: 'list' });
    await t.slack.waitFor(() => lastResponse().includes('There are no open breaches'));
  });

  it('lists open breaches with details only for members of each breach channel', async () => {
    const a = await declare('Laptop with HR files stolen');
    const b = await declare('Ransomware on file server');

    const posts = t.slack.responseUrlPosts().length;
    await t.driver.slashCommand({ user: t.users.outsider, channel: t.generalId, text: 'list' });
    await t.slack.waitFor(() => t.slack.responseUrlPosts().length > posts);
    const outsiderView = lastResponse();
    expect(outsiderView).toContain(a.reference);
    expect(outsiderView).toContain(b.reference);
    expect(outsiderView).toContain('<!date^');
    expect(outsiderView).not.toContain('Laptop with HR files stolen');
    expect(outsiderView).not.toContain('Ransomware');

    const more = t.slack.responseUrlPosts().length;
    await t.driver.slashCommand({ user: t.users.responder, channel: t.generalId, text: 'list' });
    await t.slack.waitFor(() => t.slack.responseUrlPosts().length > more);
    const memberView = lastResponse();
    expect(memberView).toContain('Laptop with HR files stolen');
    expect(memberView).toContain(`<#${a.channel_id}>`);
    t.slack.assertNoViolations();
  });

  it('/breach status in a breach channel shows that breach; elsewhere the open ones', async () => {
    const row = await declare('Wrong recipient on invoice run');
    const posts = t.slack.responseUrlPosts().length;
    const res = await t.driver.slashCommand({ user: t.users.reporter, channel: row.channel_id, text: 'status' });
    expect(res.status).toBe(200);
    await t.slack.waitFor(() => t.slack.responseUrlPosts().length > posts);
    const card = lastResponse();
    expect(card).toContain(`${row.reference}: Wrong recipient on invoice run`);
    expect(card).toContain('Assessing risk');

    const again = t.slack.responseUrlPosts().length;
    await t.driver.slashCommand({ user: t.users.outsider, channel: t.generalId, text: 'status' });
    await t.slack.waitFor(() => t.slack.responseUrlPosts().length > again);
    expect(lastResponse()).toContain(row.reference);
    expect(lastResponse()).not.toContain('Wrong recipient');
    expect(text(res)).not.toContain('error');
  });
});
