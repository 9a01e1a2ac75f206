/*
 * Start and memory: from spawning `npm start` (which runs node on the compiled bot in dist/; the
 * build is made before any timing) to the first `GET /healthz` 200, and the idle memory of the bot
 * process and of its embedded PostgreSQL, with the embedded database (first start: initdb;
 * restart: the same data folder after a clean stop) and with an external PostgreSQL (the system
 * server). npm's own process stays in front of the bot; its memory is not the bot's.
 */
import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../src/db/free-port.js';
import { figure, type Figure } from './stats.js';
import { botEnv, createDatabase, dropDatabase, isPostgres, processTree, pssMb, ROOT, rssMb, sleep, startSlack, type BenchSlack } from './support.js';

export type StartMode = 'embedded, first start' | 'embedded, restart' | 'external PostgreSQL';
export const MODES: StartMode[] = ['embedded, first start', 'embedded, restart', 'external PostgreSQL'];

/** The node process that runs the bot under npm (npm → sh → node scripts/start.mjs). */
function botPid(root: number): number {
  const pid = processTree(root).find((p) => {
    try {
      // Not the `sh -c` npm runs it through, whose command line names the script too.
      return readFileSync(`/proc/${p}/comm`, 'utf8').trim() === 'node' && readFileSync(`/proc/${p}/cmdline`, 'utf8').includes('scripts/start.mjs');
    } catch {
      return false;
    }
  });
  if (pid === undefined) throw new Error('no bot process under npm start');
  return pid;
}

export interface StartFigures {
  mode: StartMode;
  /** Spawn → first /healthz 200, ms. */
  toHealthy: Figure;
  /** The bot process's resident set size, idle, MB. */
  botRss: Figure;
  /** The embedded server's processes: proportional set size summed (shared memory counted once), MB. */
  pgPss: Figure | null;
  /** …and their resident set sizes summed (shared pages counted in every process), MB. */
  pgRss: Figure | null;
  pgProcesses: number;
}

export interface StartResult {
  modes: StartFigures[];
  idleSeconds: number;
  runs: number;
}

const IDLE_MS = 3_000;

interface Sample {
  toHealthy: number;
  botRss: number;
  pgPss: number;
  pgRss: number;
  pgProcesses: number;
}

async function startOnce(s: BenchSlack, env: Record<string, string>): Promise<Sample> {
  const port = await freePort();
  const t0 = performance.now();
  const child = spawn('npm', ['start', '--silent'], {
    cwd: new URL('.', ROOT),
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...botEnv(s), PORT: String(port), ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
    detached: true,
  });
  let err = '';
  child.stderr!.on('data', (b: Buffer) => (err += b.toString()));
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  try {
    let toHealthy = Number.NaN;
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`the bot exited with ${child.exitCode}:\n${err}`);
      const ok = await fetch(`http://127.0.0.1:${port}/healthz`, { signal: AbortSignal.timeout(1000) })
        .then((r) => r.status === 200)
        .catch(() => false);
      if (ok) {
        toHealthy = performance.now() - t0;
        break;
      }
      await sleep(5);
    }
    if (!Number.isFinite(toHealthy)) throw new Error(`no /healthz 200 within 30 s:\n${err}`);
    await sleep(IDLE_MS);
    const pg = processTree(child.pid!).filter(isPostgres);
    return {
      toHealthy,
      botRss: rssMb(botPid(child.pid!)),
      pgPss: pg.reduce((sum, pid) => sum + pssMb(pid), 0),
      pgRss: pg.reduce((sum, pid) => sum + rssMb(pid), 0),
      pgProcesses: pg.length,
    };
  } finally {
    try {
      process.kill(-child.pid!, 'SIGTERM');
    } catch {
      /* gone */
    }
    const t = setTimeout(() => {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        /* gone */
      }
    }, 10_000);
    await exited;
    clearTimeout(t);
  }
}

export async function benchStartMemory(opts: { runs: number; log: (line: string) => void }): Promise<StartResult> {
  const s = await startSlack({ rateLimits: 'off' });
  const databaseUrl = await createDatabase();
  const samples = new Map<StartMode, Sample[]>(MODES.map((m) => [m, []]));
  try {
    for (let run = 0; run < opts.runs; run += 1) {
      const dir = mkdtempSync(join(tmpdir(), 'breachbot-bench-'));
      chmodSync(dir, 0o711); // as root, the embedded server runs as `postgres` and must reach its folder
      try {
        const env = { BREACHBOT_DATA_DIR: join(dir, 'data') };
        samples.get('embedded, first start')!.push(await startOnce(s, env));
        samples.get('embedded, restart')!.push(await startOnce(s, env));
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
      samples.get('external PostgreSQL')!.push(await startOnce(s, { DATABASE_URL: databaseUrl }));
      const line = MODES.map((m) => {
        const x = samples.get(m)!.at(-1)!;
        return `${m} ${x.toHealthy.toFixed(0)} ms, bot ${x.botRss.toFixed(0)} MB${x.pgProcesses ? `, postgres ${x.pgPss.toFixed(0)} MB PSS` : ''}`;
      }).join('; ');
      opts.log(`start run ${run + 1}/${opts.runs}: ${line}`);
    }
    return {
      modes: MODES.map((mode) => {
        const xs = samples.get(mode)!;
        const embedded = xs.some((x) => x.pgProcesses > 0);
        return {
          mode,
          toHealthy: figure(xs.map((x) => x.toHealthy)),
          botRss: figure(xs.map((x) => x.botRss)),
          pgPss: embedded ? figure(xs.map((x) => x.pgPss)) : null,
          pgRss: embedded ? figure(xs.map((x) => x.pgRss)) : null,
          pgProcesses: Math.max(...xs.map((x) => x.pgProcesses)),
        };
      }),
      idleSeconds: IDLE_MS / 1000,
      runs: opts.runs,
    };
  } finally {
    await s.slack.close();
    await dropDatabase(databaseUrl);
  }
}
