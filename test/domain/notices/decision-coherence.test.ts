/**
 * The notice to Datatilsynet says what was decided, and only that (issue 11). Drafts are built the
 * way the bot builds them: answers → assess() → the DPO's decision → noticeFactsFrom → draft. The
 * checks read meaning (which outcome the risk section states, whether it agrees with the
 * communication section, whose reasons are given), never the exact wording of the engine's reasons,
 * which change as the rules do.
 */

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assess, explainAssessment, type AssessmentAnswers, type AssessmentResult } from '../../../src/domain/assessment/index.js';
import { proposedOutcome } from '../../../src/domain/decision.js';
import { noticeFactsFrom, riskOfDecision, type DecisionRecord, type NoticeSource } from '../../../src/domain/notices/from-breach.js';
import { draftAuthorityNotice, type Language, type NoticeDraft } from '../../../src/domain/notices/index.js';
import { RISK_LABELS } from '../../../src/domain/notices/labels.js';
import { EMPTY_ORGANISATION } from '../../../src/domain/settings-form.js';
import { validAnswers } from '../assessment/arbitraries.js';
import { answers, misSentAnswers, ransomwareAnswers, sectionsById } from './fixtures.js';

const NOW = '2026-10-24T08:00:00Z';
const LANGS: Language[] = ['en', 'da'];
type Risk = AssessmentResult['risk'];

function source(a: AssessmentAnswers, decision: DecisionRecord | null): NoticeSource {
  return {
    breach: {
      reference: 'BR-2026-0099', title: 'Coherence', description: 'What happened.', awareAt: new Date('2026-10-23T08:00:00Z'),
      startedAt: null, discovery: null, role: a.role, systems: null, ongoing: 'no', deadlineAt: new Date('2026-10-26T08:00:00Z'),
    },
    facts: {},
    assessment: { answers: a, result: assess(a) },
    decision,
    notifications: [],
    restriction: null,
    organisation: EMPTY_ORGANISATION,
  };
}

const accepted = (a: AssessmentAnswers): DecisionRecord => ({ kind: 'accepted', ...proposedOutcome(assess(a)), justification: null });

function authority(a: AssessmentAnswers, decision: DecisionRecord | null, lang: Language): NoticeDraft {
  return draftAuthorityNotice(noticeFactsFrom(source(a, decision)), { lang, now: NOW });
}

/** The outcome the risk section states, read back from its sentence; null when it states none. */
function statedRisk(draft: NoticeDraft): Risk | null {
  const body = sectionsById(draft).get('consequences_and_risk')?.body ?? '';
  const line = body.split('\n').find((l) => l.startsWith(draft.lang === 'en' ? '**Our risk assessment:**' : '**Vores risikovurdering:**')) ?? '';
  const found = (Object.keys(RISK_LABELS) as Risk[]).filter((r) => line.includes(`${RISK_LABELS[r][draft.lang]}.`));
  // "unlikely to result in a risk" contains "to result in a risk": the longest label that matches is the one stated.
  return found.sort((x, y) => RISK_LABELS[y][draft.lang].length - RISK_LABELS[x][draft.lang].length)[0] ?? null;
}

/** What the communication section says about telling the people. */
function statedCommunication(draft: NoticeDraft): 'told' | 'not_told' | 'gap' {
  const body = sectionsById(draft).get('communication')?.body ?? '';
  if (/not told|underrettes ikke/.test(body)) return 'not_told';
  if (/will be told|have been told|vil blive underrettet|er underrettet/.test(body)) return 'told';
  return 'gap';
}

/** The bullets under "Reasons" in the risk section. */
function statedReasons(draft: NoticeDraft): string[] {
  const body = sectionsById(draft).get('consequences_and_risk')?.body ?? '';
  const after = body.split(/\*\*(?:Reasons|Begrundelser):\*\*/)[1] ?? '';
  return after.split('\n').filter((l) => l.startsWith('- ')).map((l) => l.slice(2));
}

/**
 * What a notification to Datatilsynet must never say: instructions to the DPO about whom to notify
 * or tell, or what to put in the notification, or the register. In a notification these are either
 * noise or a contradiction ("Datatilsynet need not be notified").
 */
const INSTRUCTIONS = [
  /Datatilsynet (?:need not|must) be notified/i,
  /(?:must|need not) be told/i,
  /Record the breach/i,
  /in the notification/i,
  /As a (?:processor|joint controller)/i,
  /another reason|en anden begrundelse/i,
  // The same notes in Danish (assessment/reasons.ts).
  /(?:skal anmeldes|behøver ikke at blive anmeldt) til Datatilsynet/i,
  /skal (?:derfor )?underrettes|behøver (?:derfor )?ikke at blive underrettet/i,
  /dokumenteres internt|dokumenterer bruddet/i,
  /i anmeldelsen/i,
  /Som (?:databehandler|fælles dataansvarlige)/i,
];

function expectNoInstructions(draft: NoticeDraft): void {
  for (const pattern of INSTRUCTIONS) expect(draft.markdown, `${draft.lang}: ${pattern}`).not.toMatch(pattern);
}

describe('the risk section states the decision as recorded', () => {
  it('accepted: the engine\'s outcome and its decisive findings, never its notes to the DPO', () => {
    fc.assert(
      fc.property(validAnswers.map((a) => ({ ...a, role: 'controller' as const })), (a) => {
        const result = assess(a);
        for (const lang of LANGS) {
          const draft = authority(a, accepted(a), lang);
          expect(statedRisk(draft)).toBe(result.risk);
          // Its reasons are the engine's own sentences in the draft's language (nothing added), and not all of them.
          const engine = explainAssessment(a).map((r) => r.text[lang]);
          for (const reason of statedReasons(draft)) expect(engine).toContain(reason);
          expect(statedReasons(draft).length).toBeLessThan(engine.length);
          expectNoInstructions(draft);
          // Telling the people goes with a high risk, in both sections.
          expect(statedCommunication(draft)).toBe(result.communicateToSubjects === 'no' ? 'not_told' : 'told');
        }
      }),
      { numRuns: 60 },
    );
  });

  it('not yet decided: the decision is a gap, and no outcome is stated', () => {
    for (const lang of LANGS) {
      const draft = authority(ransomwareAnswers, null, lang);
      expect(statedRisk(draft)).toBeNull();
      expect(draft.missing.map((m) => m.field)).toContain('decision');
      expect(statedReasons(draft)).toEqual([]);
    }
  });
});

interface OverrideCase {
  name: string;
  answers: AssessmentAnswers;
  decision: DecisionRecord;
}

const justification = 'The recipient is our own auditor, who confirmed in writing that the file was deleted unread.';
const overrides: OverrideCase[] = [
  {
    name: 'up: the engine finds no risk, the DPO notifies',
    answers: answers({ subjectsCount: 40, dataTypes: ['basic_identity', 'contact'] }),
    decision: { kind: 'overridden', notifyAuthority: true, communicateToSubjects: 'no', justification: 'Several of the customers have protected addresses, which this list reveals.' },
  },
  {
    name: 'up: the engine finds a risk, the DPO also tells the people',
    answers: misSentAnswers,
    decision: { kind: 'overridden', notifyAuthority: true, communicateToSubjects: 'individual', justification: 'The recipient is a competitor who has already contacted two of the customers.' },
  },
  {
    name: 'down: the engine finds a high risk, the DPO notifies but does not tell the people',
    answers: ransomwareAnswers,
    decision: { kind: 'overridden', notifyAuthority: true, communicateToSubjects: 'no', justification },
  },
  {
    name: 'down: the engine finds a risk, the DPO decides no notification is needed',
    answers: misSentAnswers,
    decision: { kind: 'overridden', notifyAuthority: false, communicateToSubjects: 'no', justification },
  },
];

describe.each(overrides)('an overridden decision gives a coherent filing ($name)', ({ answers: a, decision }) => {
  const engine = assess(a);
  const decided = { notifyAuthority: decision.notifyAuthority, communicateToSubjects: decision.communicateToSubjects };

  it('the engine proposed something else (the case is an override)', () => {
    expect(proposedOutcome(engine)).not.toEqual(decided);
  });

  describe.each(LANGS)('in %s', (lang) => {
    const draft = authority(a, decision, lang);
    const risk = sectionsById(draft).get('consequences_and_risk')!.body;

    it('states the DPO\'s outcome, and the communication section agrees with it', () => {
      expect(statedRisk(draft)).toBe(riskOfDecision(decided));
      expect(statedCommunication(draft)).toBe(decision.communicateToSubjects === 'no' ? 'not_told' : 'told');
    });

    it('gives the DPO\'s justification as the reason, and none of the engine\'s reasons for the outcome set aside', () => {
      expect(risk).toContain(decision.justification!);
      expect(risk).toContain(`${lang === 'en' ? 'We decided this on the following grounds:' : 'Vi har truffet denne beslutning med følgende begrundelse:'} ${decision.justification}`);
      for (const reason of explainAssessment(a)) expect(draft.markdown).not.toContain(reason.text[lang]);
      expect(statedReasons(draft)).toEqual([]);
    });

    it('contains no instruction to the DPO and no contradiction', () => {
      expectNoInstructions(draft);
      if (decision.communicateToSubjects === 'no') {
        // Not told: the reason is ours, in our words, and it is not "another reason".
        const communication = sectionsById(draft).get('communication')!.body;
        expect(communication).toContain(lang === 'en' ? 'The data subjects are not told.' : 'De registrerede underrettes ikke.');
        expect(communication).toContain(decision.justification!);
      }
    });
  });
});

describe('reasons the engine states are findings about recorded answers', () => {
  it('a recipient nobody said is bound to secrecy is never called so', () => {
    const a = answers({ subjectsCount: 3, recipients: 'known', recipientDeletedOrReturned: true });
    // The engine may explain that a private person is *not* bound to secrecy; it must never say one is.
    for (const lang of LANGS) {
      expect(authority(a, accepted(a), lang).markdown).not.toMatch(/\b(is|are|was|were) bound to secrecy|(er|var) underlagt tavshedspligt/i);
    }
    const trusted = answers({ subjectsCount: 3, recipients: 'trusted', recipientDeletedOrReturned: true });
    const said = authority(trusted, accepted(trusted), 'en');
    // Recorded as bound to secrecy: the finding may say so (whatever its wording), and nothing contradicts it.
    expect(statedRisk(said)).toBe(assess(trusted).risk);
  });

  it('a loss with no confidentiality question asked says nothing about data leaving the organisation', () => {
    const a = answers({ breachTypes: ['availability'], unavailability: 'temporary', restoredWithinHours: 4, impactOnPeople: 'minor' });
    for (const lang of LANGS) {
      const draft = authority(a, accepted(a), lang);
      expect(statedReasons(draft).length).toBeGreaterThan(0);
      expect(draft.markdown).not.toMatch(/left the organisation|no sign that data/i);
    }
  });
});
