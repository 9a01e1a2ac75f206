import { expect, it } from 'vitest';
import { SHORTCUT_NAMES } from '../../../src/slack/ids.js';
import { useTestBot } from '../../support/bot-harness.js';
import { describeOnOneDatabase } from '../../support/databases.js';

describeOnOneDatabase('/breach help', ({ freshDatabase }) => {
  const t = useTestBot(freshDatabase);

  it('groups the commands by where they are used and names the two shortcuts and the Home tab', async () => {
    const res = await t.driver.slashCommand({ user: t.users.outsider, channel: t.generalId, text: 'help' });
    expect(res.status).toBe(200);
    const body = res.json as { response_type: string; blocks: Array<{ text?: { text: string } }> };
    expect(body.response_type).toBe('ephemeral');
    const sections = body.blocks.map((b) => b.text?.text ?? '');
    const group = (heading: string) => sections.find((s) => s.startsWith(`*${heading}*\n`)) ?? '';
    expect(group('Anywhere')).toMatch(/\/breach declare \[short title\][\s\S]*\/breach status[\s\S]*\/breach list[\s\S]*\/breach help/);
    expect(group('In a breach channel')).toMatch(/\/breach assess[\s\S]*\/breach facts[\s\S]*\/breach lead @person[\s\S]*\/breach timeline/);
    expect(group('DPO and workspace admins')).toContain('/breach register');
    expect(group('Anywhere')).not.toContain('/breach assess');
    const all = sections.join('\n');
    expect(all).toContain(`*${SHORTCUT_NAMES.declare}*`);
    expect(all).toContain(`*${SHORTCUT_NAMES.reportMessage}*`);
    expect(all).toContain('*The Home tab*');
    t.slack.assertNoViolations();
  });
});
