/**
 * Posting to a response_url (slack-rules.md §1.2). A response_url we keep (the Declare modal's
 * reply URL rides in its private_metadata and is stored with the breach) is data a forged request
 * could set, so it is posted only to Slack's own hosts: hooks.slack.com, and GovSlack's
 * hooks.slack-gov.com; over HTTPS. The one exception is a local Slack stand-in: when SLACK_API_URL
 * points at a loopback address, URLs on that same origin are allowed (the test emulator). Every
 * post has a timeout: Slack answers in well under a second, and a stuck post must not hold a flow.
 */

export const SLACK_RESPONSE_HOSTS = ['hooks.slack.com', 'hooks.slack-gov.com'] as const;
export const RESPONSE_URL_TIMEOUT_MS = 5_000;

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

export function isAllowedResponseUrl(raw: unknown, apiUrl: string): raw is string {
  if (typeof raw !== 'string' || raw.length > 2048) return false;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (url.username || url.password) return false;
  if (url.protocol === 'https:' && (SLACK_RESPONSE_HOSTS as readonly string[]).includes(url.hostname) && (url.port === '' || url.port === '443')) return true;
  try {
    const api = new URL(apiUrl);
    return LOOPBACK.has(api.hostname) && url.origin === api.origin;
  } catch {
    return false;
  }
}

/** POSTs a message to a response_url on a Slack host; throws when the URL is not one, on a timeout or a non-2xx answer. */
export async function postToResponseUrl(
  url: string,
  message: Record<string, unknown>,
  opts: { apiUrl: string; timeoutMs?: number },
): Promise<void> {
  if (!isAllowedResponseUrl(url, opts.apiUrl)) throw new Error('not a Slack response_url host');
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(message),
    redirect: 'error',
    signal: AbortSignal.timeout(opts.timeoutMs ?? RESPONSE_URL_TIMEOUT_MS),
  });
  await res.body?.cancel();
  if (!res.ok) throw new Error(`response_url answered HTTP ${res.status}`);
}
