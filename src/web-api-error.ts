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
