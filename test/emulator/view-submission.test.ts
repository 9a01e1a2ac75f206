/**
 * Rule 7 (slack-rules.md §1.3, §2.1, §2.3): the driver builds the full view_submission payload
 * and applies the bot's ack: only errors / update / push / clear or an empty body, and errors
 * only for input block_ids.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DriverError, SlackEmulator, type Driver } from './index.js';
import { startBolt, type BoltHandle } from './test-helpers.js';

const declareView = (callbackId: string) => ({
  type: 'modal' as const,
  callback_id: callbackId,
  private_metadata: JSON.stringify({ breach: 42 }),
  notify_on_close: true,
  title: { type: 'plain_text' as const, text: 'Declare a breach' },
  submit: { type: 'plain_text' as const, text: 'Declare' },
  blocks: [
    { type: 'section', block_id: 'intro', text: { type: 'mrkdwn', text: 'Tell us what happened.' } },
    {
      type: 'input',
      block_id: 'title_block',
      label: { type: 'plain_text', text: 'Short title' },
      element: { type: 'plain_text_input', action_id: 'title', max_length: 80 },
    },
    {
      type: 'input',
      block_id: 'aware_block',
      label: { type: 'plain_text', text: 'When we became aware' },
      element: { type: 'datetimepicker', action_id: 'aware', initial_date_time: 1768467600 },
    },
    {
      type: 'input',
      block_id: 'role_block',
      label: { type: 'plain_text', text: 'Our role' },
      element: {
        type: 'static_select',
        action_id: 'role',
        options: [
          { text: { type: 'plain_text', text: 'Controller' }, value: 'controller' },
          { text: { type: 'plain_text', text: 'Processor' }, value: 'processor' },
        ],
      },
    },
    {
      type: 'input',
      optional: true,
      block_id: 'responders_block',
      label: { type: 'plain_text', text: 'Responders' },
      element: { type: 'multi_users_select', action_id: 'responders' },
    },
    {
      type: 'input',
      optional: true,
      block_id: 'ongoing_block',
      label: { type: 'plain_text', text: 'Ongoing?' },
      element: {
        type: 'radio_buttons',
        action_id: 'ongoing',
        options: [
          { text: { type: 'plain_text', text: 'Yes' }, value: 'yes' },
          { text: { type: 'plain_text', text: 'No' }, value: 'no' },
        ],
      },
    },
  ],
});

const step2 = {
  type: 'modal' as const,
  callback_id: 'step2',
  title: { type: 'plain_text' as const, text: 'Step 2' },
  submit: { type: 'plain_text' as const, text: 'Next' },
  blocks: [
    {
      type: 'input',
      block_id: 'count_block',
      label: { type: 'plain_text', text: 'People affected' },
      element: { type: 'number_input', action_id: 'count', is_decimal_allowed: false },
    },
  ],
};

describe('view_submission through a real Bolt app', () => {
  let slack: SlackEmulator;
  let bolt: BoltHandle;
  let driver: Driver;
  let alice: string;
  let bob: string;
  const received: Array<Record<string, unknown>> = [];

  beforeAll(async () => {
    slack = await SlackEmulator.start({ rateLimits: 'off' });
    alice = slack.addUser({ name: 'alice' }).id;
    bob = slack.addUser({ name: 'bob' }).id;
    bolt = await startBolt(slack, (app) => {
      app.command('/breach', async ({ ack, body, client }) => {
        await ack();
        await client.views.open({ trigger_id: body.trigger_id, view: declareView(body.text || 'declare') as never });
      });
      const record = (body: unknown) => void received.push(body as Record<string, unknown>);
      app.view('declare', async ({ ack, body }) => {
        record(body);
        await ack();
      });
      app.view('errors', async ({ ack, body }) => {
        record(body);
        await ack({ response_action: 'errors', errors: { title_block: 'No personal data in the title, please.' } });
      });
      app.view('errors_on_section', async ({ ack }) => {
        await ack({ response_action: 'errors', errors: { intro: 'this is a section' } });
      });
      app.view('bad_action', async ({ ack }) => {
        await ack({ response_action: 'close' } as never);
      });
      app.view('update', async ({ ack }) => {
        await ack({ response_action: 'update', view: step2 as never });
      });
      app.view('push', async ({ ack }) => {
        await ack({ response_action: 'push', view: step2 as never });
      });
      app.view('step2', async ({ ack }) => {
        await ack({ response_action: 'push', view: step2 as never });
      });
      app.view('clear', async ({ ack }) => {
        await ack({ response_action: 'clear' });
      });
      app.view({ callback_id: 'declare', type: 'view_closed' }, async ({ ack, body }) => {
        record(body);
        await ack();
      });
    });
    driver = slack.driver(bolt.url);
  });
  afterAll(async () => {
    await bolt.stop();
    await slack.close();
  });

  async function openDeclare(callbackId: string) {
    await driver.slashCommand({ user: alice, text: callbackId });
    const [view] = await slack.waitFor(() => {
      const views = slack.openViews(alice);
      return views.length > 0 && views[0]?.callback_id === callbackId ? views : undefined;
    });
    return view as NonNullable<typeof view>;
  }

  const filled = {
    title_block: { title: 'Laptop stolen' },
    role_block: { role: { selected_option: { value: 'controller' } } },
  };

  test('payload carries callback_id, private_metadata, hash and state for every stateful element (null when empty)', async () => {
    received.length = 0;
    const view = await openDeclare('declare');
    const res = await driver.submitView({ user: alice, viewId: view.id, values: filled });
    expect(res.responseAction).toBe('close');
    expect(slack.openViews(alice)).toEqual([]);
    const body = received[0] as { view: Record<string, unknown>; trigger_id: string };
    expect(body.view['callback_id']).toBe('declare');
    expect(body.view['private_metadata']).toBe('{"breach":42}');
    expect(body.view['hash']).toBe(view.hash);
    expect(body.trigger_id).toBe(res.triggerId);
    expect((body.view['state'] as { values: unknown }).values).toEqual({
      title_block: { title: { type: 'plain_text_input', value: 'Laptop stolen' } },
      aware_block: { aware: { type: 'datetimepicker', selected_date_time: 1768467600 } },
      role_block: {
        role: { type: 'static_select', selected_option: { text: { type: 'plain_text', text: 'Controller' }, value: 'controller' } },
      },
      responders_block: { responders: { type: 'multi_users_select', selected_users: [] } },
      ongoing_block: { ongoing: { type: 'radio_buttons', selected_option: null } },
    });
  });

  test('errors: the modal stays open and the messages sit under the input blocks', async () => {
    const view = await openDeclare('errors');
    const res = await driver.submitView({ user: alice, viewId: view.id, values: filled });
    expect(res.responseAction).toBe('errors');
    expect(res.errors).toEqual({ title_block: 'No personal data in the title, please.' });
    expect(slack.openViews(alice).map((v) => v.id)).toEqual([view.id]);
    expect(slack.view(view.id)?.errors).toEqual(res.errors);
  });

  test('errors keyed by a non-input block_id are rejected', async () => {
    slack.clearViolations();
    const view = await openDeclare('errors_on_section');
    await expect(driver.submitView({ user: alice, viewId: view.id, values: filled })).rejects.toThrow(/not the block_id of an input block/);
    expect(slack.violations.map((v) => v.kind)).toEqual(['invalid_response_action']);
  });

  test('an unknown response_action is rejected', async () => {
    const view = await openDeclare('bad_action');
    await expect(driver.submitView({ user: alice, viewId: view.id, values: filled })).rejects.toBeInstanceOf(DriverError);
  });

  test('update replaces the view in place (same id, new hash)', async () => {
    const view = await openDeclare('update');
    const hashBefore = view.hash; // state objects are live: keep the old value
    const res = await driver.submitView({ user: alice, viewId: view.id, values: filled });
    expect(res.responseAction).toBe('update');
    expect(res.view?.id).toBe(view.id);
    expect(res.view?.callback_id).toBe('step2');
    expect(res.view?.hash).not.toBe(hashBefore);
  });

  test('push stacks views, never deeper than 3; clear closes them all', async () => {
    const view = await openDeclare('push');
    const pushed = await driver.submitView({ user: alice, viewId: view.id, values: filled });
    expect(pushed.responseAction).toBe('push');
    const second = pushed.view?.id as string;
    const third = await driver.submitView({ user: alice, viewId: second, values: { count_block: { count: '1200' } } });
    expect(slack.openViews(alice)).toHaveLength(3);
    await expect(
      driver.submitView({ user: alice, viewId: third.view?.id as string, values: { count_block: { count: '3' } } }),
    ).rejects.toThrow(/push_limit_reached/);
    // the user can still go back: clear from a fresh modal
    const clearView = await openDeclare('clear');
    const cleared = await driver.submitView({ user: alice, viewId: clearView.id, values: filled });
    expect(cleared.responseAction).toBe('clear');
    expect(slack.openViews(alice)).toEqual([]);
  });

  test('the driver refuses what the Slack client refuses: empty required input, unknown option, bad number', async () => {
    const view = await openDeclare('declare');
    await expect(driver.submitView({ user: alice, viewId: view.id, values: { title_block: { title: 'x' } } })).rejects.toThrow(
      /required input "role_block" is empty/,
    );
    await expect(
      driver.submitView({ user: alice, viewId: view.id, values: { ...filled, role_block: { role: 'joint' } } }),
    ).rejects.toThrow(/not one of the element's options/);
    await expect(
      driver.submitView({ user: alice, viewId: view.id, values: { ...filled, nope_block: { x: 'y' } } }),
    ).rejects.toThrow(/no stateful element/);
    await expect(driver.submitView({ user: bob, viewId: view.id, values: filled })).rejects.toThrow(/not open for/);
  });

  test('closing a notify_on_close modal sends view_closed', async () => {
    received.length = 0;
    const view = await openDeclare('declare');
    const r = await driver.closeView({ user: alice, viewId: view.id });
    expect(r?.status).toBe(200);
    expect(received[0]?.['type']).toBe('view_closed');
    expect(received[0]?.['is_cleared']).toBe(false);
  });
});
