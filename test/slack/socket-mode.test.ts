import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ASSESSMENT } from '../../src/slack/ids.js';
import { answerValues, assessByCard, HEALTH_LEAK_STEP1 } from '../support/assess.js';
import { startTestBot, type TestBot } from '../support/bot-harness.js';
import { createDatabase, testServers } from '../support/databases.js';
import { declareValues, openDeclare, waitForSetup } from '../support/declare.js';

/**
 * Socket Mode for real (slack-rules.md §7): the bot opens its connection with apps.connections.open
 * and the app-level token, and the emulator delivers commands, button presses and view submissions
 * as envelopes over the WebSocket, expecting each ack within 3 s. Slack recycles connections (a
 * disconnect message) and connections drop: the bot reconnects and carries on.
 */
describe('Socket Mode', () => {
  const APP_TOKEN = 'xapp-1-A0SOCKET-1-socketmodetest';
  // apps.connections.open is Tier 1 (one a minute): each reconnect is made a minute later on the
  // emulator's clock, as in real life a recycled connection is.
  let offset = 0;
  const clock = () => Date.now() + offset;
  let t: TestBot & { databaseUrl: string };

  beforeAll(async () => {
    const databaseUrl = await createDatabase(testServers().at(-1)!.adminUrl, true);
    const bot = await startTestBot({ databaseUrl, env: { SLACK_APP_TOKEN: APP_TOKEN }, slack: { appToken: APP_TOKEN, clock } });
    t = Object.assign(bot, { databaseUrl });
    t.driver = t.slack.socketDriver();
  });
  afterAll(() => t?.stop());

  const hub = () => t.slack.socketMode;
  const reconnected = async (hellosBefore: number) => {
    await t.slack.waitFor(() => hub().hellos.length > hellosBefore && hub().connectionCount === 1, { timeoutMs: 20_000, what: 'a new Socket Mode connection' });
  };

  it('connects with the app-level token and serves no Slack requests over HTTP', async () => {
    await t.slack.waitFor(() => hub().connectionCount === 1, { what: 'the Socket Mode connection' });
    expect(t.slack.callsTo('apps.connections.open').map((c) => c.ok)).toEqual([true]);
    const http = await fetch(`${t.url}/slack/events`, { method: 'POST', body: 'command=%2Fbreach' });
    expect(http.status).toBe(404);
    expect((await fetch(`${t.url}/healthz`)).status).toBe(200);
  });

  it('declare → card, a card button and a view submission, across a refresh and a dropped socket', async () => {
    // Declare: the command opens the modal, its submission sets the breach up and pins the card.
    const modal = await openDeclare(t, 'declare');
    const submitted = await t.driver.submitView({
      user: t.users.reporter,
      viewId: modal.id,
      values: declareValues({ title: 'Socket Mode declaration', responders: [t.users.responder] }),
    });
    expect(submitted.responseAction).toBe('close');
    const breach = await waitForSetup(t.databaseUrl, 'Socket Mode declaration');
    await t.slack.waitFor(() => t.slack.pins(breach['channel_id'] as string).length === 1, { what: 'the pinned card' });

    // Slack recycles the connection: the bot reconnects, then a card button works.
    const beforeRefresh = hub().hellos.length;
    offset += 61_000;
    hub().disconnect('refresh_requested');
    await reconnected(beforeRefresh);
    const questionnaire = await assessByCard(t, breach['channel_id'] as string, breach['card_ts'] as string);
    expect(questionnaire.callback_id).toBe(ASSESSMENT.view);

    // The server drops every socket without a word: the bot reconnects, then a view submission works.
    const beforeDrop = hub().hellos.length;
    offset += 61_000;
    hub().drop();
    await reconnected(beforeDrop);
    const step = await t.driver.submitView({ user: t.users.responder, viewId: questionnaire.id, values: answerValues(HEALTH_LEAK_STEP1) });
    expect(step.responseAction).toBe('update');

    // Three connections, each opened with its own apps.connections.open; every ack well within 3 s.
    expect(hub().hellos.length).toBe(3);
    expect(t.slack.callsTo('apps.connections.open').filter((c) => c.ok)).toHaveLength(3);
    expect(hub().acks.length).toBeGreaterThanOrEqual(4);
    expect(hub().problems).toEqual([]);
    t.slack.assertNoViolations();
  });

  it('a disconnect warning before the refresh: the bot reconnects and /breach help still answers', async () => {
    const before = hub().hellos.length;
    offset += 61_000;
    hub().disconnect('warning');
    await reconnected(before);
    const res = await t.driver.slashCommand({ user: t.users.reporter, channel: t.generalId, text: 'help' });
    expect(res.status).toBe(200);
    expect(JSON.stringify(res.json)).toContain('/breach help');
    t.slack.assertNoViolations();
  });
});
