import { expect, it } from 'vitest';
import { ASSESSMENT, overrideAction } from '../../../src/slack/ids.js';
import {
  assessByCommand,
  cardShowing,
  declareForAssessment,
  HEALTH_LEAK_STEP1,
  resultMessage,
  SHORT_OUTAGE_STEP1,
  submitStep,
  useDatabase,
} from '../../support/assess.js';
import { useTestBot } from '../../support/bot-harness.js';
import { forge } from '../../support/card.js';
import { describeOnOneDatabase } from '../../support/databases.js';

describeOnOneDatabase('accepting or overriding an assessment', ({ freshDatabase }) => {
  const t = useTestBot(freshDatabase);
  const db = useDatabase(t);

  /** A declared breach, assessed by the responder, with (at least) these countdown reminders stored. */
  async function assessed(title: string, kind: 'outage' | 'leak') {
    const breach = await declareForAssessment(t, title);
    await db()`insert into reminders (breach_id, stream, key, kind, due_at) values
      (${breach.id}, 'authority_countdown', 'countdown-24h', 'countdown', now() + interval '2 days'),
      (${breach.id}, 'authority_countdown', 'deadline', 'deadline', now() + interval '3 days')
      on conflict do nothing`;
    const user = t.users.responder;
    const view = await assessByCommand(t, breach.channel_id, user);
    if (kind === 'outage') {
      await submitStep(t, user, view.id, SHORT_OUTAGE_STEP1);
      await submitStep(t, user, view.id, { unavailability: 'temporary', restoredWithinHours: '2', impactOnPeople: 'none' });
    } else {
      await fillLeak(view.id);
    }
    const result = await resultMessage(t, breach.channel_id, 1);
    return { breach, result };
  }

  /** The responder's answers for a health-data leak (high risk), in the questionnaire `viewId`. */
  async function fillLeak(viewId: string, user = t.users.responder) {
    await submitStep(t, user, viewId, HEALTH_LEAK_STEP1);
    await submitStep(t, user, viewId, { disclosure: 'likely', recipients: 'unknown', physicalDanger: 'false', protection: 'none' });
    await submitStep(t, user, viewId, { measuresRemoveHighRisk: 'false', individualContactDisproportionate: 'false' });
  }

  const press = (user: string, channel: string, ts: string, action: string) =>
    t.driver.blockAction({ user, message: { channel, ts }, action_id: action });
  const decisionEvents = (breachId: string) =>
    db()`select type, actor, data from breach_events where breach_id = ${breachId} and type like 'decision_%' order by id`;
  /** Reminder statuses per stream, e.g. { authority_countdown: ['pending'], subjects_daily: [] }. */
  async function streams(breachId: string) {
    const rows = await db()`select stream, key, status from reminders where breach_id = ${breachId} order by stream, key`;
    const of = (stream: string) => [...new Set(rows.filter((r) => r.stream === stream).map((r) => r.status))];
    return { authority: of('authority_countdown'), subjects: rows.filter((r) => r.stream === 'subjects_daily').map((r) => `${r.key}:${r.status}`) };
  }

  it('the DPO accepts "no notification": decision, event, status, card, thread reply, and the countdown stops', async () => {
    const { breach, result } = await assessed('Booking system down for two hours', 'outage');
    const accepted = await press(t.users.dpo, breach.channel_id, result.ts, ASSESSMENT.accept);
    const reply = await t.slack.waitFor(() => t.slack.thread(breach.channel_id, result.ts).find((m) => m.text.includes('accepted assessment v1')));
    expect(reply.text).toContain(`<@${t.users.dpo}>`);
    expect(JSON.stringify(reply.blocks)).toContain('reminders to notify Datatilsynet have stopped');

    const [decision] = await db()`select kind, notify_authority, communicate_to_subjects, decided_by from decisions where breach_id = ${breach.id}`;
    expect(decision).toEqual({ kind: 'accepted', notify_authority: false, communicate_to_subjects: 'no', decided_by: t.users.dpo });
    const events = await decisionEvents(breach.id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      type: 'decision_accepted',
      actor: t.users.dpo,
      data: { version: 1, before: { status: 'assessing', decision: null }, after: { status: 'no_notification' } },
    });
    expect((await db()`select status from breaches where id = ${breach.id}`)[0]!.status).toBe('no_notification');
    expect(await streams(breach.id)).toEqual({ authority: ['cancelled'], subjects: [] });

    const card = await cardShowing(t, breach.channel_id, `Decided by <@${t.users.dpo}> (accepted, v1)`);
    expect(card).toContain(`Not required: decided by <@${t.users.dpo}>`);
    expect(card).not.toContain('Awaiting <@');
    // The result message says who decided and when, in place of its buttons.
    const shown = await t.slack.waitFor(() => {
      const json = JSON.stringify(t.slack.messages(breach.channel_id).find((m) => m.ts === result.ts)?.blocks);
      return json.includes('*Decided* by') && json;
    });
    expect(shown).toContain(`*Decided* by <@${t.users.dpo}> at <!date^`);
    expect(shown).toContain('accepted the proposal: no notification to Datatilsynet needed');
    expect(shown).not.toContain(ASSESSMENT.accept);
    expect(shown).not.toContain(ASSESSMENT.override);

    // A press from a client that still shows the old buttons changes nothing.
    await forge(t, accepted.payload, t.users.dpo);
    await t.slack.waitFor(() => t.slack.ephemerals({ channel: breach.channel_id, user: t.users.dpo }).find((e) => e.text.includes('already accepted')));
    expect(await decisionEvents(breach.id)).toHaveLength(1);
    t.slack.assertNoViolations();
  });

  it('someone who is neither DPO nor lead gets an explanation, and nothing changes', async () => {
    const { breach, result } = await assessed('Laptop with patient list stolen', 'leak');
    t.slack.addMembers(breach.channel_id, [t.users.outsider]);
    for (const user of [t.users.outsider, t.users.responder]) {
      for (const action of [ASSESSMENT.accept, ASSESSMENT.override]) {
        const before = t.slack.ephemerals({ channel: breach.channel_id, user }).length;
        await press(user, breach.channel_id, result.ts, action);
        const note = await t.slack.waitFor(() => t.slack.ephemerals({ channel: breach.channel_id, user }).slice(before).find((e) => e.text.includes('Only')));
        expect(note.text).toMatch(/^Only the breach lead or the DPO can/);
        // …and, to someone working on the breach, who that is, by name (issue 17).
        expect(note.text).toContain(`ask <@${t.users.dpo}>`);
      }
      expect(t.slack.openViews(user).filter((v) => v.callback_id === ASSESSMENT.overrideView)).toHaveLength(0);
    }
    expect(await db()`select 1 from decisions where breach_id = ${breach.id}`).toHaveLength(0);
    expect(await decisionEvents(breach.id)).toHaveLength(0);
    expect((await db()`select status from breaches where id = ${breach.id}`)[0]!.status).toBe('assessing');
    t.slack.assertNoViolations();
  });

  it('the DPO names a breach lead, who may then accept; others may not name one', async () => {
    const { breach, result } = await assessed('Ransomware on the file server', 'outage');
    t.slack.addMembers(breach.channel_id, [t.users.outsider]);
    await t.driver.slashCommand({ user: t.users.outsider, channel: breach.channel_id, text: 'lead @otto.outsider' });
    await t.slack.waitFor(() => t.slack.ephemerals({ channel: breach.channel_id, user: t.users.outsider }).find((e) => e.text.includes('name the breach lead')));

    await t.driver.slashCommand({ user: t.users.dpo, channel: breach.channel_id, text: 'lead @rune.responder' });
    await cardShowing(t, breach.channel_id, `*Breach lead*\\n<@${t.users.responder}>`);
    const [event] = await db()`select actor, data from breach_events where breach_id = ${breach.id} and type = 'lead_named'`;
    expect(event).toEqual({ actor: t.users.dpo, data: { before: null, after: t.users.responder } });

    await press(t.users.responder, breach.channel_id, result.ts, ASSESSMENT.accept);
    await cardShowing(t, breach.channel_id, `Decided by <@${t.users.responder}> (accepted, v1)`);
    expect((await db()`select decided_by from decisions where breach_id = ${breach.id}`).map((r) => r.decided_by)).toEqual([t.users.responder]);
    t.slack.assertNoViolations();
  });

  it('accepting a high risk starts the daily subject reminder; an override needs a real justification and reverses it', async () => {
    const { breach, result } = await assessed('Patient records exposed by an attacker', 'leak');
    await press(t.users.dpo, breach.channel_id, result.ts, ASSESSMENT.accept);
    await cardShowing(t, breach.channel_id, '(accepted, v1)');
    const accepted = await t.slack.waitFor(() => t.slack.thread(breach.channel_id, result.ts).find((m) => m.text.includes('accepted assessment v1')));
    expect(JSON.stringify(accepted.blocks)).toContain('A daily reminder runs until the communication to the people affected is recorded');
    expect((await db()`select status from breaches where id = ${breach.id}`)[0]!.status).toBe('notify');
    expect(await streams(breach.id)).toEqual({ authority: ['pending'], subjects: ['subjects-1:pending'] });

    // The decided result has no buttons left: a change of mind goes through a reassessment (v2).
    const reassess = await assessByCommand(t, breach.channel_id, t.users.responder);
    await fillLeak(reassess.id);
    const v2 = await resultMessage(t, breach.channel_id, 2);
    await press(t.users.dpo, breach.channel_id, v2.ts, ASSESSMENT.override);
    const modal = await t.slack.waitFor(() => t.slack.openViews(t.users.dpo).find((v) => v.callback_id === ASSESSMENT.overrideView));
    const values = (justification: string) => ({
      notifyAuthority: { [overrideAction('notifyAuthority')]: 'no' },
      communicateToSubjects: { [overrideAction('communicateToSubjects')]: 'no' },
      justification: { [overrideAction('justification')]: justification },
    });
    const short = await t.driver.submitView({ user: t.users.dpo, viewId: modal.id, values: values('Not needed.') });
    expect(short.responseAction).toBe('errors');
    expect(short.errors).toEqual({ justification: expect.stringMatching(/at least 20 characters/) });
    expect(await db()`select 1 from decisions where breach_id = ${breach.id} and kind = 'overridden'`).toHaveLength(0);

    const why = 'The "attacker" was our own <!channel> pen-tester & the data were test fixtures, not real patients.';
    const ok = await t.driver.submitView({ user: t.users.dpo, viewId: modal.id, values: values(why) });
    expect(ok.responseAction).toBe('close');

    const [override] = await db()`select kind, notify_authority, communicate_to_subjects, justification from decisions where breach_id = ${breach.id} order by decided_at desc limit 1`;
    expect(override).toEqual({ kind: 'overridden', notify_authority: false, communicate_to_subjects: 'no', justification: why });
    const events = await decisionEvents(breach.id);
    expect(events.map((e) => e.type)).toEqual(['decision_accepted', 'decision_overridden']);
    expect(events[1]!.data).toMatchObject({
      justification: why,
      proposed: { notifyAuthority: true, communicateToSubjects: 'individual' },
      before: { status: 'notify', decision: { kind: 'accepted', notifyAuthority: true } },
      after: { status: 'no_notification', decision: { kind: 'overridden', notifyAuthority: false, communicateToSubjects: 'no' } },
    });
    expect(await streams(breach.id)).toEqual({ authority: ['cancelled'], subjects: ['subjects-1:cancelled'] });

    const card = await cardShowing(t, breach.channel_id, '(overridden, v2)');
    const v2Shown = await t.slack.waitFor(() => {
      const json = JSON.stringify(t.slack.messages(breach.channel_id).find((m) => m.ts === v2.ts)?.blocks);
      return json.includes('overrode the proposal') && json;
    });
    expect(v2Shown).toContain(`*Decided* by <@${t.users.dpo}> at <!date^`);
    expect(v2Shown).not.toContain(ASSESSMENT.override);
    expect(card).toContain('no notification to Datatilsynet needed');
    const reply = await t.slack.waitFor(() => t.slack.thread(breach.channel_id, v2.ts).find((m) => m.text.includes('overrode assessment v2')));
    const replyJson = JSON.stringify(reply.blocks);
    expect(replyJson).toContain('&lt;!channel&gt; pen-tester &amp; the data');
    expect(replyJson).not.toContain('<!channel>');
    t.slack.assertNoViolations();
  });
});
