import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import postgres from 'postgres';
import { afterAll, describe, expect, it } from 'vitest';
import { startEmbedded } from '../../src/db/embedded.js';
import { describeEachDatabase } from '../support/databases.js';

const dir = mkdtempSync(join(tmpdir(), 'breachbot-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs one of the database commands as `npm run <name>` does, configured by environment only. */
function command(script: string, args: string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', `src/cli/${script}.ts`, ...args], {
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (b: Buffer) => (stdout += b.toString()));
  child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
  return new Promise((resolve) => child.once('close', (code) => resolve({ code, stdout, stderr })));
}

async function withSql<T>(url: string, fn: (sql: postgres.Sql) => Promise<T>): Promise<T> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    return await fn(sql);
  } finally {
    await sql.end({ timeout: 1 });
  }
}

async function addEvents(url: string, n: number) {
  await withSql(url, async (sql) => {
    for (let i = 0; i < n; i++) await sql`insert into breach_events (actor, type, data) values (${`U${i}`}, 'note', ${sql.json({ i, text: 'æøå & <b>' })})`;
  });
}

describeEachDatabase('npm run backup / restore / verify-audit', ({ freshDatabase }) => {
  it('backs up, refuses a non-empty target, restores into an empty one, and the chain verifies', async () => {
    const source = await freshDatabase();
    await addEvents(source, 12); // more than 9: chain order is numeric, not text
    const file = join(dir, `${new URL(source).pathname.slice(1)}.backup.gz`);
    const backup = await command('backup', ['--out', file], { DATABASE_URL: source });
    expect(backup.stderr).toBe('');
    expect(backup.code).toBe(0);
    expect(backup.stdout).toMatch(/written to .*: \d+ rows in \d+ tables, \d+ bytes/);
    expect(statSync(file).mode & 0o077).toBe(0);

    const refused = await command('restore', [file], { DATABASE_URL: source });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^breachbot restore: the database is not empty .*--force/);

    const target = await freshDatabase({ migrate: false });
    const restored = await command('restore', [file], { DATABASE_URL: target });
    expect(restored.stderr).toBe('');
    expect(restored.code).toBe(0);
    const rows = (url: string) => withSql(url, (sql) => sql`select id, actor, data, hash from breach_events order by id`);
    expect(await rows(target)).toEqual(await rows(source));

    const verified = await command('verify-audit', [], { DATABASE_URL: target });
    expect(verified.code).toBe(0);
    expect(verified.stdout).toMatch(/^audit trail intact: 12 events, chain head [0-9a-f]{64}/);
  });

  it('names the first broken link when a superuser edits an event behind the triggers', async () => {
    const url = await freshDatabase();
    await addEvents(url, 4);
    const [second] = await withSql(url, (sql) => sql`select id from breach_events order by chain_seq offset 1 limit 1`);
    await withSql(url, (sql) =>
      sql.begin(async (tx) => {
        await tx`alter table breach_events disable trigger user`;
        await tx`update breach_events set data = '{"i": 1, "text": "nothing happened"}' where id = ${second!.id}`;
        await tx`alter table breach_events enable trigger user`;
      }),
    );
    const check = await command('verify-audit', [], { DATABASE_URL: url });
    expect(check.code).toBe(1);
    expect(check.stderr).toContain(`audit trail BROKEN after 1 intact events: event ${second!.id} (position 2) was changed after it was written`);

    // Deleting an event breaks the chain too.
    const url2 = await freshDatabase();
    await addEvents(url2, 3);
    await withSql(url2, (sql) =>
      sql.begin(async (tx) => {
        await tx`alter table breach_events disable trigger user`;
        await tx`delete from breach_events where chain_seq = 2`;
        await tx`alter table breach_events enable trigger user`;
      }),
    );
    const deleted = await command('verify-audit', [], { DATABASE_URL: url2 });
    expect(deleted.code).toBe(1);
    expect(deleted.stderr).toContain('event 2 of the chain is missing');
  });

  it('refuses a backup cut short, and one from another schema version, changing nothing', async () => {
    const source = await freshDatabase();
    await addEvents(source, 2);
    const file = join(dir, `cut-${new URL(source).pathname.slice(1)}.backup.gz`);
    expect((await command('backup', ['--out', file], { DATABASE_URL: source })).code).toBe(0);
    const { gunzipSync } = await import('node:zlib');
    const { readFileSync } = await import('node:fs');
    const lines = gunzipSync(readFileSync(file)).toString().trimEnd().split('\n');
    const cut = join(dir, 'cut.backup.gz');
    writeFileSync(cut, gzipSync(lines.slice(0, -1).join('\n')));
    const target = await freshDatabase();
    const r1 = await command('restore', [cut], { DATABASE_URL: target });
    expect(r1.code).toBe(1);
    expect(r1.stderr).toContain('is incomplete (it has no end marker): nothing was restored');
    expect((await withSql(target, (sql) => sql`select count(*)::int as n from breach_events`))[0]!.n).toBe(0);

    const header = JSON.parse(lines[0]!) as Record<string, unknown>;
    const older = join(dir, 'older.backup.gz');
    writeFileSync(older, gzipSync([JSON.stringify({ ...header, migrations: 1 }), ...lines.slice(1)].join('\n')));
    const r2 = await command('restore', [older], { DATABASE_URL: target });
    expect(r2.code).toBe(1);
    expect(r2.stderr).toMatch(/made by a breachbot with 1 migrations; this one has \d+/);
  });
});

describe('backup and restore of the embedded database', () => {
  it('backs up the running bot’s server, refuses to restore under it, and restores once it stopped', async () => {
    const data = mkdtempSync(join(tmpdir(), 'breachbot-cli-data-'));
    const fresh = mkdtempSync(join(tmpdir(), 'breachbot-cli-fresh-'));
    try {
      const server = await startEmbedded({ dataDir: data });
      const file = join(dir, 'embedded.backup.gz');
      try {
        const { applyMigrations } = await import('../../src/db/migrate.js');
        await applyMigrations(server.adminUrl, { asRole: 'breachbot_owner', appRole: 'breachbot_app' });
        await addEvents(server.url, 3);
        const backup = await command('backup', ['--out', file], { BREACHBOT_DATA_DIR: data });
        expect(backup.stderr).toBe('');
        expect(backup.code).toBe(0);
        const refused = await command('restore', [file], { BREACHBOT_DATA_DIR: data });
        expect(refused.code).toBe(1);
        expect(refused.stderr).toMatch(/a breachbot is running on .*stop it first/);
      } finally {
        await server.stop();
      }
      const restored = await command('restore', [file], { BREACHBOT_DATA_DIR: fresh });
      expect(restored.stderr).toBe('');
      expect(restored.code).toBe(0);
      const verified = await command('verify-audit', [], { BREACHBOT_DATA_DIR: fresh });
      expect(verified.stdout).toMatch(/^audit trail intact: 3 events/);
      // Restored as the owner role: the bot's role reads it and cannot rewrite it.
      const again = await startEmbedded({ dataDir: fresh });
      try {
        await withSql(again.url, async (sql) => {
          expect((await sql`select count(*)::int as n from breach_events`)[0]!.n).toBe(3);
          await expect(sql`delete from breach_events`).rejects.toThrow(/permission denied/);
          expect((await sql`select tableowner from pg_tables where tablename = 'breach_events'`)[0]!.tableowner).toBe('breachbot_owner');
        });
      } finally {
        await again.stop();
      }
    } finally {
      rmSync(data, { recursive: true, force: true });
      rmSync(fresh, { recursive: true, force: true });
    }
  }, 180_000);
});
