import { expect } from 'vitest';
import type { TestBot } from './bot-harness.js';

/** Opens the user's Home tab as Slack does and returns the published view's blocks as text. */
export async function openHome(t: TestBot, user: string): Promise<string> {
  const published = t.slack.waitForCall('views.publish', (c) => c.args['user_id'] === user);
  const delivery = await t.driver.appHomeOpened({ user });
  expect(delivery.acked).toBe(true);
  const call = await published;
  expect(call.error).toBeUndefined();
  return JSON.stringify(t.slack.homeView(user)!.blocks);
}
