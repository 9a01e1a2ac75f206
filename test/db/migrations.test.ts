import postgres from 'postgres';
import { afterEach, expect, it } from 'vitest';
import { applyMigrations, expectedMigrationCount, isMigrated } from '../../src/db/migrate.js';
import { describeEachDatabase } from '../support/databases.js';

describeEachDatabase('migrations', ({ freshDatabase }) => {
  const open: postgres.Sql[] = [];
  const connect = (url: string) => {
    const sql = postgres(url, { max: 2, onnotice: () => {} });
    open.push(sql);
    return sql;
  };
  afterEach(async () => {
    await Promise.all(open.splice(0).map((s) => s.end({ timeout: 1 })));
  });

  it('creates the tables and reports the database as migrated', async () => {
    const sql = connect(await freshDatabase());
    const tables = await sql<{ table_name: string }[]>`
      select table_name from information_schema.tables where table_schema = 'public' order by 1`;
    expect(tables.map((t) => t.table_name)).toEqual(
      expect.arrayContaining(['breaches', 'breach_events', 'reminders', 'settings', 'breach_setup_steps']),
    );
    expect(await isMigrated(sql)).toBe(true);
  });

  it('is safe to apply again, and from several replicas at once', async () => {
    const url = await freshDatabase();
    await Promise.all([applyMigrations(url), applyMigrations(url), applyMigrations(url)]);
    const sql = connect(url);
    const [row] = await sql<{ n: number }[]>`select count(*)::int as n from drizzle.__drizzle_migrations`;
    expect(row!.n).toBe(expectedMigrationCount());
  });

  it('reports a database without the migrations as not migrated', async () => {
    const sql = connect(await freshDatabase({ migrate: false }));
    expect(await isMigrated(sql)).toBe(false);
  });

  it('rejects UPDATE, DELETE and TRUNCATE on the audit trail', async () => {
    const sql = connect(await freshDatabase());
    await sql`insert into breach_events (actor, type, data) values ('U1', 'declared', '{"a":1}')`;
    await expect(sql`update breach_events set actor = 'U2'`).rejects.toThrow(/append-only/);
    await expect(sql`delete from breach_events`).rejects.toThrow(/append-only/);
    await expect(sql`truncate breach_events`).rejects.toThrow(/append-only/);
    const rows = await sql`select actor from breach_events`;
    expect(rows.map((r) => r.actor)).toEqual(['U1']);
  });
});
