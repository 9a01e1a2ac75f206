import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import type { TestProject } from 'vitest/node';
import { startEmbedded, type EmbeddedServer } from '../../src/db/embedded.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Admin URL of the suite's embedded PostgreSQL (18). */
    embeddedDatabaseUrl: string;
    /** Admin URL of the system PostgreSQL (15), or '' when none is reachable. */
    systemDatabaseUrl: string;
  }
}

const DEFAULT_SYSTEM_URL = 'postgres://postgres@127.0.0.1:5432/test';

/**
 * Starts one embedded PostgreSQL for the whole run and checks the system server, so every
 * database-backed test runs on both. Each test file then creates its own database on each.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dir = mkdtempSync(join(tmpdir(), 'breachbot-test-'));
  let embedded: EmbeddedServer | undefined;
  embedded = await startEmbedded({ dataDir: dir, database: 'postgres' });
  project.provide('embeddedDatabaseUrl', embedded.adminUrl);

  const systemUrl = process.env.TEST_DATABASE_URL ?? DEFAULT_SYSTEM_URL;
  let reachable = '';
  const probe = postgres(systemUrl, { max: 1, connect_timeout: 3, onnotice: () => {} });
  try {
    await probe`select 1`;
    reachable = systemUrl;
  } catch (err) {
    process.stderr.write(
      `\nNOTICE: system PostgreSQL at ${systemUrl} is not reachable (${(err as Error).message}); ` +
        'database tests run on the embedded server only. `.ci/run` starts the system server.\n\n',
    );
  } finally {
    await probe.end({ timeout: 1 });
  }
  project.provide('systemDatabaseUrl', reachable);

  return async () => {
    await embedded?.stop();
    rmSync(dir, { recursive: true, force: true });
  };
}
