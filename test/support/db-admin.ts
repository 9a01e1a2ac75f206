import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { applyMigrations } from '../../src/db/migrate.js';

/*
 * Throwaway databases on a PostgreSQL server, for tests and benchmarks alike (no vitest here, so
 * bench/ can use it outside the test runner).
 */

/** Creates a new database on the server of `adminUrl` (migrated unless told otherwise) and returns its URL. */
export async function createDatabase(adminUrl: string, migrate = true, prefix = 'bb_test'): Promise<string> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  await asAdmin(adminUrl, (sql) => sql.unsafe(`create database ${name}`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  if (migrate) await applyMigrations(url.toString());
  return url.toString();
}

/** Drops a database made by createDatabase, even with connections still open. */
export async function dropDatabase(adminUrl: string, url: string): Promise<void> {
  const name = new URL(url).pathname.slice(1);
  await asAdmin(adminUrl, (sql) => sql.unsafe(`drop database if exists ${name} with (force)`));
}

async function asAdmin(adminUrl: string, fn: (sql: postgres.Sql) => Promise<unknown>): Promise<void> {
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    await fn(admin);
  } finally {
    await admin.end({ timeout: 5 });
  }
}
