import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { SlackEmulator } from './emulator/index.js';
import { createDatabase, testServers } from './support/databases.js';
import { manifestScopes } from './support/bot-harness.js';
import { startChildBot, type ChildBot } from './support/child-bot.js';

/**
 * `npm start` as a newcomer runs it: a child process configured only by environment variables,
 * answering Slack's signed requests over HTTP, and shutting down cleanly on SIGTERM.
 */
describe('npm start', () => {
  const children: ChildBot[] = [];
  const dirs: string[] = [];
  let slack: SlackEmulator;
  afterEach(() => children.splice(0).forEach((c) => c.signal('SIGKILL')));
  afterAll(async () => {
    await slack?.close();
    dirs.forEach((d) => rmSync(d, { recursive: true, force: true }));
  });

  async function start(env: Record<string, string>): Promise<ChildBot> {
    slack ??= await SlackEmulator.start({ scopes: manifestScopes() });
    const bot = await startChildBot(slack, env);
    children.push(bot);
    return bot;
  }

  async function helpWorks(port: number) {
    const user = slack.addUser({ name: `newcomer${Math.random()}` }).id;
    const res = await slack.driver(`http://127.0.0.1:${port}/slack/events`).slashCommand({ user, text: 'help' });
    expect(res.status).toBe(200);
    expect(JSON.stringify(res.json)).toContain('/breach help');
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
  }

  async function stopsCleanly({ signal, exited, stderr }: ChildBot) {
    signal('SIGTERM');
    await exited;
    expect(stderr()).toContain('SIGTERM received, shutting down');
    expect(stderr()).not.toMatch(/ERROR/);
  }

  it('runs on its own embedded PostgreSQL by default and answers /breach help', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'breachbot-start-'));
    dirs.push(dir);
    const bot = await start({ BREACHBOT_DATA_DIR: dir });
    const { port, stderr } = bot;
    await helpWorks(port);
    // Nothing secret reaches the log.
    expect(stderr()).not.toContain(slack.botToken);
    expect(stderr()).not.toMatch(/breachbot:[^@\s]+@127/);
    await stopsCleanly(bot);
    // The embedded server stopped with the bot: its lock and pid files are gone.
    expect(existsSync(join(dir, 'breachbot.lock'))).toBe(false);
    expect(existsSync(join(dir, 'pg', 'postmaster.pid'))).toBe(false);
  });

  it('uses DATABASE_URL when it is set', async () => {
    const url = await createDatabase(testServers().at(-1)!.adminUrl, false);
    const bot = await start({ DATABASE_URL: url });
    const { port, stderr } = bot;
    await helpWorks(port);
    expect(stderr()).not.toContain('embedded PostgreSQL ready');
    await stopsCleanly(bot);
  });
});
