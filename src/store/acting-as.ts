import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Who a request acts as when that is not what their user id says: a workspace admin standing in
 * for the DPO (domain/access/policy.ts). The Slack access guard runs such a request inside
 * `actingAs`, and every event row that request writes for that user says `actingAs: "admin"`
 * (appendEvent), so the audit trail shows an admin's action as an admin's, whichever store wrote it.
 */
const current = new AsyncLocalStorage<{ userId: string; as: 'admin' }>();

export function actingAs<T>(userId: string, as: 'admin', fn: () => T): T {
  return current.run({ userId, as }, fn);
}

/** The role `actor` acts as in this request, if it is not their own. */
export function actingAsOf(actor: string): 'admin' | undefined {
  const c = current.getStore();
  return c && c.userId === actor ? c.as : undefined;
}
