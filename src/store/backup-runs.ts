import { and, desc, isNotNull, isNull } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { backupRuns } from '../db/schema.js';
import type { BackupStatus } from '../domain/backup-status.js';

export interface BackupRun {
  at: Date;
  kind: 'scheduled' | 'manual';
  file: string | null;
  bytes: number | null;
  error: string | null;
}

/** Records a finished backup, or one that failed (with its error). */
export async function recordBackupRun(db: Pick<Db, 'insert'>, r: BackupRun & { startedAt: Date }): Promise<void> {
  await db.insert(backupRuns).values({ startedAt: r.startedAt, finishedAt: r.at, kind: r.kind, file: r.file, bytes: r.bytes, error: r.error });
}

export async function backupStatus(db: Pick<Db, 'select'>): Promise<BackupStatus> {
  const [good] = await db
    .select()
    .from(backupRuns)
    .where(and(isNull(backupRuns.error), isNotNull(backupRuns.finishedAt)))
    .orderBy(desc(backupRuns.finishedAt))
    .limit(1);
  const [last] = await db.select().from(backupRuns).orderBy(desc(backupRuns.startedAt), desc(backupRuns.id)).limit(1);
  return {
    lastGood: good ? { at: good.finishedAt!, file: good.file } : null,
    lastFailure: last?.error ? { at: last.finishedAt ?? last.startedAt, error: last.error } : null,
  };
}
