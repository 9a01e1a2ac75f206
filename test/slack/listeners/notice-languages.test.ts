import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config.js';
import { openDb, type DbHandle } from '../../../src/db/client.js';
import type { LanguageSettings } from '../../../src/domain/language.js';
import { getOrgSettings, saveOrgSettings } from '../../../src/store/settings.js';
import { useTestBot } from '../../support/bot-harness.js';
import type { CardRow } from '../../support/card.js';
import { describeOnOneDatabase } from '../../support/databases.js';
import { NOTICE_ACTIONS, NOTICE_VIEWS } from '../../../src/slack/ids.js';
import { decidedToTell, draftAndWait, fieldValues, filesOf, openFromCard, updateFacts } from '../../support/notices.js';

/*
 * Issue 12 through Slack: one language per draft. The team's texts typed in one language never land
 * in a draft of the other; they are a visible [MANGLER …] / [MISSING …] gap until the translation is
 * given in Update facts, and the drafts come only in the organisation's drafting languages.
 */

const EN = {
  exposureWho_en: 'The criminal group behind the attack on our booking system',
  likelyConsequences_en: 'Patients may receive phishing e-mails that use their appointment details to look genuine.',
  measuresTaken_en: 'Closed the hole in the booking system\nReset every staff password',
  subjectMeasures_en: 'We have closed the hole that let the criminals in, and changed all our passwords.',
};
const DA = {
  title_da: 'Brud på bookingsystemet',
  description_da: 'Lønudtrækket for oktober blev sendt med e-mail til en ekstern adresse.',
  exposureWho_da: 'Den kriminelle gruppe bag angrebet på vores bookingsystem',
  likelyConsequences_da: 'Patienter kan få phishingmails, der bruger oplysninger om deres aftaler for at virke ægte.',
  measuresTaken_da: 'Lukkede hullet i bookingsystemet\nNulstillede alle medarbejderes adgangskoder',
  subjectMeasures_da: 'Vi har lukket det hul, som de kriminelle kom ind ad, og skiftet alle vores adgangskoder.',
};
const lines = (s: Record<string, string>) => Object.values(s).flatMap((v) => v.split('\n'));

describeOnOneDatabase('one language per draft (issue 12)', ({ freshDatabase }) => {
  const t = useTestBot(freshDatabase, { slack: { rateLimits: { postMessagePerChannel: null } } });
  let db: DbHandle;
  const config = () => loadConfig({ SLACK_BOT_TOKEN: 'xoxb-x', SLACK_SIGNING_SECRET: 's', BREACHBOT_DPO_USERS: t.users.dpo });
  beforeAll(() => {
    db = openDb(t.databaseUrl, { max: 2 });
  });
  afterAll(() => db.close());

  async function setLanguages(languages: LanguageSettings) {
    const s = await getOrgSettings(db.db, config());
    await saveOrgSettings(db.db, config(), {
      organisation: s.organisation, dpoUserIds: s.dpoUserIds, responderGroupId: s.responderGroupId,
      countdownHours: s.reminderSchedule.countdownHours, overdueEveryHours: s.reminderSchedule.overdueEveryHours,
      archiveOnClose: s.archiveOnClose, languages,
    }, { actor: t.users.dpo, now: new Date(), submission: `test-languages-${Date.now()}-${Math.random()}` });
  }

  async function draftFiles(breach: CardRow) {
    const posted = await draftAndWait(t, breach, t.users.responder);
    return filesOf(t, posted.find((m) => m.files?.length)!);
  }
  const file = (files: Awaited<ReturnType<typeof draftFiles>>, part: string) => files.find((f) => f.name.includes(part))!.text;

  it('facts typed in English: the Danish drafts show gaps, never the English words; the translation removes the gap', async () => {
    await setLanguages({ drafting: ['da', 'en'], writing: 'en' });
    const breach = await decidedToTell(t, 'Booking system breach, typed in English');
    expect((await updateFacts(t, breach, t.users.responder, EN)).responseAction).toBe('close');

    const v1 = await draftFiles(breach);
    expect(v1.map((f) => f.name.replace(breach.reference, 'REF')).sort()).toEqual(['REF-authority-da-v1.md', 'REF-authority-en-v1.md', 'REF-subject-da-v1.md', 'REF-subject-en-v1.md']);
    for (const da of [file(v1, 'authority-da'), file(v1, 'subject-da')]) for (const line of lines(EN)) expect(da).not.toContain(line);
    expect(file(v1, 'authority-da')).toContain('[MANGLER: dansk tekst for "trufne foranstaltninger"]');
    // The assessment's findings are the bot's own text: stated in Danish in the Danish draft, not quoted in English.
    const findings = (md: string, label: string) =>
      (md.split(`**${label}:**`)[1] ?? '').split('\n## ')[0]!.split('\n').filter((l) => l.startsWith('- ')).map((l) => l.slice(2));
    const findingsEn = findings(file(v1, 'authority-en'), 'Reasons');
    expect(findingsEn.length).toBeGreaterThan(0);
    expect(findings(file(v1, 'authority-da'), 'Begrundelser')).toHaveLength(findingsEn.length);
    for (const finding of findingsEn) expect(file(v1, 'authority-da')).not.toContain(finding);
    expect(file(v1, 'subject-da')).toContain('[MANGLER: dansk tekst for "hvad vi har gjort, fortalt til de berørte"]');
    expect(file(v1, 'subject-da')).toContain('[MANGLER: dansk tekst for "hvem der kan have set oplysningerne"]');
    // The declared title and description (typed in English) are the English text, and a gap in Danish.
    expect(file(v1, 'authority-da')).toContain('[MANGLER: dansk tekst for "en kort titel"]');
    expect(file(v1, 'authority-da')).toContain('[MANGLER: dansk tekst for "hvad der er sket"]');
    expect(file(v1, 'authority-da')).not.toContain('Booking system breach, typed in English');
    expect(file(v1, 'authority-en')).toContain('Booking system breach, typed in English');
    expect(file(v1, 'subject-en')).toContain(EN.exposureWho_en);
    expect(file(v1, 'authority-en')).toContain('Reset every staff password');

    // English in the Danish box is refused at that box; nothing is saved.
    const wrong = await updateFacts(t, breach, t.users.responder, { ...EN, likelyConsequences_da: EN.likelyConsequences_en });
    expect(wrong.errors).toEqual({ likelyConsequences_da: expect.stringMatching(/^This reads as English, but this box is for the Danish text/) });
    // A translation far shorter than the English is refused too.
    const short = await updateFacts(t, breach, t.users.responder, { ...EN, likelyConsequences_da: 'Phishing.' });
    expect(short.errors?.['likelyConsequences_da']).toMatch(/^This is much shorter than the English text/);

    expect((await updateFacts(t, breach, t.users.responder, { ...EN, ...DA })).responseAction).toBe('close');
    const v2 = await draftFiles(breach);
    const da2 = file(v2, 'subject-da-v2');
    expect(da2).toContain(DA.exposureWho_da);
    expect(da2).toContain(DA.subjectMeasures_da);
    expect(file(v2, 'authority-da-v2')).toContain('Nulstillede alle medarbejderes adgangskoder');
    expect(da2).not.toContain('dansk tekst for');
    expect(file(v2, 'authority-da-v2')).toContain(DA.description_da);
    for (const line of lines(EN)) expect(da2).not.toContain(line);
  });

  it('a Danish team: the English drafts show gaps, never the Danish words', async () => {
    await setLanguages({ drafting: ['da', 'en'], writing: 'da' });
    const breach = await decidedToTell(t, 'Booking system breach, typed in Danish');
    expect((await updateFacts(t, breach, t.users.responder, DA)).responseAction).toBe('close');
    const files = await draftFiles(breach);
    for (const en of [file(files, 'authority-en'), file(files, 'subject-en')]) for (const line of lines(DA)) expect(en).not.toContain(line);
    expect(file(files, 'authority-en')).toContain('[MISSING: English text for "the measures taken"]');
    expect(file(files, 'subject-en')).toContain('[MISSING: English text for "what we have done, told to the people affected"]');
    expect(file(files, 'subject-da')).toContain(DA.exposureWho_da);
  });

  it('an English-only organisation gets English drafts only, and the form has English boxes only', async () => {
    await setLanguages({ drafting: ['en'], writing: 'en' });
    const breach = await decidedToTell(t, 'Booking system breach, English only');
    const modal = await openFromCard(t, breach, NOTICE_ACTIONS.updateFacts, NOTICE_VIEWS.facts, t.users.responder);
    const blocks = modal.blocks.map((b) => b['block_id']);
    expect(blocks).toContain('exposureWho_en');
    expect(blocks).not.toContain('exposureWho_da');
    expect((await t.driver.submitView({ user: t.users.responder, viewId: modal.id, values: fieldValues(EN) })).responseAction).toBe('close');
    const files = await draftFiles(breach);
    expect(files.map((f) => f.name.replace(breach.reference, 'REF')).sort()).toEqual(['REF-authority-en-v1.md', 'REF-subject-en-v1.md']);
    for (const f of files) expect(f.text).not.toMatch(/MANGLER|English text for/);
    t.slack.assertNoViolations();
  });
});
