import { drizzle, type PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import postgres, { type Sql } from 'postgres';
import * as schema from './schema.js';

export type Db = PostgresJsDatabase<typeof schema>;

export interface DbHandle {
  sql: Sql;
  db: Db;
  close(): Promise<void>;
}

/** Opens the one connection pool the bot uses (postgres.js), with drizzle on top. */
export function openDb(url: string, opts: { max?: number } = {}): DbHandle {
  const sql = postgres(url, {
    max: opts.max ?? 10,
    // The schema's timestamps are timestamptz; keep the session in UTC so nothing local leaks in.
    connection: { TimeZone: 'UTC', application_name: 'breachbot' },
    onnotice: () => {},
  });
  const db = drizzle(sql, { schema });
  return {
    sql,
    db,
    close: () => sql.end({ timeout: 5 }),
  };
}
