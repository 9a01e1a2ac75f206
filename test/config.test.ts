import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';

const base = { SLACK_BOT_TOKEN: 'xoxb-1-abc', SLACK_SIGNING_SECRET: 'secret' };

function problems(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  return [];
}

describe('configuration', () => {
  it('uses the documented defaults when only the Slack tokens are given', () => {
    const c = loadConfig(base);
    expect(c).toMatchObject({
      slack: { apiUrl: 'https://slack.com/api/', mode: 'http' },
      port: 3000,
      databaseUrl: undefined,
      dataDir: './.breachbot',
      timezone: 'Europe/Copenhagen',
      ops: { port: undefined, host: '127.0.0.1', healthzPublic: true },
    });
  });

  it('moves /metrics to OPS_PORT on OPS_HOST when set', () => {
    expect(loadConfig({ ...base, OPS_PORT: '9464', OPS_HOST: '10.0.0.7', HEALTHZ_PUBLIC: 'false' }).ops).toEqual({ port: 9464, host: '10.0.0.7', healthzPublic: false });
  });

  it('switches to Socket Mode with an app token, where no signing secret is needed', () => {
    const c = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1-x' });
    expect(c.slack.mode).toBe('socket');
  });

  it('adds the trailing slash @slack/web-api needs to SLACK_API_URL', () => {
    expect(loadConfig({ ...base, SLACK_API_URL: 'http://127.0.0.1:9999/api' }).slack.apiUrl).toBe(
      'http://127.0.0.1:9999/api/',
    );
  });

  it.each([
    [{}, 'SLACK_BOT_TOKEN is required'],
    [{ SLACK_BOT_TOKEN: 'xapp-1-oops' }, 'SLACK_BOT_TOKEN must be a bot token starting with xoxb-'],
    [{ SLACK_BOT_TOKEN: 'xoxb-1' }, 'SLACK_SIGNING_SECRET is required in HTTP mode'],
    [{ ...base, SLACK_APP_TOKEN: 'xoxb-wrong' }, 'SLACK_APP_TOKEN must be an app-level token'],
    [{ ...base, PORT: 'eighty' }, 'PORT must be a port number'],
    [{ ...base, PORT: '70000' }, 'PORT must be 0-65535'],
    [{ ...base, OPS_PORT: 'metrics' }, 'OPS_PORT must be a port number'],
    [{ ...base, OPS_PORT: '70000' }, 'OPS_PORT must be 0-65535'],
    [{ ...base, HEALTHZ_PUBLIC: 'yes' }, 'HEALTHZ_PUBLIC must be true or false'],
    [{ ...base, DATABASE_URL: 'mysql://db/x' }, 'DATABASE_URL must be a postgres:// connection URL'],
    [{ ...base, SLACK_API_URL: 'not a url' }, 'SLACK_API_URL must be an http(s) URL'],
    [{ ...base, BREACHBOT_TIMEZONE: 'Europe/Kobenhavn' }, 'BREACHBOT_TIMEZONE must be an IANA time zone'],
    [{ ...base, BREACHBOT_REMINDER_POLL_MS: '10' }, 'BREACHBOT_REMINDER_POLL_MS must be at least 50 ms'],
    [{ ...base, BREACHBOT_DPO_USERS: 'dina@example.dk' }, 'BREACHBOT_DPO_USERS must be Slack user ids'],
    [{ ...base, BREACHBOT_RESPONDER_GROUP: 'U123' }, 'BREACHBOT_RESPONDER_GROUP must be a Slack user group id'],
  ])('names the variable that is wrong: %j', (env, message) => {
    expect(problems(env as Record<string, string>).join('\n')).toContain(message);
  });

  it('npm start with a bad setting prints one clear line, no stack trace, and exits non-zero', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      env: { PATH: process.env.PATH, SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's', PORT: 'eighty' },
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(run.status).toBe(2);
    expect(run.stderr.trim()).toBe('breachbot: configuration error: PORT must be a port number');
  });
});
