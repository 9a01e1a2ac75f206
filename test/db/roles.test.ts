import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { afterAll, describe, expect, it } from 'vitest';
import { startEmbedded } from '../../src/db/embedded.js';
import { applyMigrations } from '../../src/db/migrate.js';
import { ensureRole, grantAppRole, handOverToOwner, HISTORY_TABLES } from '../../src/db/roles.js';
import { describeEachDatabase } from '../support/databases.js';

const open: postgres.Sql[] = [];
const connect = (url: string) => {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  open.push(sql);
  return sql;
};
afterAll(async () => {
  await Promise.all(open.splice(0).map((s) => s.end({ timeout: 1 })));
});

/** What the bot's role must not be able to do to history, whoever asks it to. */
async function expectHistoryProtected(app: postgres.Sql) {
  await app`insert into breach_events (actor, type) values ('U1', 'declared')`;
  expect((await app`select actor from breach_events`).map((r) => r.actor)).toEqual(['U1']);
  for (const table of HISTORY_TABLES) {
    await expect(app.unsafe(`update ${table} set id = id`)).rejects.toThrow(/permission denied/);
    await expect(app.unsafe(`delete from ${table}`)).rejects.toThrow(/permission denied/);
    await expect(app.unsafe(`truncate ${table}`)).rejects.toThrow(/permission denied/);
  }
  await expect(app`alter table breach_events disable trigger user`).rejects.toThrow(/must be owner/);
  await expect(app`drop trigger breach_events_no_update_delete on breach_events`).rejects.toThrow(/must be owner/);
  await expect(app`update audit_chain_head set seq = 0`).rejects.toThrow(/permission denied/);
  const [me] = await app`select rolsuper from pg_roles where rolname = current_user`;
  expect(me!.rolsuper).toBe(false);
  // Working tables stay writable.
  await app`insert into home_viewers (user_id) values ('U1')`;
  await app`update home_viewers set last_opened_at = now()`;
}

describe('embedded PostgreSQL roles', () => {
  const dir = mkdtempSync(join(tmpdir(), 'breachbot-roles-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('runs the bot as a role that can only append to history, with migrations by the owner', async () => {
    const server = await startEmbedded({ dataDir: dir });
    try {
      await applyMigrations(server.adminUrl, { asRole: 'breachbot_owner', appRole: 'breachbot_app' });
      const admin = connect(server.adminUrl);
      const [owner] = await admin`select tableowner from pg_tables where tablename = 'breach_events'`;
      expect(owner!.tableowner).toBe('breachbot_owner');
      await expectHistoryProtected(connect(server.url));
    } finally {
      await server.stop();
    }
  });
});

describeEachDatabase('roles on a shared server', ({ freshDatabase }) => {
  it('creates the two roles idempotently, also from several processes at once', async () => {
    const url = await freshDatabase({ migrate: false });
    const suffix = randomBytes(4).toString('hex');
    const [owner, app] = [`bb_owner_${suffix}`, `bb_app_${suffix}`];
    const admin = connect(url);
    const admins = [0, 1, 2].map(() => connect(url));
    await Promise.all(admins.map((a) => ensureRole(a, owner)));
    await Promise.all(admins.map((a) => ensureRole(a, app, 'secret-1')));
    await handOverToOwner(admin, owner);
    await applyMigrations(url, { asRole: owner, appRole: app });
    try {
      const appUrl = new URL(url);
      appUrl.username = app;
      appUrl.password = 'secret-1';
      await expectHistoryProtected(connect(appUrl.toString()));
    } finally {
      const [db] = await admin`select current_database() as d`;
      await admin.unsafe(`alter database "${db!.d}" owner to current_user`);
      await admin.unsafe(`reassign owned by ${owner} to current_user; drop owned by ${app}; drop owned by ${owner}`);
      await admin.unsafe(`drop role ${app}; drop role ${owner}`);
    }
  });

  it('hands a database migrated by the superuser over to the owner role', async () => {
    const url = await freshDatabase();
    const suffix = randomBytes(4).toString('hex');
    const admin = connect(url);
    const owner = `bb_owner_${suffix}`;
    await ensureRole(admin, owner);
    await handOverToOwner(admin, owner);
    try {
      const rows = await admin`select distinct tableowner from pg_tables where schemaname in ('public', 'drizzle')`;
      expect(rows.map((r) => r.tableowner)).toEqual([owner]);
      await grantAppRole(admin, owner); // harmless on the owner itself; proves it runs on a handed-over database
    } finally {
      const [db] = await admin`select current_database() as d`;
      await admin.unsafe(`alter database "${db!.d}" owner to current_user`);
      await admin.unsafe(`reassign owned by ${owner} to current_user; drop owned by ${owner}`);
      await admin.unsafe(`drop role ${owner}`);
    }
  });
});
