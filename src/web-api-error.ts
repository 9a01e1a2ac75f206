/*
 * Reading the errors of a Slack Web API call. Plain functions over the error object, with no Slack
 * import, kept beside logger.ts and metrics.ts because every layer that makes such a call needs them:
 * the flows (which are handed a client) as much as the listeners.
 */

/** The Slack error code of a failed Web API call (`channel_not_found`, `ratelimited`…), or a short description. */
export function slackErrorCode(err: unknown): string {
  const e = err as { data?: { error?: string }; code?: string; statusCode?: number; message?: string };
  if (e?.data?.error) return e.data.error;
  if (e?.statusCode) return `http_${e.statusCode}`;
  if (e?.code === 'slack_webapi_request_error') return 'slack_unreachable';
  return e?.message?.slice(0, 120) ?? 'unknown_error';
}

/** True when Slack answered ok:false with this code. */
export function isSlackError(err: unknown, ...codes: string[]): boolean {
  const code = (err as { data?: { error?: string } })?.data?.error;
  return code !== undefined && codes.includes(code);
}

/** Slack codes that say "try again later" rather than "this cannot be done" (slack-rules.md §4.4). */
const TRANSIENT_SLACK_CODES = new Set(['ratelimited', 'internal_error', 'fatal_error', 'service_unavailable', 'request_timeout']);
/** postgres.js / Node codes of a lost or refused database connection, and SQLSTATE class 08 and 57P0x (shutdown, restart). */
const LOST_CONNECTION = /^(ECONNREFUSED|ECONNRESET|EPIPE|ETIMEDOUT|CONNECTION_CLOSED|CONNECTION_ENDED|CONNECTION_DESTROYED|CONNECT_TIMEOUT|08\w{3}|57P0\d)$/;

type ErrorLike = { data?: { error?: string }; code?: unknown; statusCode?: number; cause?: unknown } | null | undefined;

/** The database connection was lost or refused (drizzle hands postgres.js's error on as the cause). */
function databaseConnectionLost(err: unknown): boolean {
  for (let e = err as ErrorLike, depth = 0; e && depth < 5; e = e.cause as ErrorLike, depth += 1) {
    if (typeof e.code === 'string' && LOST_CONNECTION.test(e.code)) return true;
  }
  return false;
}

/**
 * Whether a failed step may succeed when simply tried again later, without anyone changing
 * anything: Slack busy or unreachable (5xx, 429, network), or the database connection lost (a
 * restart). Other failures (a Slack refusal such as `restricted_action`, a bug) need a person.
 */
export function isTransientFailure(err: unknown): boolean {
  const e = err as ErrorLike;
  if (e?.data?.error) return TRANSIENT_SLACK_CODES.has(e.data.error);
  if (typeof e?.statusCode === 'number') return e.statusCode >= 500 || e.statusCode === 429;
  if (e?.code === 'slack_webapi_request_error' || e?.code === 'slack_webapi_rate_limited_error') return true;
  return databaseConnectionLost(err);
}

/** What a failure is called where people read it: a lost database connection is not shown as SQL. */
export function failureLabel(err: unknown): string {
  return databaseConnectionLost(err) ? 'database_unavailable' : slackErrorCode(err);
}
