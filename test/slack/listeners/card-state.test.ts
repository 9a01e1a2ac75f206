import { DateTime } from 'luxon';
import { expect, it } from 'vitest';
import { manualClock } from '../../../src/domain/clock.js';
import { ACTIONS, NOTICE_ACTIONS, NOTICE_VIEWS } from '../../../src/slack/ids.js';
import { useTestBot } from '../../support/bot-harness.js';
import { declareForAssessment } from '../../support/assess.js';
import { cardActionsShown, cardJson, decidedNoNotification, type CardRow } from '../../support/card.js';
import { describeOnOneDatabase } from '../../support/databases.js';
import { openHome } from '../../support/home.js';
import { decidedToTell, draftAndWait, fieldValues, openFromCard, openRecord, picked, threadOf } from '../../support/notices.js';

/*
 * The card is a function of the breach's state (issue 17): one primary button for the next step,
 * the other actions that apply in the overflow menu, and what happened in place of a deadline that
 * no longer applies. Driven through Slack (the strict emulator) as people do.
 */
describeOnOneDatabase('the breach card leads: next step, primary button, what happened', ({ freshDatabase }) => {
  const clock = manualClock(new Date().toISOString());
  const t = useTestBot(freshDatabase, { clock, slack: { rateLimits: { postMessagePerChannel: null } } });

  const nextStep = (breach: CardRow) => {
    const card = JSON.parse(cardJson(t, breach)) as Array<{ block_id?: string; text?: { text: string } }>;
    return card.find((b) => b.block_id === 'card_next')?.text?.text ?? '';
  };
  async function listAs(user: string) {
    const from = t.slack.responseUrlPosts().length;
    await t.driver.slashCommand({ user, channel: t.generalId, text: 'list' });
    return t.slack.waitFor(() => t.slack.responseUrlPosts().slice(from).map((p) => JSON.stringify(p.body)).find((b) => b.includes('Open breaches')));
  }
  /** One breach's entry in a list (its line and the next step under it), from blocks as Slack holds them. */
  const entryIn = (blocks: Array<{ text?: { text: string } }>, reference: string) =>
    blocks.map((b) => b.text?.text ?? '').join('\n').split(/\n(?=• )/).find((e) => e.includes(`*${reference}*`)) ?? '';
  const listEntry = async (user: string, reference: string) => entryIn(JSON.parse(await listAs(user)).blocks, reference);
  const homeEntry = async (user: string, reference: string) => entryIn(JSON.parse(await openHome(t, user)), reference);

  it('declared: Assess risk is the one primary button, the rest are in the menu, and a menu entry works like its button', async () => {
    const breach = (await declareForAssessment(t, 'Backup tape missing from courier')) as unknown as CardRow;
    expect(cardActionsShown(t, breach)).toEqual({
      buttons: [{ action_id: ACTIONS.assess, style: 'primary' }],
      more: [NOTICE_ACTIONS.updateFacts, ACTIONS.draftNotices, ACTIONS.recordNotification, ACTIONS.addTimelineEntry, ACTIONS.closeBreach],
    });
    expect(nextStep(breach)).toMatch(/^\*Next step\*\nAssess the risk to the people affected/);
    expect(cardJson(t, breach)).toContain('Deadline to notify Datatilsynet');
    // Update facts chosen from the overflow menu opens the same form as its button did.
    const modal = await openFromCard(t, breach, NOTICE_ACTIONS.updateFacts, NOTICE_VIEWS.facts, t.users.responder);
    expect(modal.callback_id).toBe(NOTICE_VIEWS.facts);
    t.slack.assertNoViolations();
  });

  it('no notification needed: no deadline or countdown on the card, the Home or /breach list; who decided instead; Close is next', async () => {
    const { breach } = await decidedNoNotification(t, 'Timesheet app offline for an hour');
    const card = cardJson(t, breach);
    expect(card).not.toContain('Deadline to notify');
    expect(card).not.toContain('Time left');
    expect(card).toContain(`Not required: decided by <@${t.users.dpo}> <!date^`);
    expect(nextStep(breach)).toMatch(/No notification is needed: the decision and its reasons are in the register/);
    expect(nextStep(breach)).not.toMatch(/Document the decision/);
    expect(cardActionsShown(t, breach)).toEqual({
      buttons: [{ action_id: ACTIONS.closeBreach, style: 'primary' }],
      more: [ACTIONS.assess, NOTICE_ACTIONS.updateFacts, ACTIONS.addTimelineEntry, ACTIONS.draftAuthorityAnyway],
    });

    // The list and the Home say it as the card does: what was decided and by whom, and the next step.
    const decided = `Ready to close, Not required: decided by <@${t.users.dpo}> <!date^`;
    for (const entry of [await listEntry(t.users.responder, breach.reference), await homeEntry(t.users.dpo, breach.reference)]) {
      expect(entry).toContain(decided);
      expect(entry).toMatch(/Next step: No notification is needed: the decision and its reasons are in the register .* Close the breach/);
      expect(entry).not.toMatch(/deadline <!date|Deadline to notify|\(\d+ [dh]\b|overdue/i);
    }
    // Someone outside the breach channel sees what happened to the deadline, not the next step.
    const outside = await homeEntry(t.users.outsider, breach.reference);
    expect(outside).toContain(`*${breach.reference}*: Not required: decided by <@${t.users.dpo}>`);
    expect(outside).not.toContain('Next step');
    expect(outside).not.toContain('deadline <!date');
    t.slack.assertNoViolations();
  });

  it('notify: draft first, 13 hours overdue says so, and after a complete notification it says the people must still be told', async () => {
    const breach = await decidedToTell(t, 'Patient letters sent to old addresses');
    expect(nextStep(breach)).toMatch(/Draft the notice, notify Datatilsynet \(their online form\) before the deadline, then record the notification\. Then tell the people affected/);
    expect(nextStep(breach)).not.toMatch(/document the decision/i);
    expect(cardActionsShown(t, breach).buttons).toEqual([{ action_id: ACTIONS.draftNotices, style: 'primary' }]);
    expect(cardJson(t, breach)).not.toContain('assessment_accept');

    // Update facts starts from what the questionnaire answered: 1,200 people (approximate), deliberate.
    const facts = await openFromCard(t, breach, NOTICE_ACTIONS.updateFacts, NOTICE_VIEWS.facts, t.users.responder);
    const element = (id: string) => (facts.blocks.find((b) => b['block_id'] === id) as { element: Record<string, any> }).element;
    expect(element('subjectsCount')['initial_value']).toBe('1200');
    expect(element('approximate')['initial_options'].map((o: { value: string }) => o.value)).toContain('subjects');
    expect(element('causeMalicious')['initial_option'].value).toBe('yes');
    await t.driver.closeView({ user: t.users.responder, viewId: facts.id });

    // Reminders: far from the deadline they call nobody; from 12 hours left they call the DPO by name.
    // Each carries the button of the next step: Draft notices, then (drafted) Record notification.
    const [row] = await sqlRow(breach);
    const deadlineAt = DateTime.fromJSDate(row!.deadline_at);
    // The countdown's reminders (the daily one to tell the people runs alongside).
    const reminders = () =>
      t.slack.messages(breach.channel_id).filter((m) => m.metadata?.['event_type'] === 'breachbot_reminder' && !String((m.metadata['event_payload'] as Record<string, unknown>)['key']).startsWith('subjects'));
    const nextButton = (m: { blocks?: unknown[] }) =>
      ((m.blocks ?? []) as Array<{ type: string; elements?: Array<{ action_id: string; style?: string }> }>).find((b) => b.type === 'actions')?.elements?.map((e) => [e.action_id, e.style]);
    clock.set(deadlineAt.minus({ hours: 23, minutes: 59 }).toISO()!);
    await t.bot.tickReminders();
    const far = await t.slack.waitFor(() => reminders().at(-1));
    expect(far.text).not.toContain('<@');
    expect(nextButton(far)).toEqual([[ACTIONS.draftNotices, 'primary']]);
    clock.set(deadlineAt.minus({ hours: 11, minutes: 59 }).toISO()!);
    await t.bot.tickReminders();
    const near = await t.slack.waitFor(() => reminders().length > 1 && reminders().at(-1));
    expect(near.text).toContain(`<@${t.users.dpo}>`);
    expect(nextButton(near)).toEqual([[ACTIONS.draftNotices, 'primary']]);
    // The reminder's button does what the card's does.
    const before = threadOf(t, breach).length;
    await t.driver.blockAction({ user: t.users.responder, message: { channel: breach.channel_id, ts: near.ts }, action_id: ACTIONS.draftNotices });
    await t.slack.waitFor(() => threadOf(t, breach).slice(before).some((m) => m.files?.length));

    await t.slack.waitFor(() => cardActionsShown(t, breach).buttons[0]?.action_id === ACTIONS.recordNotification);

    // 13 hours and 10 minutes past the deadline: the overdue reminder calls the DPO and refreshes the card.
    // The draft predates the deadline, so it lacks the reasons for the delay: drafting again is the next step.
    clock.set(deadlineAt.plus({ hours: 13, minutes: 10 }).toISO()!);
    await t.bot.tickReminders();
    const overdue = await t.slack.waitFor(() => reminders().length > 2 && reminders().at(-1));
    expect(overdue.text).toContain(`<@${t.users.dpo}>`);
    expect(nextButton(overdue)).toEqual([[ACTIONS.draftNotices, 'primary']]);
    await t.slack.waitFor(() => nextStep(breach).includes('Overdue by 13 hours'));
    expect(nextStep(breach)).toContain('Overdue by 13 hours: notify Datatilsynet now and give the reasons for the delay (Art. 33(1)).');
    expect(nextStep(breach)).not.toContain('before the deadline');
    await draftAndWait(t, breach, t.users.responder);
    await t.slack.waitFor(() => cardActionsShown(t, breach).buttons[0]?.action_id === ACTIONS.recordNotification);
    clock.set(deadlineAt.plus({ hours: 25, minutes: 10 }).toISO()!);
    await t.bot.tickReminders();
    const again = await t.slack.waitFor(() => reminders().length > 3 && reminders().at(-1));
    expect(again.text).toContain(`<@${t.users.dpo}>`);
    expect(nextButton(again)).toEqual([[ACTIONS.recordNotification, 'primary']]);
    await t.slack.waitFor(() => nextStep(breach).includes('Overdue by 1 day 1 hour: notify Datatilsynet now'));

    // Until then the Home says what the card says: the deadline, how late, and to notify now.
    const owed = await homeEntry(t.users.responder, breach.reference);
    expect(owed).toContain('Notify the authority, deadline <!date^');
    expect(owed).toContain('(overdue by 1 d 1 h)');
    expect(owed).toContain('Next step: :rotating_light: Overdue by 1 day 1 hour: notify Datatilsynet now');

    // The DPO records a complete notification: the deadline gives way to what happened.
    const modal = await openRecord(t, breach, t.users.dpo, 'notification');
    const submitted = Math.floor(clock.now().toSeconds()) - 600;
    const ok = await t.driver.submitView({ user: t.users.dpo, viewId: modal.id, values: fieldValues({ submittedAt: picked(submitted), method: 'online_form', reference: 'DT-1', completeness: 'complete' }) });
    expect(ok.responseAction).toBe('close');
    await t.slack.waitFor(() => cardJson(t, breach).includes('Notified <!date^'));
    const card = cardJson(t, breach);
    expect(card).toContain(`Notified <!date^${submitted}^`);
    expect(card).toContain('(complete)');
    expect(card).not.toContain('Deadline to notify');
    expect(nextStep(breach)).toMatch(/Datatilsynet is notified \(complete\)\. The people affected must still be told individually/);
    expect(cardActionsShown(t, breach).buttons).toEqual([{ action_id: ACTIONS.recordNotification, style: 'primary' }]);
    // The list and the Home: when and how completely Datatilsynet was notified, and that the people are next.
    for (const entry of [await listEntry(t.users.responder, breach.reference), await homeEntry(t.users.responder, breach.reference)]) {
      expect(entry).toContain(`Tell the people affected, Notified <!date^${submitted}^`);
      expect(entry).toContain('(complete)');
      expect(entry).toMatch(/Next step: Datatilsynet is notified \(complete\)\. The people affected must still be told individually/);
      expect(entry).not.toMatch(/deadline <!date|overdue/i);
    }
    t.slack.assertNoViolations();
  });

  it('Breach lead picker: the DPO by default; only those allowed may change it, others are told and the picker is reset', async () => {
    const breach = (await declareForAssessment(t, 'Visitor log photographed')) as unknown as CardRow;
    const leadBlock = () => (JSON.parse(cardJson(t, breach)) as Array<{ block_id?: string; text?: { text: string }; accessory?: { action_id: string; initial_user?: string } }>).find((b) => b.block_id === 'card_lead')!;
    expect(leadBlock().text!.text).toBe(`*Breach lead*\n<@${t.users.dpo}> (the DPO, until someone else is named)`);
    expect(leadBlock().accessory).toMatchObject({ action_id: ACTIONS.cardLead, initial_user: t.users.dpo });
    const message = { channel: breach.channel_id, ts: breach.card_ts };

    // The responder may not name a lead: told why, and the card is refreshed so the picker shows the DPO again.
    const from = t.slack.ephemerals({ channel: breach.channel_id, user: t.users.responder }).length;
    const updates = t.slack.callsTo('chat.update').length;
    await t.driver.blockAction({ user: t.users.responder, message, action_id: ACTIONS.cardLead, selected_user: t.users.responder });
    const note = await t.slack.waitFor(() => t.slack.ephemerals({ channel: breach.channel_id, user: t.users.responder }).slice(from)[0]);
    expect(note.text).toMatch(/can name the breach lead/);
    await t.slack.waitFor(() => t.slack.callsTo('chat.update').slice(updates).some((c) => c.args['ts'] === breach.card_ts));
    expect(leadBlock().accessory!.initial_user).toBe(t.users.dpo);

    // The DPO names the responder: stored, announced, and the card shows them.
    await t.driver.blockAction({ user: t.users.dpo, message, action_id: ACTIONS.cardLead, selected_user: t.users.responder });
    await t.slack.waitFor(() => leadBlock().text!.text === `*Breach lead*\n<@${t.users.responder}>`);
    expect(leadBlock().accessory!.initial_user).toBe(t.users.responder);
    await t.slack.waitFor(() => t.slack.messages(breach.channel_id).some((m) => m.text.includes(`named <@${t.users.responder}> the breach lead`)));
    const [row] = await sqlRow(breach, 'lead_id');
    expect(row!.lead_id).toBe(t.users.responder);
    t.slack.assertNoViolations();
  });

  async function sqlRow(breach: CardRow, column: 'deadline_at' | 'lead_id' = 'deadline_at') {
    const { default: postgres } = await import('postgres');
    const sql = postgres(t.databaseUrl, { max: 1, onnotice: () => {} });
    try {
      return await sql`select ${sql(column)} from breaches where id = ${breach.id}`;
    } finally {
      await sql.end();
    }
  }
});
