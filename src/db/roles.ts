import type { Sql } from 'postgres';

/*
 * Least privilege (README, "Database roles"): the schema belongs to an owner role that runs the
 * migrations; the bot works as a role that may read and write its working tables but may only
 * INSERT and SELECT the history (the audit trail, assessments, decisions, notification records,
 * restrictions) and owns nothing, so it can neither UPDATE/DELETE/TRUNCATE history nor ALTER a table
 * or switch its triggers off. Neither is a superuser.
 */

/** The roles of the embedded server (an external server names its own in the URLs). */
export const EMBEDDED_OWNER = 'breachbot_owner';
export const EMBEDDED_APP = 'breachbot_app';

/** Tables the bot may only add to and read. */
export const HISTORY_TABLES = ['breach_events', 'assessments', 'decisions', 'notifications', 'subject_restrictions', 'regime_stages'];

const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;
const literal = (value: string) => `'${value.replaceAll("'", "''")}'`;

/**
 * Creates a role (LOGIN with a password when one is given), or brings an existing one to the same
 * attributes. Safe when several processes do it at once: roles are cluster-wide.
 */
export async function ensureRole(admin: Sql, name: string, password?: string): Promise<void> {
  const attrs = `${password === undefined ? 'NOLOGIN' : `LOGIN PASSWORD ${literal(password)}`} NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS`;
  for (let attempt = 1; ; attempt++) {
    try {
      const [exists] = await admin`select 1 from pg_roles where rolname = ${name}`;
      await admin.unsafe(`${exists ? 'alter' : 'create'} role ${ident(name)} ${attrs}`);
      return;
    } catch (err) {
      const e = err as { code?: string; message?: string };
      // Another process created or altered it at the same moment (42710 exists, 23505 duplicate,
      // XX000 "tuple concurrently updated"): look again.
      const race = e.code === '42710' || e.code === '23505' || /concurrently updated/.test(e.message ?? '');
      if (!race || attempt >= 5) throw err;
      await new Promise((r) => setTimeout(r, 20 * attempt));
    }
  }
}

/**
 * Makes `owner` the owner of the current database and of everything breachbot created in it
 * (databases set up before the roles existed belong to the superuser). Run as a superuser.
 */
export async function handOverToOwner(admin: Sql, owner: string): Promise<void> {
  const [db] = await admin<{ name: string }[]>`select current_database() as name`;
  await admin.unsafe(`alter database ${ident(db!.name)} owner to ${ident(owner)}`);
  await admin.unsafe(`alter schema public owner to ${ident(owner)}`);
  await admin.unsafe(`
    do $$
    declare r record;
    begin
      if exists (select 1 from pg_namespace where nspname = 'drizzle') then
        execute format('alter schema drizzle owner to %I', ${literal(owner)});
      end if;
      for r in select schemaname, tablename from pg_tables
               where schemaname in ('public', 'drizzle') and tableowner <> ${literal(owner)} loop
        execute format('alter table %I.%I owner to %I', r.schemaname, r.tablename, ${literal(owner)});
      end loop;
      for r in select p.oid::regprocedure as fn from pg_proc p
               where p.pronamespace = 'public'::regnamespace and pg_get_userbyid(p.proowner) <> ${literal(owner)} loop
        execute format('alter function %s owner to %I', r.fn, ${literal(owner)});
      end loop;
    end $$`);
}

/** Grants the bot's role what it needs and no more. Run as the owner after every migration. */
export async function grantAppRole(owner: Sql, app: string): Promise<void> {
  const role = ident(app);
  const history = HISTORY_TABLES.map(ident).join(', ');
  await owner.unsafe(`grant connect on database ${ident((await owner<{ d: string }[]>`select current_database() as d`)[0]!.d)} to ${role}`);
  await owner.unsafe(`grant usage on schema public to ${role}`);
  await owner.unsafe(`grant select, insert, update, delete on all tables in schema public to ${role}`);
  await owner.unsafe(`revoke update, delete, truncate, references, trigger on ${history} from ${role}`);
  // The chain head moves only through the (SECURITY DEFINER) chain trigger.
  await owner.unsafe(`revoke insert, update, delete, truncate on audit_chain_head from ${role}`);
  await owner.unsafe(`grant usage, select on all sequences in schema public to ${role}`);
  // /healthz checks the migration level.
  await owner.unsafe(`grant usage on schema drizzle to ${role}`);
  await owner.unsafe(`grant select on drizzle.__drizzle_migrations to ${role}`);
}
