import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { createSlackApp } from '../src/slack/app.js';
import { COMMAND, SHORTCUT_NAMES, SHORTCUTS } from '../src/slack/ids.js';
import { SlackPacer } from '../src/slack/pacer.js';

const schema = JSON.parse(readFileSync('../shared/slack/manifest.schema.1.0.0.json', 'utf8'));
const manifest = parse(readFileSync('manifest.yml', 'utf8'));

function validator() {
  const ajv = new Ajv({ allErrors: true, strict: false });
  ajv.addFormat('uri', (s: string) => URL.canParse(s));
  return ajv.compile(schema);
}

describe('manifest.yml', () => {
  it("is valid against Slack's official manifest schema", () => {
    const validate = validator();
    const ok = validate(manifest);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('the schema check bites: a shortcut name over 24 characters is rejected', () => {
    const bad = structuredClone(manifest);
    bad.features.shortcuts[0].name = 'Declare a personal data breach';
    expect(validator()(bad)).toBe(false);
  });

  it('declares the command and shortcuts the bot listens for', () => {
    expect(manifest.features.slash_commands.map((c: { command: string }) => c.command)).toEqual([COMMAND]);
    const byId = Object.fromEntries(
      manifest.features.shortcuts.map((s: { callback_id: string; type: string }) => [s.callback_id, s.type]),
    );
    expect(byId).toEqual({ [SHORTCUTS.declare]: 'global', [SHORTCUTS.reportMessage]: 'message' });
  });

  it('names the shortcuts as /breach help does', () => {
    const names = Object.fromEntries(manifest.features.shortcuts.map((s: { callback_id: string; name: string }) => [s.callback_id, s.name]));
    expect(names).toEqual({ [SHORTCUTS.declare]: SHORTCUT_NAMES.declare, [SHORTCUTS.reportMessage]: SHORTCUT_NAMES.reportMessage });
  });

  it('subscribes to exactly the events the bot listens to (an event not subscribed never arrives)', () => {
    const config = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-test', SLACK_SIGNING_SECRET: 'secret' });
    const logger = { debug() {}, info() {}, warn() {}, error() {}, setLevel() {}, getLevel: () => 'info', setName() {} } as never;
    const { listeners } = createSlackApp(config, { logger } as never, new SlackPacer());
    expect([...manifest.settings.event_subscriptions.bot_events].sort()).toEqual([...new Set(listeners.registered().event)].sort());
  });

  it('enables the Home tab and the app_home_opened event, and points every URL at /slack/events', () => {
    expect(manifest.features.app_home.home_tab_enabled).toBe(true);
    expect(manifest.settings.event_subscriptions.bot_events).toContain('app_home_opened');
    const urls = [
      manifest.settings.event_subscriptions.request_url,
      manifest.settings.interactivity.request_url,
      ...manifest.features.slash_commands.map((c: { url: string }) => c.url),
    ];
    for (const url of urls) expect(new URL(url).pathname).toBe('/slack/events');
  });

  it('asks for private-channel scopes only: breach channels are never public', () => {
    const scopes: string[] = manifest.oauth_config.scopes.bot;
    expect(scopes).toContain('groups:write');
    expect(scopes.filter((s) => s.startsWith('channels:') || s === 'chat:write.public')).toEqual([]);
  });
});
