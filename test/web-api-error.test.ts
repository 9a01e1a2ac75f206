import { DrizzleQueryError } from 'drizzle-orm/errors';
import { describe, expect, it } from 'vitest';
import { failureLabel, isTransientFailure } from '../src/web-api-error.js';

const slack = (error: string) => Object.assign(new Error(`An API error occurred: ${error}`), { code: 'slack_webapi_platform_error', data: { ok: false, error } });

describe('which failures pass by themselves', () => {
  it('Slack busy, rate-limited or unreachable, and a lost database connection, are transient', () => {
    for (const code of ['internal_error', 'ratelimited', 'service_unavailable']) expect(isTransientFailure(slack(code)), code).toBe(true);
    expect(isTransientFailure(Object.assign(new Error('503'), { code: 'slack_webapi_http_error', statusCode: 503 }))).toBe(true);
    expect(isTransientFailure(Object.assign(new Error('socket hang up'), { code: 'slack_webapi_request_error' }))).toBe(true);
    // How drizzle hands on postgres.js's errors: the cause carries the connection's code.
    const lost = new DrizzleQueryError('update "breaches" set "card_ts" = $1', ['1.2'], Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }));
    expect(isTransientFailure(lost)).toBe(true);
    expect(failureLabel(lost)).toBe('database_unavailable');
    expect(isTransientFailure(Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }))).toBe(true);
  });

  it('a Slack refusal, an HTTP 4xx, a constraint violation or a bug needs a person', () => {
    for (const code of ['restricted_action', 'channel_not_found', 'missing_scope']) expect(isTransientFailure(slack(code)), code).toBe(false);
    expect(failureLabel(slack('restricted_action'))).toBe('restricted_action');
    expect(isTransientFailure(Object.assign(new Error('400'), { code: 'slack_webapi_http_error', statusCode: 400 }))).toBe(false);
    expect(isTransientFailure(new DrizzleQueryError('insert …', [], Object.assign(new Error('duplicate key'), { code: '23505' })))).toBe(false);
    expect(isTransientFailure(new TypeError("Cannot read properties of undefined (reading 'id')"))).toBe(false);
  });
});
