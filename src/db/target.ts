import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { DatabaseConfig } from '../config.js';
import { DataDirLockedError } from './data-dir-lock.js';
import { startEmbedded, SUPERUSER } from './embedded.js';
import type { MigrateOptions } from './migrate.js';
import { EMBEDDED_APP, EMBEDDED_OWNER } from './roles.js';

/** A database the commands (backup, restore, verify-audit) work on, as its owner or a superuser. */
export interface DbTarget {
  url: string;
  /** Where, for messages: host/database or the data folder; never a password. */
  where: string;
  /** How migrations run here (the embedded server: as its owner role, granting the bot's role). */
  migrate?: MigrateOptions;
  close(): Promise<void>;
}

/**
 * DATABASE_OWNER_URL (or DATABASE_URL) when set. Otherwise the embedded database in
 * BREACHBOT_DATA_DIR: the running bot's server when the bot holds the folder (its port is in
 * PostgreSQL's postmaster.pid), or one started here, under the same one-bot-per-folder lock, when it
 * does not. `exclusive` (restore) refuses a running bot instead: a restore needs the database to itself.
 */
export async function openTarget(config: DatabaseConfig, opts: { exclusive: boolean; create: boolean }): Promise<DbTarget> {
  const external = config.databaseOwnerUrl ?? config.databaseUrl;
  if (external) {
    const u = new URL(external);
    return { url: external, where: `${u.host}${u.pathname}`, close: async () => {} };
  }
  const dataDir = resolve(config.dataDir);
  try {
    const server = await startEmbedded({ dataDir, existingOnly: !opts.create });
    return {
      url: server.adminUrl,
      where: dataDir,
      migrate: { asRole: EMBEDDED_OWNER, appRole: EMBEDDED_APP },
      close: () => server.stop(),
    };
  } catch (err) {
    if (!(err instanceof DataDirLockedError)) throw err;
    if (opts.exclusive) throw new Error(`a breachbot is running on ${dataDir} (${err.holder}); stop it first: a restore needs the database to itself`);
    return { url: runningServerUrl(dataDir), where: `${dataDir} (the running bot's server)`, close: async () => {} };
  }
}

/** The running embedded server: postmaster.pid's fourth line is its port. */
function runningServerUrl(dataDir: string): string {
  const pid = readFileSync(join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n');
  const port = Number.parseInt(pid[3] ?? '', 10);
  if (!Number.isInteger(port)) throw new Error(`cannot find the running server's port in ${join(dataDir, 'pg', 'postmaster.pid')}`);
  const password = readFileSync(join(dataDir, 'password'), 'utf8').trim();
  return `postgres://${SUPERUSER}:${encodeURIComponent(password)}@127.0.0.1:${port}/breachbot`;
}
