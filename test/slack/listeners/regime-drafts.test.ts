import { DateTime } from 'luxon';
import postgres from 'postgres';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { manualClock } from '../../../src/domain/clock.js';
import { NOTICE_ACTIONS, REGIME_DRAFT, REGIME_STAGE, regimeStageAction } from '../../../src/slack/ids.js';
import type { EmulatedMessage } from '../../emulator/index.js';
import { assessedLeak, cardJson, type CardRow } from '../../support/card.js';
import { useTestBot } from '../../support/bot-harness.js';
import { describeOnOneDatabase } from '../../support/databases.js';
import { buttonPayload, sendPayload } from '../../support/forged.js';
import { declareSignificantIncident } from '../../support/nis2.js';
import { filesOf, picked, threadOf } from '../../support/notices.js';

/*
 * Issue 16 through Slack: a NIS2 significant incident's stage drafts. *Draft NIS2 early warning* on
 * the card (and on the stage's reminders) posts the early warning in Danish and English in the
 * card's thread, as files with their gaps listed; someone outside the channel gets nothing; once the
 * early warning is recorded the card offers the incident notification.
 */

const START = '2026-10-23T08:00:00Z';
const unix = (iso: string) => DateTime.fromISO(iso, { zone: 'utc' }).toUnixInteger();

describeOnOneDatabase('NIS2 stage drafts in the breach thread', ({ freshDatabase }) => {
  const clock = manualClock(START);
  const t = useTestBot(freshDatabase, { clock, slack: { rateLimits: { postMessagePerChannel: null } } });
  let sql: postgres.Sql;
  let breach: CardRow;
  beforeAll(async () => {
    sql = postgres(t.databaseUrl, { max: 1, onnotice: () => {} });
    breach = await declareSignificantIncident(t, 'Ransomware on the booking system', unix(START));
    await t.slack.waitFor(() => cardJson(t, breach).includes('NIS2 (Denmark)'));
  }, 60_000);
  afterAll(() => sql.end());

  /** The card's *Draft …* button, as shown. */
  const draftButton = () => {
    const block = (t.slack.pins(breach.channel_id)[0]?.blocks ?? []).find((b) => b['block_id'] === `${REGIME_DRAFT.cardBlockPrefix}nis2-dk`);
    return (block?.['elements'] as Array<Record<string, any>> | undefined)?.[0];
  };
  /** Presses a *Draft …* button on a message and waits for the thread message carrying the drafts' files. */
  async function pressDraft(user: string, message: { channel: string; ts: string }): Promise<EmulatedMessage> {
    const before = threadOf(t, breach).length;
    await t.driver.blockAction({ user, message, action_id: REGIME_DRAFT.draft });
    return t.slack.waitFor(() => threadOf(t, breach).slice(before).find((m) => m.files?.length), { timeoutMs: 20_000, what: 'the drafts' });
  }
  const onCard = () => ({ channel: breach.channel_id, ts: breach.card_ts });

  it('the card offers the early warning; a responder gets it in Danish and English in the thread, with its gaps', async () => {
    expect(draftButton()).toMatchObject({ text: { text: 'Draft NIS2 early warning' }, value: `${breach.id}|nis2-dk|early_warning` });
    const posted = await pressDraft(t.users.responder, onCard());
    const files = filesOf(t, posted);
    expect(files.map((f) => f.name).sort()).toEqual([`${breach.reference}-nis2-dk-early-warning-da.md`, `${breach.reference}-nis2-dk-early-warning-en.md`]);
    const da = files.find((f) => f.name.endsWith('-da.md'))!.text;
    const en = files.find((f) => f.name.endsWith('-en.md'))!.text;
    expect(da).toContain('Tidlig varsling');
    expect(en).toContain('# NIS2 (Denmark): Early warning');
    // What the team recorded is in it: the declared time of awareness, in the regime's zone; the due time from the card's clock.
    expect(en).toContain('**We became aware of the incident:** 23 October 2026, 10:00 CEST');
    expect(en).toContain('**Due:** 24 October 2026, 10:00 CEST.');
    // Not recorded yet (no assessment, no cause): a gap, listed in the thread message.
    expect(en).toContain('[MISSING: whether the incident is suspected of being caused by unlawful or malicious acts]');
    expect(da).toContain('[MANGLER: om hændelsen mistænkes for at være forårsaget af ulovlige eller ondsindede handlinger]');
    const message = JSON.stringify(posted.blocks);
    expect(message).toContain('drafted the NIS2 (Denmark) early warning');
    expect(message).toMatch(/\*Danish\*: \d+ gaps/);
    expect(message).toContain('*Gaps to fill*');
    expect(message).toContain(NOTICE_ACTIONS.fillGaps);
    expect(message).toContain('facts only NIS2 (Denmark) asks for');
    t.slack.assertNoViolations();
  });

  it('someone outside the breach channel cannot get them: refused, nothing posted', async () => {
    const thread = threadOf(t, breach).length;
    const uploads = t.slack.files().length;
    const told = t.slack.responseUrlPosts().length + t.slack.ephemerals({ user: t.users.outsider }).length;
    const ack = await sendPayload(t, buttonPayload(t, t.users.outsider, onCard(), REGIME_DRAFT.draft, `${breach.id}|nis2-dk|early_warning`));
    expect(ack.status).toBe(200);
    await t.slack.waitFor(() => t.slack.responseUrlPosts().length + t.slack.ephemerals({ user: t.users.outsider }).length > told);
    await new Promise((r) => setTimeout(r, 300));
    expect(threadOf(t, breach)).toHaveLength(thread);
    expect(t.slack.files()).toHaveLength(uploads);
  });

  it('the early warning says whether a malicious act is suspected once the assessment answers it', async () => {
    await assessedLeak(t, breach);
    const posted = await pressDraft(t.users.responder, onCard());
    const en = filesOf(t, posted).find((f) => f.name.endsWith('-en.md'))!.text;
    expect(en).toContain('**Suspected of being caused by unlawful or malicious acts:** Yes.');
  });

  it('the early-warning reminder offers the draft too', async () => {
    clock.set('2026-10-23T20:00:00Z');
    await t.bot.tickReminders();
    const reminder = t.slack.messages(breach.channel_id).find((m) => m.metadata?.['event_type'] === 'breachbot_reminder' && JSON.stringify(m.blocks).includes(REGIME_DRAFT.draft))!;
    expect(JSON.stringify(reminder.blocks)).toContain(`${breach.id}|nis2-dk|early_warning`);
    const posted = await pressDraft(t.users.dpo, { channel: breach.channel_id, ts: reminder.ts });
    expect(filesOf(t, posted).map((f) => f.name)).toContain(`${breach.reference}-nis2-dk-early-warning-en.md`);
  });

  it('once the early warning is recorded, the card offers the incident notification, which cites it', async () => {
    clock.set('2026-10-24T07:30:00Z');
    await t.driver.blockAction({ user: t.users.dpo, message: onCard(), action_id: REGIME_STAGE.record });
    const form = await t.slack.waitFor(() => t.slack.openViews(t.users.dpo).find((v) => v.callback_id === REGIME_STAGE.view));
    const stage = { [regimeStageAction('stage')]: 'nis2-dk:early_warning' };
    const doneAt = { [regimeStageAction('doneAt')]: picked(unix('2026-10-24T07:20:00Z')) };
    const done = await t.driver.submitView({ user: t.users.dpo, viewId: form.id, values: { stage, doneAt } });
    expect(done.responseAction).toBe('close');
    await t.slack.waitFor(() => draftButton()?.['text']?.['text'] === 'Draft NIS2 incident notification');
    expect(draftButton()!['value']).toBe(`${breach.id}|nis2-dk|incident_notification`);
    const posted = await pressDraft(t.users.responder, onCard());
    const files = filesOf(t, posted);
    expect(files.map((f) => f.name).sort()).toEqual([
      `${breach.reference}-nis2-dk-incident-notification-da.md`, `${breach.reference}-nis2-dk-incident-notification-en.md`,
    ]);
    expect(files.find((f) => f.name.endsWith('-en.md'))!.text).toContain('This notification updates our early warning of 24 October 2026, 09:20 CEST.');

    // An older button for the recorded stage drafts nothing and says what comes next.
    const thread = threadOf(t, breach).length;
    await t.driver.blockAction({ user: t.users.responder, message: onCard(), action_id: REGIME_DRAFT.draft });
    const forged = await sendPayload(t, buttonPayload(t, t.users.responder, onCard(), REGIME_DRAFT.draft, `${breach.id}|nis2-dk|early_warning`));
    expect(forged.status).toBe(200);
    const reply = await t.slack.waitFor(() => t.slack.ephemerals({ user: t.users.responder }).find((e) => e.text.includes('the early warning is already recorded')));
    expect(reply.text).toContain('the next NIS2 (Denmark) report to draft is the incident notification');
    await t.slack.waitFor(() => threadOf(t, breach).length === thread + 1);
    t.slack.assertNoViolations();
  });
});
