import fc from 'fast-check';
import { expect, it } from 'vitest';
import {
  ACTIONS,
  ASSESSMENT,
  CLOSE_VIEW,
  HOME_ACTIONS,
  SETTINGS_VIEW,
  TIMELINE_ENTRY_VIEW,
  closeAction,
  declareAction,
  overrideAction,
  settingsAction,
  timelineEntryAction,
} from '../../src/slack/ids.js';
import { useTestBot } from '../support/bot-harness.js';
import { assessedLeak, cardJson, pressCard, type CardRow } from '../support/card.js';
import { describeOnOneDatabase } from '../support/databases.js';
import { declareValues, openDeclare, seconds, waitForSetup } from '../support/declare.js';
import { openHome } from '../support/home.js';
import { detectLanguage } from '../../src/domain/language-check.js';
import { fieldValues, openRecord, picked, updateFacts } from '../support/notices.js';

/*
 * Text safety (issue 7): every field a person can type into, filled with generated text full of
 * mentions, links and entities, submitted end to end; whatever the bot then posts, updates or
 * publishes (card, result, decision reply, timeline, close note, Home) must not notify anyone or
 * carry a link, and the emulator must find no user text placed in mrkdwn unescaped.
 */

const HOSTILE = ['<!channel>', '<!here>', '<!subteam^S1>', '<@U1>', '<#C1>', '<https://x|y>', '<https://evil.example|https://intranet.example>'];
const INERT = ['&amp;', '&lt;', '😀', ':tada:', '@channel', 'æøå', '*bold*', '`code`'];

/**
 * A string that starts with a control sequence and mixes in more, entities, emoji and words; at
 * most 79 characters, so it fits every field (titles hold 80). Starting with `<` keeps the
 * emulator's raw-text check meaningful: escaping always changes such a string.
 */
const hostile = fc
  .tuple(
    fc.constantFrom(...HOSTILE),
    fc.array(fc.oneof(fc.constantFrom(...HOSTILE.slice(0, 6), ...INERT), fc.stringMatching(/^[A-Za-z]{1,8}$/)), { minLength: 1, maxLength: 4 }),
  )
  .map(([first, rest]) => [first, ...rest].join(' ').slice(0, 79).trim());

describeOnOneDatabase('no user field can mention, notify or disguise a link', ({ freshDatabase }) => {
  // Many channels and modals in a few seconds: this test is about text, not Slack's rate limits.
  const t = useTestBot(freshDatabase, { slack: { rateLimits: 'off' } });

  /** Registers a typed value, and each control sequence in it, as untrusted user input. */
  function untrusted(...texts: string[]) {
    for (const s of texts) {
      t.slack.markUntrusted(s);
      for (const seq of s.match(/<[^<>]*>/g) ?? []) t.slack.markUntrusted(seq);
    }
  }

  let run = 0;
  type Fields = Record<'title' | 'description' | 'discovery' | 'systems' | 'entry' | 'justification' | 'facts' | 'reference' | 'restriction' | 'note' | 'org' | 'command', string>;
  async function runFields(fields: Fields) {
    // Numbered, so each run finds its own breach by title even when two runs draw the same text.
    const f = { ...fields, title: `${fields.title.slice(0, 74).trim()} ${++run}` };
    untrusted(...Object.values(f));
    // Declare: every free-text field.
    const modal = await openDeclare(t);
    const values: Record<string, Record<string, unknown>> = declareValues({ title: f.title, description: f.description, responders: [t.users.responder] });
    values['discovery'] = { [declareAction('discovery')]: f.discovery };
    values['systems'] = { [declareAction('systems')]: f.systems };
    const declared = await t.driver.submitView({ user: t.users.reporter, viewId: modal.id, values });
    // A title that looks like personal data is sent back once; submitting it again keeps it.
    if (declared.responseAction === 'errors') await t.driver.submitView({ user: t.users.reporter, viewId: modal.id, values });
    const breach = (await waitForSetup(t.databaseUrl, f.title)) as unknown as CardRow;

    // A timeline entry from the card.
    await pressCard(t, breach, ACTIONS.addTimelineEntry, t.users.responder);
    const entry = await t.slack.waitFor(() => t.slack.openViews(t.users.responder).find((v) => v.callback_id === TIMELINE_ENTRY_VIEW));
    await t.driver.submitView({
      user: t.users.responder,
      viewId: entry.id,
      values: { what: { [timelineEntryAction('what')]: f.entry }, occurredAt: { [timelineEntryAction('occurredAt')]: { type: 'datetimepicker', selected_date_time: seconds(new Date()) - 60 } } },
    });

    // An assessment overridden with the justification, then the breach closed with the note.
    const result = await assessedLeak(t, breach);
    await t.driver.blockAction({ user: t.users.dpo, message: { channel: breach.channel_id, ts: result.ts }, action_id: ASSESSMENT.override });
    const override = await t.slack.waitFor(() => t.slack.openViews(t.users.dpo).find((v) => v.callback_id === ASSESSMENT.overrideView));
    const overridden = await t.driver.submitView({
      user: t.users.dpo,
      viewId: override.id,
      values: {
        // Notify, but a public communication instead of letters: Record notification stays on the card.
        notifyAuthority: { [overrideAction('notifyAuthority')]: 'yes' },
        communicateToSubjects: { [overrideAction('communicateToSubjects')]: 'public' },
        justification: { [overrideAction('justification')]: `${f.justification} (test data, not real people)` },
      },
    });
    expect(overridden.responseAction).toBe('close');
    await t.slack.waitFor(() => cardJson(t, breach).includes('(overridden, v1)'));

    // Facts for the notices, the notification with its reference and notes, and a § 22 restriction.
    // In the box of the language the detector reads it as (a wrong-language box is refused at the field).
    const lang = detectLanguage(f.facts) ?? 'da';
    expect((await updateFacts(t, breach, t.users.responder, { [`actualConsequences_${lang}`]: f.facts, [`exposureWho_${lang}`]: f.facts })).responseAction).toBe('close');
    const record = await openRecord(t, breach, t.users.dpo, 'notification');
    const notified = await t.driver.submitView({
      user: t.users.dpo,
      viewId: record.id,
      values: fieldValues({ submittedAt: picked(seconds(new Date()) - 120), method: 'online_form', completeness: 'complete', reference: f.reference, notes: f.reference }),
    });
    expect(notified.responseAction).toBe('close');
    const restriction = await openRecord(t, breach, t.users.dpo, 'restriction');
    const restricted = await t.driver.submitView({ user: t.users.dpo, viewId: restriction.id, values: fieldValues({ justification: `${f.restriction} (a police investigation)` }) });
    expect(restricted.responseAction).toBe('close');
    await t.slack.waitFor(() => t.slack.messages(breach.channel_id).some((m) => m.text.includes('§ 22') || JSON.stringify(m.blocks ?? []).includes('§ 22')));

    await pressCard(t, breach, ACTIONS.closeBreach, t.users.dpo);
    const close = await t.slack.waitFor(() => t.slack.openViews(t.users.dpo).find((v) => v.callback_id === CLOSE_VIEW));
    expect((await t.driver.submitView({ user: t.users.dpo, viewId: close.id, values: { note: { [closeAction('note')]: f.note } } })).responseAction).toBe('close');
    await t.slack.waitFor(() => cardJson(t, breach).includes('card_closed'));

    // The timeline, with every text above, in the card's thread.
    const threadBefore = t.slack.thread(breach.channel_id, breach.card_ts).length;
    await t.driver.slashCommand({ user: t.users.dpo, channel: breach.channel_id, text: 'timeline' });
    // Posts in one channel go out one a second (Slack's pace), behind the closing posts.
    await t.slack.waitFor(() => t.slack.thread(breach.channel_id, breach.card_ts).slice(threadBefore).some((m) => m.text.startsWith('Timeline of')), 20_000);

    // Slash-command text, and the organisation's name shown on the Home.
    await t.driver.slashCommand({ user: t.users.reporter, channel: t.generalId, text: f.command });
    await openHome(t, t.users.dpo);
    const press = await t.driver.blockAction({ user: t.users.dpo, view: t.slack.homeView(t.users.dpo)!.id, action_id: HOME_ACTIONS.editSettings });
    expect(press.status).toBe(200);
    const settings = await t.slack.waitFor(() => t.slack.openViews(t.users.dpo).find((v) => v.callback_id === SETTINGS_VIEW));
    // Each run makes about 20 guarded requests, each reading the channel's members; by the fifth run
    // conversations.members (Tier 4, about 100 a minute) can be used up, and the Home's own
    // membership reads then wait for Slack's window instead of being refused: up to a minute.
    const published = t.slack.waitForCall('views.publish', (c) => c.args['user_id'] === t.users.dpo, 70_000);
    await t.driver.submitView({
      user: t.users.dpo,
      viewId: settings.id,
      values: { orgName: { [settingsAction('orgName')]: f.org }, address: { [settingsAction('address')]: f.org }, dpoName: { [settingsAction('dpoName')]: f.org } },
    });
    await published;
    t.slack.assertNoViolations();
  }

  it('declare fields, timeline entry, override justification, facts, notification, § 22, closing note, command text and settings', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          title: hostile,
          description: hostile,
          discovery: hostile,
          systems: hostile,
          entry: hostile,
          justification: hostile,
          facts: hostile,
          reference: hostile,
          restriction: hostile,
          note: hostile,
          org: hostile,
          command: hostile,
        }),
        runFields,
      ),
      // Each run is a whole breach (about 20 guarded requests, each asking conversations.members):
      // more runs a minute than Slack's Tier 4 allows would only measure the pacing (issue 15).
      { numRuns: 5, endOnFailure: true },
    );
  }, 240_000);
});
