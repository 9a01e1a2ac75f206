/** Rule 4 (slack-rules.md §1.5): a trigger_id works once, for 3 seconds. */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { manualClock, SlackEmulator } from './index.js';
import { modal, slackError, startBolt, webClient, type BoltHandle } from './test-helpers.js';

describe('trigger_id rules (views.open / views.push)', () => {
  const clock = manualClock();
  let slack: SlackEmulator;
  let alice: string;

  beforeAll(async () => {
    slack = await SlackEmulator.start({ clock });
    alice = slack.addUser({ name: 'alice' }).id;
  });
  afterAll(() => slack.close());

  test('a fresh trigger opens a modal for the user it belongs to', async () => {
    const res = await webClient(slack).views.open({ trigger_id: slack.issueTrigger(alice), view: modal() as never });
    expect(res.view?.id).toMatch(/^V/);
    expect(slack.openViews(alice).map((v) => v.id)).toEqual([res.view?.id]);
  });

  test('second use of the same trigger → exchanged_trigger_id', async () => {
    const client = webClient(slack);
    const trigger = slack.issueTrigger(alice);
    await client.views.open({ trigger_id: trigger, view: modal() as never });
    await slackError(client.views.open({ trigger_id: trigger, view: modal() as never }), 'exchanged_trigger_id');
  });

  test('a trigger older than 3 s → expired_trigger_id (exactly 3 s is still fine)', async () => {
    const client = webClient(slack);
    const t1 = slack.issueTrigger(alice);
    const t2 = slack.issueTrigger(alice);
    clock.advance(3000);
    await client.views.open({ trigger_id: t1, view: modal() as never });
    clock.advance(1);
    await slackError(client.views.open({ trigger_id: t2, view: modal() as never }), 'expired_trigger_id');
  });

  test('garbled or unknown trigger → invalid_trigger_id; none → invalid_arguments', async () => {
    const client = webClient(slack);
    await slackError(client.views.open({ trigger_id: 'not-a-trigger', view: modal() as never }), 'invalid_trigger_id');
    await slackError(client.views.open({ trigger_id: '132456.7890123.abcdef', view: modal() as never }), 'invalid_trigger_id');
    const data = await slackError(client.views.open({ trigger_id: '', view: modal() as never }), 'invalid_arguments');
    expect(JSON.stringify(data['response_metadata'])).toContain('trigger_id');
  });

  test('a failed open (invalid view) does not use up the trigger', async () => {
    const client = webClient(slack);
    const trigger = slack.issueTrigger(alice);
    await slackError(client.views.open({ trigger_id: trigger, view: { type: 'modal' } as never }), 'invalid_arguments');
    await client.views.open({ trigger_id: trigger, view: modal() as never });
  });

  test('views.push needs its own fresh trigger too', async () => {
    const client = webClient(slack);
    const opened = await client.views.open({ trigger_id: slack.issueTrigger(alice), view: modal() as never });
    const t = slack.issueTrigger(alice, { viewId: opened.view?.id as string });
    await client.views.push({ trigger_id: t, view: modal() as never });
    await slackError(client.views.push({ trigger_id: t, view: modal() as never }), 'exchanged_trigger_id');
  });
});

describe('triggers minted by the driver, used by a real Bolt app', () => {
  let slack: SlackEmulator;
  let bolt: BoltHandle;
  let alice: string;
  const outcomes: string[] = [];

  beforeAll(async () => {
    slack = await SlackEmulator.start();
    alice = slack.addUser({ name: 'alice' }).id;
    bolt = await startBolt(slack, (app) =>
      app.command('/breach', async ({ ack, body, client }) => {
        await ack();
        await client.views.open({ trigger_id: body.trigger_id, view: modal() as never });
        // Reusing the command's trigger a second time is what Slack refuses.
        await client.views
          .open({ trigger_id: body.trigger_id, view: modal() as never })
          .then(() => outcomes.push('ok'))
          .catch((e: { data?: { error?: string } }) => outcomes.push(e.data?.error ?? 'unknown'));
      }),
    );
  });
  afterAll(async () => {
    await bolt.stop();
    await slack.close();
  });

  test('the command’s trigger opens the modal once; the reuse is refused', async () => {
    const r = await slack.driver(bolt.url).slashCommand({ user: alice });
    expect(r.triggerId).toMatch(/^\d+\.\d+\.[0-9a-f]+$/);
    await slack.waitFor(() => outcomes.length === 1);
    expect(outcomes).toEqual(['exchanged_trigger_id']);
    expect(slack.openViews(alice)).toHaveLength(1);
  });
});
