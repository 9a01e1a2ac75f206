/**
 * Golden tests of the communication to the data subjects (Art. 34), individual and public, section by
 * section in both languages: the seed notice's structure, plain wording, facts in place, gaps counted.
 */

import { describe, expect, it } from 'vitest';
import {
  draftSubjectNotice, placeholder, subjectVariantFor, type FieldKey, type Language, type NoticeFacts,
} from '../../../src/domain/notices/index.js';
import {
  misSentEmailCase, misSentEmailCaseDa, misSentNow, ransomwareCase, ransomwareCaseDa, ransomwareNow, sectionsById, seedCase, seedCaseDa, seedNow,
} from './fixtures.js';

const HEADINGS: Record<Language, Record<string, string>> = {
  en: {
    who_is_affected: 'Who is affected?',
    what_happened: 'What happened to your information?',
    data_involved: 'Which information about you is involved?',
    who_may_have_seen: 'Who may have seen your information?',
    consequences: 'What could it mean for you?',
    what_we_did: 'What have we done?',
    what_you_can_do: 'What can you do?',
    questions: 'Questions',
  },
  da: {
    who_is_affected: 'Hvem er berørt?',
    what_happened: 'Hvad er der sket med dine oplysninger?',
    data_involved: 'Hvilke oplysninger om dig er berørt?',
    who_may_have_seen: 'Hvem kan have set dine oplysninger?',
    consequences: 'Hvad kan det betyde for dig?',
    what_we_did: 'Hvad har vi gjort?',
    what_you_can_do: 'Hvad kan du selv gøre?',
    questions: 'Spørgsmål',
  },
};

interface Golden {
  name: string;
  facts: NoticeFacts;
  /** The facts as a Danish-writing team records them, for the Danish draft (default: facts). */
  factsDa?: NoticeFacts;
  now: string;
  variant: 'individual' | 'public';
  title: Record<Language, string>;
  expected: Record<Language, Record<string, string[]>>;
  gaps: Record<string, FieldKey[]>;
}

const goldens: Golden[] = [
  {
    name: 'seed case, public notice',
    facts: seedCase,
    factsDa: seedCaseDa,
    now: seedNow,
    variant: 'public',
    title: {
      en: 'Notice of a personal data breach at Udlændingestyrelsen',
      da: 'Underretning om brud på persondatasikkerheden hos Udlændingestyrelsen',
    },
    gaps: {
      what_we_did: ['notification.submittedAt'],
      questions: ['organisation.dpo.name', 'organisation.dpo.email', 'organisation.dpo.phone'],
    },
    expected: {
      en: {
        who_is_affected: ['This notice is for you if you are among these people: rejected foreign nationals obliged to stay at Return Centre Kærshovedgård or Sjælsmark.', 'It concerns the period from 9 June 2020 to 17 July 2020.', 'We are telling you through this public notice because we no longer have a way to reach everyone who stayed at the centres then.'],
        what_happened: [seedCase.subjectText!.whatHappened!, 'Why it happened: Our staff made mistakes', 'It started on 9 June 2020. We found out about it on 4 August 2020. It stopped on 17 July 2020.'],
        data_involved: ["This is the information about you that is involved: name and other identity details and location data; whether the resident's access card was scanned at the entry point.", 'What is not affected: Your case files and your contact details.'],
        who_may_have_seen: ['The breach was about information being lost and changed. It was not about others seeing it.'],
        consequences: [seedCase.subjectText!.consequences!],
        what_we_did: [seedCase.subjectText!.measures!, 'We reported the breach to Datatilsynet, the Danish Data Protection Agency, on [MISSING: when Datatilsynet was notified].'],
        what_you_can_do: ['You do not need to do anything, because we have stopped the errors and made sure they cannot harm you.'],
        questions: ['We are sorry that this happened.', 'If you have questions, contact our data protection officer: [MISSING:', 'You can also complain to Datatilsynet', 'Kind regards\nUdlændingestyrelsen'],
      },
      da: {
        who_is_affected: ['Denne meddelelse er til dig, hvis du hører til denne gruppe: afviste udlændinge', 'Den gælder perioden fra 9. juni 2020 til 17. juli 2020.', 'Vi giver besked gennem denne offentlige meddelelse, fordi vi ikke længere kan nå alle, der boede på centrene dengang.'],
        what_happened: [seedCaseDa.subjectText!.whatHappened!, 'Det begyndte den 9. juni 2020. Vi fik kendskab til det den 4. august 2020. Det stoppede den 17. juli 2020.', 'Derfor skete det: Vores medarbejdere begik fejl'],
        data_involved: ['Det drejer sig om disse oplysninger om dig: navn og andre identitetsoplysninger og lokaliseringsdata;', 'Disse oplysninger er ikke berørt: Dine sagsakter og dine kontaktoplysninger.'],
        who_may_have_seen: ['Bruddet handlede om, at oplysninger gik tabt og blev ændret. Det handlede ikke om, at andre så dem.'],
        consequences: [seedCaseDa.subjectText!.consequences!],
        what_we_did: [seedCaseDa.subjectText!.measures!, 'Vi har anmeldt bruddet til Datatilsynet den [MANGLER: hvornår Datatilsynet fik anmeldelsen].'],
        what_you_can_do: ['Du behøver ikke at gøre noget, fordi vi har stoppet fejlene og sikret, at de ikke kan skade dig.'],
        questions: ['Hvis du har spørgsmål, kan du kontakte vores databeskyttelsesrådgiver: [MANGLER:', 'Du kan også klage til Datatilsynet (www.datatilsynet.dk).', 'Med venlig hilsen\nUdlændingestyrelsen'],
      },
    },
  },
  {
    name: 'ransomware, individual notice',
    facts: ransomwareCase,
    factsDa: ransomwareCaseDa,
    now: ransomwareNow,
    variant: 'individual',
    title: {
      en: 'Notice of a personal data breach at Klinik Nord ApS',
      da: 'Underretning om brud på persondatasikkerheden hos Klinik Nord ApS',
    },
    gaps: { what_we_did: ['notification.submittedAt'] },
    expected: {
      en: {
        what_happened: [ransomwareCase.subjectText!.whatHappened!, 'We do not yet know when it started. We found out about it on 14 March 2026. It is still going on.'],
        data_involved: ['This is the information about you that is involved: name and other identity details, CPR number (national identification number) and health information.'],
        who_may_have_seen: ['Your information may have been seen by: the criminal group behind the attack. We think this is likely, but we do not know for sure.'],
        consequences: [ransomwareCase.subjectText!.consequences!],
        what_we_did: [ransomwareCase.subjectText!.measures!],
        what_you_can_do: ['You can do this:\n\n- Be careful if someone contacts you about your treatment.', '- You can ask for a credit warning (kreditadvarsel) on borger.dk.', 'call the identity theft hotline. You find it on sikkerdigital.dk.'],
        questions: ['If you have questions, contact our data protection officer: Dorte Dahl, dpo@kliniknord.dk, +45 70 10 20 30.', 'Kind regards\nKlinik Nord ApS'],
      },
      da: {
        what_happened: [ransomwareCaseDa.subjectText!.whatHappened!, 'Vi ved endnu ikke, hvornår det begyndte. Vi fik kendskab til det den 14. marts 2026. Det står stadig på.', `Derfor skete det: ${ransomwareCaseDa.subjectText!.cause!}`],
        data_involved: ['Det drejer sig om disse oplysninger om dig: navn og andre identitetsoplysninger, CPR-nummer og helbredsoplysninger.'],
        who_may_have_seen: ['Dine oplysninger kan være blevet set af: den kriminelle gruppe bag angrebet. Vi vurderer, at det er sandsynligt, men vi ved det ikke med sikkerhed.'],
        consequences: [ransomwareCaseDa.subjectText!.consequences!],
        what_we_did: [ransomwareCaseDa.subjectText!.measures!],
        what_you_can_do: ['Du kan gøre følgende:\n\n- Vær forsigtig, hvis nogen kontakter dig om din behandling.', '- Du kan få en kreditadvarsel via borger.dk.', 'hotlinen for identitetstyveri. Du finder den på sikkerdigital.dk.'],
        questions: ['kontakte vores databeskyttelsesrådgiver: Dorte Dahl, dpo@kliniknord.dk, +45 70 10 20 30.'],
      },
    },
  },
  {
    name: 'mis-sent e-mail, individual notice',
    facts: misSentEmailCase,
    factsDa: misSentEmailCaseDa,
    now: misSentNow,
    variant: 'individual',
    title: {
      en: 'Notice of a personal data breach at Byg & Bo A/S',
      da: 'Underretning om brud på persondatasikkerheden hos Byg & Bo A/S',
    },
    // Nothing written to the people yet: gaps, never the internal wording.
    gaps: {
      what_happened: ['subjectText.whatHappened', 'subjectText.cause'],
      consequences: ['subjectText.consequences'],
      what_we_did: ['subjectText.measures'],
      what_you_can_do: ['subjectAdvice'],
      questions: ['organisation.dpo.phone'],
    },
    expected: {
      en: {
        what_happened: ['It started on 2 February 2026. We found out about it on 2 February 2026. It has stopped.'],
        data_involved: ['name and other identity details, contact details and information about habits and behaviour.'],
        who_may_have_seen: ['Your information may have been seen by: one private person who got the e-mail by mistake. We know that this has happened.'],
        consequences: ['[MISSING: what it could mean for the people affected]'],
        what_we_did: ['[MISSING: what we have done, told to the people affected]', 'We reported the breach to Datatilsynet, the Danish Data Protection Agency, on 4 February 2026.'],
        what_you_can_do: ['- Be careful with e-mails, text messages and calls that ask for your password or payment details.'],
        questions: ['Mette Mørk, dpo@bygbo.dk, [MISSING: the DPO\'s phone number].'],
      },
      da: {
        what_happened: ['Det begyndte den 2. februar 2026. Vi fik kendskab til det den 2. februar 2026. Det er stoppet.'],
        data_involved: ['navn og andre identitetsoplysninger, kontaktoplysninger og oplysninger om vaner og adfærd.'],
        who_may_have_seen: ['Dine oplysninger kan være blevet set af: én privatperson, der ved en fejl fik e-mailen. Vi ved, at det er sket.'],
        consequences: ['[MANGLER: hvad det kan betyde for de berørte]'],
        what_we_did: ['Vi har anmeldt bruddet til Datatilsynet den 4. februar 2026.'],
        what_you_can_do: ['- Vær på vagt over for e-mails'],
        questions: ['Mette Mørk, dpo@bygbo.dk, [MANGLER: databeskyttelsesrådgiverens telefonnummer].'],
      },
    },
  },
];

const INDIVIDUAL_ORDER = ['what_happened', 'data_involved', 'who_may_have_seen', 'consequences', 'what_we_did', 'what_you_can_do', 'questions'];

describe.each(goldens)('data-subject notice: $name', (golden) => {
  describe.each(['en', 'da'] as const)('in %s', (lang) => {
    const facts = lang === 'da' ? (golden.factsDa ?? golden.facts) : golden.facts;
    const draft = draftSubjectNotice(facts, { lang, now: golden.now, variant: golden.variant });
    const byId = sectionsById(draft);

    it('follows the seed notice structure (public: who is affected first)', () => {
      const ids = golden.variant === 'public' ? ['who_is_affected', ...INDIVIDUAL_ORDER] : INDIVIDUAL_ORDER;
      expect(draft.sections.map((s) => s.id)).toEqual(ids);
      expect(draft.sections.map((s) => s.heading)).toEqual(ids.map((id) => HEADINGS[lang][id]));
      expect(draft.kind).toBe(golden.variant === 'public' ? 'subject_public' : 'subject');
      expect(draft.title).toBe(golden.title[lang]);
    });

    it('never reuses the internal, third-person wording', () => {
      const f = facts;
      for (const internal of [f.description, f.likelyConsequences, ...(f.measuresTaken ?? []), ...(f.mitigation ?? []), f.cause?.description]) {
        if (internal) expect(draft.markdown).not.toContain(internal);
      }
    });

    it('puts each key fact in its section', () => {
      for (const [id, needles] of Object.entries(golden.expected[lang])) {
        const body = byId.get(id)?.body ?? '';
        for (const needle of needles) expect(body, `section ${id}`).toContain(needle);
      }
    });

    it('shows placeholders exactly where facts are missing, and counts them', () => {
      for (const section of draft.sections) {
        const found = new Set(section.body.match(/\[(?:MISSING|MANGLER): [^\]]*\]/g) ?? []);
        const expected = (golden.gaps[section.id] ?? []).map((f) => placeholder(f, lang));
        expect([...found].sort(), `section ${section.id}`).toEqual(expected.sort());
      }
      const all = Object.values(golden.gaps).flat();
      expect(draft.missing.map((m) => m.field).sort()).toEqual([...all].sort());
      expect(draft.missingCount).toBe(all.length);
    });

    it("is in one language: the team's texts in the draft's language, and no sentence that reads as the other", () => {
      expect(draft.readability.otherLanguageSentences).toBe(0);
      if (lang === 'da') {
        const english = golden.facts;
        for (const text of [...Object.values(english.subjectText ?? {}), english.exposure?.who, ...(english.subjectAdvice?.steps ?? [])]) {
          if (text) expect(draft.markdown).not.toContain(text);
        }
      }
    });

    it('keeps legal citations and jargon out of the body', () => {
      const bodies = draft.sections.map((s) => s.body).join('\n');
      expect(bodies).not.toMatch(/Art\.|art\. \d|GDPR|stk\.|exfiltrat/);
      expect(draft.markdown).not.toMatch(/[<>]/);
    });

    it('reports its readability, warning only past the threshold', () => {
      const { metric, score, warning } = draft.readability;
      expect(metric).toBe(lang === 'en' ? 'Flesch' : 'LIX');
      const hard = lang === 'en' ? score < 50 : score > 40;
      expect(warning !== undefined).toBe(hard);
    });

    it('matches the reviewed golden file', async () => {
      const slug = golden.name.split(/[ ,]/)[0];
      await expect(draft.markdown).toMatchFileSnapshot(`./__golden__/subject-${slug}-${golden.variant}-${lang}.md`);
    });
  });
});

describe('data-subject notice: choices drawn from the record', () => {
  it('asks why people are not contacted one by one when nothing recorded says so', () => {
    const facts: NoticeFacts = { ...seedCase, assessment: null, publicNoticeReason: null };
    const draft = draftSubjectNotice(facts, { lang: 'en', now: seedNow, variant: 'public' });
    expect(sectionsById(draft).get('who_is_affected')?.body).toContain('[MISSING: why we do not contact each person]');
  });

  it('uses the recorded reason for a public notice in preference to the assessment', () => {
    const facts: NoticeFacts = { ...seedCase, publicNoticeReason: 'we have no address for most residents' };
    const draft = draftSubjectNotice(facts, { lang: 'en', now: seedNow, variant: 'public' });
    expect(sectionsById(draft).get('who_is_affected')?.body).toContain('because we have no address for most residents.');
  });

  it('leaves out the Datatilsynet sentence only when the assessment says no notification is needed', () => {
    const facts: NoticeFacts = { ...ransomwareCase, assessment: { ...ransomwareCase.assessment!, notifyAuthority: false } };
    const draft = draftSubjectNotice(facts, { lang: 'en', now: ransomwareNow });
    expect(sectionsById(draft).get('what_we_did')?.body).not.toContain('Datatilsynet');
    expect(draft.missingCount).toBe(0);
  });

  it('picks the public variant from the recorded communication or the assessment', () => {
    expect(subjectVariantFor(seedCase)).toBe('public');
    expect(subjectVariantFor(ransomwareCase)).toBe('individual');
    expect(subjectVariantFor({ assessment: { ...ransomwareCase.assessment!, communicateToSubjects: 'public' } })).toBe('public');
  });
});
