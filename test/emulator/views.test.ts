/**
 * Rules 5, 6 and 8 for views (slack-rules.md §2.1, §2.2, §4.2): stack ≤ 3, submit required with
 * inputs, hash changes on every update and stale hashes conflict, Home tab rules, view limits.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { SlackEmulator } from './index.js';
import { modal, slackError, webClient } from './test-helpers.js';

describe('views', () => {
  let slack: SlackEmulator;
  let alice: string;
  const open = async (view: Record<string, unknown> = modal()) =>
    webClient(slack).views.open({ trigger_id: slack.issueTrigger(alice), view: view as never });

  beforeAll(async () => {
    slack = await SlackEmulator.start({ rateLimits: 'off' });
    alice = slack.addUser({ name: 'alice' }).id;
  });
  afterAll(() => slack.close());

  test('rule 5: the modal stack holds at most 3 views → push_limit_reached', async () => {
    const client = webClient(slack);
    const root = await open();
    const rootId = root.view?.id as string;
    const second = await client.views.push({ trigger_id: slack.issueTrigger(alice, { viewId: rootId }), view: modal() as never });
    expect(second.view?.root_view_id).toBe(rootId);
    expect(second.view?.previous_view_id).toBe(rootId);
    await client.views.push({ trigger_id: slack.issueTrigger(alice, { viewId: second.view?.id as string }), view: modal() as never });
    expect(slack.openViews(alice)).toHaveLength(3);
    await slackError(
      client.views.push({ trigger_id: slack.issueTrigger(alice), view: modal() as never }),
      'push_limit_reached',
    );
  });

  test('rule 5: a modal with an input block needs submit', async () => {
    const { submit: _drop, ...noSubmit } = modal();
    const data = await slackError(open(noSubmit), 'invalid_arguments');
    expect(JSON.stringify(data)).toContain('missing required field: submit [json-pointer:/view/submit]');
    // Without inputs a submit button is optional.
    await open({ ...noSubmit, blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'Read only' } }] });
  });

  test('rule 6: every update changes the hash; a stale hash → hash_conflict', async () => {
    const client = webClient(slack);
    const opened = await open();
    const id = opened.view?.id as string;
    const hash1 = opened.view?.hash as string;
    const updated = await client.views.update({ view_id: id, hash: hash1, view: modal({ private_metadata: 'v2' }) as never });
    const hash2 = updated.view?.hash as string;
    expect(hash2).not.toBe(hash1);
    await slackError(client.views.update({ view_id: id, hash: hash1, view: modal() as never }), 'hash_conflict');
    // Without a hash the update overwrites blindly (and still gets a new hash).
    const blind = await client.views.update({ view_id: id, view: modal() as never });
    expect(blind.view?.hash).not.toBe(hash2);
    expect(slack.view(id)?.updates).toBe(2);
  });

  test('views.update keeps what the user typed when block_id/action_id stay the same', async () => {
    const client = webClient(slack);
    const opened = await open(modal({}, [
      { type: 'input', block_id: 'b', label: { type: 'plain_text', text: 'T' }, element: { type: 'plain_text_input', action_id: 'a', initial_value: 'typed' } },
    ]));
    const res = await client.views.update({ view_id: opened.view?.id as string, view: modal({}, [
      { type: 'input', block_id: 'b', label: { type: 'plain_text', text: 'T2' }, element: { type: 'plain_text_input', action_id: 'a' } },
    ]) as never });
    const state = res.view?.state as { values: Record<string, Record<string, { value?: string }>> } | undefined;
    expect(state?.values['b']?.['a']?.value).toBe('typed');
  });

  test('unknown or closed view → not_found', async () => {
    await slackError(webClient(slack).views.update({ view_id: 'VNOPE', view: modal() as never }), 'not_found');
  });

  test('views.publish: type home, hash rules; a modal type is refused', async () => {
    const client = webClient(slack);
    const home = { type: 'home', blocks: [{ type: 'section', text: { type: 'mrkdwn', text: '*Open breaches*' } }] };
    const first = await client.views.publish({ user_id: alice, view: home as never });
    const again = await client.views.publish({ user_id: alice, view: home as never, hash: first.view?.hash as string });
    expect(again.view?.id).toBe(first.view?.id);
    await slackError(client.views.publish({ user_id: alice, view: home as never, hash: first.view?.hash as string }), 'hash_conflict');
    await slackError(client.views.publish({ user_id: alice, view: modal() as never }), 'invalid_arguments');
    await slackError(client.views.publish({ user_id: 'UNOBODY', view: home as never }), 'user_not_found');
    expect(slack.homeView(alice)?.blocks).toHaveLength(1);
  });

  test('views.publish with the Home tab disabled → not_enabled', async () => {
    const off = await SlackEmulator.start({ homeTabEnabled: false });
    try {
      const u = off.addUser({ name: 'bob' }).id;
      await slackError(webClient(off).views.publish({ user_id: u, view: { type: 'home', blocks: [] } as never }), 'not_enabled');
    } finally {
      await off.close();
    }
  });

  test('rule 8 for views: title 24, private_metadata 3000, 100 blocks, 250 kB', async () => {
    const t25 = await slackError(open(modal({ title: { type: 'plain_text', text: 'x'.repeat(25) } })), 'invalid_arguments');
    expect(JSON.stringify(t25)).toContain('[json-pointer:/view/title/text]');
    await open(modal({ title: { type: 'plain_text', text: 'x'.repeat(24) } }));
    await slackError(open(modal({ submit: { type: 'mrkdwn', text: 'Go' } })), 'invalid_arguments');
    await slackError(open(modal({ close: { type: 'plain_text', text: 'c'.repeat(25) } })), 'invalid_arguments');
    await slackError(open(modal({ private_metadata: 'm'.repeat(3001) })), 'invalid_arguments');
    await open(modal({ private_metadata: 'm'.repeat(3000) }));
    const section = (i: number) => ({ type: 'section', text: { type: 'plain_text', text: `row ${i}` } });
    const d = await slackError(open(modal({}, Array.from({ length: 101 }, (_, i) => section(i)))), 'invalid_arguments');
    expect(JSON.stringify(d)).toContain('no more than 100 items allowed [json-pointer:/view/blocks]');
    await open(modal({}, Array.from({ length: 100 }, (_, i) => section(i))));
    const big = Array.from({ length: 100 }, () => ({ type: 'section', text: { type: 'plain_text', text: 'é'.repeat(2900) } }));
    await slackError(open(modal({}, big)), 'view_too_large');
    await slackError(open(modal({ unexpected: true })), 'invalid_arguments');
  });

  test('duplicate external_id among open views → duplicate_external_id', async () => {
    await open(modal({ external_id: 'breach-42-assess' }));
    await slackError(open(modal({ external_id: 'breach-42-assess' })), 'duplicate_external_id');
  });

  test('views get Slack-generated ids when the app omits block_id / action_id', async () => {
    const res = await open(modal({}, [
      { type: 'input', label: { type: 'plain_text', text: 'T' }, element: { type: 'plain_text_input' } },
    ]));
    const block = res.view?.blocks?.[0] as { block_id?: string; element?: { action_id?: string } };
    expect(block.block_id).toMatch(/^[A-Za-z0-9]{5}$/);
    expect(block.element?.action_id).toMatch(/^[A-Za-z0-9]{5}$/);
  });
});
