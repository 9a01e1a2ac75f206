import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { isAlive } from '../db/data-dir-lock.js';

/** This process's name in leases and claims: host, pid and a random tag for this incarnation. */
export function newOwnerId(): string {
  return `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
}

/**
 * Whether a lease holder is certainly dead: it ran on this host and its process is gone, or it
 * had our pid but is an earlier incarnation (a container's pid 1 after a restart). Holders on
 * other hosts are never presumed dead: their leases simply expire.
 */
export function isDeadLocalOwner(owner: string, self: string): boolean {
  const [host, pidText, tag] = owner.split(':');
  const [selfHost, selfPid, selfTag] = self.split(':');
  if (!host || host !== selfHost || !tag) return false;
  const pid = Number(pidText);
  if (String(pid) === selfPid) return tag !== selfTag;
  return !isAlive(pid);
}
