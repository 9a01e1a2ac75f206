import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { SlackEmulator } from './emulator/index.js';
import { createDatabase, testServers } from './support/databases.js';
import { manifestScopes } from './support/bot-harness.js';

/**
 * `npm start` as a newcomer runs it: a child process configured only by environment variables,
 * answering Slack's signed requests over HTTP, and shutting down cleanly on SIGTERM.
 */
describe('npm start', () => {
  const children: ChildProcess[] = [];
  const dirs: string[] = [];
  let slack: SlackEmulator;
  const killGroup = (c: ChildProcess, signal: NodeJS.Signals) => {
    try {
      process.kill(-c.pid!, signal);
    } catch {
      /* already gone */
    }
  };
  afterEach(() => children.splice(0).forEach((c) => killGroup(c, 'SIGKILL')));
  afterAll(async () => {
    await slack?.close();
    dirs.forEach((d) => rmSync(d, { recursive: true, force: true }));
  });

  async function start(env: Record<string, string>): Promise<{ child: ChildProcess; port: number; stderr: () => string }> {
    slack ??= await SlackEmulator.start({ scopes: manifestScopes() });
    const child = spawn('npm', ['start', '--silent'], {
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        SLACK_BOT_TOKEN: slack.botToken,
        SLACK_SIGNING_SECRET: slack.signingSecret,
        SLACK_API_URL: slack.apiUrl,
        PORT: '0',
        ...env,
      },
      stdio: ['ignore', 'ignore', 'pipe'],
      // Its own process group, signalled as a terminal's Ctrl-C or a supervisor would: npm, sh and node.
      detached: true,
    });
    children.push(child);
    let err = '';
    child.stderr!.on('data', (b: Buffer) => (err += b.toString()));
    const port = await new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no start within 30 s:\n${err}`)), 30_000);
      child.stderr!.on('data', () => {
        const m = /listening on port (\d+)/.exec(err);
        if (m) {
          clearTimeout(timer);
          resolve(Number(m[1]));
        }
      });
      child.on('exit', (code) => reject(new Error(`exited with ${code}:\n${err}`)));
    });
    return { child, port, stderr: () => err };
  }

  async function helpWorks(port: number) {
    const user = slack.addUser({ name: `newcomer${Math.random()}` }).id;
    const res = await slack.driver(`http://127.0.0.1:${port}/slack/events`).slashCommand({ user, text: 'help' });
    expect(res.status).toBe(200);
    expect(JSON.stringify(res.json)).toContain('/breach help');
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
  }

  async function stopsCleanly(child: ChildProcess, stderr: () => string) {
    const exited = new Promise<void>((r) => child.stderr!.once('close', () => r()));
    killGroup(child, 'SIGTERM');
    await exited;
    expect(stderr()).toContain('SIGTERM received, shutting down');
    expect(stderr()).not.toMatch(/ERROR/);
  }

  it('runs on its own embedded PostgreSQL by default and answers /breach help', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'breachbot-start-'));
    dirs.push(dir);
    const { child, port, stderr } = await start({ BREACHBOT_DATA_DIR: dir });
    await helpWorks(port);
    // Nothing secret reaches the log.
    expect(stderr()).not.toContain(slack.botToken);
    expect(stderr()).not.toMatch(/breachbot:[^@\s]+@127/);
    await stopsCleanly(child, stderr);
    // The embedded server stopped with the bot: its lock and pid files are gone.
    expect(existsSync(join(dir, 'breachbot.lock'))).toBe(false);
    expect(existsSync(join(dir, 'pg', 'postmaster.pid'))).toBe(false);
  });

  it('uses DATABASE_URL when it is set', async () => {
    const url = await createDatabase(testServers().at(-1)!.adminUrl, false);
    const { child, port, stderr } = await start({ DATABASE_URL: url });
    await helpWorks(port);
    expect(stderr()).not.toContain('embedded PostgreSQL ready');
    await stopsCleanly(child, stderr);
  });
});
