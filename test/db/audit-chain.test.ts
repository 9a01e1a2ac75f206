import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { drizzle } from 'drizzle-orm/postgres-js';
import { migrate } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import { afterEach, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/db/audit-chain.js';
import { applyMigrations, migrationsFolder } from '../../src/db/migrate.js';
import { describeEachDatabase } from '../support/databases.js';

describeEachDatabase('audit hash chain', ({ freshDatabase }) => {
  const open: postgres.Sql[] = [];
  const connect = (url: string, max = 1) => {
    const sql = postgres(url, { max, onnotice: () => {} });
    open.push(sql);
    return sql;
  };
  afterEach(async () => {
    await Promise.all(open.splice(0).map((s) => s.end({ timeout: 1 })));
  });

  it('stays one unbroken chain when several replicas append at once', async () => {
    const url = await freshDatabase();
    const replicas = [0, 1, 2].map(() => connect(url, 4));
    await Promise.all(
      replicas.flatMap((sql, r) =>
        Array.from({ length: 40 }, (_, i) => sql`insert into breach_events (actor, type, data) values (${`R${r}`}, 'note', ${sql.json({ i })})`),
      ),
    );
    // Inside transactions too, some rolled back: a rolled-back event leaves no hole.
    await Promise.all(
      replicas.map((sql, r) =>
        sql
          .begin(async (tx) => {
            await tx`insert into breach_events (actor, type) values (${`R${r}`}, 'rolled back')`;
            if (r === 1) throw new Error('roll back');
          })
          .catch(() => {}),
      ),
    );
    const check = await verifyAuditChain(connect(url));
    expect(check).toMatchObject({ ok: true, head: { events: 122 } });
    const [gaps] = await connect(url)`select count(*)::int as n, max(chain_seq)::int as top from breach_events`;
    expect(gaps).toEqual({ n: 122, top: 122 });
  });
});

describeEachDatabase('audit hash chain on an existing database', ({ freshDatabase }) => {
  it('chains the events written before the chain existed, oldest first', async () => {
    const url = await freshDatabase({ migrate: false });
    // The schema as the first two migrations left it, with events in it.
    const folder = mkdtempSync(join(tmpdir(), 'breachbot-migrations-'));
    try {
      cpSync(migrationsFolder, folder, { recursive: true });
      const journalFile = join(folder, 'meta', '_journal.json');
      const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as { entries: unknown[] };
      writeFileSync(journalFile, JSON.stringify({ ...journal, entries: journal.entries.slice(0, 2) }));
      const sql = postgres(url, { max: 1, onnotice: () => {} });
      try {
        await migrate(drizzle(sql), { migrationsFolder: folder });
        for (let i = 0; i < 11; i++) await sql`insert into breach_events (actor, type, data) values ('U1', 'old', ${JSON.stringify({ i })}::jsonb)`;
      } finally {
        await sql.end();
      }
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
    await applyMigrations(url);
    const sql = postgres(url, { max: 1, onnotice: () => {} });
    try {
      await sql`insert into breach_events (actor, type) values ('U2', 'new')`;
      expect(await verifyAuditChain(sql)).toMatchObject({ ok: true, head: { events: 12 } });
      const order = await sql`select id::int, chain_seq::int from breach_events order by id`;
      expect(order.every((r) => r.id === r.chain_seq)).toBe(true);
    } finally {
      await sql.end();
    }
  });
});
