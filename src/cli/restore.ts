// npm run restore -- FILE [--force]: loads a backup into an empty database (or replaces one, --force).
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { restoreBackup } from '../db/backup.js';
import { openTarget } from '../db/target.js';
import { runCommand, say } from './command.js';

runCommand('restore', async (config, args) => {
  const file = args.find((a) => !a.startsWith('--'));
  if (!file) throw new Error('usage: npm run restore -- FILE [--force]');
  if (!existsSync(file)) throw new Error(`${file} does not exist`);
  const target = await openTarget(config, { exclusive: true, create: true });
  try {
    const result = await restoreBackup(target.url, resolve(file), { force: args.includes('--force'), ...(target.migrate ? { migrate: target.migrate } : {}) });
    const rows = Object.values(result.rows).reduce((a: number, b: number) => a + b, 0);
    say(`restored ${rows} rows from ${result.file} into ${target.where}; start the bot to resume`);
  } finally {
    await target.close();
  }
});
