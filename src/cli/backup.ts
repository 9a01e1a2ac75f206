// npm run backup -- [--out FILE]: one consistent, compressed backup of the whole database.
import { join, resolve } from 'node:path';
import { DateTime } from 'luxon';
import { backupFileName } from '../domain/backup-retention.js';
import { takeBackup } from '../flows/backups.js';
import { openTarget } from '../db/target.js';
import { option, runCommand, say } from './command.js';

runCommand('backup', async (config, args) => {
  let out = option(args, '--out');
  out ??= join(config.backupDir, backupFileName(DateTime.utc()));
  const target = await openTarget(config, { exclusive: false, create: false });
  try {
    const result = await takeBackup(target.url, resolve(out), 'manual');
    const rows = Object.values(result.rows).reduce((a: number, b: number) => a + b, 0);
    say(`backup of ${target.where} written to ${result.file}: ${rows} rows in ${Object.keys(result.rows).length} tables, ${result.bytes} bytes`);
  } finally {
    await target.close();
  }
});
