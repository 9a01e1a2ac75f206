import { readFileSync } from 'node:fs';
import type { Logger } from '@slack/bolt';
import { LogLevel } from '@slack/bolt';
import { afterAll, beforeAll } from 'vitest';
import { parse } from 'yaml';
import { startBot, type BotHandle, type StartOptions } from '../../src/bot.js';
import { loadConfig } from '../../src/config.js';
import type { Clock } from '../../src/domain/clock.js';
import { SlackEmulator, type Driver, type SlackEmulatorOptions } from '../emulator/index.js';

/** The bot scopes manifest.yml asks for: the emulator grants exactly these, so a missing scope fails a test. */
export function manifestScopes(): string[] {
  return parse(readFileSync(new URL('../../manifest.yml', import.meta.url), 'utf8')).oauth_config.scopes.bot;
}

export interface LogLine {
  level: LogLevel;
  text: string;
}

/** A logger that records every line, so tests can check what would have been logged. */
export function recordingLogger(echo = process.env.BREACHBOT_TEST_LOGS === '1'): Logger & { lines: LogLine[] } {
  const lines: LogLine[] = [];
  let level = LogLevel.DEBUG;
  const rec = (l: LogLevel) => (...msg: unknown[]) => {
    const text = msg.map((m) => (m instanceof Error ? m.stack ?? m.message : typeof m === 'string' ? m : JSON.stringify(m))).join(' ');
    lines.push({ level: l, text });
    if (echo) process.stderr.write(`[bot ${l}] ${text}\n`);
  };
  return {
    lines,
    debug: rec(LogLevel.DEBUG),
    info: rec(LogLevel.INFO),
    warn: rec(LogLevel.WARN),
    error: rec(LogLevel.ERROR),
    setLevel: (l) => {
      level = l;
    },
    getLevel: () => level,
    setName: () => {},
  };
}

export interface TestBot {
  slack: SlackEmulator;
  driver: Driver;
  bot: BotHandle;
  /** Base URL of the bot's HTTP server, e.g. http://127.0.0.1:PORT */
  url: string;
  logger: ReturnType<typeof recordingLogger>;
  /** Well-known users: the reporter, a responder and the DPO. */
  users: { reporter: string; responder: string; dpo: string; outsider: string };
  /** A public channel where people type /breach. */
  generalId: string;
  restart(): Promise<void>;
  stop(): Promise<void>;
}

export interface TestBotOptions {
  databaseUrl: string;
  clock?: Clock;
  slack?: SlackEmulatorOptions;
  env?: Record<string, string>;
  start?: StartOptions;
}

/**
 * Starts the real bot (src/bot.ts) in-process on a free port, against a fresh strict Slack emulator
 * that grants exactly the manifest's scopes, with a driver that sends signed requests to it.
 */
export async function startTestBot(opts: TestBotOptions): Promise<TestBot> {
  const slack = await SlackEmulator.start({ scopes: manifestScopes(), ...opts.slack });
  const reporter = slack.addUser({ name: 'rita.reporter' }).id;
  const responder = slack.addUser({ name: 'rune.responder' }).id;
  const dpo = slack.addUser({ name: 'dina.dpo' }).id;
  const outsider = slack.addUser({ name: 'otto.outsider' }).id;
  const general = slack.channelByName('general') ?? slack.addChannel({ name: 'general', members: [reporter, responder, dpo, outsider] });
  const logger = recordingLogger();
  const config = loadConfig({
    SLACK_BOT_TOKEN: slack.botToken,
    SLACK_SIGNING_SECRET: slack.signingSecret,
    SLACK_API_URL: slack.apiUrl,
    DATABASE_URL: opts.databaseUrl,
    PORT: '0',
    BREACHBOT_DPO_USERS: dpo,
    ...opts.env,
  });
  const start = () => startBot(config, { logger, host: '127.0.0.1', sweepIntervalMs: 0, reminderPollMs: 0, backupCheckMs: 0, ...(opts.clock ? { clock: opts.clock } : {}), ...opts.start });
  let bot = await start();
  const harness: TestBot = {
    slack,
    bot,
    url: `http://127.0.0.1:${bot.port}`,
    driver: slack.driver(`http://127.0.0.1:${bot.port}/slack/events`),
    logger,
    users: { reporter, responder, dpo, outsider },
    generalId: general.id,
    async restart() {
      await harness.bot.stop();
      bot = await start();
      harness.bot = bot;
      harness.url = `http://127.0.0.1:${bot.port}`;
      harness.driver = slack.driver(`${harness.url}/slack/events`);
    },
    async stop() {
      await harness.bot.stop();
      await slack.close();
    },
  };
  return harness;
}

/**
 * Starts a bot on a fresh database before the tests of a describe block and stops it after.
 * Returns a stand-in that forwards to the bot once beforeAll has started it.
 */
export function useTestBot(
  freshDatabase: () => Promise<string>,
  opts: Omit<TestBotOptions, 'databaseUrl'> = {},
): TestBot & { databaseUrl: string } {
  let t: (TestBot & { databaseUrl: string }) | undefined;
  beforeAll(async () => {
    const databaseUrl = await freshDatabase();
    t = Object.assign(await startTestBot({ ...opts, databaseUrl }), { databaseUrl });
  });
  afterAll(async () => {
    await t?.stop();
  });
  return new Proxy({} as TestBot & { databaseUrl: string }, {
    get: (_, key) => {
      if (!t) throw new Error('the test bot starts in beforeAll');
      const v = (t as unknown as Record<string | symbol, unknown>)[key];
      return typeof v === 'function' ? v.bind(t) : v;
    },
  });
}
