import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { afterAll, describe, inject } from 'vitest';
import { applyMigrations } from '../../src/db/migrate.js';

export interface TestDatabase {
  /** Which server: the embedded PostgreSQL 18 or the system PostgreSQL 15. */
  server: 'embedded' | 'system';
  adminUrl: string;
}

export function testServers(): TestDatabase[] {
  const servers: TestDatabase[] = [{ server: 'embedded', adminUrl: inject('embeddedDatabaseUrl') }];
  const system = inject('systemDatabaseUrl');
  if (system) servers.push({ server: 'system', adminUrl: system });
  return servers;
}

/**
 * Runs a describe block once per database server. Each call of `freshDatabase()` creates a new,
 * migrated database on that server (dropped after the file), so tests never see each other's rows.
 */
export function describeEachDatabase(
  title: string,
  body: (ctx: { server: TestDatabase['server']; freshDatabase: (opts?: { migrate?: boolean }) => Promise<string> }) => void,
): void {
  for (const server of ['embedded', 'system'] as const) {
    const target = testServers().find((s) => s.server === server);
    const run = target ? describe : describe.skip;
    run(`${title} [${server} PostgreSQL]`, () => {
      const created: string[] = [];
      const freshDatabase = async (opts: { migrate?: boolean } = {}) => {
        const url = await createDatabase(target!.adminUrl, opts.migrate ?? true);
        created.push(url);
        return url;
      };
      afterAll(async () => {
        for (const url of created) await dropDatabase(target!.adminUrl, url);
      });
      body({ server, freshDatabase });
    });
  }
}

export async function createDatabase(adminUrl: string, migrate = true): Promise<string> {
  const name = `bb_test_${randomBytes(6).toString('hex')}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`create database ${name}`);
  } finally {
    await admin.end({ timeout: 5 });
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  if (migrate) await applyMigrations(url.toString());
  return url.toString();
}

export async function dropDatabase(adminUrl: string, url: string): Promise<void> {
  const name = new URL(url).pathname.slice(1);
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`drop database if exists ${name} with (force)`);
  } finally {
    await admin.end({ timeout: 5 });
  }
}
