/**
 * Request signing, v0 algorithm (slack-rules.md §1.1):
 *   signature = "v0=" + hex(HMAC_SHA256(secret, "v0:" + timestamp + ":" + rawBody))
 * The body must be the exact bytes sent; never sign a re-serialised body.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export function computeSignature(secret: string, timestampSec: number | string, rawBody: string | Buffer): string {
  const hmac = createHmac('sha256', secret);
  hmac.update(`v0:${timestampSec}:`);
  hmac.update(rawBody);
  return `v0=${hmac.digest('hex')}`;
}

/**
 * Verify like Slack's docs ask (§1.1): reject a timestamp more than `toleranceSec` away from
 * now in either direction (Bolt only rejects stale ones; we are stricter), compare in constant time.
 */
export function verifySignature(opts: {
  secret: string;
  timestampSec: number | string;
  rawBody: string | Buffer;
  signature: string;
  nowSec?: number;
  toleranceSec?: number;
}): boolean {
  const ts = Number(opts.timestampSec);
  if (!Number.isFinite(ts)) return false;
  const now = opts.nowSec ?? Math.floor(Date.now() / 1000);
  if (Math.abs(now - ts) > (opts.toleranceSec ?? 300)) return false;
  const expected = Buffer.from(computeSignature(opts.secret, ts, opts.rawBody));
  const given = Buffer.from(opts.signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** The two headers Slack adds to every request it sends to the app (§1.1). */
export function signedHeaders(
  secret: string,
  rawBody: string | Buffer,
  timestampSec: number = Math.floor(Date.now() / 1000),
): Record<'x-slack-request-timestamp' | 'x-slack-signature', string> {
  return {
    'x-slack-request-timestamp': String(timestampSec),
    'x-slack-signature': computeSignature(secret, timestampSec, rawBody),
  };
}
