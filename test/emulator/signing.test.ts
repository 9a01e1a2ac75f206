/** Rule 1 (slack-rules.md §1.1): every request to the bot is signed; Bolt refuses forgeries with 401. */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { computeSignature, SlackEmulator, verifySignature, type Driver } from './index.js';
import { startBolt, type BoltHandle } from './test-helpers.js';

describe('signing function', () => {
  test('reproduces the Slack documentation test vector', () => {
    const body =
      'token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c';
    expect(computeSignature('8f742231b10e8888abcd99yyyzzz85a5', 1531420618, body)).toBe(
      'v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503',
    );
  });

  test('reproduces the second vector (JSON body)', () => {
    expect(
      computeSignature('test-signing-secret', 1700000000, '{"type":"url_verification","challenge":"abc"}'),
    ).toBe('v0=150f3e2597227d90deb3d93af65b6450381ac5c2ff275a89b8daf98c8df38326');
  });

  test('verification rejects timestamps more than 5 minutes away, both directions', () => {
    const sig = computeSignature('s', 1_000_000, 'b');
    expect(verifySignature({ secret: 's', timestampSec: 1_000_000, rawBody: 'b', signature: sig, nowSec: 1_000_300 })).toBe(true);
    expect(verifySignature({ secret: 's', timestampSec: 1_000_000, rawBody: 'b', signature: sig, nowSec: 1_000_301 })).toBe(false);
    expect(verifySignature({ secret: 's', timestampSec: 1_000_000, rawBody: 'b', signature: sig, nowSec: 999_699 })).toBe(false);
    expect(verifySignature({ secret: 's', timestampSec: 1_000_000, rawBody: 'B', signature: sig, nowSec: 1_000_000 })).toBe(false);
  });
});

describe('a real Bolt app behind HTTPReceiver', () => {
  let slack: SlackEmulator;
  let bolt: BoltHandle;
  let driver: Driver;
  let userId: string;
  const commandBody = () =>
    new URLSearchParams({ command: '/breach', text: '', user_id: userId, channel_id: 'C1', team_id: slack.teamId, trigger_id: '1.2.ab' }).toString();

  beforeAll(async () => {
    slack = await SlackEmulator.start();
    userId = slack.addUser({ name: 'alice' }).id;
    bolt = await startBolt(slack, (app) => app.command('/breach', async ({ ack }) => ack()));
    driver = slack.driver(bolt.url);
  });
  afterAll(async () => {
    await bolt.stop();
    await slack.close();
  });

  test('accepts the driver’s signed requests (form body with the exact content type)', async () => {
    const r = await driver.slashCommand({ user: userId, text: 'hello' });
    expect(r.status).toBe(200);
    await driver.urlVerification('chal-123');
  });

  test('forged signature → 401', async () => {
    const r = await driver.raw({
      body: commandBody(),
      contentType: 'application/x-www-form-urlencoded',
      signature: `v0=${'0'.repeat(64)}`,
    });
    expect(r.status).toBe(401);
  });

  test('signature made with another secret → 401', async () => {
    const ts = Math.floor(Date.now() / 1000);
    const body = commandBody();
    const r = await driver.raw({
      body,
      contentType: 'application/x-www-form-urlencoded',
      timestamp: ts,
      signature: computeSignature('not-the-secret', ts, body),
    });
    expect(r.status).toBe(401);
  });

  test('stale timestamp (over 5 minutes old), correctly signed → 401', async () => {
    const r = await driver.raw({
      body: commandBody(),
      contentType: 'application/x-www-form-urlencoded',
      timestamp: Math.floor(Date.now() / 1000) - 301,
    });
    expect(r.status).toBe(401);
  });

  test('missing signature header → 401; missing timestamp header → 401', async () => {
    const noSig = await driver.raw({ body: commandBody(), contentType: 'application/x-www-form-urlencoded', signature: null });
    expect(noSig.status).toBe(401);
    const noTs = await driver.raw({
      body: commandBody(),
      contentType: 'application/x-www-form-urlencoded',
      timestamp: null,
      signature: 'v0=abc',
    });
    expect(noTs.status).toBe(401);
  });

  test('body changed after signing → 401', async () => {
    const ts = Math.floor(Date.now() / 1000);
    const body = commandBody();
    const r = await driver.raw({
      body: `${body}&text=tampered`,
      contentType: 'application/x-www-form-urlencoded',
      timestamp: ts,
      signature: computeSignature(slack.signingSecret, ts, body),
    });
    expect(r.status).toBe(401);
  });

  test('why the driver never adds "; charset": Bolt then JSON-parses the form body and fails', async () => {
    const r = await driver.raw({ body: commandBody(), contentType: 'application/x-www-form-urlencoded; charset=utf-8' });
    expect(r.status).toBeGreaterThanOrEqual(400);
  });
});
