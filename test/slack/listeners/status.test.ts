import { expect, it } from 'vitest';
import { useTestBot } from '../../support/bot-harness.js';
import { describeOnOneDatabase } from '../../support/databases.js';
import { declareValues, openDeclare, waitForSetup } from '../../support/declare.js';

describeOnOneDatabase('/breach status and /breach list', ({ freshDatabase }) => {
  const t = useTestBot(freshDatabase);

  async function declare(title: string) {
    const view = await openDeclare(t);
    await t.driver.submitView({ user: t.users.reporter, viewId: view.id, values: declareValues({ title, responders: [t.users.responder] }) });
    return waitForSetup(t.databaseUrl, title);
  }

  const text = (res: { json?: unknown }) => JSON.stringify(res.json ?? '');
  const lastResponse = () => JSON.stringify(t.slack.responseUrlPosts().at(-1)?.body ?? {});
  /** Runs /breach list as this user and returns the list (a "declared" notice may land in between). */
  async function listAs(user: string) {
    const from = t.slack.responseUrlPosts().length;
    await t.driver.slashCommand({ user, channel: t.generalId, text: 'list' });
    return t.slack.waitFor(() => t.slack.responseUrlPosts().slice(from).map((p) => JSON.stringify(p.body)).find((b) => b.includes('Open breaches')));
  }

  it('says so when there are no open breaches', async () => {
    await t.driver.slashCommand({ user: t.users.outsider, channel: t.generalId, text: 'list' });
    await t.slack.waitFor(() => lastResponse().includes('There are no open breaches'));
  });

  it('lists open breaches with details only for members of each breach channel', async () => {
    const a = await declare('Laptop with HR files stolen');
    const b = await declare('Ransomware on file server');

    const outsiderView = await listAs(t.users.outsider);
    expect(outsiderView).toContain(a.reference);
    expect(outsiderView).toContain(b.reference);
    expect(outsiderView).toContain('<!date^');
    expect(outsiderView).not.toContain('Laptop with HR files stolen');
    expect(outsiderView).not.toContain('Ransomware');

    const memberView = await listAs(t.users.responder);
    expect(memberView).toContain('Laptop with HR files stolen');
    expect(memberView).toContain(`<#${a.channel_id}>`);
    t.slack.assertNoViolations();
  });

  it('/breach status in a breach channel shows that breach; elsewhere the open ones', async () => {
    const row = await declare('Wrong recipient on invoice run');
    const posts = t.slack.responseUrlPosts().length;
    const res = await t.driver.slashCommand({ user: t.users.reporter, channel: row.channel_id, text: 'status' });
    expect(res.status).toBe(200);
    // The reporter's "declared" notice may land in between: look for the card among the new posts.
    const card = await t.slack.waitFor(() =>
      t.slack.responseUrlPosts().slice(posts).map((p) => JSON.stringify(p.body)).find((b) => b.includes('card_header')),
    );
    expect(card).toContain(`${row.reference}: Wrong recipient on invoice run`);
    expect(card).toContain('Assessing risk');

    const again = t.slack.responseUrlPosts().length;
    await t.driver.slashCommand({ user: t.users.outsider, channel: t.generalId, text: 'status' });
    const list = await t.slack.waitFor(() =>
      t.slack.responseUrlPosts().slice(again).map((p) => JSON.stringify(p.body)).find((b) => b.includes('Open breaches')),
    );
    expect(list).toContain(row.reference);
    expect(list).not.toContain('Wrong recipient');
    expect(text(res)).not.toContain('error');
  });
});
