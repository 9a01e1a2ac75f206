import { fileURLToPath } from 'node:url';
import { cruise, type ICruiseResult } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';
import { describe, expect, it } from 'vitest';

/*
 * The layering rules in .dependency-cruiser.cjs (../shared/design/layout.md: slack → flows → domain,
 * store). First proven on a planted tree, then counted in src/. The count is a ceiling, not yet zero:
 * CI does not run `npm run deps:check` until the layering work of issue 16 brings it down.
 */

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const CONFIG = fileURLToPath(new URL('../../.dependency-cruiser.cjs', import.meta.url));
const FIXTURE = fileURLToPath(new URL('../fixtures/layering/', import.meta.url));

/**
 * Violations in src/ when the rules were added (issue 16): edges, not files (15 flow files import
 * Slack code, 29 Slack files import the store). Lower a number when layering work removes some;
 * never raise one.
 */
const CEILING: Readonly<Record<string, number>> = {
  'domain-imports-only-domain': 0,
  'flows-import-no-slack': 0,
  'slack-imports-no-store': 0,
};

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

  it('find no more violations in src/ than the recorded ceiling, rule by rule', async () => {
    const found = await violations(REPO);
    const counts = Object.fromEntries(Object.keys(CEILING).map((rule) => [rule, found.filter((v) => v.rule === rule).length]));
    for (const [rule, ceiling] of Object.entries(CEILING)) {
      const over = found.filter((v) => v.rule === rule).map((v) => `${v.from} → ${v.to}`);
      expect(counts[rule], `${rule} is over its ceiling of ${ceiling}:\n${over.join('\n')}`).toBeLessThanOrEqual(ceiling);
    }
    // Every violation belongs to one of the three rules: a new rule gets its own ceiling here.
    expect(found.every((v) => v.rule in CEILING)).toBe(true);
  });
});
