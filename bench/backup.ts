/*
 * Backup and restore of a register of 1,000 breaches (with their reminders and 20 audit events
 * each, chained): time to write the backup, its size, and time to restore it into an empty database
 * (which re-hashes and checks the whole audit chain). Run alone: npm run bench -- --only=backup
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { restoreBackup, writeBackup } from '../src/db/backup.js';
import { fill } from './scheduler-scale.js';
import { figure, type Figure } from './stats.js';
import { createDatabase, dropDatabase } from './support.js';

export const BACKUP_BREACHES = 1000;
export const EVENTS_PER_BREACH = 20;

export interface BackupBenchResult {
  runs: number;
  rows: number;
  backupMs: Figure;
  restoreMs: Figure;
  sizeKb: Figure;
}

export async function benchBackup(o: { runs: number; log: (l: string) => void }): Promise<BackupBenchResult> {
  const source = await createDatabase();
  const dir = mkdtempSync(join(tmpdir(), 'breachbot-bench-backup-'));
  const backupMs: number[] = [];
  const restoreMs: number[] = [];
  const sizeKb: number[] = [];
  let rows = 0;
  try {
    const sql = postgres(source, { max: 1, onnotice: () => {} });
    try {
      await fill(sql, 0, BACKUP_BREACHES);
      // One statement (one transaction) per 50 breaches: the chain trigger updates its head row once
      // per event, and thousands of updates of one row in one transaction get slow, as the bot never does.
      for (let from = 0; from < BACKUP_BREACHES; from += 50) {
        await sql`
          insert into breach_events (breach_id, actor, type, data, at)
          select b.id, 'U0BENCH', 'timeline_entry',
                 jsonb_build_object('text', 'Benchmark entry ' || e || ' for ' || b.reference, 'n', e),
                 b.aware_at + e * interval '1 minute'
          from breaches b cross join generate_series(1, ${EVENTS_PER_BREACH}) e
          where (b.year - 1000) * 1000 + b.seq between ${from + 1} and ${from + 50}
          order by b.year, b.seq, e`;
      }
    } finally {
      await sql.end();
    }
    for (let run = 0; run < o.runs; run++) {
      const file = join(dir, `run-${run}.backup.gz`);
      let t = performance.now();
      const written = await writeBackup(source, file);
      backupMs.push(performance.now() - t);
      sizeKb.push(written.bytes / 1024);
      rows = Object.values(written.rows).reduce((a, b) => a + b, 0);
      const target = await createDatabase(false);
      try {
        t = performance.now();
        await restoreBackup(target, file);
        restoreMs.push(performance.now() - t);
      } finally {
        await dropDatabase(target);
      }
      o.log(`backup run ${run + 1}/${o.runs}: ${rows} rows, backup ${backupMs.at(-1)!.toFixed(0)} ms, ${sizeKb.at(-1)!.toFixed(0)} KB, restore ${restoreMs.at(-1)!.toFixed(0)} ms`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await dropDatabase(source);
  }
  return { runs: o.runs, rows, backupMs: figure(backupMs), restoreMs: figure(restoreMs), sizeKb: figure(sizeKb) };
}
