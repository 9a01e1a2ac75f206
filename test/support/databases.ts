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

type SuiteBody = (ctx: { server: TestDatabase['server']; freshDatabase: (opts?: { migrate?: boolean }) => Promise<string> }) => void;

/**
 * Runs a describe block once per database server. Each call of `freshDatabase()` creates a new,
 * migrated database on that server (dropped after the file), so tests never see each other's rows.
 */
export function describeEachDatabase(title: string, body: SuiteBody): void {
  for (const server of ['embedded', 'system'] as const) describeOn(server, title, body);
}

/**
 * Runs a describe block on one database server: for Slack end-to-end suites, whose SQL is the
 * store's and is run on both servers by the store and flow suites (test/store, test/flows, test/db).
 * Running each end-to-end suite twice doubled the suite's time for no new coverage. The server is
 * picked from the title, so the end-to-end suites are spread over both servers; without the system
 * server, all run on the embedded one.
 */
export function describeOnOneDatabase(title: string, body: SuiteBody): void {
  let hash = 0;
  for (const ch of title) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
  const wanted = hash % 2 === 0 ? 'system' : 'embedded';
  describeOn(testServers().some((s) => s.server === wanted) ? wanted : 'embedded', title, body);
}

function describeOn(server: TestDatabase['server'], title: string, body: SuiteBody): void {
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

export { createDatabase, dropDatabase };
