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
export async function startChildBot(slack: SlackEmulator, env: Record<string, string>, opts: { direct?: boolean } = {}): Promise<ChildBot> {
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
