/** Rule 12 (slack-rules.md §4.2 "Threads"): thread_ts is the parent's exact string ts. */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { SlackEmulator } from './index.js';
import { slackError, webClient } from './test-helpers.js';

describe('threads', () => {
  let slack: SlackEmulator;
  let channel: string;
  let other: string;
  let parentTs: string;
  let replyTs: string;

  beforeAll(async () => {
    slack = await SlackEmulator.start({ rateLimits: 'off' });
    channel = slack.addChannel({ name: 'breach-2026-0042', isPrivate: true, botIsMember: true }).id;
    other = slack.addChannel({ name: 'breach-2026-0043', isPrivate: true, botIsMember: true }).id;
    const client = webClient(slack);
    parentTs = (await client.chat.postMessage({ channel, text: 'Breach card' })).ts as string;
    replyTs = (await client.chat.postMessage({ channel, text: 'Draft notice v1', thread_ts: parentTs })).ts as string;
  });
  afterAll(() => slack.close());

  test('a reply with the parent’s string ts lands in the thread, not in the channel', async () => {
    expect(slack.thread(channel, parentTs).map((m) => m.text)).toEqual(['Breach card', 'Draft notice v1']);
    expect(slack.messages(channel).map((m) => m.text)).toEqual(['Breach card']);
    expect(slack.messages(channel)[0]?.reply_count).toBe(1);
  });

  test('thread_ts of a reply → invalid_thread_ts (stricter than Slack on purpose)', async () => {
    await slackError(webClient(slack).chat.postMessage({ channel, text: 'x', thread_ts: replyTs }), 'invalid_thread_ts');
  });

  test('thread_ts passed as a number loses its trailing zeros → invalid_thread_ts', async () => {
    const asNumber = Number('1700000000.000100');
    await slackError(
      webClient(slack).chat.postMessage({ channel, text: 'x', thread_ts: asNumber as unknown as string }),
      'invalid_thread_ts',
    );
    // A JSON body can carry a real number: refused too.
    const res = await fetch(`${slack.apiUrl}chat.postMessage`, {
      method: 'POST',
      headers: { authorization: `Bearer ${slack.botToken}`, 'content-type': 'application/json; charset=utf-8' },
      body: JSON.stringify({ channel, text: 'x', thread_ts: Number(parentTs) }),
    });
    expect(await res.json()).toMatchObject({ ok: false, error: 'invalid_thread_ts' });
  });

  test('a ts that is no message here (other channel, unknown, deleted parent) → thread_not_found', async () => {
    const client = webClient(slack);
    await slackError(client.chat.postMessage({ channel: other, text: 'x', thread_ts: parentTs }), 'thread_not_found');
    await slackError(client.chat.postMessage({ channel, text: 'x', thread_ts: '1600000000.000100' }), 'thread_not_found');
    const doomed = (await client.chat.postMessage({ channel, text: 'to delete' })).ts as string;
    await client.chat.delete({ channel, ts: doomed });
    await slackError(client.chat.postMessage({ channel, text: 'x', thread_ts: doomed }), 'thread_not_found');
  });

  test('reply_broadcast only with thread_ts; a broadcast reply also shows in the channel', async () => {
    const client = webClient(slack);
    await slackError(client.chat.postMessage({ channel, text: 'x', reply_broadcast: true } as never), 'invalid_arguments');
    await client.chat.postMessage({ channel, text: 'Decision: notify', thread_ts: parentTs, reply_broadcast: true });
    expect(slack.messages(channel).map((m) => m.text)).toContain('Decision: notify');
  });

  test('getPermalink of a reply points into the thread', async () => {
    const res = await webClient(slack).chat.getPermalink({ channel, message_ts: replyTs });
    expect(res.permalink).toBe(
      `https://emulated.slack.com/archives/${channel}/p${replyTs.replace('.', '')}?thread_ts=${parentTs}&cid=${channel}`,
    );
  });
});
