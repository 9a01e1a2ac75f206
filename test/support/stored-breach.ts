import { afterAll, beforeAll } from 'vitest';
import { openDb, type DbHandle } from '../../src/db/client.js';
import type { Breach } from '../../src/domain/breach/entity.js';
import { declareBreach, type Declaration } from '../../src/store/breaches.js';

/* For store suites: the database handle of the suite, and a breach declared straight in the store. */

/** Opens the suite's fresh database before its tests and closes it after; read `.h` inside a test. */
export function useStoreDb(freshDatabase: () => Promise<string>): { h: DbHandle } {
  const box = {} as { h: DbHandle };
  beforeAll(async () => {
    box.h = openDb(await freshDatabase());
  });
  afterAll(() => box.h.close());
  return box;
}

/** A controller's breach, aware 20 Nov 2026 08:30 UTC, declared at `now` with the submission key `key`. */
export async function storedBreach(h: DbHandle, key: string, now: Date, over: Partial<Declaration> = {}): Promise<Breach> {
  const { breach } = await declareBreach(
    h.db,
    {
      title: 'Payroll file sent to wrong recipient', description: 'Sent to an outside address.', codename: null,
      awareAt: new Date('2026-11-20T08:30:00Z'), startedAt: null, discovery: null, role: 'controller', processorHours: null,
      systems: null, ongoing: 'no', responderIds: [], deadlineAt: new Date('2026-11-23T08:30:00Z'),
      ...over,
    },
    { reporterId: 'U0REPORT', submissionKey: key, replyUrl: null, now },
  );
  return breach;
}
