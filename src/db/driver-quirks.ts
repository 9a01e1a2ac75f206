/**
 * postgres.js (3.4.9) runs its own catalog query (`pg_type` … `typarray`) as the first statement of
 * every new connection and drops that query's promise: if the connection is cut just then (the
 * server restarting, a database dropped, a backend terminated), the failure surfaces as an
 * unhandled rejection that no caller can catch, while the caller's own query fails or succeeds on
 * its own terms. Upstream: https://github.com/porsager/postgres/issues/1192 (and #279, #1223).
 * Node would end the process on it; nothing of ours was lost, so it is logged instead.
 */
export function isDriverTypeFetchFailure(err: unknown): boolean {
  const query = (err as { query?: unknown } | null)?.query;
  return typeof query === 'string' && query.includes('pg_catalog.pg_type') && query.includes('typarray');
}
