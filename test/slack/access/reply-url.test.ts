import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import postgres from 'postgres';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { useTestBot } from '../../support/bot-harness.js';
import { describeOnOneDatabase } from '../../support/databases.js';
import { declareValues, openDeclare, waitForSetup } from '../../support/declare.js';

/*
 * The Declare modal carries /breach's response_url in its private_metadata, and the bot posts the
 * "declared" notice to it later. A forged submission can put any URL there: the bot keeps and posts
 * only Slack's own (here: the emulator's, since SLACK_API_URL is on loopback), and tells the
 * reporter in a DM instead.
 */
describeOnOneDatabase('the stored reply URL', ({ freshDatabase }) => {
  const t = useTestBot(freshDatabase, { slack: { rateLimits: 'off' } });
  let elsewhere: Server;
  let elsewhereUrl: string;
  const hits: string[] = [];
  beforeAll(async () => {
    elsewhere = createServer((req, res) => {
      hits.push(req.url ?? '');
      res.writeHead(200).end('ok');
    });
    await new Promise<void>((r) => elsewhere.listen(0, '127.0.0.1', r));
    elsewhereUrl = `http://127.0.0.1:${(elsewhere.address() as AddressInfo).port}/steal`;
  });
  afterAll(async () => {
    elsewhere.closeAllConnections();
    await new Promise((r) => elsewhere.close(r));
  });

  it("is Slack's: the notice goes where /breach was typed", async () => {
    const view = await openDeclare(t);
    await t.driver.submitView({ user: t.users.reporter, viewId: view.id, values: declareValues({ title: 'Reply URL: the real one' }) });
    const breach = await waitForSetup(t.databaseUrl, 'Reply URL: the real one');
    expect(breach!['reply_url']).toMatch(new RegExp(`^${t.slack.baseUrl}/response/`));
    await t.slack.waitFor(() => t.slack.responseUrlPosts().some((p) => (p.text ?? '').includes(String(breach!['reference']))));
  });

  it('pointing elsewhere: not stored, never posted to, and the reporter is told in a DM', async () => {
    const view = await openDeclare(t);
    (t.slack.view(view.id) as { private_metadata: string }).private_metadata = JSON.stringify({ responseUrl: elsewhereUrl });
    await t.driver.submitView({ user: t.users.reporter, viewId: view.id, values: declareValues({ title: 'Reply URL: a forged one' }) });
    const breach = await waitForSetup(t.databaseUrl, 'Reply URL: a forged one');
    expect(breach!['reply_url']).toBeNull();
    await t.slack.waitFor(() => t.slack.dm(t.users.reporter).some((m) => m.text.includes(String(breach!['reference']))));
    expect(hits).toEqual([]);
    const sql = postgres(t.databaseUrl, { max: 1, onnotice: () => {} });
    try {
      expect(await sql`select 1 from breaches where reply_url like ${`${elsewhereUrl}%`}`).toHaveLength(0);
    } finally {
      await sql.end();
    }
  });
});
