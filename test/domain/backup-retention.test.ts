import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { backupFileName, backupsToDelete, backupTime } from '../../src/domain/backup-retention.js';

const at = (iso: string) => backupFileName(DateTime.fromISO(iso, { zone: 'utc' }));

describe('backup retention', () => {
  it('names files by UTC time and reads the time back', () => {
    expect(at('2026-12-06T19:57:03Z')).toBe('breachbot-20261206T195703Z.backup.gz');
    expect(backupTime(at('2026-12-06T19:57:03Z'))!.toISO()).toBe('2026-12-06T19:57:03.000Z');
  });

  it('keeps the newest of each of the last 7 days and of the last 4 weeks, and nothing it did not name', () => {
    // Two backups a day for 60 days, newest first.
    const names: string[] = [];
    for (let d = 0; d < 60; d++) {
      const day = DateTime.fromISO('2026-12-06T03:00:00Z', { zone: 'utc' }).minus({ days: d });
      names.push(backupFileName(day.plus({ hours: 12 })), backupFileName(day));
    }
    names.push('my-own-copy.backup.gz', 'notes.txt');
    const deleted = new Set(backupsToDelete(names));
    const kept = names.filter((n) => !deleted.has(n));
    expect(kept).toContain('my-own-copy.backup.gz');
    expect(kept).toContain('notes.txt');
    const keptBackups = kept.filter((n) => backupTime(n));
    // 7 daily (6-12 Dec… the newest each day) plus the newest of the 4 ISO weeks; the weeks' newest
    // overlap with the dailies for the current week.
    const days = new Set(keptBackups.map((n) => backupTime(n)!.toISODate()));
    expect(keptBackups.length).toBe(days.size);
    expect([...days].slice(0, 7)).toEqual(['2026-12-06', '2026-12-05', '2026-12-04', '2026-12-03', '2026-12-02', '2026-12-01', '2026-11-30']);
    expect(keptBackups.length).toBe(7 + 3);
    expect(keptBackups).toContain(at('2026-12-06T15:00:00Z'));
    expect(keptBackups).not.toContain(at('2026-12-06T03:00:00Z'));
  });
});
