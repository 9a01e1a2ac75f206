/*
 * The baseline of the ack benchmark: a bare Bolt 5 app on HTTPReceiver that only acks `/breach`
 * and any button, with no database and no Slack calls (with BARE_OPEN_MODAL=1, `/breach` also opens
 * the bot's Declare modal, see below). Started as its own process, like the bot.
 *   SLACK_SIGNING_SECRET=… PORT=… node --import tsx bench/bare-bolt.ts
 */
import { App, HTTPReceiver, LogLevel } from '@slack/bolt';
import { declareModal } from '../src/slack/views/declare-modal.js';

const port = Number(process.env.PORT ?? 0);
const receiver = new HTTPReceiver({ signingSecret: process.env.SLACK_SIGNING_SECRET ?? '', endpoints: '/slack/events', logLevel: LogLevel.WARN });
// Bolt's defaults, as a new app has them. (Not tokenVerificationEnabled: false: Bolt 5.1 then calls
// auth.test on every request, a Web API call per ack that no bare app makes; docs/benchmarks.md.)
const app = new App({
  token: process.env.SLACK_BOT_TOKEN ?? 'xoxb-bare',
  receiver,
  logLevel: LogLevel.WARN,
  ...(process.env.SLACK_API_URL ? { clientOptions: { slackApiUrl: process.env.SLACK_API_URL } } : {}),
});
// BARE_OPEN_MODAL=1: the same Slack work as the bot's `/breach` after the ack, and nothing else:
// views.open with the bot's own Declare modal (the fair baseline for what the bot adds on top).
const openModal = process.env.BARE_OPEN_MODAL === '1';
app.command('/breach', async ({ ack, client, command }) => {
  await ack();
  if (!openModal) return;
  const view = declareModal(Math.floor(Date.now() / 1000), {}, { responseUrl: command.response_url });
  await client.views.open({ trigger_id: command.trigger_id, view }).catch(() => {});
});
app.action(/.*/, async ({ ack }) => {
  await ack();
});

const server = await app.start(port);
const address = (server as { address(): unknown }).address() as { port: number };
process.stderr.write(`bare bolt listening on port ${address.port}\n`);
for (const sig of ['SIGINT', 'SIGTERM'] as const) process.on(sig, () => void app.stop().finally(() => process.exit(0)));
