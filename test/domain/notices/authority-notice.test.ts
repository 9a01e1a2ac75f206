/**
 * Golden tests of the notice to Datatilsynet, section by section: order (EDPB template), headings in
 * both languages, the key facts in the right section, placeholders exactly where facts are missing,
 * and the gap count in the header.
 */

import { describe, expect, it } from 'vitest';
import {
  draftAuthorityNotice, placeholder, type FieldKey, type Language, type NoticeDraft, type NoticeFacts,
} from '../../../src/domain/notices/index.js';
import { formatNumber } from '../../../src/domain/notices/format.js';
import {
  misSentEmailCase, misSentEmailCaseDa, misSentNow, ransomwareCase, ransomwareCaseDa, ransomwareNow, sectionsById, seedCase, seedCaseDa, seedNow,
} from './fixtures.js';

const HEADINGS: Record<Language, Record<string, string>> = {
  en: {
    notification_type: 'Type of notification',
    contacts: 'Controller and contact details',
    timeline: 'Timeline',
    delay: 'Reasons for the delay',
    nature: 'Nature of the breach',
    subjects_and_data: 'Data subjects and personal data concerned',
    measures_before: 'Measures in place before the breach',
    consequences_and_risk: 'Likely consequences and risk assessment',
    measures_taken: 'Measures taken and proposed',
    communication: 'Communication to the data subjects',
    other_authorities: 'Other authorities and cross-border aspects',
  },
  da: {
    notification_type: 'Anmeldelsestype',
    contacts: 'Dataansvarlig og kontaktoplysninger',
    timeline: 'Tidsforløb',
    delay: 'Begrundelse for forsinkelsen',
    nature: 'Bruddets karakter',
    subjects_and_data: 'Berørte registrerede og personoplysninger',
    measures_before: 'Foranstaltninger før bruddet',
    consequences_and_risk: 'Sandsynlige konsekvenser og risikovurdering',
    measures_taken: 'Trufne og foreslåede foranstaltninger',
    communication: 'Underretning af de registrerede',
    other_authorities: 'Andre myndigheder og grænseoverskridende forhold',
  },
};

const EDPB_ORDER = Object.keys(HEADINGS.en);

const LEVELS = { en: { low: 'low', medium: 'medium', high: 'high', very_high: 'very high' }, da: { low: 'lav', medium: 'middel', high: 'høj', very_high: 'meget høj' } };

/** "3 × 1 + 0.25 = 3.25 (high)": the ENISA arithmetic of the case's assessment, as assess() gave it. */
function severityOf(facts: NoticeFacts, lang: Language): string {
  const { dpc, ei, cb, score, level } = facts.assessment!.severity;
  const n = (x: number) => formatNumber(x, lang);
  return `${n(dpc)} × ${n(ei)} + ${n(cb)} = ${n(score)} (${LEVELS[lang][level]}).`;
}

interface Golden {
  name: string;
  facts: NoticeFacts;
  /** The facts as a Danish-writing team records them, for the Danish draft. */
  factsDa: NoticeFacts;
  now: string;
  late: boolean;
  /** Facts expected per section, per language. */
  expected: Record<Language, Record<string, string[]>>;
  /** Placeholders expected per section; every other section has none. */
  gaps: Record<string, FieldKey[]>;
}

const goldens: Golden[] = [
  {
    name: 'seed case (AMS data loss, notified late)',
    facts: seedCase,
    factsDa: seedCaseDa,
    now: seedNow,
    late: true,
    gaps: {
      contacts: ['organisation.cvr', 'organisation.address', 'organisation.dpo.name', 'organisation.dpo.email', 'organisation.dpo.phone', 'reporter.function'],
      timeline: ['detectedAt'],
      subjects_and_data: ['subjects.count', 'data.recordsCount'],
      measures_before: ['measuresBefore'],
    },
    expected: {
      en: {
        notification_type: ['**Type of notification:** New notification.', '**Complete or initial:** Complete notification.', '**Our reference:** BR-2020-0007', 'Data loss in the AMS access system'],
        contacts: ['**Our role:** controller', '**Controller:** Udlændingestyrelsen', '**Sector:** Public administration (immigration)', '**Person reporting:** Case Handler ([MISSING: the function of the person reporting])', '- AMS system supplier (processor)'],
        timeline: ['**The breach started:** 9 June 2020, 08:00 CEST', 'No, the breach has ended.', '**The breach ended:** 17 July 2020, 22:00 CEST', '**The breach was detected:** [MISSING: when the breach was detected]', '**We became aware of the breach:** 4 August 2020, 10:00 CEST', seedCase.discovery!, '7 August 2020, 10:00 CEST', 'without undue delay and, where feasible, not later than 72 hours after becoming aware, Art. 33(1) GDPR'],
        delay: ['after the deadline of 7 August 2020, 10:00 CEST', 'Art. 33(1) GDPR', `**Reasons for the delay:** ${seedCase.delayReason}`],
        nature: ['**Kind of incident:** system failure', 'availability (accidental', 'and integrity (unauthorised', seedCase.description!, '**Cause:** internal; not deliberate. Human error and insufficient backup frequency.', '- Adgangs- og Meldepligt system (AMS)'],
        subjects_and_data: ['**Categories of data subjects:** vulnerable people; rejected foreign nationals', '**Types of personal data:** name and other identity details and location data; whether the resident', '(Art. 9 or 10 GDPR):** No', 'unintelligible to whoever got them:** No.'],
        measures_before: [],
        consequences_and_risk: [seedCase.actualConsequences!, seedCase.likelyConsequences!, 'The breach is likely to result in a high risk to the rights and freedoms of natural persons.', `(2013): SE = DPC × EI + CB: ${severityOf(seedCase, 'en')}`, '**Reasons:**'],
        measures_taken: ['- Told the public prosecutor', '- Repeated our data guidelines to our suppliers', '- Disregarded the periods in question'],
        communication: ['**Status:** The data subjects will be told.', '**Planned for:** 26 August 2021, 10:00 CEST', '**How:** our website, as a public communication (Art. 34(3)(c) GDPR)', 'The text of the communication is attached.'],
        other_authorities: ['**Police informed:** No.', '- The public prosecutor', '**People in other EU/EEA countries affected:** No.'],
      },
      da: {
        notification_type: ['**Anmeldelsestype:** Ny anmeldelse.', '**Fuldstændig eller foreløbig:** Fuldstændig anmeldelse.', '**Vores reference:** BR-2020-0007'],
        contacts: ['**Vores rolle:** dataansvarlig', '**Dataansvarlig:** Udlændingestyrelsen', '**Anmelder:** Case Handler ([MANGLER: stilling eller funktion for den person, der anmelder])', '- Leverandøren af AMS (databehandler)'],
        timeline: ['**Bruddet begyndte:** 9. juni 2020 kl. 08.00 dansk tid', 'Nej, bruddet er ophørt.', '**Bruddet ophørte:** 17. juli 2020 kl. 22.00 dansk tid', '**Vi blev bekendt med bruddet:** 4. august 2020 kl. 10.00 dansk tid', 'uden unødig forsinkelse og om muligt senest 72 timer, efter at den dataansvarlige er blevet bekendt med bruddet', '7. august 2020 kl. 10.00 dansk tid'],
        delay: ['efter fristen, der udløb den 7. august 2020 kl. 10.00 dansk tid', 'databeskyttelsesforordningens art. 33, stk. 1', `**Begrundelse for forsinkelsen:** ${seedCaseDa.delayReason}`],
        nature: ['**Hændelsens art:** systemfejl', 'tilgængelighed (hændeligt', 'og integritet (uautoriseret', '**Årsag:** intern; ikke bevidst.'],
        subjects_and_data: ['**Kategorier af registrerede:** sårbare personer; afviste udlændinge', '**Typer af personoplysninger:** navn og andre identitetsoplysninger og lokaliseringsdata', '(databeskyttelsesforordningens art. 9 eller 10):** Nej'],
        measures_before: [],
        consequences_and_risk: ['Bruddet indebærer sandsynligvis en høj risiko for fysiske personers rettigheder og frihedsrettigheder.', severityOf(seedCase, 'da'), '**Begrundelser:**'],
        measures_taken: ['**Foranstaltninger for at begrænse bruddets mulige skadevirkninger:**'],
        communication: ['**Status:** De registrerede vil blive underrettet.', '**Planlagt til:** 26. august 2021 kl. 10.00 dansk tid', 'vores hjemmeside, som offentlig meddelelse (databeskyttelsesforordningens art. 34, stk. 3, litra c)'],
        other_authorities: ['**Politiet underrettet:** Nej.', '- Anklagemyndigheden', '**Personer i andre EU/EØS-lande berørt:** Nej.'],
      },
    },
  },
  {
    name: 'ransomware at a clinic (initial notification, on time, nothing missing)',
    facts: ransomwareCase,
    factsDa: ransomwareCaseDa,
    now: ransomwareNow,
    late: false,
    gaps: {},
    expected: {
      en: {
        notification_type: ['Initial notification; more information will follow in phases (Art. 33(4) GDPR).', '**When the missing information will be available:** 20 March 2026, 12:00 CET', 'BR-2026-0042'],
        contacts: ['**Controller:** Klinik Nord ApS', '**CVR number:** 31415926', '**Address:** Nordvej 7, 9000 Aalborg', '**Sector:** Health care', '**Person reporting:** Lars Leth (IT manager), lars@kliniknord.dk, +45 70 10 20 31', '**Data protection officer (contact point):** Dorte Dahl, dpo@kliniknord.dk, +45 70 10 20 30', '- IT Drift A/S (processor, soc@itdrift.dk)'],
        timeline: ['**The breach started:** Not yet known.', '**Still ongoing:** Yes, the breach is ongoing.', '**The breach was detected:** 14 March 2026, 08:45 CET', '14 March 2026, 09:30 CET', '17 March 2026, 09:30 CET'],
        nature: ['**Kind of incident:** ransomware or other malware', 'availability (', 'and confidentiality (', '**Cause:** external; deliberate (malicious).', '- Patient file server', '- Booking system'],
        subjects_and_data: ['**Categories of data subjects:** patients', '**Number of data subjects:** approximately 3,400', 'CPR number (national identification number) and health information', '(Art. 9 or 10 GDPR):** Yes (health information)', '**Number of records:** approximately 41,000'],
        measures_before: ['- Nightly backup to a separate network', '- Antivirus on all servers'],
        consequences_and_risk: ['Appointments on 14 March had to be moved.', ransomwareCase.likelyConsequences!, 'likely to result in a high risk', severityOf(ransomwareCase, 'en'), '**Reasons:**'],
        measures_taken: ['- Took the server off the network', '- Multi-factor authentication for remote access', '- Restoring patient files from backup'],
        communication: ['The data subjects will be told.', '16 March 2026, 10:00 CET', '**How:** Digital Post and letter'],
        other_authorities: ['**Police informed:** Yes (police reference: POL-0815).', '**Other authorities informed:** None.', '**People in other EU/EEA countries affected:** Yes: Germany (40) and Sweden (12).'],
      },
      da: {
        notification_type: ['Foreløbig anmeldelse; flere oplysninger følger trinvist (databeskyttelsesforordningens art. 33, stk. 4).', '20. marts 2026 kl. 12.00 dansk tid'],
        contacts: ['**CVR-nummer:** 31415926', '**Branche eller sektor:** Sundhedssektoren', '**Anmelder:** Lars Leth (IT-chef)', '- IT Drift A/S (databehandler, soc@itdrift.dk)'],
        timeline: ['**Bruddet begyndte:** Endnu ikke kendt.', 'Ja, bruddet står stadig på.', '**Bruddet blev opdaget:** 14. marts 2026 kl. 08.45 dansk tid', '17. marts 2026 kl. 09.30 dansk tid'],
        nature: ['**Hændelsens art:** ransomware eller anden skadelig software', '**Årsag:** ekstern; bevidst (ondsindet).'],
        subjects_and_data: ['**Antal registrerede:** ca. 3.400', 'CPR-nummer og helbredsoplysninger', ':** Ja (helbredsoplysninger)', '**Antal registreringer:** ca. 41.000'],
        measures_before: ['- Sikkerhedskopiering hver nat til et separat netværk'],
        consequences_and_risk: [`**Sandsynlige konsekvenser:** ${ransomwareCaseDa.likelyConsequences}`],
        measures_taken: ['**Trufne foranstaltninger:**'],
        communication: ['De registrerede vil blive underrettet.', '**Hvordan:** Digital Post og brev', 'Teksten til underretningen er vedlagt.'],
        other_authorities: ['**Politiet underrettet:** Ja (politiets journalnummer: POL-0815).', '**Andre underrettede myndigheder:** Ingen.', '**Personer i andre EU/EØS-lande berørt:** Ja: Tyskland (40) og Sverige (12).'],
      },
    },
  },
  {
    name: 'mis-sent e-mail (submitted on time, redrafted after the deadline)',
    facts: misSentEmailCase,
    factsDa: misSentEmailCaseDa,
    now: misSentNow,
    late: false,
    gaps: {
      contacts: ['reporter.name', 'reporter.function', 'organisation.dpo.phone', 'otherParties'],
      timeline: ['endedAt'],
      subjects_and_data: ['data.recordsCount'],
    },
    expected: {
      en: {
        notification_type: ['New notification.', 'Complete notification.', 'BR-2026-0007'],
        contacts: ['**Controller:** Byg & Bo A/S', '**CVR number:** 27182818', 'Mette Mørk, dpo@bygbo.dk, [MISSING:'],
        timeline: ['**The breach started:** 2 February 2026, 13:58 CET', '**Still ongoing:** No, the breach has ended.', '**The breach ended:** [MISSING: when the breach ended]', '**The breach was detected:** 2 February 2026, 14:10 CET', '2 February 2026, 14:15 CET', '5 February 2026, 14:15 CET'],
        nature: ['**Kind of incident:** mis-sent e-mail or post', 'confidentiality (', '**Cause:** internal; not deliberate.', '- E-mail'],
        subjects_and_data: ['**Categories of data subjects:** customers', '**Number of data subjects:** 212', 'name and other identity details, contact details and information about habits and behaviour', ':** No'],
        measures_before: ['- Guidelines on sending personal data by e-mail'],
        consequences_and_risk: ['None known.', 'The breach is likely to result in a risk to the rights and freedoms of natural persons.', severityOf(misSentEmailCase, 'en')],
        measures_taken: ['- Asked the recipient to delete the e-mail', '**Measures to mitigate its possible adverse effects:** None.'],
        communication: ['**Status:** The data subjects are not told, because the breach is not likely to result in a high risk to the rights and freedoms of natural persons (Art. 34(1) GDPR).'],
        other_authorities: ['**Police informed:** No.', '**Other authorities informed:** None.'],
      },
      da: {
        notification_type: ['Ny anmeldelse.'],
        contacts: ['**Dataansvarlig:** Byg & Bo A/S', 'Mette Mørk, dpo@bygbo.dk, [MANGLER: databeskyttelsesrådgiverens telefonnummer]'],
        timeline: ['**Bruddet begyndte:** 2. februar 2026 kl. 13.58 dansk tid', 'Nej, bruddet er ophørt.'],
        nature: ['fortrolighed (', '**Årsag:** intern; ikke bevidst.'],
        subjects_and_data: ['**Antal registrerede:** 212', 'navn og andre identitetsoplysninger, kontaktoplysninger og oplysninger om vaner og adfærd'],
        measures_before: [],
        consequences_and_risk: ['Bruddet indebærer sandsynligvis en risiko for fysiske personers rettigheder og frihedsrettigheder.', severityOf(misSentEmailCase, 'da')],
        measures_taken: ['**Foranstaltninger for at begrænse bruddets mulige skadevirkninger:** Ingen.'],
        communication: ['De registrerede underrettes ikke, fordi bruddet sandsynligvis ikke indebærer en høj risiko'],
        other_authorities: ['**Politiet underrettet:** Nej.'],
      },
    },
  },
];

function distinctPlaceholders(markdown: string): Set<string> {
  return new Set(markdown.match(/\[(?:MISSING|MANGLER): [^\]]*\]/g) ?? []);
}

describe.each(goldens)('authority notice: $name', (golden) => {
  describe.each(['en', 'da'] as const)('in %s', (lang) => {
    const facts = lang === 'da' ? golden.factsDa : golden.facts;
    const draft: NoticeDraft = draftAuthorityNotice(facts, { lang, now: golden.now });
    const byId = sectionsById(draft);

    it('has the EDPB template sections in order, with the delay section only when late', () => {
      const expectedIds = EDPB_ORDER.filter((id) => id !== 'delay' || golden.late);
      expect(draft.sections.map((s) => s.id)).toEqual(expectedIds);
      expect(draft.sections.map((s) => s.heading)).toEqual(expectedIds.map((id) => HEADINGS[lang][id]));
      expect(draft.kind).toBe('authority');
      expect(draft.lang).toBe(lang);
    });

    it('puts each key fact in its section', () => {
      for (const [id, needles] of Object.entries(golden.expected[lang])) {
        const body = byId.get(id)?.body ?? '';
        for (const needle of needles) expect(body, `section ${id}`).toContain(needle);
      }
    });

    it('shows placeholders exactly where facts are missing, and counts them', () => {
      const gaps = golden.gaps;
      for (const section of draft.sections) {
        const expected = (gaps[section.id] ?? []).map((f) => placeholder(f, lang)).sort();
        expect([...distinctPlaceholders(section.body)].sort(), `section ${section.id}`).toEqual(expected);
      }
      const allGaps = Object.values(gaps).flat();
      expect(draft.missing.map((m) => m.field).sort()).toEqual([...allGaps].sort());
      expect(draft.missingCount).toBe(allGaps.length);
      expect(distinctPlaceholders(draft.markdown).size).toBe(allGaps.length);
    });

    it("is in one language: the team's texts and the assessment's findings in the draft's language, never the other's", () => {
      expect(draft.readability.otherLanguageSentences).toBe(0);
      const findings = facts.assessment?.reasons ?? [];
      expect(findings.length).toBeGreaterThan(0);
      const risk = byId.get('consequences_and_risk')?.body ?? '';
      for (const finding of findings) {
        expect(risk).toContain(`- ${finding[lang]}`);
        expect(draft.markdown).not.toContain(finding[lang === 'en' ? 'da' : 'en']);
      }
    });

    it('says in the header how many gaps are left, and where to submit', () => {
      const n = draft.missingCount;
      const status = lang === 'en'
        ? (n === 0 ? 'Draft: no gaps left.' : `Draft: ${n} gap${n === 1 ? '' : 's'} left to fill before sending.`)
        : (n === 0 ? 'Udkast: ingen mangler.' : `Udkast: ${n} ${n === 1 ? 'mangel' : 'mangler'} skal udfyldes før afsendelse.`);
      expect(draft.header).toContain(status);
      expect(draft.header).toContain('Carl Jacobsens Vej 35, DK-2500 Valby');
      expect(draft.header).toContain('dt@datatilsynet.dk');
      expect(draft.header).toContain('Indberetning af brud på sikkerhed');
    });

    it('assembles the Markdown from the title, header and sections', () => {
      expect(draft.markdown.startsWith(`# ${draft.title}\n\n${draft.header}\n\n`)).toBe(true);
      for (const s of draft.sections) expect(draft.markdown).toContain(`## ${s.heading}\n\n${s.body}`);
      expect(draft.title).toBe(lang === 'en'
        ? 'Notification of a personal data breach to Datatilsynet'
        : 'Anmeldelse af brud på persondatasikkerheden til Datatilsynet');
    });

    it('reports readability without a plain-language warning (that is for the data subjects)', () => {
      expect(draft.readability.metric).toBe(lang === 'en' ? 'Flesch' : 'LIX');
      expect(Number.isFinite(draft.readability.score)).toBe(true);
      expect(draft.readability.warning).toBeUndefined();
    });

    it('matches the reviewed golden file', async () => {
      const slug = golden.name.split(' ')[0];
      await expect(draft.markdown).toMatchFileSnapshot(`./__golden__/authority-${slug}-${lang}.md`);
    });
  });
});

describe('authority notice: Datatilsynet items that only some breaches need', () => {
  it('asks for the earlier reference of a follow-up notification', () => {
    const facts: NoticeFacts = { ...misSentEmailCase, notification: { type: 'follow_up', completeness: 'complete' } };
    const draft = draftAuthorityNotice(facts, { lang: 'en', now: misSentNow });
    expect(sectionsById(draft).get('notification_type')?.body)
      .toContain('Follow-up to the earlier notification [MISSING: the reference of the earlier notification].');
  });

  it('asks for the justification when communication is restricted under § 22', () => {
    const facts: NoticeFacts = { ...misSentEmailCase, communication: { status: 'not_communicated', reason: 'restriction_s22' } };
    const draft = draftAuthorityNotice(facts, { lang: 'da', now: misSentNow });
    const body = sectionsById(draft).get('communication')?.body ?? '';
    expect(body).toContain('databeskyttelseslovens § 22');
    expect(body).toContain('[MANGLER: begrundelsen med vores egne ord]');
  });

  it('derives no deadline when nothing is recorded to derive it from', () => {
    const draft = draftAuthorityNotice({}, { lang: 'en', now: '2030-01-01T00:00:00Z' });
    expect(draft.sections.map((s) => s.id)).not.toContain('delay');
    expect(sectionsById(draft).get('timeline')?.body).not.toContain('Deadline');
  });

  it('never emits angle brackets in its fixed text', () => {
    for (const lang of ['en', 'da'] as const) {
      expect(draftAuthorityNotice({}, { lang, now: '2030-01-01T00:00:00Z' }).markdown).not.toMatch(/[<>]/);
    }
  });
});
