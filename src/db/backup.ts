import { once } from 'node:events';
import { createReadStream, createWriteStream, renameSync, rmSync, statSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { createGunzip, createGzip } from 'node:zlib';
import postgres, { type Sql } from 'postgres';
import { GENESIS_HASH, verifyAuditChain } from './audit-chain.js';
import { applyMigrations, expectedMigrationCount, type MigrateOptions } from './migrate.js';

/*
 * Backups without pg_dump: every table of the public schema, read in one REPEATABLE READ, read-only
 * transaction (one snapshot, however busy the bot is), written as gzip-compressed JSON lines:
 *   line 1      {"format":"breachbot-backup","formatVersion":1,"migrations":N,"createdAt":…}
 *   then        {"t":"<table>","r":<row as PostgreSQL's row_to_json gives it>}  (parents before children)
 *   last line   {"end":true,"rows":{"<table>":count,…}}   (a file cut short has no end line)
 * PostgreSQL itself turns the rows back into typed values on restore (json_populate_recordset), so
 * timestamps, jsonb and uuids come back exactly, on the embedded and on an external server alike.
 */

export const BACKUP_FORMAT = 'breachbot-backup';
export const BACKUP_FORMAT_VERSION = 1;

/** Derived from breach_events by the chain trigger: rebuilt by the restore, then checked against the backup's. */
const CHAIN_HEAD = 'audit_chain_head';

export interface BackupHeader {
  format: string;
  formatVersion: number;
  /** How many migrations the database had: a restore needs the same schema. */
  migrations: number;
  createdAt: string;
}

export interface BackupResult {
  file: string;
  bytes: number;
  rows: Record<string, number>;
}

const connect = (url: string) => postgres(url, { max: 1, onnotice: () => {}, connection: { TimeZone: 'UTC', application_name: 'breachbot-backup' } });
const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** Writes a backup of the database at `url` to `file` (mode 0600: it holds the whole register). */
export async function writeBackup(url: string, file: string): Promise<BackupResult> {
  const sql = connect(url);
  const tmp = `${file}.partial-${process.pid}`;
  try {
    const rows: Record<string, number> = {};
    const out = createGzip();
    const sink = createWriteStream(tmp, { mode: 0o600 });
    out.pipe(sink);
    const write = async (line: string) => {
      if (!out.write(`${line}\n`)) await once(out, 'drain');
    };
    await sql.begin('isolation level repeatable read read only', async (t) => {
      const tx = t as unknown as Sql; // the same query interface
      const header: BackupHeader = {
        format: BACKUP_FORMAT,
        formatVersion: BACKUP_FORMAT_VERSION,
        migrations: await appliedMigrations(tx),
        createdAt: new Date().toISOString(),
      };
      await write(JSON.stringify(header));
      for (const table of await tablesInLoadOrder(tx)) {
        rows[table] = 0;
        const order = await orderColumns(tx, table);
        const query = tx.unsafe<{ j: string }[]>(
          `select row_to_json(t)::text as j from ${ident(table)} t${order.length ? ` order by ${order.map(ident).join(', ')}` : ''}`,
        );
        for await (const batch of query.cursor(1000)) {
          for (const r of batch) {
            await write(`{"t":${JSON.stringify(table)},"r":${r.j}}`);
            rows[table] += 1;
          }
        }
      }
    });
    await write(JSON.stringify({ end: true, rows }));
    out.end();
    await once(sink, 'close');
    renameSync(tmp, file);
    return { file, bytes: statSync(file).size, rows };
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  } finally {
    await sql.end({ timeout: 5 });
  }
}

export class RestoreRefused extends Error {
  override name = 'RestoreRefused';
}

/**
 * Loads a backup into the database at `url` (the schema owner's or a superuser's), all in one
 * transaction: it either all arrives or nothing changes. A database holding data is refused unless
 * `force`, which replaces its contents.
 */
export async function restoreBackup(url: string, file: string, opts: { force?: boolean; migrate?: MigrateOptions } = {}): Promise<BackupResult> {
  const lines = createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity });
  const it = lines[Symbol.asyncIterator]();
  const first = await it.next().catch((err: Error) => {
    throw new RestoreRefused(`${file} is not a breachbot backup (${err.message})`);
  });
  const header = parseHeader(file, first.done ? '' : first.value);
  const expected = expectedMigrationCount();
  if (header.migrations !== expected) {
    throw new RestoreRefused(
      `${file} was made by a breachbot with ${header.migrations} migrations; this one has ${expected}. ` +
        'Restore it with the breachbot version that made it, then start this version to upgrade the database',
    );
  }
  await applyMigrations(url, opts.migrate);
  const sql = connect(url);
  try {
    const tables = await tablesInLoadOrder(sql);
    const inUse = await nonEmptyTables(sql, tables);
    if (inUse.length > 0 && !opts.force) {
      throw new RestoreRefused(`the database is not empty (${inUse.slice(0, 4).join(', ')} hold rows); restore into an empty one, or add --force to replace its contents`);
    }
    const rows: Record<string, number> = {};
    let backupHead: unknown;
    let ended: { rows: Record<string, number> } | undefined;
    await sql.begin(async (t) => {
      const tx = t as unknown as Sql;
      if (inUse.length > 0) await emptyAll(tx, tables);
      // Events arrive with their stored chain (re-hashing them one by one in the trigger would
      // update the head row once per event inside one transaction: quadratic); the whole chain is
      // then checked here, in Node, before anything is committed.
      await tx`alter table breach_events disable trigger breach_events_chain`;
      let batch: string[] = [];
      let batchTable = '';
      const flush = async () => {
        if (batch.length === 0) return;
        await tx.unsafe(`insert into ${ident(batchTable)} select * from json_populate_recordset(null::${ident(batchTable)}, $1::text::json)`, [
          `[${batch.join(',')}]`,
        ]);
        batch = [];
      };
      for (let next = await it.next(); !next.done; next = await it.next()) {
        const line = next.value;
        if (line === '') continue;
        if (ended) throw new RestoreRefused(`${file} has data after its end marker`);
        const entry = JSON.parse(line) as { t?: string; r?: unknown; end?: boolean; rows?: Record<string, number> };
        if (entry.end) {
          ended = { rows: entry.rows ?? {} };
          continue;
        }
        const table = entry.t!;
        if (!tables.includes(table)) throw new RestoreRefused(`${file} holds a table this database does not have: ${table}`);
        rows[table] = (rows[table] ?? 0) + 1;
        if (table === CHAIN_HEAD) {
          backupHead = entry.r;
          continue;
        }
        if (table !== batchTable || batch.length >= 500) {
          await flush();
          batchTable = table;
        }
        batch.push(JSON.stringify(entry.r));
      }
      await flush();
      if (!ended) throw new RestoreRefused(`${file} is incomplete (it has no end marker): nothing was restored`);
      for (const [table, n] of Object.entries(ended.rows)) {
        if ((rows[table] ?? 0) !== n) throw new RestoreRefused(`${file} should hold ${n} rows of ${table} but holds ${rows[table] ?? 0}: nothing was restored`);
      }
      await tx`alter table breach_events enable trigger breach_events_chain`;
      await resetSequences(tx, tables);
      await tx`
        update audit_chain_head set
          seq = coalesce((select max(chain_seq) from breach_events), 0),
          hash = coalesce((select hash from breach_events order by chain_seq desc limit 1), ${GENESIS_HASH})
        where id = 1`;
      const check = await verifyAuditChain(tx);
      if (!check.ok) throw new RestoreRefused(`the audit trail in ${file} is broken (${check.broken}): nothing was restored`);
      const want = backupHead as { seq: number; hash: string } | undefined;
      if (want && (Number(want.seq) !== check.head.events || want.hash !== check.head.hash)) {
        throw new RestoreRefused(`the audit trail in ${file} does not end where its recorded chain head says: nothing was restored`);
      }
    });
    return { file, bytes: statSync(file).size, rows };
  } finally {
    lines.close();
    await sql.end({ timeout: 5 });
  }
}

/** Reads only a backup's first line. */
export async function readBackupHeader(file: string): Promise<BackupHeader> {
  const lines = createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity });
  try {
    for await (const line of lines) return parseHeader(file, line);
    return parseHeader(file, '');
  } finally {
    lines.close();
  }
}

function parseHeader(file: string, line: string): BackupHeader {
  let header: Partial<BackupHeader>;
  try {
    header = JSON.parse(line) as Partial<BackupHeader>;
  } catch {
    throw new RestoreRefused(`${file} is not a breachbot backup`);
  }
  if (header.format !== BACKUP_FORMAT) throw new RestoreRefused(`${file} is not a breachbot backup`);
  if (header.formatVersion !== BACKUP_FORMAT_VERSION) {
    throw new RestoreRefused(`${file} has backup format ${header.formatVersion}; this breachbot reads format ${BACKUP_FORMAT_VERSION}`);
  }
  return header as BackupHeader;
}

async function appliedMigrations(sql: Sql): Promise<number> {
  const [row] = await sql<{ n: number }[]>`select count(*)::int as n from drizzle.__drizzle_migrations`;
  return row?.n ?? 0;
}

/** The public schema's tables, each after the tables it references (so a restore can insert in file order). */
async function tablesInLoadOrder(sql: Sql): Promise<string[]> {
  const tables = (
    await sql<{ name: string }[]>`
      select table_name as name from information_schema.tables
      where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`
  ).map((r) => r.name);
  const edges = await sql<{ child: string; parent: string }[]>`
    select c.relname as child, p.relname as parent
    from pg_constraint k join pg_class c on c.oid = k.conrelid join pg_class p on p.oid = k.confrelid
    where k.contype = 'f' and k.connamespace = 'public'::regnamespace and k.conrelid <> k.confrelid`;
  const ordered: string[] = [];
  const visit = (t: string, path: Set<string>) => {
    if (ordered.includes(t) || path.has(t)) return;
    path.add(t);
    for (const e of edges) if (e.child === t) visit(e.parent, path);
    ordered.push(t);
  };
  for (const t of tables) visit(t, new Set());
  return ordered;
}

/** Primary key order, and chain order for the audit trail (the restore re-chains in that order). */
async function orderColumns(sql: Sql, table: string): Promise<string[]> {
  if (table === 'breach_events') return ['chain_seq', 'id'];
  const rows = await sql<{ col: string }[]>`
    select a.attname as col from pg_index i
    join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey)
    where i.indrelid = ${`public.${ident(table)}`}::regclass and i.indisprimary
    order by array_position(i.indkey, a.attnum)`;
  return rows.map((r) => r.col);
}

async function nonEmptyTables(sql: Sql, tables: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const t of tables) {
    if (t === CHAIN_HEAD) continue;
    const [row] = await sql.unsafe<{ any: boolean }[]>(`select exists (select 1 from ${ident(t)}) as any`);
    if (row?.any) out.push(t);
  }
  return out;
}

/**
 * --force: empty every table, history included. The append-only triggers forbid exactly this, so
 * they are switched off for the statement (the owner may; the bot's own role may not) and back on.
 */
async function emptyAll(sql: Sql, tables: string[]): Promise<void> {
  const list = tables.map(ident).join(', ');
  for (const t of tables) await sql.unsafe(`alter table ${ident(t)} disable trigger user`);
  await sql.unsafe(`truncate ${list} restart identity`);
  for (const t of tables) await sql.unsafe(`alter table ${ident(t)} enable trigger user`);
  await sql`insert into audit_chain_head (id, seq, hash) values (1, 0, ${GENESIS_HASH})`;
}

async function resetSequences(sql: Sql, tables: string[]): Promise<void> {
  const serials = await sql<{ table: string; col: string; seq: string }[]>`
    select c.table_name as table, c.column_name as col, pg_get_serial_sequence(quote_ident(c.table_name), c.column_name) as seq
    from information_schema.columns c
    where c.table_schema = 'public' and c.table_name = any(${tables}) and pg_get_serial_sequence(quote_ident(c.table_name), c.column_name) is not null`;
  for (const s of serials) {
    await sql.unsafe(`select setval($1, coalesce((select max(${ident(s.col)}) from ${ident(s.table)}), 0) + 1, false)`, [s.seq]);
  }
}
