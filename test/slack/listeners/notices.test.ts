import postgres from 'postgres';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ACTIONS, declareAction, NOTICE_ACTIONS, NOTICE_VIEWS } from '../../../src/slack/ids.js';
import type { EmulatedMessage } from '../../emulator/index.js';
import { declareForAssessment } from '../../support/assess.js';
import { useTestBot } from '../../support/bot-harness.js';
import { cardJson, decidedNoNotification, pressCard, type CardRow } from '../../support/card.js';
import { describeOnOneDatabase } from '../../support/databases.js';
import { declareValues, openDeclare, waitForSetup } from '../../support/declare.js';
import { buttonPayload, sendPayload } from '../../support/forged.js';
import { draftAndWait, fieldValues, filesOf, openRecord, picked, threadOf, updateFacts } from '../../support/notices.js';

/** Every text object of a message's blocks. */
function texts(m: EmulatedMessage): string[] {
  const out: string[] = [];
  for (const b of m.blocks ?? []) {
    const t = (b as { text?: { text?: string } }).text?.text;
    if (t) out.push(t);
  }
  return out;
}

function expectWithinLimits(m: EmulatedMessage) {
  expect((m.blocks ?? []).length).toBeLessThanOrEqual(50);
  for (const t of texts(m)) expect(t.length).toBeLessThanOrEqual(3000);
  expect(texts(m).join('').length).toBeLessThanOrEqual(10_000);
}

describeOnOneDatabase('drafting the notices', ({ freshDatabase }) => {
  // The drafts are several posts in one thread; Slack's 1 post/s per channel would only slow the test down.
  const t = useTestBot(freshDatabase, { slack: { rateLimits: { postMessagePerChannel: null } } });
  let sql: postgres.Sql;
  beforeAll(() => {
    sql = postgres(t.databaseUrl, { max: 1, onnotice: () => {} });
  });
  afterAll(() => sql.end());

  const drafts = (breachId: string) =>
    sql`select kind, lang, version, message_ts, file_id, missing_count, facts_hash from notice_drafts where breach_id = ${breachId} order by version, kind, lang`;

  it('one thread message per round: what was drafted, the gaps to fill, the files; no change says so; new facts make version 2', async () => {
    const breach = (await declareForAssessment(t, 'Order confirmations sent to the wrong customers')) as unknown as CardRow;
    const posted = await draftAndWait(t, breach, t.users.responder);

    // One message: the summary, the gap checklist with Fill gaps, and the files; the full texts are only in the files.
    expect(posted).toHaveLength(1);
    const share = posted[0]!;
    expect(share.thread_ts).toBe(breach.card_ts);
    expectWithinLimits(share);
    const shown = JSON.stringify(share.blocks);
    expect(shown).toMatch(/drafted the notices \(v1\)/);
    expect(shown).toMatch(/Notification to Datatilsynet\* \(English\) v1: \d+ gaps/);
    const gaps = (share.blocks ?? []).find((b) => b['block_id'] === 'draft_gaps') as { text: { text: string }; accessory: { action_id: string; value: string } };
    expect(gaps.text.text).toMatch(/^\*Gaps to fill\* \(\d+\)\n:white_square: /);
    const gapCount = Number(/\((\d+)\)/.exec(gaps.text.text)![1]);
    expect(gaps.text.text.split(':white_square:')).toHaveLength(6);
    expect(gaps.text.text).toContain(`…and ${gapCount - 5} more, marked [MISSING: …] in the files.`);
    expect(gaps.accessory).toMatchObject({ action_id: NOTICE_ACTIONS.fillGaps, value: expect.stringMatching(new RegExp(`^${breach.id}\\|`)) });
    // The organisation's unset details: one line pointing to the Home tab, not one gap each.
    expect(gaps.text.text).not.toContain('CVR');
    expect(shown.match(/Home tab/g)).toHaveLength(1);
    expect(shown).not.toContain('[MISSING: the number of data subjects]');

    const files = filesOf(t, share);
    expect(files.map((f) => f.name).sort()).toEqual([`${breach.reference}-authority-da-v1.md`, `${breach.reference}-authority-en-v1.md`]);
    for (const f of files) {
      expect(f.completed).toBe(true);
      expect(f.thread_ts).toBe(breach.card_ts);
      expect(f.channels).toEqual([breach.channel_id]);
    }
    expect(files.find((f) => f.name.endsWith('-en-v1.md'))!.text).toMatch(/^# Notification of a personal data breach to Datatilsynet/);
    expect(files.find((f) => f.name.endsWith('-en-v1.md'))!.text).toContain('[MISSING: the number of data subjects]');
    expect(files.find((f) => f.name.endsWith('-da-v1.md'))!.text).toContain('[MANGLER: antal registrerede]');

    const rows = await drafts(breach.id);
    expect(rows.map((r) => `${r.kind}/${r.lang}/v${r.version}`)).toEqual(['authority/da/v1', 'authority/en/v1']);
    for (const r of rows) {
      expect(r.file_id).toBe(files.find((f) => f.name.endsWith(`-${r.lang}-v1.md`))!.id);
      expect(r.message_ts).toBeNull();
    }
    const [event] = await sql`select actor, data from breach_events where breach_id = ${breach.id} and type = 'notices_drafted'`;
    expect(event!.actor).toBe(t.users.responder);
    await t.slack.waitFor(() => cardJson(t, breach).includes('Drafts: v1'));

    // Again, with nothing changed: "no change since version 1", to the person only.
    const threadLength = threadOf(t, breach).length;
    await pressCard(t, breach, ACTIONS.draftNotices, t.users.reporter);
    const note = await t.slack.waitFor(() => t.slack.ephemerals({ channel: breach.channel_id, user: t.users.reporter }).find((e) => e.text.includes('No change since version 1')));
    expect(note.text).toContain('Update facts');
    expect(threadOf(t, breach)).toHaveLength(threadLength);
    expect(await drafts(breach.id)).toHaveLength(2);

    // New facts (long ones, and text that tries to mention everyone): the card offers version 2.
    const long = (what: string) => `${what}: ${'the affected orders were traced through the shop logs and the mail server. '.repeat(38)}`.slice(0, 2900);
    const saved = await updateFacts(t, breach, t.users.responder, {
      subjectsCount: '1200',
      approximate: ['subjects'],
      // Typed in English, in the English boxes (the team writes in Danish by default).
      measuresTaken_en: 'Recalled the e-mails\nAsked the recipients to delete them <!channel> & confirm',
      likelyConsequences_en: long('Consequences'),
      actualConsequences_en: long('So far'),
      causeDescription_en: long('Cause'),
      exposureWho_en: long('Recipients'),
      dataDescription_en: long('Data'),
    });
    expect(saved.responseAction).toBe('close');
    const [facts] = await sql`select data from breach_events where breach_id = ${breach.id} and type = 'facts_updated' and actor = ${t.users.responder}`;
    expect(facts!.data).toMatchObject({ changed: expect.arrayContaining(['subjectsCount', 'measuresTaken']), before: { subjectsCount: null }, after: { subjectsCount: 1200, subjectsApproximate: true } });
    await t.slack.waitFor(() => cardJson(t, breach).includes('Facts changed since draft v1'));
    await t.slack.waitFor(() => threadOf(t, breach).some((m) => m.text.includes('updated the facts')));

    const second = await draftAndWait(t, breach, t.users.responder);
    // Long drafts still make one message within the limits: the long texts are in the files.
    expect(second).toHaveLength(1);
    expectWithinLimits(second[0]!);
    expect(JSON.stringify(second[0]!.blocks)).not.toContain('<!channel>');
    // Fewer gaps once facts are filled in.
    const secondGaps = (second[0]!.blocks ?? []).find((b) => b['block_id'] === 'draft_gaps') as { text: { text: string } };
    expect(Number(/\((\d+)\)/.exec(secondGaps.text.text)![1])).toBeLessThan(gapCount);
    const v2File = filesOf(t, second[0]!).find((f) => f.name.endsWith('-en-v2.md'))!;
    expect(v2File.text).toContain('approximately 1,200');
    expect(v2File.text).toContain('them <!channel> & confirm');
    expect((await drafts(breach.id)).map((r) => r.version)).toEqual([1, 1, 2, 2]);
    await t.slack.waitFor(() => cardJson(t, breach).includes('Drafts: v2') && !cardJson(t, breach).includes('Facts changed since'));
    t.slack.assertNoViolations();
  });

  it('Fill gaps opens Update facts at the gaps the round named, filled in; once filled, the next round no longer lists them', async () => {
    const breach = (await declareForAssessment(t, 'Invoices e-mailed to the wrong customers')) as unknown as CardRow;
    const [round] = await draftAndWait(t, breach, t.users.responder);
    const checklist = () => ((round!.blocks ?? []).find((b) => b['block_id'] === 'draft_gaps') as { text: { text: string }; accessory: { value: string } });
    const named = ['the function of the person reporting', 'our sector', 'other parties involved (processors, joint controllers), or none'];
    for (const label of named) expect(checklist().text.text).toContain(`:white_square: ${label}`);
    const before = Number(/\((\d+)\)/.exec(checklist().text.text)![1]);

    // Pressed on the round's message, as Slack sends it (the button's own value).
    await t.driver.blockAction({ user: t.users.responder, message: { channel: breach.channel_id, ts: round!.ts }, action_id: NOTICE_ACTIONS.fillGaps });
    const form = await t.slack.waitFor(() => t.slack.openViews(t.users.responder).find((v) => v.callback_id === NOTICE_VIEWS.facts));
    expect(form.title).toMatchObject({ text: 'Fill gaps' });
    const blocks = form.blocks as Array<Record<string, any>>;
    expect(blocks[1]).toMatchObject({ type: 'header', text: { text: 'Gaps to fill' } });
    const inputs = blocks.filter((b) => b['type'] === 'input').map((b) => b['block_id']);
    // The fields of the named gaps come first, in the checklist's order.
    expect(inputs.slice(0, 3)).toEqual(['reporterFunction', 'sector', 'processors']);
    const divider = blocks.findIndex((b) => b['type'] === 'divider');
    const gapInputs = blocks.slice(0, divider).filter((b) => b['type'] === 'input').map((b) => b['block_id']);
    expect(gapInputs).toEqual(expect.arrayContaining(['subjectsCount', 'causeOrigin', 'measuresTaken_da', 'measuresTaken_en']));
    // Facts already recorded are not gaps: they stay below, filled in.
    expect(gapInputs).not.toContain('title_da');
    expect(gapInputs).not.toContain('reporterName');
    const reporterName = blocks.find((b) => b['block_id'] === 'reporterName')!;
    expect(reporterName['element']['initial_value']).toBeTruthy();
    // What this form cannot fill is said, with where.
    expect(JSON.stringify(blocks.slice(0, divider))).toContain('*Record notification* on the card, once it is sent: whether the notification is complete or initial');

    const saved = await t.driver.submitView({
      user: t.users.responder,
      viewId: form.id,
      values: fieldValues({ reporterFunction: 'IT security officer', sector: 'retail', processors: 'none' }),
    });
    expect(saved.responseAction).toBe('close');
    await t.slack.waitFor(() => threadOf(t, breach).some((m) => m.text.includes('updated the facts')));
    const [facts] = await sql`select facts from breaches where id = ${breach.id}`;
    expect(facts!.facts).toMatchObject({ reporterFunction: 'IT security officer', sector: 'retail', processors: [], reporterName: expect.any(String) });

    const [next] = await draftAndWait(t, breach, t.users.responder);
    const gapsNow = ((next!.blocks ?? []).find((b) => b['block_id'] === 'draft_gaps') as { text: { text: string } }).text.text;
    for (const label of named) expect(gapsNow).not.toContain(label);
    expect(Number(/\((\d+)\)/.exec(gapsNow)![1])).toBe(before - named.length);
    t.slack.assertNoViolations();
  });

  it('Read full text shows a draft in a modal, to the breach\'s people, and only drafts of that breach', async () => {
    const breach = (await declareForAssessment(t, 'Customer list left on a shared drive')) as unknown as CardRow;
    const [round] = await draftAndWait(t, breach, t.users.responder);
    const read = (round!.blocks ?? []).find((b) => b['block_id'] === 'draft_read') as { elements: Array<Record<string, any>> };
    // Two drafts (Danish and English): a menu of them.
    const menu = read.elements[0]!;
    expect(menu).toMatchObject({ type: 'static_select', action_id: NOTICE_ACTIONS.readDraft });
    const english = (menu['options'] as Array<{ text: { text: string }; value: string }>).find((o) => o.text.text === 'Notification to Datatilsynet (English) v1')!;
    expect(english).toBeDefined();

    await t.driver.blockAction({ user: t.users.responder, message: { channel: breach.channel_id, ts: round!.ts }, action_id: NOTICE_ACTIONS.readDraft, selected_option: english.value });
    const modal = await t.slack.waitFor(() => t.slack.openViews(t.users.responder).find((v) => v.callback_id === NOTICE_VIEWS.draftText));
    const shown = (modal.blocks as Array<{ text?: { text: string }; elements?: Array<{ text: string }> }>).map((b) => b.text?.text ?? b.elements?.[0]?.text ?? '').join('\n');
    const file = filesOf(t, round!).find((f) => f.name.endsWith('-en-v1.md'))!;
    expect(shown).toContain(`The same text is in the file \`${file.name}\``);
    expect(shown).toContain('*Notification of a personal data breach to Datatilsynet*');
    expect(shown).toContain('[MISSING: the number of data subjects]');
    expect(shown).toContain(`*Our reference:* ${breach.reference}`);
    // The whole draft: every word of the file is in the modal.
    const words = (x: string) => x.replace(/[*•#]/g, ' ').split(/\s+/).filter(Boolean);
    expect(words(shown.split('\n').slice(1).join('\n').replaceAll('&amp;', '&').replaceAll('&lt;', '<').replaceAll('&gt;', '>'))).toEqual(words(file.text));
    expect(shown).not.toContain('The text goes on');
    await t.driver.closeView({ user: t.users.responder, viewId: modal.id });

    // A draft of another breach named in the value is refused, even to someone who may read this one.
    const other = (await declareForAssessment(t, 'Second breach for the draft check')) as unknown as CardRow;
    const opened = t.slack.openViews(t.users.responder).length;
    const from = t.slack.ephemerals({ channel: other.channel_id, user: t.users.responder }).length;
    const forged = `${other.id}|${english.value.split('|')[1]}`;
    // Slack would not send this (no such button on that card): a forged, signed request.
    await sendPayload(t, buttonPayload(t, t.users.responder, { channel: other.channel_id, ts: other.card_ts }, NOTICE_ACTIONS.readDraft, forged));
    const note = await t.slack.waitFor(() => t.slack.ephemerals({ channel: other.channel_id, user: t.users.responder }).slice(from)[0]);
    expect(note.text).toContain(`not one of ${other.reference}'s`);
    expect(t.slack.openViews(t.users.responder)).toHaveLength(opened);
  });

  it('after "not required": no notice to Datatilsynet unless asked for from the menu, and then labelled at its top', async () => {
    const { breach } = await decidedNoNotification(t, 'Staff rota shown on a meeting-room screen');
    // Draft notices is no longer on the card; a press on an older copy of it drafts nothing and says what can be done.
    const from = t.slack.ephemerals({ channel: breach.channel_id, user: t.users.responder }).length;
    await sendPayload(t, buttonPayload(t, t.users.responder, { channel: breach.channel_id, ts: breach.card_ts }, ACTIONS.draftNotices, breach.id));
    const note = await t.slack.waitFor(() => t.slack.ephemerals({ channel: breach.channel_id, user: t.users.responder }).slice(from)[0]);
    expect(note.text).toContain('is that Datatilsynet need not be notified and the people affected need not be told, so there is nothing to draft');
    expect(note.text).toContain("choose *Draft a Datatilsynet notice anyway* in the card's ⋯ menu");
    expect(await drafts(breach.id)).toEqual([]);

    // The card's menu offers it under that name.
    const menu = (t.slack.pins(breach.channel_id)[0]?.blocks ?? []).flatMap((b) => ((b as { elements?: Array<Record<string, any>> }).elements ?? []))
      .find((e) => e['type'] === 'overflow')!['options'] as Array<{ text: { text: string }; value: string }>;
    expect(menu.find((o) => o.value.startsWith(`${ACTIONS.draftAuthorityAnyway}|`))?.text.text).toBe('Draft a Datatilsynet notice anyway');
    const before = threadOf(t, breach).length;
    await pressCard(t, breach, ACTIONS.draftAuthorityAnyway, t.users.responder);
    const round = await t.slack.waitFor(() => threadOf(t, breach).slice(before).find((m) => m.files?.length), { timeoutMs: 30_000 });
    const headline = JSON.stringify(round.blocks);
    expect(headline).toContain('asked for a notice to Datatilsynet (v1) although the recorded decision is that Datatilsynet need not be notified');
    expect(headline).toContain('do not file it unless the decision changes');
    const files = filesOf(t, round);
    expect(files.map((f) => f.name).sort()).toEqual([`${breach.reference}-authority-da-v1.md`, `${breach.reference}-authority-en-v1.md`]);
    const top = (name: string) => files.find((f) => f.name.endsWith(name))!.text.split('\n\n').slice(0, 2);
    expect(top('-en-v1.md')).toEqual(['# Notification of a personal data breach to Datatilsynet', '**Drafted on request: the recorded decision is that Datatilsynet need not be notified**']);
    expect(top('-da-v1.md')[1]).toBe('**Udkast på anmodning: den registrerede beslutning er, at Datatilsynet ikke skal underrettes**');
    const [event] = await sql`select data from breach_events where breach_id = ${breach.id} and type = 'notices_drafted'`;
    expect(event!.data).toMatchObject({ round: 'authority_on_request' });

    // The card lists the draft without asking for a new one, and the next step is still to close.
    await t.slack.waitFor(() => cardJson(t, breach).includes('Drafts: v1'));
    expect(cardJson(t, breach)).not.toContain('Facts changed since');
    expect(cardJson(t, breach)).not.toContain('Deadline to notify');
    t.slack.assertNoViolations();
  });

  it("a processor drafts its notice to the controller, records it as told, and /breach facts opens the same form", async () => {
    const title = 'Client mailing list exposed by our test server';
    const view = await openDeclare(t);
    const values: Record<string, Record<string, unknown>> = declareValues({ title, responders: [t.users.responder] });
    values['role'] = { [declareAction('role')]: 'processor' };
    await t.driver.submitView({ user: t.users.reporter, viewId: view.id, values });
    const breach = (await waitForSetup(t.databaseUrl, title)) as unknown as CardRow;

    const res = await t.driver.slashCommand({ user: t.users.responder, channel: breach.channel_id, text: 'facts' });
    expect(res.status).toBe(200);
    const modal = await t.slack.waitFor(() => t.slack.openViews(t.users.responder).find((v) => v.callback_id === NOTICE_VIEWS.facts));
    expect(modal.blocks.some((b) => b['block_id'] === 'controller')).toBe(true);
    await t.driver.submitView({ user: t.users.responder, viewId: modal.id, values: fieldValues({ controller: 'Acme Retail A/S' }) });
    await t.slack.waitFor(() => threadOf(t, breach).some((m) => m.text.includes('updated the facts: the controller')));

    const posted = await draftAndWait(t, breach, t.users.responder);
    const files = filesOf(t, posted.find((m) => m.files?.length)!);
    expect(files.map((f) => f.name).sort()).toEqual([`${breach.reference}-processor-da-v1.md`, `${breach.reference}-processor-en-v1.md`]);
    expect(files.find((f) => f.name.includes('-en-'))!.text).toContain('**To:** Acme Retail A/S');

    // The processor records only its notice to the controller: no choice of the people or § 22.
    const record = await openRecord(t, breach, t.users.dpo);
    expect(record.blocks.some((b) => b['block_id'] === 'record_kind')).toBe(false);
    const ok = await t.driver.submitView({
      user: t.users.dpo,
      viewId: record.id,
      values: fieldValues({ submittedAt: picked(Math.floor(Date.now() / 1000) - 60), method: 'email', completeness: 'complete' }),
    });
    expect(ok.responseAction).toBe('close');
    expect(await sql`select target, completeness from notifications where breach_id = ${breach.id}`).toEqual([{ target: 'controller', completeness: 'complete' }]);
    await t.slack.waitFor(() => cardJson(t, breach).includes('Controller told: complete'));
    t.slack.assertNoViolations();
  });
});
