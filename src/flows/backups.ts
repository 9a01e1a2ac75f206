import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Logger } from '@slack/bolt';
import { openDb } from '../db/client.js';
import { writeBackup, type BackupResult } from '../db/backup.js';
import type { Clock } from '../domain/clock.js';
import { backupFileName, backupsToDelete } from '../domain/backup-retention.js';
import { backupStatus, recordBackupRun } from '../store/backup-runs.js';
import type { Db } from '../db/client.js';

/** Writes a backup of the database at `url` and records the attempt (success or error) in it. */
export async function takeBackup(url: string, file: string, kind: 'scheduled' | 'manual', now = () => new Date()): Promise<BackupResult> {
  const startedAt = now();
  const db = openDb(url, { max: 1 });
  try {
    const result = await (async () => {
      mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
      return writeBackup(url, file);
    })().catch(async (err: Error) => {
      await recordBackupRun(db.db, { startedAt, at: now(), kind, file, bytes: null, error: err.message }).catch(() => {});
      throw err;
    });
    await recordBackupRun(db.db, { startedAt, at: now(), kind, file: result.file, bytes: result.bytes, error: null });
    return result;
  } finally {
    await db.close();
  }
}

// Every replica runs the schedule; this advisory lock lets one of them make each day's backup.
const BACKUP_LOCK = 7_212_033_534;
/** A backup is due when the last good one is older than this (a day, with slack for the check interval). */
const DUE_AFTER_MS = 23 * 3600_000;

export interface BackupSchedulerOptions {
  db: Db;
  /** The database to back up (the bot's own role may read every table). */
  url: string;
  dir: string;
  clock: Clock;
  logger: Logger;
  /** How often to check whether a backup is due. */
  checkEveryMs: number;
  /** Tells the DPO users: a failure must reach a person, not only the log. */
  reportFailure(message: string): Promise<void>;
}

/** Daily backups into `dir`, keeping 7 daily and 4 weekly (src/domain/backup-retention.ts). */
export function startBackupScheduler(o: BackupSchedulerOptions): { runNow(): Promise<void>; stop(): Promise<void> } {
  let running: Promise<void> | undefined;
  const tick = async () => {
    await o.db.transaction(async (tx) => {
      const [lock] = (await tx.execute(`select pg_try_advisory_xact_lock(${BACKUP_LOCK}) as ok`)) as unknown as { ok: boolean }[];
      if (!lock?.ok) return; // another replica is at it
      const status = await backupStatus(tx);
      const now = o.clock.now();
      if (status.lastGood && now.toMillis() - status.lastGood.at.getTime() < DUE_AFTER_MS) return;
      const dir = resolve(o.dir);
      try {
        const result = await takeBackup(o.url, join(dir, backupFileName(now)), 'scheduled', () => o.clock.now().toJSDate());
        for (const old of backupsToDelete(readdirSync(dir))) rmSync(join(dir, old), { force: true });
        o.logger.info(`backup written to ${result.file} (${result.bytes} bytes)`);
      } catch (err) {
        const message = (err as Error).message;
        o.logger.error(`scheduled backup into ${dir} failed: ${message}`);
        await o.reportFailure(message).catch((e: Error) => o.logger.error(`could not report the failed backup: ${e.message}`));
      }
    });
  };
  const runNow = () => {
    running ??= tick()
      .catch((err: Error) => o.logger.error(`backup check failed: ${err.message}`))
      .finally(() => (running = undefined));
    return running;
  };
  const timer = o.checkEveryMs > 0 ? setInterval(() => void runNow(), o.checkEveryMs) : undefined;
  timer?.unref();
  return {
    runNow,
    stop: async () => {
      if (timer) clearInterval(timer);
      await running;
    },
  };
}
