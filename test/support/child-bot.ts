import { spawn, type ChildProcess } from 'node:child_process';
import type { SlackEmulator } from '../emulator/index.js';

export interface ChildBot {
  child: ChildProcess;
  port: number;
  /** Everything the bot wrote to stderr so far. */
  stderr(): string;
  /** Signals the whole process group (npm, sh and node), as a terminal or a supervisor does. */
  signal(sig: NodeJS.Signals): void;
  /** Resolves when the bot's processes have all exited. */
  exited: Promise<void>;
}

/**
 * Starts the bot as its own process, configured only through environment variables, exactly as
 * `npm start` from the README does (compiling src/ first if dist/ is stale), or
 * `node --import tsx src/main.ts` with `direct`.
 */
export async function startChildBot(
  slack: SlackEmulator,
  env: Record<string, string>,
  opts: { direct?: boolean; cwd?: string } = {},
): Promise<ChildBot> {
  const [cmd, args] = opts.direct ? [process.execPath, ['--import', 'tsx', 'src/main.ts']] : ['npm', ['start', '--silent']];
  const child = spawn(cmd, args, {
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      SLACK_BOT_TOKEN: slack.botToken,
      SLACK_SIGNING_SECRET: slack.signingSecret,
      SLACK_API_URL: slack.apiUrl,
      PORT: '0',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
    detached: true,
    ...(opts.cwd ? { cwd: opts.cwd } : {}),
  });
  let err = '';
  child.stderr!.on('data', (b: Buffer) => (err += b.toString()));
  // stderr closes only when every process holding it (npm, sh and the bot) has gone.
  const exited = new Promise<void>((r) => child.stderr!.once('close', () => r()));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no start within 30 s:\n${err}`)), 30_000);
    child.stderr!.on('data', () => {
      const m = /listening on port (\d+)/.exec(err);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    });
    child.once('exit', (code) => reject(new Error(`exited with ${code}:\n${err}`)));
  });
  return {
    child,
    port,
    stderr: () => err,
    exited,
    signal(sig) {
      try {
        process.kill(-child.pid!, sig);
      } catch {
        /* already gone */
      }
    },
  };
}

/** Runs `node src/main.ts` (from `cwd`, the repository by default) until it exits; for starts that must be refused. */
export async function runBotToExit(
  env: Record<string, string>,
  opts: { cwd?: string; timeoutMs?: number } = {},
): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    env: { PATH: process.env.PATH, HOME: process.env.HOME, SLACK_BOT_TOKEN: 'xoxb-unused', SLACK_SIGNING_SECRET: 'unused', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
    ...(opts.cwd ? { cwd: opts.cwd } : {}),
  });
  let stderr = '';
  child.stderr!.on('data', (b: Buffer) => (stderr += b.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 30_000);
  const code = await new Promise<number | null>((r) => child.once('exit', (c) => r(c)));
  clearTimeout(timer);
  return { code, stderr };
}
