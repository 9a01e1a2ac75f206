import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { manualClock } from '../../src/domain/clock.js';
import { useTestBot } from '../support/bot-harness.js';
import { describeEachDatabase } from '../support/databases.js';
import { openHome } from '../support/home.js';

const root = mkdtempSync(join(tmpdir(), 'breachbot-backups-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describeEachDatabase('scheduled backups', ({ server, freshDatabase }) => {
  const good = join(root, `good-${server}`);
  const clock = manualClock('2026-12-06T02:00:00Z');
  const t = useTestBot(freshDatabase, { clock, env: { BREACHBOT_BACKUP_DIR: good } });

  it('makes the day’s backup once, and the DPO’s Home shows when', async () => {
    await t.bot.backupIfDue();
    await t.bot.backupIfDue();
    expect(readdirSync(good)).toEqual(['breachbot-20261206T020000Z.backup.gz']);
    const home = await openHome(t, t.users.dpo);
    expect(home).toContain(`Last backup: <!date^${Date.parse('2026-12-06T02:00:00Z') / 1000}^`);
    // Only the DPO sees it.
    expect(await openHome(t, t.users.reporter)).not.toContain('Last backup');
    // A day later, the next one.
    clock.set('2026-12-07T02:00:00Z');
    await t.bot.backupIfDue();
    expect(readdirSync(good)).toHaveLength(2);
  });
});

describeEachDatabase('a failed scheduled backup', ({ server, freshDatabase }) => {
  // A file where the folder should be: the backup cannot be written.
  const blocked = join(root, `blocked-${server}`);
  writeFileSync(blocked, 'not a folder');
  const t = useTestBot(freshDatabase, { env: { BREACHBOT_BACKUP_DIR: join(blocked, 'backups') } });

  it('is told to the DPO in a direct message and on the Home, not only logged', async () => {
    await t.bot.backupIfDue();
    const dm = await t.slack.waitFor(() => t.slack.dm(t.users.dpo).find((m) => m.text.includes("scheduled backup failed")));
    expect(dm.text).toContain('ENOTDIR');
    expect(await openHome(t, t.users.dpo)).toContain('The last backup failed');
    expect(t.slack.dm(t.users.reporter)).toEqual([]);
    expect(existsSync(join(blocked, 'backups'))).toBe(false);
    t.slack.assertNoViolations();
  });
});
