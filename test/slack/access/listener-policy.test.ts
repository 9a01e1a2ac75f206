import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config.js';
import { POLICY } from '../../../src/domain/access/policy.js';
import { SURFACES, type SurfaceKind } from '../../../src/slack/access/surfaces.js';
import { SlackPacer } from '../../../src/slack/pacer.js';
import { createSlackApp } from '../../../src/slack/app.js';
import { subcommandNames } from '../../../src/slack/listeners/commands/breach.js';

/*
 * Every listener the bot registers has an entry in the access map (src/slack/access/surfaces.ts),
 * naming a policy action. A new button, modal, shortcut or event without one fails here; at run
 * time the guard would refuse its requests. The access table test then runs every map entry as
 * five kinds of people.
 */
describe('every listener has an access policy entry', () => {
  const config = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-test', SLACK_SIGNING_SECRET: 'secret' });
  const logger = { debug() {}, info() {}, warn() {}, error() {}, setLevel() {}, getLevel: () => 'info', setName() {} } as never;
  const { listeners } = createSlackApp(config, { logger } as never, new SlackPacer());
  const registered = listeners.registered();

  it.each(['action', 'view', 'shortcut', 'event'] as const)('%s listeners', (kind) => {
    expect(registered[kind].length).toBeGreaterThan(0);
    for (const id of registered[kind]) expect(SURFACES[kind as SurfaceKind], `${kind} "${id}" has no access entry`).toHaveProperty([id]);
  });

  it('the /breach command and each of its subcommands', () => {
    expect(registered.command).toEqual(['/breach']);
    for (const name of subcommandNames()) expect(SURFACES.command, `/breach ${name} has no access entry`).toHaveProperty([name]);
  });

  it('nothing in the map that no listener handles, and every entry names a policy action', () => {
    for (const kind of ['action', 'view', 'shortcut', 'event'] as const) {
      expect(Object.keys(SURFACES[kind]).sort()).toEqual([...new Set(registered[kind])].sort());
    }
    expect(Object.keys(SURFACES.command).sort()).toEqual([...subcommandNames(), 'unknown'].sort());
    for (const surfaces of Object.values(SURFACES)) {
      for (const s of Object.values(surfaces)) if (typeof s.action === 'string') expect(POLICY).toHaveProperty([s.action]);
    }
  });

  it('no options listeners exist (they would need an entry too)', () => {
    expect(registered.options).toEqual([]);
  });
});
