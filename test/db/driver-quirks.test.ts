import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isDriverTypeFetchFailure } from '../../src/db/driver-quirks.js';

/** The catalog query postgres.js runs on every new connection, read from the installed driver. */
function driverTypeQuery(): string {
  // The package's entry is src/index.js; connection.js sits beside it.
  const entry = createRequire(import.meta.url).resolve('postgres');
  const source = readFileSync(join(dirname(entry), 'connection.js'), 'utf8');
  const at = source.indexOf('typarray');
  expect(at, 'postgres.js no longer fetches array types this way: revisit src/db/driver-quirks.ts').toBeGreaterThan(0);
  const start = source.lastIndexOf('`', at);
  return source.slice(start + 1, source.indexOf('`', at));
}

describe("postgres.js's uncatchable type-catalog rejection", () => {
  it('is recognised by the query the installed driver runs, and nothing else is', () => {
    const cut = Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET', query: driverTypeQuery() });
    expect(isDriverTypeFetchFailure(cut)).toBe(true);
    expect(isDriverTypeFetchFailure(Object.assign(new Error('boom'), { query: 'select * from breaches' }))).toBe(false);
    expect(isDriverTypeFetchFailure(new Error('select b.oid, b.typarray from pg_catalog.pg_type'))).toBe(false);
    expect(isDriverTypeFetchFailure(null)).toBe(false);
  });
});
