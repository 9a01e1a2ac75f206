/**
 * The report to the ICO speaks of UK GDPR and never of Datatilsynet, whatever the assessment found
 * (issue 16): drafts built the way the bot builds them, answers → assess() → the decision →
 * noticeFactsFrom → the ICO draft, for random answers.
 */

import fc from 'fast-check';
import { DateTime } from 'luxon';
import { expect, it } from 'vitest';
import { assess, type AssessmentAnswers } from '../../../../src/domain/assessment/index.js';
import { proposedOutcome } from '../../../../src/domain/decision.js';
import { noticeFactsFrom, type NoticeSource } from '../../../../src/domain/notices/from-breach.js';
import { clocksFor, draftStage, UK_GDPR } from '../../../../src/domain/regimes/index.js';
import { EMPTY_ORGANISATION } from '../../../../src/domain/settings-form.js';
import { validAnswers } from '../../assessment/arbitraries.js';

const awareAt = DateTime.fromISO('2026-07-01T09:00:00Z', { zone: 'utc' });

function source(a: AssessmentAnswers, decided: boolean): NoticeSource {
  return {
    breach: {
      reference: 'BR-2026-0042', title: 'Lost laptop', description: 'A laptop was lost.', awareAt: awareAt.toJSDate(),
      startedAt: null, discovery: null, role: a.role, systems: null, ongoing: 'no', deadlineAt: awareAt.plus({ hours: 72 }).toJSDate(),
    },
    facts: {},
    assessment: { answers: a, result: assess(a) },
    decision: decided ? { kind: 'accepted', ...proposedOutcome(assess(a)), justification: null } : null,
    notifications: [],
    restriction: null,
    organisation: EMPTY_ORGANISATION,
  };
}

/** "GDPR" not preceded by "UK ". */
const BARE_GDPR = /(?<!UK )GDPR/;

it('the ICO draft names no Datatilsynet and cites UK GDPR only, for any assessment', () => {
  fc.assert(
    fc.property(validAnswers, fc.boolean(), fc.integer({ min: 1, max: 200 }), (answers, decided, hours) => {
      const clocks = clocksFor({ regimes: [UK_GDPR], awareAt, role: 'controller', now: awareAt.plus({ hours }), recorded: [] });
      const draft = draftStage(UK_GDPR, 'authority_notification', { lang: 'en', facts: noticeFactsFrom(source(answers, decided), 'en'), clocks })!;
      expect(draft.markdown).not.toContain('Datatilsynet');
      expect(draft.markdown).not.toMatch(BARE_GDPR);
    }),
    { numRuns: 300 },
  );
});
