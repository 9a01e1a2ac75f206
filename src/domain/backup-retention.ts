import { DateTime } from 'luxon';

/*
 * Which scheduled backups to keep: the newest of each of the last 7 days that have one (daily) and
 * the newest of each of the last 4 ISO weeks that have one (weekly), in UTC. Pure: the caller lists
 * the files and deletes what this returns.
 */

export const KEEP_DAILY = 7;
export const KEEP_WEEKLY = 4;

const NAME = /^breachbot-(\d{8}T\d{6}Z)\.backup\.gz$/;

export function backupFileName(at: DateTime): string {
  return `breachbot-${at.toUTC().toFormat("yyyyLLdd'T'HHmmss'Z'")}.backup.gz`;
}

export function backupTime(name: string): DateTime | null {
  const m = NAME.exec(name);
  if (!m) return null;
  const t = DateTime.fromFormat(m[1]!, "yyyyLLdd'T'HHmmss'Z'", { zone: 'utc' });
  return t.isValid ? t : null;
}

/** The backup files (by name) retention removes; names that are not scheduled backups are never touched. */
export function backupsToDelete(names: readonly string[]): string[] {
  const dated = names
    .map((name) => ({ name, at: backupTime(name) }))
    .filter((b): b is { name: string; at: DateTime } => b.at !== null)
    .sort((a, b) => b.at.toMillis() - a.at.toMillis());
  const keep = new Set<string>();
  const newestPer = (key: (at: DateTime) => string, count: number) => {
    const seen = new Set<string>();
    for (const b of dated) {
      const k = key(b.at);
      if (seen.has(k)) continue;
      if (seen.size >= count) break;
      seen.add(k);
      keep.add(b.name);
    }
  };
  newestPer((at) => at.toISODate()!, KEEP_DAILY);
  newestPer((at) => `${at.weekYear}-W${at.weekNumber}`, KEEP_WEEKLY);
  return dated.filter((b) => !keep.has(b.name)).map((b) => b.name);
}
