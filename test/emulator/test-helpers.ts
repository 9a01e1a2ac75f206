/** Shared setup for the emulator's own tests: a real WebClient and a tiny real Bolt app. */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, LogLevel as BoltLogLevel, type Logger } from '@slack/bolt';
import { WebClient, type WebAPICallResult } from '@slack/web-api';
import { expect } from 'vitest';
import type { SlackEmulator } from './index.js';

/** The bot's client, wired exactly as breachbot wires it, but failing fast (§4.4). */
export function webClient(slack: SlackEmulator, token: string = slack.botToken): WebClient {
  return new WebClient(token, {
    slackApiUrl: slack.apiUrl,
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    // WebClient logs every [ERROR] line Slack returns; these tests provoke them on purpose.
    logger: quietLogger(),
  });
}

/** Await a call that must fail with `ok:false`; returns Slack's error body. */
export async function slackError(call: Promise<WebAPICallResult>, code: string): Promise<Record<string, unknown>> {
  try {
    const res = await call;
    throw new Error(`expected ${code}, got ok: ${JSON.stringify(res).slice(0, 300)}`);
  } catch (err) {
    const data = (err as { data?: Record<string, unknown> }).data;
    if (!data) throw err;
    expect(data['ok']).toBe(false);
    expect(data['error']).toBe(code);
    return data;
  }
}

export interface BoltHandle {
  app: App;
  url: string;
  stop(): Promise<void>;
}

/** A real Bolt app on HTTPReceiver, bound to a free port on 127.0.0.1. */
export async function startBolt(
  slack: SlackEmulator,
  register: (app: App) => void,
  opts: { processBeforeResponse?: boolean } = {},
): Promise<BoltHandle> {
  const app = new App({
    token: slack.botToken,
    signingSecret: slack.signingSecret,
    logger: quietLogger(),
    processBeforeResponse: opts.processBeforeResponse ?? false,
    clientOptions: { slackApiUrl: slack.apiUrl, retryConfig: { retries: 0 } },
  });
  register(app);
  const server = (await app.start({ port: 0, host: '127.0.0.1' })) as Server;
  const { port } = server.address() as AddressInfo;
  return { app, url: `http://127.0.0.1:${port}/slack/events`, stop: () => app.stop().then(() => undefined) };
}

/** Bolt logs listener crashes loudly; several tests crash on purpose. Errors are kept, not printed. */
export function quietLogger(): Logger & { errors: unknown[][] } {
  const errors: unknown[][] = [];
  let level = BoltLogLevel.ERROR;
  return {
    errors,
    debug: () => {},
    info: () => {},
    warn: () => {},
    error: (...msg: unknown[]) => void errors.push(msg),
    setLevel: (l) => void (level = l),
    getLevel: () => level,
    setName: () => {},
  };
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** A minimal modal with one required text input. */
export function modal(extra: Record<string, unknown> = {}, blocks?: unknown[]): Record<string, unknown> {
  return {
    type: 'modal',
    title: { type: 'plain_text', text: 'Declare a breach' },
    submit: { type: 'plain_text', text: 'Declare' },
    blocks: blocks ?? [
      {
        type: 'input',
        block_id: 'title_block',
        label: { type: 'plain_text', text: 'Short title' },
        element: { type: 'plain_text_input', action_id: 'title' },
      },
    ],
    ...extra,
  };
}
