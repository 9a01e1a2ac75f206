import postgres from 'postgres';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ASSESSMENT, declareAction, NOTICE_ACTIONS, NOTICE_VIEWS, overrideAction } from '../../../src/slack/ids.js';
import { declareForAssessment } from '../../support/assess.js';
import { useTestBot } from '../../support/bot-harness.js';
import { assessedLeak, cardJson, type CardRow } from '../../support/card.js';
import { describeOnOneDatabase } from '../../support/databases.js';
import { declareValues, openDeclare, seconds, waitForSetup } from '../../support/declare.js';
import { eventually } from '../../support/eventually.js';
import { draftAndWait, fieldValues, filesOf, openFromCard, picked } from '../../support/notices.js';

/*
 * The facts the EDPB template and Datatilsynet's form ask for (issue 11), end to end through Slack:
 * typed in the Declare and Update facts modals, refused at the field when they cannot be right,
 * stored and versioned, and shown in both drafts. The reporter's name comes from their profile.
 * And the notice states the DPO's decision as recorded after an override.
 */

describeOnOneDatabase('the template facts in the Slack flow', ({ freshDatabase }) => {
  const t = useTestBot(freshDatabase, { slack: { rateLimits: { postMessagePerChannel: null } } });
  let sql: postgres.Sql;
  beforeAll(() => {
    sql = postgres(t.databaseUrl, { max: 1, onnotice: () => {} });
  });
  afterAll(() => sql.end());

  it('declare and Update facts take them, at the field when wrong, and the drafts show them', async () => {
    const lars = t.slack.addUser({ name: 'lars.leth', realName: 'Lars Leth' }).id;
    const title = 'Ransomware on the booking server';
    const now = seconds(new Date());
    const d = (field: string, value: unknown) => ({ [field]: { [declareAction(field as never)]: value } });
    const base = {
      ...declareValues({ title, awareAt: now - 3600, responders: [t.users.responder] }),
      ...d('startedAt', picked(now - 4 * 3600)),
      ...d('incidentCategory', 'malware'),
      ...d('reporterFunction', 'IT manager'),
    };

    // Wrong times are refused at their fields, with the reason.
    const view = await openDeclare(t, 'declare', lars);
    const refused = await t.driver.submitView({
      user: lars,
      viewId: view.id,
      values: { ...base, ...d('detectedAt', picked(now + 3600)), ...d('endedAt', picked(now - 5 * 3600)), ...d('ongoing', 'no') },
    });
    expect(refused.responseAction).toBe('errors');
    expect(refused.errors).toEqual({
      detectedAt: 'When it was detected cannot be in the future.',
      endedAt: expect.stringContaining('It cannot have ended before it started'),
    });
    const stillOngoing = await t.driver.submitView({
      user: lars, viewId: view.id, values: { ...base, ...d('detectedAt', picked(now - 3 * 3600)), ...d('endedAt', picked(now - 2 * 3600)), ...d('ongoing', 'yes') },
    });
    expect(stillOngoing.errors).toEqual({ endedAt: 'You gave an end time: answer "No, it has stopped" below, or clear the end time.' });

    const ok = await t.driver.submitView({
      user: lars,
      viewId: view.id,
      values: { ...base, ...d('detectedAt', picked(now - 3 * 3600)), ...d('endedAt', picked(now - 2 * 3600)), ...d('ongoing', 'no') },
    });
    expect(ok.responseAction).toBe('close');
    const breach = (await waitForSetup(t.databaseUrl, title)) as unknown as CardRow & { id: string };

    // Stored with the breach; the reporter's name comes from their Slack profile after setup.
    const stored = await eventually(async () => {
      const [row] = await sql`select facts from breaches where id = ${breach.id}`;
      return row?.facts?.reporterName ? row.facts : undefined;
    }, 10_000, 'the reporter name');
    expect(stored).toEqual({
      incidentCategory: 'malware',
      detectedAt: new Date((now - 3 * 3600) * 1000).toISOString(),
      endedAt: new Date((now - 2 * 3600) * 1000).toISOString(),
      reporterFunction: 'IT manager',
      reporterName: 'Lars Leth',
    });
    const [declared] = await sql`select data from breach_events where breach_id = ${breach.id} and type = 'breach_declared'`;
    expect(declared!.data.facts).toMatchObject({ incidentCategory: 'malware', reporterFunction: 'IT manager' });

    // Update facts shows what is recorded, refuses a country list it cannot read, then saves.
    const modal = await openFromCard(t, breach, NOTICE_ACTIONS.updateFacts, NOTICE_VIEWS.facts, lars);
    const element = (block: string) => (modal.blocks.find((b) => b['block_id'] === block) as { element: Record<string, unknown> }).element;
    expect(element('reporterName')['initial_value']).toBe('Lars Leth');
    expect(element('reporterFunction')['initial_value']).toBe('IT manager');
    expect(element('incidentCategory')['initial_option']).toMatchObject({ value: 'malware' });
    expect(element('endedAt')['initial_date_time']).toBe(now - 2 * 3600);
    const badCountries = await t.driver.submitView({
      user: lars, viewId: modal.id, values: fieldValues({ crossBorder: 'yes', crossBorderCountries: 'Germany: 120\nAtlantis: 3' }),
    });
    expect(badCountries.responseAction).toBe('errors');
    expect(badCountries.errors).toEqual({ crossBorderCountries: expect.stringContaining('"Atlantis" is not an EU/EEA country') });
    const saved = await t.driver.submitView({
      user: lars,
      viewId: modal.id,
      values: fieldValues({
        crossBorder: 'yes', crossBorderCountries: 'Germany: 120\nSverige: 8', sector: 'Health care', dataUnintelligible: 'no',
        incidentCategory: 'phishing',
      }),
    });
    expect(saved.responseAction).toBe('close');
    const [event] = await sql`select actor, data from breach_events where breach_id = ${breach.id} and type = 'facts_updated' and actor = ${lars}`;
    expect(event!.data).toMatchObject({
      changed: expect.arrayContaining(['incidentCategory', 'crossBorderCountries', 'sector', 'dataUnintelligible']),
      before: { incidentCategory: 'malware', sector: null },
      after: { incidentCategory: 'phishing', crossBorderCountries: [{ country: 'DE', count: 120 }, { country: 'SE', count: 8 }] },
    });

    // Both drafts carry them; what is still unknown is a gap.
    const posted = await draftAndWait(t, breach, lars);
    const files = filesOf(t, posted.find((m) => m.files?.length)!);
    const en = files.find((f) => f.name.endsWith('-authority-en-v1.md'))!.text;
    const da = files.find((f) => f.name.endsWith('-authority-da-v1.md'))!.text;
    for (const needle of [
      '**Person reporting:** Lars Leth (IT manager)', '**Sector:** Health care', '**Kind of incident:** phishing or social engineering',
      '**Still ongoing:** No, the breach has ended.', '**The breach ended:** ', '**The breach was detected:** ',
      'unintelligible to whoever got them:** No.', '**People in other EU/EEA countries affected:** Yes: Germany (120) and Sweden (8).',
      'without undue delay and, where feasible, not later than 72 hours after becoming aware',
    ]) expect(en, needle).toContain(needle);
    for (const needle of [
      '**Anmelder:** Lars Leth (IT manager)', '**Hændelsens art:** phishing eller social manipulation', 'Ja: Tyskland (120) og Sverige (8).',
      'uden unødig forsinkelse og om muligt senest 72 timer, efter at',
    ]) expect(da, needle).toContain(needle);
    expect(en).not.toContain('[MISSING: when the breach ended]');
    expect(en).toContain('[MISSING: the risk assessment]');
    t.slack.assertNoViolations();
  });

  it('after an override, the drafts state the DPO\'s decision and reasons, in both languages, without the engine\'s', async () => {
    const breach = (await declareForAssessment(t, 'Patient letters sent to the wrong address')) as unknown as CardRow & { id: string };
    const result = await assessedLeak(t, breach); // proposes: notify, and tell the people directly
    await t.driver.blockAction({ user: t.users.dpo, message: { channel: breach.channel_id, ts: result.ts }, action_id: ASSESSMENT.override });
    const override = await t.slack.waitFor(() => t.slack.openViews(t.users.dpo).find((v) => v.callback_id === ASSESSMENT.overrideView));
    const justification = 'The letters went to the hospital next door, whose staff are bound to secrecy and returned them unopened.';
    const res = await t.driver.submitView({
      user: t.users.dpo,
      viewId: override.id,
      values: {
        notifyAuthority: { [overrideAction('notifyAuthority')]: 'yes' },
        communicateToSubjects: { [overrideAction('communicateToSubjects')]: 'no' },
        justification: { [overrideAction('justification')]: justification },
      },
    });
    expect(res.responseAction).toBe('close');
    await t.slack.waitFor(() => cardJson(t, breach).includes('(overridden, v1)'));
    const [stored] = await sql`select result from assessments where breach_id = ${breach.id}`;
    const engineReasons = stored!.result.reasons as string[];

    const posted = await draftAndWait(t, breach, t.users.dpo);
    const files = filesOf(t, posted.find((m) => m.files?.length)!);
    expect(files.map((f) => f.name).sort()).toEqual([`${breach.reference}-authority-da-v1.md`, `${breach.reference}-authority-en-v1.md`]);
    const section = (md: string, heading: string) => md.split(`## ${heading}`)[1]?.split('\n## ')[0] ?? '';
    for (const [lang, md] of files.map((f) => [f.name.includes('-da-') ? 'da' : 'en', f.text] as const)) {
      const risk = section(md, lang === 'en' ? 'Likely consequences and risk assessment' : 'Sandsynlige konsekvenser og risikovurdering');
      const told = section(md, lang === 'en' ? 'Communication to the data subjects' : 'Underretning af de registrerede');
      // The DPO's outcome: a risk (a notification without telling the people), not the engine's high risk.
      expect(risk).toContain(lang === 'en'
        ? '**Our risk assessment:** The breach is likely to result in a risk to the rights and freedoms of natural persons.'
        : '**Vores risikovurdering:** Bruddet indebærer sandsynligvis en risiko for fysiske personers rettigheder og frihedsrettigheder.');
      expect(risk).toContain(justification);
      expect(told).toContain(lang === 'en' ? 'The data subjects are not told.' : 'De registrerede underrettes ikke.');
      expect(told).toContain(justification);
      // Nobody recorded it in Update facts, but the questionnaire answered "not encrypted" (issue 11c).
      expect(md).toContain(lang === 'en' ? 'unintelligible to whoever got them:** No.' : 'uforståelige for uvedkommende:** Nej.');
      for (const reason of engineReasons) expect(md).not.toContain(reason);
      expect(md).not.toMatch(/must be told|need not be notified|another reason|en anden begrundelse/);
    }
    t.slack.assertNoViolations();
  });
});
