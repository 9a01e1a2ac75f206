// Types only: the logger is made before anything else at start, and loading Bolt for its LogLevel
// enum would make the embedded database wait for Bolt's 500-odd modules (main.ts starts it first).
import type { Logger, LogLevel } from '@slack/bolt';

/** Bolt's LogLevel values ('debug', 'info', 'warn', 'error'), by severity. */
const order: Record<`${LogLevel}`, number> = { debug: 0, info: 1, warn: 2, error: 3 };
const DEBUG = 'debug' as LogLevel;
const INFO = 'info' as LogLevel;
const WARN = 'warn' as LogLevel;
const ERROR = 'error' as LogLevel;

/**
 * A small logger that Bolt and our code share. Lines go to stderr as `time level [name] message`.
 * Breach descriptions and tokens are never passed to info level; anything about a breach's
 * content belongs at debug, which operators switch on deliberately.
 */
export function createLogger(level: `${LogLevel}` = 'info', name = 'breachbot'): Logger {
  let current = level as LogLevel;
  let label = name;
  const write = (lvl: LogLevel, msg: unknown[]) => {
    if (order[lvl] < order[current]) return;
    const text = msg.map((m) => (m instanceof Error ? (m.stack ?? m.message) : typeof m === 'string' ? m : safeJson(m))).join(' ');
    process.stderr.write(`${new Date().toISOString()} ${lvl.toUpperCase()} [${label}] ${redact(text)}\n`);
  };
  return {
    debug: (...m) => write(DEBUG, m),
    info: (...m) => write(INFO, m),
    warn: (...m) => write(WARN, m),
    error: (...m) => write(ERROR, m),
    setLevel: (l) => {
      current = l;
    },
    getLevel: () => current,
    setName: (n) => {
      label = n;
    },
  };
}

function safeJson(v: unknown): string {
  try {
    return JSON.stringify(v);
  } catch {
    return String(v);
  }
}

/**
 * Every kind of Slack token (https://api.slack.com/authentication/token-types): bot `xoxb-`, user
 * `xoxp-`, workspace/app `xoxa-`, refresh `xoxr-` and `xoxe-`, rotating access tokens `xoxe.xoxb-…`
 * / `xoxe.xoxp-…`, legacy session `xoxs-`, browser client `xoxc-` and its `xoxd-` cookie (often
 * URL-encoded), and app-level `xapp-`; also incoming-webhook and response_url paths, which are
 * bearer secrets too.
 */
const SLACK_TOKEN = /\bxox[a-z]{1,2}[-.][A-Za-z0-9%+/=._-]*/gi;
const APP_TOKEN = /\bxapp-[A-Za-z0-9%+/=._-]*/gi;
const SLACK_HOOK = /(https:\/\/hooks\.slack(?:-gov)?\.com\/)[^\s"'<>]+/gi;

/**
 * A failed database query's error (drizzle's "Failed query: …\nparams: …") carries the query's
 * parameters: a breach's title, description, the people affected. Logs carry no personal data
 * (../shared/spec/product.md), so everything after "params:" is masked; the query text stays.
 */
const QUERY_PARAMS = /(Failed query: [\s\S]*?\bparams: )[\s\S]*/g;

/** Belt and braces: a token or query parameters that slip into a log line are masked. */
export function redact(text: string): string {
  return text
    .replace(QUERY_PARAMS, '$1[redacted]')
    .replace(SLACK_TOKEN, (m) => `${m.slice(0, 4)}…[redacted]`)
    .replace(APP_TOKEN, 'xapp-[redacted]')
    .replace(SLACK_HOOK, '$1[redacted]')
    .replace(/(postgres(?:ql)?:\/\/[^:/@\s]+:)[^@\s]+@/g, '$1[redacted]@');
}
