import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { afterAll, describe, expect, it } from 'vitest';
import { DataDirLockedError } from '../../src/db/data-dir-lock.js';
import { startEmbedded } from '../../src/db/embedded.js';

const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'breachbot-embedded-'));
  dirs.push(d);
  return d;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

async function query<T extends object>(url: string, fn: (sql: postgres.Sql) => Promise<T>): Promise<T> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    return await fn(sql);
  } finally {
    await sql.end({ timeout: 1 });
  }
}

describe('embedded PostgreSQL', () => {
  it('keeps data and password across restarts, listening on 127.0.0.1 only', async () => {
    const dir = tempDir();
    const first = await startEmbedded({ dataDir: dir });
    expect(first.url).toMatch(/^postgres:\/\/breachbot:[^@]+@127\.0\.0\.1:\d+\/breachbot$/);
    await query(first.url, (sql) => sql`create table kept (v text); insert into kept values ('still here')`.simple());
    const listen = await query(first.url, (sql) => sql`show listen_addresses`);
    expect(listen[0]!.listen_addresses).toBe('127.0.0.1');
    await first.stop();

    // The password is generated once and kept private in the data folder.
    expect(statSync(join(dir, 'password')).mode & 0o777).toBe(0o600);

    const second = await startEmbedded({ dataDir: dir });
    expect(new URL(second.url).password).toBe(new URL(first.url).password);
    const rows = await query(second.url, (sql) => sql`select v from kept`);
    expect(rows.map((r) => r.v)).toEqual(['still here']);
    await second.stop();
  });

  it('refuses a data folder another bot holds, with a message naming it', async () => {
    const dir = tempDir();
    const holder = await startEmbedded({ dataDir: dir });
    try {
      const err = await startEmbedded({ dataDir: dir }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(DataDirLockedError);
      expect((err as Error).message).toContain(`BREACHBOT_DATA_DIR ${dir} is in use by another breachbot (pid ${process.pid})`);
      // The holder is unaffected.
      await query(holder.url, (sql) => sql`select 1`);
    } finally {
      await holder.stop();
    }
  });

  it('recovers after the bot holding it was killed with SIGKILL', async () => {
    const dir = tempDir();
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/fixtures/hold-embedded.ts', dir], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (b: Buffer) => b.toString().includes('READY') && resolve());
      child.on('exit', (code) => reject(new Error(`holder exited early with ${code}`)));
    });
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));

    const next = await startEmbedded({ dataDir: dir });
    try {
      const rows = await query(next.url, (sql) => sql`select 1 as ok`);
      expect(rows[0]!.ok).toBe(1);
    } finally {
      await next.stop();
    }
  });
});
