import { existsSync, lstatSync, readdirSync, readlinkSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * What a data folder holds, decided before anything is written to it. Only a folder with nothing
 * of ours in it may be initialised; anything else that is not a complete cluster is damage or a
 * partial restore, and breachbot must not "recover" by deleting it (the notice in
 * ../shared/seeds/000_6197b8972e454386.txt is what losing records looks like).
 */
export type ClusterState =
  | { kind: 'empty' }
  | { kind: 'complete' }
  | { kind: 'damaged'; problem: string };

/**
 * Written once a cluster is complete: from then on a missing cluster is damage, never a first start.
 * (Before it exists, the password file and our own temporaries are all an interrupted first start
 * can have left.)
 */
export const CREATED_MARKER = 'cluster-created';
export const INIT_PREFIX = '.pg-init-';
export const SECRET_PREFIX = '.pg-secret-';

/** What an interrupted first start may leave behind: nothing that says a cluster ever existed. */
function harmless(entry: string): boolean {
  return entry === 'breachbot.lock' || entry === 'password' || entry === 'app-password' || entry.startsWith(INIT_PREFIX) || entry.startsWith(SECRET_PREFIX);
}

/** Files a complete PostgreSQL cluster always has. */
const CLUSTER_MARKERS = ['PG_VERSION', join('global', 'pg_control'), 'base'];

export function clusterState(dataDir: string, pgDir: string): ClusterState {
  if (!existsSync(dataDir)) return { kind: 'empty' };
  const entries = readdirSync(dataDir).filter((e) => !harmless(e));
  const pgEntry = pgEntryState(pgDir);
  if (pgEntry === 'absent') {
    if (entries.length === 0) return { kind: 'empty' };
    return { kind: 'damaged', problem: `${pgDir} is missing but ${dataDir} is not empty (${entries.slice(0, 3).join(', ')})` };
  }
  if (pgEntry.kind === 'dangling') {
    return { kind: 'damaged', problem: `${pgDir} links to ${pgEntry.target}, which is missing` };
  }
  const inPg = readdirSync(pgDir);
  if (inPg.length === 0) {
    // An empty cluster folder and nothing else of ours: an interrupted first start.
    const others = entries.filter((e) => e !== 'pg');
    return others.length === 0 ? { kind: 'empty' } : { kind: 'damaged', problem: `${pgDir} is empty but ${dataDir} holds ${others.slice(0, 3).join(', ')}` };
  }
  const missing = CLUSTER_MARKERS.filter((m) => !existsSync(join(pgDir, m)));
  if (missing.length > 0) return { kind: 'damaged', problem: `${pgDir} is not a complete PostgreSQL cluster (no ${missing.join(', ')})` };
  return { kind: 'complete' };
}

function pgEntryState(pgDir: string): 'absent' | { kind: 'dir' } | { kind: 'dangling'; target: string } {
  let st;
  try {
    st = lstatSync(pgDir);
  } catch {
    return 'absent';
  }
  if (st.isSymbolicLink()) {
    try {
      statSync(pgDir);
      return { kind: 'dir' };
    } catch {
      return { kind: 'dangling', target: readlinkSync(pgDir) };
    }
  }
  return { kind: 'dir' };
}

/** The one line an operator reads when the bot refuses a damaged folder. */
export function damagedMessage(problem: string): string {
  return (
    `${problem}; breachbot will not delete or re-initialise it. Restore the folder from a file-system backup, ` +
    `or move it aside and load your latest backup into a fresh one: npm run restore -- <backup file> (see README, "Backups and restore")`
  );
}
