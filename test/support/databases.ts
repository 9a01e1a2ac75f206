import { afterAll, describe, inject } from 'vitest';
import { createDatabase, dropDatabase } from './db-admin.js';

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

export { createDatabase, dropDatabase };
