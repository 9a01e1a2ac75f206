import { DateTime } from 'luxon';
import { expect, it } from 'vitest';
import type { Clock } from '../../src/domain/clock.js';
import { MEMBERSHIP_MAX_AGE_MS } from '../../src/slack/channel-membership.js';
import { ACTIONS, TIMELINE_ENTRY_VIEW } from '../../src/slack/ids.js';
import { declareForAssessment } from '../support/assess.js';
import { useTestBot } from '../support/bot-harness.js';
import type { CardRow } from '../support/card.js';
import { describeOnOneDatabase } from '../support/databases.js';
import { buttonPayload, sendPayload } from '../support/forged.js';

/*
 * The access guard's view of who is in a breach channel (src/slack/channel-membership.ts), through
 * real signed button presses: one conversations.members read (Tier 4, about 100 a minute) serves a
 * member's presses for a while, and nobody gets in or stays in on a stale answer that Slack has
 * told us is wrong: a leave (member_left_channel) takes effect at the next press; a "no" is
 * never reused, so someone just invited is let in at once.
 */
describeOnOneDatabase('channel membership for the access check', ({ freshDatabase }) => {
  // A clock the test moves: the age of a remembered answer is measured on it.
  let offsetMs = 0;
  const clock: Clock = { now: () => DateTime.utc().plus({ milliseconds: offsetMs }) };
  const t = useTestBot(freshDatabase, { slack: { rateLimits: 'off' }, clock });

  const membersReads = (channel: string, from: number) =>
    t.slack.calls.slice(from).filter((c) => c.method === 'conversations.members' && c.args['channel'] === channel).length;

  /** Presses "Add timeline entry" on the card; true when the form opened, false when refused. */
  async function press(breach: CardRow, user: string): Promise<boolean> {
    const views = new Set(t.slack.openViews(user).map((v) => v.id));
    const told = t.slack.ephemerals({ user }).length;
    const ack = await sendPayload(t, buttonPayload(t, user, { channel: breach.channel_id, ts: breach.card_ts }, ACTIONS.addTimelineEntry, breach.id));
    expect(ack.status).toBe(200);
    const outcome = await t.slack.waitFor(() =>
      t.slack.openViews(user).some((v) => v.callback_id === TIMELINE_ENTRY_VIEW && !views.has(v.id))
        ? 'opened'
        : t.slack.ephemerals({ user })[told]?.text,
    );
    if (outcome === 'opened') return true;
    expect(outcome).toMatch(/^Only .* can add to this breach's timeline/);
    return false;
  }

  it('one Slack read serves a member pressing again and again; concurrent presses share it', async () => {
    const breach = (await declareForAssessment(t, 'Payroll export mailed to a supplier')) as unknown as CardRow;
    const from = t.slack.calls.length;
    expect(await press(breach, t.users.responder)).toBe(true);
    for (let i = 0; i < 5; i += 1) expect(await press(breach, t.users.responder)).toBe(true);
    expect(membersReads(breach.channel_id, from)).toBe(1);

    // Past the age bound Slack is asked again, once for several presses at the same moment.
    offsetMs += MEMBERSHIP_MAX_AGE_MS + 1_000;
    const again = t.slack.calls.length;
    t.slack.faults.failNext('conversations.members', { latencyMs: 300 });
    expect(await Promise.all([0, 1, 2].map(() => press(breach, t.users.responder)))).toEqual([true, true, true]);
    expect(membersReads(breach.channel_id, again)).toBe(1);
  });

  it('someone removed from the channel is refused at their next press once Slack says they left', async () => {
    const breach = (await declareForAssessment(t, 'Laptop with HR files stolen from a car')) as unknown as CardRow;
    expect(await press(breach, t.users.responder)).toBe(true);
    t.slack.removeMembers(breach.channel_id, [t.users.responder]);
    const left = await t.driver.event({ type: 'member_left_channel', user: t.users.responder, channel: breach.channel_id, channel_type: 'G', team: t.slack.teamId });
    expect(left.acked).toBe(true);
    expect(await press(breach, t.users.responder)).toBe(false);
    // The others in the channel carry on.
    expect(await press(breach, t.users.reporter)).toBe(true);
  });

  it('without that event (lost, or sent to another replica), a removal holds from the age bound on', async () => {
    const breach = (await declareForAssessment(t, 'Shared drive link posted in a public channel')) as unknown as CardRow;
    expect(await press(breach, t.users.responder)).toBe(true);
    t.slack.removeMembers(breach.channel_id, [t.users.responder]);
    offsetMs += MEMBERSHIP_MAX_AGE_MS;
    expect(await press(breach, t.users.responder)).toBe(false);
  });

  it('a "no" is not reused: someone invited after a refusal is let in at their next press', async () => {
    const breach = (await declareForAssessment(t, 'Customer list on an unlocked USB stick')) as unknown as CardRow;
    expect(await press(breach, t.users.responder)).toBe(true);
    expect(await press(breach, t.users.outsider)).toBe(false);
    t.slack.addMembers(breach.channel_id, [t.users.outsider]);
    expect(await press(breach, t.users.outsider)).toBe(true);
  });

  it('a leave while a read is under way: that read is neither kept nor joined by later presses', async () => {
    const breach = (await declareForAssessment(t, 'Misaddressed pension statements')) as unknown as CardRow;
    offsetMs += MEMBERSHIP_MAX_AGE_MS + 1_000;
    // Slack takes a while to answer the read this press starts; the responder leaves meanwhile.
    t.slack.faults.failNext('conversations.members', { answerDelayMs: 800 });
    const pressing = press(breach, t.users.responder);
    // Slack has taken the read (the fault is used): its answer, held back, lists the responder.
    await t.slack.waitFor(() => t.slack.faults.pending.length === 0);
    t.slack.removeMembers(breach.channel_id, [t.users.responder]);
    await t.driver.event({ type: 'member_left_channel', user: t.users.responder, channel: breach.channel_id, channel_type: 'G', team: t.slack.teamId });
    // A press now, while that read is still waiting for Slack's answer, asks Slack afresh.
    expect(await press(breach, t.users.responder)).toBe(false);
    // The first press is refused too: Slack's answer to it came after the leave.
    expect(await pressing).toBe(false);
    expect(await press(breach, t.users.responder)).toBe(false);
  });

  it('just after a leave, a read that still lists the person is not taken for a few seconds', async () => {
    const breach = (await declareForAssessment(t, 'Supplier VPN account shared')) as unknown as CardRow;
    expect(await press(breach, t.users.responder)).toBe(true);
    // Slack has sent the leave, but conversations.members does not show it yet.
    await t.driver.event({ type: 'member_left_channel', user: t.users.responder, channel: breach.channel_id, channel_type: 'G', team: t.slack.teamId });
    expect(await press(breach, t.users.responder)).toBe(false);
    // Seconds later Slack's list is taken as it is (here: they were invited back).
    offsetMs += 6_000;
    expect(await press(breach, t.users.responder)).toBe(true);
  });
});
