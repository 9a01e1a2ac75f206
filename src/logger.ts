import { LogLevel, type Logger } from '@slack/bolt';

const order: Record<LogLevel, number> = {
  [LogLevel.DEBUG]: 0,
  [LogLevel.INFO]: 1,
  [LogLevel.WARN]: 2,
  [LogLevel.ERROR]: 3,
};

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
    debug: (...m) => write(LogLevel.DEBUG, m),
    info: (...m) => write(LogLevel.INFO, m),
    warn: (...m) => write(LogLevel.WARN, m),
    error: (...m) => write(LogLevel.ERROR, m),
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

/** Belt and braces: a token that slips into a log line is masked. */
export function redact(text: string): string {
  return text
    .replace(/xox[abposr]-[A-Za-z0-9-]+/g, 'xox?-[redacted]')
    .replace(/xapp-[A-Za-z0-9-]+/g, 'xapp-[redacted]')
    .replace(/(postgres(?:ql)?:\/\/[^:/@\s]+:)[^@\s]+@/g, '$1[redacted]@');
}
