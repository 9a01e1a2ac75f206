/**
 * The layering rules of ../shared/design/layout.md ("Imports run down this list and never up:
 * slack → flows → domain, store"), as dependency-cruiser rules. `npm run deps:check` lists what breaks
 * them and exits with the number of violations, so CI (.ci/run) fails on any;
 * test/architecture/dependency-rules.test.ts proves each rule catches a planted violation and that
 * src/ has none (issue 16).
 *
 * Paths are relative to the folder the cruise runs from (the repository, or a test fixture), so the
 * same rules serve both.
 */

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'domain-imports-only-domain',
      severity: 'error',
      comment:
        'src/domain is pure (COMMON.md "Standards"): no Slack, no database, no clock, no config. It may import ' +
        'packages (luxon, zod) but nothing of ours outside src/domain.',
      from: { path: '^src/domain/' },
      to: { path: '^src/', pathNot: '^src/domain/' },
    },
    {
      name: 'flows-import-no-slack',
      severity: 'error',
      comment:
        'Flows return plain data (view models), never Slack blocks; what they need rendered or asked of Slack ' +
        'comes through a port they define, implemented in src/slack/slack-side.ts.',
      from: { path: '^src/flows/' },
      to: { path: '^src/slack/' },
    },
    {
      name: 'slack-imports-no-store',
      severity: 'error',
      comment: 'Slack listeners parse, call a flow and render; the flow talks to the store.',
      from: { path: '^src/slack/' },
      to: { path: '^src/store/' },
    },
  ],
  options: {
    // TypeScript 7 has no JavaScript compiler API, which dependency-cruiser's "tsc" parser needs; swc
    // parses TypeScript on its own (a native binary from the npm registry, no download at install).
    parser: 'swc',
    // Count `import type` too: a flow that names a Slack type still depends on Slack.
    tsPreCompilationDeps: true,
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|node_modules)/' },
    enhancedResolveOptions: { extensions: ['.ts', '.js', '.json'] },
  },
};
