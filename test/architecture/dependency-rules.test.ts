import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { cruise, type ICruiseResult } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';
import { describe, expect, it } from 'vitest';

/*
 * The layering rules in .dependency-cruiser.cjs (../shared/design/layout.md: slack → flows → domain,
 * store). First proven on a planted tree, then checked in src/, which breaks none of them (issue 16).
 * CI also runs `npm run deps:check` (.ci/run), which prints each violation and fails on any.
 */

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const CONFIG = fileURLToPath(new URL('../../.dependency-cruiser.cjs', import.meta.url));
const FIXTURE = fileURLToPath(new URL('../fixtures/layering/', import.meta.url));

/** The rules; src/ breaks none of them. A new rule is added here too. */
const RULES = ['domain-imports-only-domain', 'flows-import-no-slack', 'slack-imports-no-store'] as const;

async function violations(baseDir: string): Promise<Array<{ rule: string; from: string; to: string }>> {
  const options = await extractDepcruiseOptions(CONFIG);
  const result = await cruise(['src'], { ...options, baseDir, validate: true });
  const output = result.output as ICruiseResult;
  return output.summary.violations.map((v) => ({ rule: v.rule.name, from: v.from, to: v.to }));
}

describe('the dependency rules', () => {
  it('catch each planted violation and nothing the layers allow', async () => {
    // The fixture also has allowed edges: store → domain, flow → domain and store, Slack → flow,
    // domain → domain and → a package (luxon). None of them may be reported.
    const found = await violations(FIXTURE);
    const byEdge = (a: { from: string }, b: { from: string }) => a.from.localeCompare(b.from);
    expect(found.sort(byEdge)).toEqual([
      { rule: 'domain-imports-only-domain', from: 'src/domain/leaky.ts', to: 'src/store/repo.ts' },
      { rule: 'flows-import-no-slack', from: 'src/flows/renders.ts', to: 'src/slack/blocks.ts' },
      { rule: 'slack-imports-no-store', from: 'src/slack/listener.ts', to: 'src/store/repo.ts' },
    ]);
  });

  it('the check CI runs (depcruise as in `npm run deps:check`) fails on a planted violation and names it, and passes on src/', () => {
    // The command CI runs (package.json "deps:check"), in the planted tree and in the repository.
    const depcruise = fileURLToPath(new URL('../../node_modules/.bin/depcruise', import.meta.url));
    const check = (cwd: string) => spawnSync(depcruise, ['src', '--config', CONFIG, '--output-type', 'err'], { cwd, encoding: 'utf8' });
    const planted = check(FIXTURE);
    expect(planted.status).not.toBe(0);
    expect(planted.stdout).toContain('flows-import-no-slack: src/flows/renders.ts → src/slack/blocks.ts');
    expect(check(REPO).status).toBe(0);
  });

  it('find no violation of any rule in src/', async () => {
    const found = await violations(REPO);
    for (const rule of RULES) {
      const broken = found.filter((v) => v.rule === rule).map((v) => `${v.from} → ${v.to}`);
      expect(broken, `${rule} is broken in src/:\n${broken.join('\n')}`).toEqual([]);
    }
    // Every violation belongs to one of the rules listed: a new rule is added to RULES.
    expect(found.filter((v) => !(RULES as readonly string[]).includes(v.rule))).toEqual([]);
  });
});
