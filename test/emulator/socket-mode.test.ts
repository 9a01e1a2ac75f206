/** Socket Mode's server side (slack-rules.md §7): tokens, one-time URLs, hello, envelopes and acks. */
import { describe, expect, test } from 'vitest';
import { WebSocket } from 'ws';
import { SlackEmulator } from './index.js';

const post = (slack: SlackEmulator, method: string, token: string) =>
  fetch(`${slack.apiUrl}${method}`, { method: 'POST', headers: { authorization: `Bearer ${token}` } }).then((r) => r.json() as Promise<Record<string, unknown>>);

function connect(url: string): Promise<{ ws: WebSocket; messages: Array<Record<string, unknown>> }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    const messages: Array<Record<string, unknown>> = [];
    ws.on('message', (d) => messages.push(JSON.parse(d.toString()) as Record<string, unknown>));
    ws.once('open', () => resolve({ ws, messages }));
    ws.once('error', reject);
  });
}

describe('Socket Mode', () => {
  test('apps.connections.open takes the app-level token only; the bot token is the wrong type, and vice versa', async () => {
    const slack = await SlackEmulator.start();
    try {
      expect(await post(slack, 'apps.connections.open', slack.botToken)).toEqual({ ok: false, error: 'not_allowed_token_type' });
      expect(await post(slack, 'apps.connections.open', 'xapp-1-unknown')).toEqual({ ok: false, error: 'invalid_auth' });
      expect(await post(slack, 'auth.test', slack.appToken)).toEqual({ ok: false, error: 'not_allowed_token_type' });
      const open = await post(slack, 'apps.connections.open', slack.appToken);
      expect(open['ok']).toBe(true);
      expect(String(open['url'])).toMatch(/^ws:\/\/127\.0\.0\.1:\d+\/link\/\?ticket=/);
    } finally {
      await slack.close();
    }
  });

  test('a URL connects once and says hello; an envelope is answered by its ack payload', async () => {
    const slack = await SlackEmulator.start();
    try {
      const url = String((await post(slack, 'apps.connections.open', slack.appToken))['url']);
      const { ws, messages } = await connect(url);
      await slack.waitFor(() => messages.length > 0);
      expect(messages[0]).toMatchObject({ type: 'hello', connection_info: { app_id: expect.stringMatching(/^A/) } });
      await expect(connect(url)).rejects.toThrow(/401/);

      ws.on('message', (d) => {
        const m = JSON.parse(d.toString()) as { envelope_id?: string; type: string; payload: { command?: string } };
        if (m.envelope_id) ws.send(JSON.stringify({ envelope_id: m.envelope_id, payload: { text: `got ${m.payload.command}` } }));
      });
      const acked = await slack.socketMode.deliver('slash_commands', { command: '/breach', text: '' }, { timeoutMs: 2_000 });
      expect(acked.payload).toEqual({ text: 'got /breach' });
      const envelope = messages.find((m) => m['type'] === 'slash_commands')!;
      expect(envelope).toMatchObject({ accepts_response_payload: true, payload: { command: '/breach' } });
      expect(String(envelope['envelope_id'])).not.toBe('');
      ws.close();
    } finally {
      await slack.close();
    }
  });

  test('an envelope nobody acks times out; a disconnect message names its reason', async () => {
    const slack = await SlackEmulator.start();
    try {
      const { ws, messages } = await connect(String((await post(slack, 'apps.connections.open', slack.appToken))['url']));
      await expect(slack.socketMode.deliver('events_api', { type: 'event_callback' }, { timeoutMs: 300 })).rejects.toThrow('request timeout');
      slack.socketMode.disconnect('refresh_requested');
      await slack.waitFor(() => messages.find((m) => m['type'] === 'disconnect'));
      expect(messages.find((m) => m['type'] === 'disconnect')).toMatchObject({ reason: 'refresh_requested' });
      ws.close();
    } finally {
      await slack.close();
    }
  });
});
