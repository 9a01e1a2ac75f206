import 'dotenv/config';
import { ConfigError, loadDatabaseConfig, type DatabaseConfig } from '../config.js';

/**
 * Runs one database command (backup, restore, verify-audit, db:roles) with the same settings as the
 * bot: any failure is one line on stderr and exit code 1, never a stack trace.
 */
export function runCommand(name: string, body: (config: DatabaseConfig, args: string[]) => Promise<number | void>): void {
  const fail = (message: string, code = 1) => {
    process.stderr.write(`breachbot ${name}: ${message.replaceAll('\n', ' ')}\n`);
    process.exit(code);
  };
  let config: DatabaseConfig;
  try {
    config = loadDatabaseConfig(process.env);
  } catch (err) {
    if (err instanceof ConfigError) return fail(`configuration error: ${err.problems.join('; ')}`, 2);
    throw err;
  }
  body(config, process.argv.slice(2))
    .then((code) => process.exit(code ?? 0))
    .catch((err: unknown) => fail(err instanceof Error ? err.message : String(err)));
}

/** `--name value` from the arguments, or undefined. */
export function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

export const say = (line: string) => process.stdout.write(`${line}\n`);
