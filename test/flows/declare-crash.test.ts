import postgres from 'postgres';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { SlackEmulator } from '../emulator/index.js';
import { manifestScopes } from '../support/bot-harness.js';
import { startChildBot, type ChildBot } from '../support/child-bot.js';
import { describeEachDatabase } from '../support/databases.js';
import { declareValues, waitForSetup } from '../support/declare.js';
import { eventually } from '../support/eventually.js';
import { VIEWS } from '../../src/slack/ids.js';

/**
 * A bot process killed (SIGKILL) while a setup step is in flight: the restarted bot finishes the
 * setup, with one channel, one card, everyone invited. Real processes, real kill.
 */
/** Two real bot processes, a kill and a restart that resumes seven steps: slow on a loaded machine. */
const KILL_TEST_MS = 60_000;

describeEachDatabase('a bot killed in the middle of a declaration', ({ freshDatabase }) => {
  let slack: SlackEmulator;
  let databaseUrl: string;
  let sql: postgres.Sql;
  const bots: ChildBot[] = [];
  const users = { reporter: '', responder: '', dpo: '' };
  beforeAll(async () => {
    databaseUrl = await freshDatabase();
    sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
    slack = await SlackEmulator.start({ scopes: manifestScopes() });
    users.reporter = slack.addUser({ name: 'rita' }).id;
    users.responder = slack.addUser({ name: 'rune' }).id;
    users.dpo = slack.addUser({ name: 'dina' }).id;
  });
  // Wait for the kills: a bot still finishing (telling the reporter) would take the next test's faults.
  afterEach(async () => {
    const old = bots.splice(0);
    old.forEach((b) => b.signal('SIGKILL'));
    await Promise.all(old.map((b) => b.exited));
    slack.resetRateLimits();
  });
  afterAll(async () => {
    await sql.end();
    await slack.close();
  });

  const start = async () => {
    const bot = await startChildBot(slack, { DATABASE_URL: databaseUrl, BREACHBOT_DPO_USERS: users.dpo }, { direct: true });
    bots.push(bot);
    return bot;
  };

  /** Whether Slack has already done the step (its answer still held back). */
  const doneInSlack: Record<string, (channelId: string) => boolean> = {
    'conversations.invite': (c) => slack.channel(c)!.members.includes(users.responder),
    'conversations.setTopic': (c) => slack.channel(c)!.topic.value !== '',
    'chat.postMessage': (c) => slack.messages(c).length > 0,
    'pins.add': (c) => slack.pins(c).length > 0,
  };

  it.each([
    ['conversations.invite', 'create_channel'],
    ['conversations.setTopic', 'invite'],
    ['chat.postMessage', 'set_topic'],
    ['pins.add', 'post_card'],
  ])('killed after Slack did %s but before the bot heard back, the restarted bot finishes the setup', async (method, doneStep) => {
    const title = `Killed during ${method}`;
    const first = await start();
    const driver = slack.driver(`http://127.0.0.1:${first.port}/slack/events`);
    await driver.globalShortcut({ user: users.reporter, callbackId: 'declare_breach' });
    const view = await slack.waitFor(() => slack.openViews(users.reporter).find((v) => v.callback_id === VIEWS.declare));
    // Slack does the step at once but the answer is held: the process dies without learning it succeeded.
    slack.faults.failNext(method, { answerDelayMs: 4000 });
    await driver.submitView({ user: users.reporter, viewId: view.id, values: declareValues({ title, responders: [users.responder] }) });
    const row = await eventually(async () => (await sql`select id, reference from breaches where title = ${title}`)[0], 5000, 'the breach');
    await eventually(
      async () => (await sql`select 1 from breach_setup_steps where breach_id = ${row.id} and step = ${doneStep} and status = 'done'`).length > 0,
      5000,
      `${doneStep} done`,
    );
    const channelId = (await sql`select channel_id from breaches where id = ${row.id}`)[0]!.channel_id as string;
    await slack.waitFor(() => doneInSlack[method]!(channelId), { what: `${method} done in Slack` });
    first.signal('SIGKILL');
    await first.exited;

    await start();
    const done = await waitForSetup(databaseUrl, title);
    const named = [...slack.state.channels.values()].filter((c) => c.name.startsWith(`breach-${row.reference.slice(3).toLowerCase()}`));
    expect(named).toHaveLength(1);
    expect(slack.channel(done.channel_id)!.members).toEqual(expect.arrayContaining([users.reporter, users.responder, users.dpo]));
    expect(slack.pins(done.channel_id)).toHaveLength(1);
    // Even when Slack posted the card for the killed process, the new one finds it: one card.
    const cards = slack.messages(done.channel_id).filter((m) => JSON.stringify(m.blocks ?? []).includes('card_header'));
    expect(cards).toHaveLength(1);
    expect(cards[0]!.ts).toBe(done.card_ts);
    }, KILL_TEST_MS);

  /** Own messages with this metadata type about this breach. */
  const tagged = (messages: ReturnType<SlackEmulator['messages']>, type: string, breachId: string) =>
    messages.filter((m) => m.metadata?.['event_type'] === type && (m.metadata['event_payload'] as Record<string, unknown>)['breach_id'] === breachId);

  it.each([
    ['the welcome post', 1, 'pin_card'],
    ["the DPO's DM", 2, 'welcome'],
  ] as const)('killed after Slack posted %s but before the bot heard back: the restarted bot posts it once', async (what, before, doneStep) => {
    const title = `Killed while posting ${what}`;
    const first = await start();
    const driver = slack.driver(`http://127.0.0.1:${first.port}/slack/events`);
    await driver.globalShortcut({ user: users.reporter, callbackId: 'declare_breach' });
    const view = await slack.waitFor(() => slack.openViews(users.reporter).find((v) => v.callback_id === VIEWS.declare));
    // The posts before it go through; this one is made at once but its answer is held until after the kill.
    // Each post must be one call for the faults to land on the right one: no 1-per-second 429s here.
    slack.setRateLimits({ postMessagePerChannel: null });
    for (let i = 0; i < before; i++) slack.faults.failNext('chat.postMessage', { latencyMs: 1 });
    slack.faults.failNext('chat.postMessage', { answerDelayMs: 4000 });
    await driver.submitView({ user: users.reporter, viewId: view.id, values: declareValues({ title, responders: [users.responder] }) });
    const row = await eventually(async () => (await sql`select id, channel_id from breaches where title = ${title} and card_ts is not null`)[0], 5000, 'the breach');
    await eventually(
      async () => (await sql`select 1 from breach_setup_steps where breach_id = ${row.id} and step = ${doneStep} and status = 'done'`).length > 0,
      5000,
      `${doneStep} done`,
    );
    const posted = () => (before === 1 ? tagged(slack.messages(row.channel_id), 'breachbot_welcome', row.id) : tagged(slack.dm(users.dpo), 'breachbot_dpo_dm', row.id));
    await slack.waitFor(() => posted().length > 0, { what: `${what} posted in Slack` });
    first.signal('SIGKILL');
    await first.exited;

    await start();
    await waitForSetup(databaseUrl, title);
    expect(tagged(slack.messages(row.channel_id), 'breachbot_welcome', row.id)).toHaveLength(1);
    expect(tagged(slack.dm(users.dpo), 'breachbot_dpo_dm', row.id)).toHaveLength(1);
    }, KILL_TEST_MS);
});
