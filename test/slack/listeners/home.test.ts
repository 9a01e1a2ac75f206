import { afterAll, beforeAll, expect, it } from 'vitest';
import { openDb, type DbHandle } from '../../../src/db/client.js';
import { declareBreach, updateBreach, type Declaration } from '../../../src/store/breaches.js';
import { HOME_ACTIONS, VIEWS } from '../../../src/slack/ids.js';
import { OPEN_SHOWN } from '../../../src/slack/views/home.js';
import { useTestBot, type TestBot } from '../../support/bot-harness.js';
import { describeOnOneDatabase } from '../../support/databases.js';
import { declareValues, openDeclare, waitForSetup } from '../../support/declare.js';
import { openHome } from '../../support/home.js';

/** A breach stored directly (not through Slack), with a private channel that the given users are in. */
async function storedBreach(t: TestBot, db: DbHandle, n: number, over: { members: string[]; awareAt: Date; title?: string; closedAt?: Date }) {
  const channel = t.slack.addChannel({ name: `home-test-${n}`, isPrivate: true, members: over.members, botIsMember: true });
  const d: Declaration = {
    title: over.title ?? `Stored breach number ${n}`,
    description: 'Stored for the Home tests.',
    codename: null,
    awareAt: over.awareAt,
    startedAt: null,
    discovery: null,
    role: 'controller',
    processorHours: null,
    systems: null,
    ongoing: 'unknown',
    responderIds: [],
    deadlineAt: new Date(over.awareAt.getTime() + 72 * 3_600_000),
  };
  const { breach } = await declareBreach(db.db, d, { reporterId: t.users.reporter, submissionKey: `home-test-${n}`, replyUrl: null, now: new Date() });
  return updateBreach(db.db, breach.id, {
    channelId: channel.id,
    setupCompletedAt: new Date(),
    ...(over.closedAt ? { closedAt: over.closedAt, status: 'closed' } : {}),
  });
}

describeOnOneDatabase('App Home', ({ freshDatabase }) => {
  const t = useTestBot(freshDatabase);
  let db: DbHandle;
  beforeAll(() => {
    db = openDb(t.databaseUrl, { max: 2 });
  });
  afterAll(() => db.close());

  it('with no breaches: a friendly line on how to declare, and the viewer is remembered', async () => {
    const home = await openHome(t, t.users.outsider);
    expect(home).toContain('No open breaches');
    expect(home).toContain('`/breach`');
    const rows = await db.sql`select user_id from home_viewers`;
    expect(rows.map((r) => r.user_id)).toEqual([t.users.outsider]);
    t.slack.assertNoViolations();
  });

  it('the Declare button on the Home opens the Declare modal', async () => {
    await t.driver.blockAction({ user: t.users.outsider, view: t.slack.homeView(t.users.outsider)!.id, action_id: HOME_ACTIONS.declare });
    await t.slack.waitFor(() => t.slack.openViews(t.users.outsider).find((v) => v.callback_id === VIEWS.declare));
    t.slack.assertNoViolations();
  });

  it('ignores the Messages tab', async () => {
    const before = t.slack.callsTo('views.publish').length;
    const delivery = await t.driver.appHomeOpened({ user: t.users.responder, tab: 'messages' });
    expect(delivery.acked).toBe(true);
    await new Promise((r) => setTimeout(r, 200));
    expect(t.slack.callsTo('views.publish')).toHaveLength(before);
    t.slack.assertNoViolations();
  });

  it('with one breach declared in Slack: details and role for each person, reference and deadline only for outsiders', async () => {
    const view = await openDeclare(t);
    await t.driver.submitView({ user: t.users.reporter, viewId: view.id, values: declareValues({ title: 'Laptop with HR files stolen', responders: [t.users.responder] }) });
    const row = await waitForSetup(t.databaseUrl, 'Laptop with HR files stolen');

    const reporter = await openHome(t, t.users.reporter);
    expect(reporter).toContain(`*${row.reference}* Laptop with HR files stolen: Assessing risk, deadline <!date^`);
    expect(reporter).toContain('your role: reporter');
    expect(reporter).toContain(`<#${row.channel_id}>`);
    expect(await openHome(t, t.users.responder)).toContain('your role: responder');
    expect(await openHome(t, t.users.dpo)).toContain('your role: DPO');

    const outsider = await openHome(t, t.users.outsider);
    expect(outsider).toContain(`*${row.reference}*: deadline <!date^`);
    expect(outsider).toContain('your role: none');
    expect(outsider).not.toContain('Laptop');
    expect(outsider).not.toContain('Assessing');
    t.slack.assertNoViolations();
  });

  it('lists breaches closed in the last 30 days, not older ones', async () => {
    const day = 86_400_000;
    const recent = await storedBreach(t, db, 900, { members: [t.users.reporter], awareAt: new Date(Date.now() - 10 * day), closedAt: new Date(Date.now() - day), title: 'Closed last week' });
    const old = await storedBreach(t, db, 901, { members: [t.users.reporter], awareAt: new Date(Date.now() - 60 * day), closedAt: new Date(Date.now() - 40 * day) });
    const home = await openHome(t, t.users.reporter);
    const [open, closed] = home.split('Recently closed');
    expect(closed).toContain(`*${recent.reference}* Closed last week: closed <!date^`);
    expect(open).not.toContain(recent.reference);
    expect(home).not.toContain(old.reference);
    t.slack.assertNoViolations();
  });

  it('with 60 more open breaches: nearest deadlines listed, the rest summarised, within Block Kit limits', async () => {
    const start = Date.now() - 2 * 3_600_000;
    const stored = [];
    for (let n = 1; n <= 60; n++) {
      // Aware earliest = deadline nearest: number 60 comes first. The outsider is in its channel only.
      const members = n === 60 ? [t.users.reporter, t.users.outsider] : [t.users.reporter];
      stored.push(await storedBreach(t, db, n, { members, awareAt: new Date(start - n * 60_000) }));
    }
    const outsider = await openHome(t, t.users.outsider);
    const publish = t.slack.callsTo('views.publish').at(-1)!;
    expect(publish.ok).toBe(true);
    expect(t.slack.homeView(t.users.outsider)!.blocks.length).toBeLessThanOrEqual(100);
    expect(outsider).toContain(`…and ${61 - OPEN_SHOWN} more: use \`/breach list\``);
    expect(outsider).toContain(`*${stored[59]!.reference}* Stored breach number 60: Assessing risk`);
    expect(outsider).toContain(`*${stored[58]!.reference}*: deadline`);
    expect(outsider).not.toContain('Stored breach number 59');
    // Past the listed ones: the breach declared in Slack, whose deadline is furthest away.
    expect(outsider).not.toContain(stored[0]!.reference);

    const reads = t.slack.callsTo('conversations.members').length;
    const reporter = await openHome(t, t.users.reporter);
    expect(reporter).toContain('Stored breach number 59: Assessing risk');
    expect(t.slack.homeView(t.users.reporter)!.blocks.length).toBeLessThanOrEqual(100);
    // The bot's view of who is in each channel (shared with the access check) answered for the
    // reporter: no channel was asked about again (conversations.members is Tier 4).
    expect(t.slack.callsTo('conversations.members').length).toBe(reads);

    // The outsider leaves breach 60's channel: their next Home no longer shows its details.
    const channel60 = stored[59]!.channelId!;
    t.slack.removeMembers(channel60, [t.users.outsider]);
    await t.driver.event({ type: 'member_left_channel', user: t.users.outsider, channel: channel60, channel_type: 'G', team: t.slack.teamId });
    const after = await openHome(t, t.users.outsider);
    expect(after).not.toContain('Stored breach number 60');
    expect(after).toContain(`*${stored[59]!.reference}*: deadline`);
    t.slack.assertNoViolations();
  });
});
