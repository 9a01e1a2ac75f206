import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { POLICY, POLICY_ACTIONS, type PolicyAction, type Role } from '../src/domain/access/policy.js';

/** README "Access" is the policy in words: its table must say exactly what the code enforces. */
describe('README Access section', () => {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
  const section = readme.slice(readme.indexOf('## Access'), readme.indexOf('\n## ', readme.indexOf('## Access') + 1));
  const rows = section.split('\n').filter((l) => /^\| .* \| `/.test(l));
  const NAMES: Record<string, Exclude<Role, 'admin'>> = { members: 'member', reporter: 'reporter', lead: 'lead', DPO: 'dpo' };

  const table = new Map<PolicyAction, string>();
  for (const row of rows) {
    const [, , actions, who] = row.split('|').map((c) => c.trim());
    for (const a of actions!.match(/`([a-z_]+)`/g)!.map((m) => m.slice(1, -1))) table.set(a as PolicyAction, who!);
  }

  it('lists every policy action once', () => {
    expect([...table.keys()].sort()).toEqual([...POLICY_ACTIONS].sort());
  });

  it.each(POLICY_ACTIONS)('%s: the same people as the policy', (action) => {
    const who = table.get(action)!;
    const rule = POLICY[action].who;
    if (rule === 'anyone') return expect(who).toBe('anyone');
    expect(who.split(', ').map((w) => NAMES[w]).sort()).toEqual([...rule].sort());
  });

  it('says admins stand in only while no DPO is configured, as the policy does', () => {
    expect(section).toMatch(/while no DPO user is\s+configured, an admin may do whatever the DPO may/);
    expect(section).toContain('"actingAs": "admin"');
  });
});
