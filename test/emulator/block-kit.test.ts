/** Rule 8 (slack-rules.md §3): Block Kit limits, checked on the real wire format. */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { SlackEmulator, validateBlocks } from './index.js';
import { slackError, webClient } from './test-helpers.js';

const pt = (text: string) => ({ type: 'plain_text', text });
const md = (text: string) => ({ type: 'mrkdwn', text });
const section = (text = 'hello') => ({ type: 'section', text: md(text) });
const option = (value: string, text = value) => ({ text: pt(text), value });
const button = (i: number, extra: Record<string, unknown> = {}) => ({
  type: 'button',
  action_id: `b${i}`,
  text: pt('Go'),
  ...extra,
});

describe('Block Kit validation on chat.postMessage', () => {
  let slack: SlackEmulator;
  let channel: string;
  const post = (blocks: unknown[]) => webClient(slack).chat.postMessage({ channel, text: 'fallback', blocks: blocks as never });

  beforeAll(async () => {
    slack = await SlackEmulator.start({ rateLimits: 'off' });
    channel = slack.addChannel({ name: 'blocks', botIsMember: true }).id;
  });
  afterAll(() => slack.close());

  test('51 blocks → invalid_blocks with Slack’s error shape; 50 are fine', async () => {
    const data = await slackError(post(Array.from({ length: 51 }, () => section())), 'invalid_blocks');
    expect(data['errors']).toEqual(['no more than 50 items allowed [json-pointer:/blocks]']);
    expect(data['response_metadata']).toMatchObject({ messages: ['[ERROR] no more than 50 items allowed [json-pointer:/blocks]'] });
    await post(Array.from({ length: 50 }, () => section()));
  });

  test('header of 151 chars → invalid_blocks at /blocks/0/text/text; 150 is fine', async () => {
    const data = await slackError(post([{ type: 'header', text: pt('h'.repeat(151)) }]), 'invalid_blocks');
    expect(data['errors']).toEqual(['must be less than 151 characters [json-pointer:/blocks/0/text/text]']);
    await post([{ type: 'header', text: pt('h'.repeat(150)) }]);
  });

  const rejected: Array<[string, unknown[], string]> = [
    ['header in mrkdwn', [{ type: 'header', text: md('x') }], '/blocks/0/text/type'],
    ['section text of 3001', [section('x'.repeat(3001))], '/blocks/0/text/text'],
    ['empty text', [section('')], '/blocks/0/text/text'],
    ['section without text or fields', [{ type: 'section' }], '/blocks/0'],
    ['11 fields', [{ type: 'section', fields: Array.from({ length: 11 }, () => md('f')) }], '/blocks/0/fields'],
    ['field of 2001', [{ type: 'section', fields: [md('f'.repeat(2001))] }], '/blocks/0/fields/0/text'],
    ['11 context elements', [{ type: 'context', elements: Array.from({ length: 11 }, () => md('c')) }], '/blocks/0/elements'],
    ['26 action elements', [{ type: 'actions', elements: Array.from({ length: 26 }, (_, i) => button(i)) }], '/blocks/0/elements'],
    ['button text 76', [{ type: 'actions', elements: [button(1, { text: pt('b'.repeat(76)) })] }], '/blocks/0/elements/0/text/text'],
    ['button value 2001', [{ type: 'actions', elements: [button(1, { value: 'v'.repeat(2001) })] }], '/blocks/0/elements/0/value'],
    ['button url 3001', [{ type: 'actions', elements: [button(1, { url: `https://x/${'u'.repeat(2992)}` })] }], '/blocks/0/elements/0/url'],
    ['duplicate block_id', [{ ...section(), block_id: 'card' }, { ...section(), block_id: 'card' }], '/blocks/1/block_id'],
    ['block_id 256', [{ ...section(), block_id: 'i'.repeat(256) }], '/blocks/0/block_id'],
    ['duplicate action_id in a block', [{ type: 'actions', elements: [button(1), button(1)] }], '/blocks/0/elements/1/action_id'],
    [
      '101 select options',
      [{ type: 'section', text: md('pick'), accessory: { type: 'static_select', action_id: 's', options: Array.from({ length: 101 }, (_, i) => option(`o${i}`)) } }],
      '/blocks/0/accessory/options',
    ],
    [
      'option text 76',
      [{ type: 'section', text: md('pick'), accessory: { type: 'static_select', action_id: 's', options: [option('v', 't'.repeat(76))] } }],
      '/blocks/0/accessory/options/0/text/text',
    ],
    [
      'option value 151',
      [{ type: 'section', text: md('pick'), accessory: { type: 'static_select', action_id: 's', options: [option('v'.repeat(151), 't')] } }],
      '/blocks/0/accessory/options/0/value',
    ],
    [
      '11 checkboxes',
      [{ type: 'actions', elements: [{ type: 'checkboxes', action_id: 'c', options: Array.from({ length: 11 }, (_, i) => option(`o${i}`)) }] }],
      '/blocks/0/elements/0/options',
    ],
    [
      '6 overflow options',
      [{ type: 'section', text: md('more'), accessory: { type: 'overflow', action_id: 'o', options: Array.from({ length: 6 }, (_, i) => option(`o${i}`)) } }],
      '/blocks/0/accessory/options',
    ],
    [
      'placeholder 151',
      [{ type: 'actions', elements: [{ type: 'users_select', action_id: 'u', placeholder: pt('p'.repeat(151)) }] }],
      '/blocks/0/elements/0/placeholder/text',
    ],
    [
      'initial_option not among options',
      [{ type: 'actions', elements: [{ type: 'static_select', action_id: 's', options: [option('a')], initial_option: option('b') }] }],
      '/blocks/0/elements/0/initial_option',
    ],
    ['emoji on mrkdwn', [{ type: 'section', text: { type: 'mrkdwn', text: 'x', emoji: true } }], '/blocks/0/text/emoji'],
    ['input block in a message', [{ type: 'input', label: pt('l'), element: { type: 'plain_text_input', action_id: 'a' } }], '/blocks/0/type'],
    ['unknown block type', [{ type: 'carousel_of_doom' }], '/blocks/0/type'],
    ['unknown element type', [{ type: 'actions', elements: [{ type: 'slider', action_id: 's' }] }], '/blocks/0/elements/0/type'],
    ['unknown property', [{ ...section(), colour: 'red' }], '/blocks/0/colour'],
    [
      'markdown blocks over 12,000 in total',
      [{ type: 'markdown', text: 'm'.repeat(7000) }, { type: 'markdown', text: 'm'.repeat(5001) }],
      '/blocks/1/text',
    ],
    ['image without alt_text', [{ type: 'image', image_url: 'https://example.com/a.png' }], '/blocks/0/alt_text'],
  ];

  test.each(rejected)('%s → invalid_blocks at %s', async (_name, blocks, pointer) => {
    const data = await slackError(post(blocks), 'invalid_blocks');
    expect((data['errors'] as string[]).some((e) => e.endsWith(`[json-pointer:${pointer}]`))).toBe(true);
  });

  test('blocks that are not JSON → invalid_blocks_format', async () => {
    await slackError(webClient(slack).chat.postMessage({ channel, blocks: '[{' as never }), 'invalid_blocks_format');
  });

  test('a rich card within every limit is accepted and stored with generated ids', async () => {
    const card = [
      { type: 'header', text: pt('BR-2026-0042 · Laptop stolen') },
      { type: 'section', fields: Array.from({ length: 10 }, (_, i) => md(`*F${i}*\n${'x'.repeat(100)}`)) },
      { type: 'context', elements: [md('Deadline <!date^1768640400^{date_short_pretty} at {time}|2026-01-17 09:00 UTC>')] },
      { type: 'divider' },
      { type: 'actions', elements: Array.from({ length: 5 }, (_, i) => button(i, { value: `breach:42:${i}` })) },
      { type: 'rich_text', elements: [{ type: 'rich_text_section', elements: [{ type: 'text', text: 'hi' }] }] },
      { type: 'markdown', text: '**bold**' },
      { type: 'image', image_url: 'https://example.com/a.png', alt_text: 'chart' },
    ];
    const res = await post(card);
    const stored = slack.messages(channel).find((m) => m.ts === res.ts);
    expect(stored?.blocks).toHaveLength(8);
    const ids = stored?.blocks?.map((b) => b['block_id']);
    expect(new Set(ids).size).toBe(8);
    // Slack invents ids the app did not set, differently on each post.
    const again = await post(card);
    const ids2 = slack.messages(channel).find((m) => m.ts === again.ts)?.blocks?.map((b) => b['block_id']);
    expect(ids2).not.toEqual(ids);
  });
});

describe('validateBlocks for views (pure function)', () => {
  test('views allow 100 blocks and input blocks; number_input needs is_decimal_allowed', () => {
    const inputs = [
      { type: 'input', block_id: 'n', label: pt('n'), element: { type: 'number_input', action_id: 'n' } },
      { type: 'input', block_id: 'p', label: pt('p'), element: { type: 'plain_text_input', action_id: 'p', max_length: 3001 } },
      { type: 'input', block_id: 'l', label: pt('l'.repeat(2001)), element: { type: 'plain_text_input', action_id: 'l' } },
    ];
    const res = validateBlocks(inputs, 'modal', '/view/blocks');
    expect(res.errors).toEqual([
      'missing required field: is_decimal_allowed [json-pointer:/view/blocks/0/element/is_decimal_allowed]',
      'must be at most 3000 [json-pointer:/view/blocks/1/element/max_length]',
      'must be less than 2001 characters [json-pointer:/view/blocks/2/label/text]',
    ]);
    expect(validateBlocks(Array.from({ length: 100 }, () => section()), 'modal').errors).toEqual([]);
    expect(validateBlocks(Array.from({ length: 101 }, () => section()), 'modal').errors).toHaveLength(1);
  });
});
