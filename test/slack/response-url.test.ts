import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isAllowedResponseUrl, postToResponseUrl } from '../../src/slack/response-url.js';

const SLACK = 'https://slack.com/api/';

describe('which response_url the bot will post to', () => {
  it.each([
    'https://hooks.slack.com/commands/T1DC2JH3J/397700885554/96rGlfmibIGlgcZRskXaIFfN',
    'https://hooks.slack.com/actions/T1/2/abc',
    'https://hooks.slack-gov.com/commands/T1/2/abc',
    'https://hooks.slack.com:443/commands/T1/2/abc',
  ])('Slack: %s', (url) => {
    expect(isAllowedResponseUrl(url, SLACK)).toBe(true);
  });

  it.each([
    'http://hooks.slack.com/commands/T1/2/abc',
    'https://hooks.slack.com.evil.example/commands/T1/2/abc',
    'https://evil.example/hooks.slack.com/commands',
    'https://user:pw@hooks.slack.com/commands/T1/2/abc',
    'https://hooks.slack.com:8443/commands/T1/2/abc',
    'https://slack.com/api/chat.postMessage',
    'https://169.254.169.254/latest/meta-data/',
    'http://127.0.0.1:5432/',
    'file:///etc/passwd',
    'not a url',
    '',
  ])('not Slack: %s', (url) => {
    expect(isAllowedResponseUrl(url, SLACK)).toBe(false);
  });

  it('a local Slack stand-in: its own origin only, and only when SLACK_API_URL is on loopback', () => {
    expect(isAllowedResponseUrl('http://127.0.0.1:4000/response/abc', 'http://127.0.0.1:4000/api/')).toBe(true);
    expect(isAllowedResponseUrl('http://127.0.0.1:4001/response/abc', 'http://127.0.0.1:4000/api/')).toBe(false);
    expect(isAllowedResponseUrl('http://10.0.0.5:4000/response/abc', 'http://10.0.0.5:4000/api/')).toBe(false);
    expect(isAllowedResponseUrl('http://127.0.0.1:4000/response/abc', SLACK)).toBe(false);
  });
});

describe('posting to a response_url', () => {
  let server: Server;
  let base: string;
  const received: string[] = [];
  beforeAll(async () => {
    server = createServer((req, res) => {
      received.push(req.url ?? '');
      if (req.url === '/hang') return; // never answers
      res.writeHead(req.url === '/gone' ? 404 : 200).end('ok');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  });

  it('posts the message to an allowed URL and fails on a non-2xx answer', async () => {
    await postToResponseUrl(`${base}/ok`, { text: 'hi' }, { apiUrl: `${base}/api/` });
    await expect(postToResponseUrl(`${base}/gone`, { text: 'hi' }, { apiUrl: `${base}/api/` })).rejects.toThrow(/HTTP 404/);
  });

  it('gives up after the timeout', async () => {
    const started = Date.now();
    await expect(postToResponseUrl(`${base}/hang`, { text: 'hi' }, { apiUrl: `${base}/api/`, timeoutMs: 200 })).rejects.toThrow();
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('never sends anything to another host', async () => {
    const before = received.length;
    await expect(postToResponseUrl(`${base}/ok`, { text: 'hi' }, { apiUrl: SLACK })).rejects.toThrow(/not a Slack response_url host/);
    expect(received.length).toBe(before);
  });
});
