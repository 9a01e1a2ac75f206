import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { drizzle } from 'drizzle-orm/postgres-js';
import { migrate } from 'drizzle-orm/postgres-js/migrator';
import postgres, { type Sql } from 'postgres';
import { grantAppRole } from './roles.js';

/**
 * The committed migrations (`migrations/` at the top of the checkout), found from this module's
 * place: src/db/ under tsx, dist/db/ compiled, or dist/bundle/ in the bundle `npm start` runs (import.meta.url is the bundle file there).
 */
export const migrationsFolder = findUp(dirname(fileURLToPath(import.meta.url)), join('migrations', 'meta', '_journal.json'), 'migrations');

function findUp(from: string, marker: string, name: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, marker))) return join(dir, name);
    if (dirname(dir) === dir) return resolve(from, '..', '..', name); // not found: the old guess, so the error names a path
  }
}

// An arbitrary constant: every replica takes this advisory lock so only one migrates at a time.
const MIGRATION_LOCK = 7_212_033_533;

export interface MigrateOptions {
  /** Run as this role (SET ROLE; the embedded server's superuser becomes the schema owner). */
  asRole?: string;
  /** Then grant the bot's role its privileges (src/db/roles.ts). */
  appRole?: string;
}

/**
 * Applies the committed drizzle-kit migrations. Safe when several replicas start together.
 * `target`: a URL (a connection is opened and closed here) or an open single connection (the
 * embedded server's set-up connection), left open.
 */
export async function applyMigrations(target: string | Sql, opts: MigrateOptions = {}): Promise<void> {
  const sql = typeof target === 'string' ? postgres(target, { max: 1, onnotice: () => {}, fetch_types: false }) : target;
  try {
    await sql`select pg_advisory_lock(${MIGRATION_LOCK})`;
    try {
      if (opts.asRole) await sql.unsafe(`set role "${opts.asRole.replaceAll('"', '""')}"`);
      await migrate(drizzle(sql), { migrationsFolder });
      if (opts.appRole) await grantAppRole(sql, opts.appRole);
    } finally {
      await sql`reset role`;
      await sql`select pg_advisory_unlock(${MIGRATION_LOCK})`;
    }
  } finally {
    if (typeof target === 'string') await sql.end({ timeout: 5 });
  }
}

/** How many migrations the code ships (from drizzle-kit's journal). */
export function expectedMigrationCount(): number {
  const journal = JSON.parse(readFileSync(`${migrationsFolder}/meta/_journal.json`, 'utf8')) as {
    entries: unknown[];
  };
  return journal.entries.length;
}

/** True when every migration the code ships has been applied to this database. */
export async function isMigrated(sql: Sql, expected = expectedMigrationCount()): Promise<boolean> {
  const rows = await sql<{ n: number }[]>`
    select count(*)::int as n from drizzle.__drizzle_migrations`.catch(() => [{ n: -1 }]);
  return (rows[0]?.n ?? -1) >= expected;
}
