import { DrizzleQueryError } from 'drizzle-orm/errors';
import { describe, expect, it } from 'vitest';
import { redact } from '../src/logger.js';

/** Made-up tokens in each of Slack's formats (https://api.slack.com/authentication/token-types). */
const TOKENS = {
  bot: 'xoxb-1234567890123-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx',
  user: 'xoxp-1234567890123-1234567890123-1234567890123-0123456789abcdef0123456789abcdef',
  workspace: 'xoxa-2-1234567890123-1234567890123-0123456789abcdef',
  refresh: 'xoxr-1234567890123-abcdefABCDEF0123456789',
  legacySession: 'xoxs-1234567890-1234567890-1234567890-abcdef0123',
  rotatingRefresh: 'xoxe-1-My0xLTEyMzQ1Njc4OTAxMjMtMTIzNDU2Nzg5MDEyMy1hYmNkZWY',
  rotatingBot: 'xoxe.xoxb-1-MS0yLTEyMzQ1Njc4OTAxMjMtMTIzNDU2Nzg5MDEyMy1hYmNk',
  rotatingUser: 'xoxe.xoxp-1-Mi0yLTEyMzQ1Njc4OTAxMjMtMTIzNDU2Nzg5MDEyMy1hYmNk',
  client: 'xoxc-1234567890123-1234567890123-1234567890123-0123456789abcdef',
  cookie: 'xoxd-ab12CD34%2Bef56GH78%2FIJ90kl%3D%3D',
  cookiePlain: 'xoxd-ab12CD34+ef56GH78/IJ90kl==',
  appLevel: 'xapp-1-A0123456789-1234567890123-0123456789abcdef0123456789abcdef',
};

describe('log redaction', () => {
  it.each(Object.entries(TOKENS))('masks a %s token wherever it sits in a line', (_kind, token) => {
    for (const line of [token, `token=${token}`, `Authorization: Bearer ${token}.`, `{"token":"${token}"}`, `(${token})`]) {
      const out = redact(line);
      expect(out).toContain('[redacted]');
      // Nothing of the secret part is left.
      expect(out).not.toContain(token.slice(9, 20));
      expect(out).not.toContain(token.slice(-8));
    }
  });

  it('masks webhook and response_url paths, which are bearer secrets too', () => {
    const url = 'https://hooks.slack.com/commands/T1DC2JH3J/397700885554/96rGlfmibIGlgcZRskXaIFfN';
    expect(redact(`posting to ${url} failed`)).toBe('posting to https://hooks.slack.com/[redacted] failed');
    expect(redact('https://hooks.slack-gov.com/services/T0/B0/secret')).toBe('https://hooks.slack-gov.com/[redacted]');
  });

  it('masks a database password and leaves ordinary text alone', () => {
    expect(redact('postgres://bot:s3cret@db:5432/breachbot')).toBe('postgres://bot:[redacted]@db:5432/breachbot');
    for (const plain of ['xoxo from Rita', 'setup of BR-2026-0042 failed: channel_not_found', 'boxes', 'the toxic xox pattern']) {
      expect(redact(plain)).toBe(plain);
    }
  });

  it("masks a failed database query's parameters (breach text) but keeps the query", () => {
    const err = new DrizzleQueryError('insert into "breaches" ("title", "description") values ($1, $2)', ['Laptop of Jens Hansen', 'CPR 010203-1234\nstolen on the bus'], new Error('connection refused'));
    const out = redact(`declaring failed: ${err.message}`);
    expect(out).toContain('insert into "breaches"');
    expect(out).not.toContain('Jens Hansen');
    expect(out).not.toContain('010203');
    expect(out).not.toContain('stolen on the bus');
  });
});
