import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { otherRegimeClocks } from '../../../src/domain/regimes/breach-regimes.js';
import {
  applyDecision, checkDecisionForm, decisionClockInputs, decisionQuestions, declinedClocks, readRegimeAnswers, regimesAfterDecision,
  type DecisionFormInput, type RegimeAnswers,
} from '../../../src/domain/regimes/decisions.js';
import { NIS2_DK } from '../../../src/domain/regimes/index.js';

const AWARE = DateTime.fromISO('2026-10-23T08:00:00Z', { zone: 'utc' });
const NOW = AWARE.plus({ hours: 30 });
const q = decisionQuestions(NIS2_DK, AWARE);
const at = (iso: string) => DateTime.fromISO(iso, { zone: 'utc' });
const secs = (iso: string) => at(iso).toUnixInteger();
const form = (over: Partial<DecisionFormInput>): DecisionFormInput => ({ significant: 'yes', justification: null, condition: 'unknown', requestedAt: null, requestDueAt: null, ...over });
const check = (input: DecisionFormInput, answers: RegimeAnswers = {}, onRequestRecorded = false) =>
  checkDecisionForm(input, { now: NOW, awareAt: AWARE, zone: 'Europe/Copenhagen', questions: q, answers, onRequestRecorded });

function clocks(answers: RegimeAnswers) {
  const decided = decisionClockInputs(answers);
  return otherRegimeClocks({ regimes: ['gdpr-dk', 'nis2-dk'], awareAt: AWARE, role: 'controller', processorHours: null, recorded: [], now: NOW, ...decided });
}
const stage = (answers: RegimeAnswers, id: string) => clocks(answers).find((c) => c.stage === id)!;

describe('the NIS2 decisions after the declaration', () => {
  it('reads the questions from the profile: § 15 waits for services_affected, the intermediate report runs on request', () => {
    expect(q.condition).toMatchObject({ name: 'services_affected', stage: { id: 'recipient_notification' } });
    expect(q.onRequest?.id).toBe('intermediate_report');
  });

  it('maps services_affected to the recipients stage: undecided waits, yes applies without a due time, no gives the reason', () => {
    expect(stage({}, 'recipient_notification')).toMatchObject({ status: 'not_applicable', note: 'Waits for the decision.' });
    expect(stage({ conditions: { services_affected: true } }, 'recipient_notification')).toMatchObject({ status: 'pending', dueAt: null });
    expect(stage({ conditions: { services_affected: false } }, 'recipient_notification')).toMatchObject({
      status: 'not_applicable', note: 'The incident is not likely to adversely affect the provision of our services.',
    });
  });

  it('maps a request to the intermediate report clock: due when the authority said, or no fixed time', () => {
    expect(stage({}, 'intermediate_report')).toMatchObject({ status: 'not_applicable', note: 'Only if the authority asks for it.' });
    const request = { regime: 'nis2-dk', stage: 'intermediate_report', at: '2026-10-24T10:00:00.000Z', by: 'U1' };
    expect(stage({ requests: [{ ...request, dueAt: '2026-10-24T12:00:00.000Z' }] }, 'intermediate_report')).toMatchObject({ status: 'late', dueAt: at('2026-10-24T12:00:00Z') });
    expect(stage({ requests: [{ ...request, dueAt: null }] }, 'intermediate_report')).toMatchObject({ status: 'pending', dueAt: null, note: 'The authority gave no time.' });
  });

  it('leaves the GDPR decision\'s conditions to the GDPR decision', () => {
    expect(decisionClockInputs({ conditions: { risk: false, services_affected: true } }).conditions).toEqual({ services_affected: true });
  });

  it('a broken stored value reads as no answers', () => {
    expect(readRegimeAnswers({ significantIncident: 'perhaps' })).toEqual({});
    expect(readRegimeAnswers(null)).toEqual({});
  });

  it('"no" needs a justification; a request is not before awareness and its due time is after it', () => {
    expect(check(form({ significant: 'no', justification: 'short' }))).toMatchObject({ ok: false, errors: { justification: expect.stringContaining('at least 20') } });
    expect(check(form({ significant: null }))).toMatchObject({ ok: false, errors: { significant: expect.any(String) } });
    expect(check(form({ requestedAt: secs('2026-10-23T07:00:00Z') }))).toMatchObject({ ok: false, errors: { requestedAt: expect.stringContaining('before we became aware') } });
    expect(check(form({ requestedAt: secs('2026-10-24T10:00:00Z'), requestDueAt: secs('2026-10-24T09:00:00Z') }))).toMatchObject({
      ok: false, errors: { requestDueAt: 'The time the authority gave must be after it asked.' },
    });
    expect(check(form({ requestDueAt: secs('2026-10-24T09:00:00Z') }))).toMatchObject({ ok: false, errors: { requestedAt: expect.any(String) } });
    const ok = check(form({ requestedAt: secs('2026-10-24T10:00:00Z'), requestDueAt: secs('2026-10-26T10:00:00Z') }));
    expect(ok).toMatchObject({ ok: true, value: { significantIncident: true, request: { at: at('2026-10-24T10:00:00Z'), dueAt: at('2026-10-26T10:00:00Z') } } });
  });

  it('a request answered by a recorded report can no longer change', () => {
    const answers: RegimeAnswers = { requests: [{ regime: 'nis2-dk', stage: 'intermediate_report', at: '2026-10-24T10:00:00.000Z', dueAt: null, by: 'U1' }] };
    expect(check(form({ requestedAt: secs('2026-10-24T10:00:00Z') }), answers, true)).toMatchObject({ ok: true });
    expect(check(form({ requestedAt: secs('2026-10-24T11:00:00Z') }), answers, true)).toMatchObject({ ok: false, errors: { requestedAt: expect.stringContaining('recorded already') } });
  });

  it('applies only what changed, with who and when; the same answers change nothing', () => {
    const v = { significantIncident: false, justification: 'No disruption of the service at all.', condition: null, request: null };
    const first = applyDecision({ significantIncident: null }, v, q, { actor: 'U1', now: NOW });
    expect(first.changed).toEqual(['significantIncident']);
    expect(first.after).toMatchObject({ significantIncident: false, decided: { significantIncident: { by: 'U1', justification: v.justification } } });
    expect(applyDecision(first.after, v, q, { actor: 'U2', now: NOW }).changed).toEqual([]);
  });

  it('re-derives the regimes: no drops the NIS2 act, yes or not known adds it, the GDPR stays', () => {
    expect(regimesAfterDecision(['gdpr-dk', 'nis2-dk'], ['nis2-dk'], false)).toEqual(['gdpr-dk']);
    expect(regimesAfterDecision(['gdpr-dk'], ['nis2-dk'], true)).toEqual(['gdpr-dk', 'nis2-dk']);
    expect(regimesAfterDecision(['gdpr-dk', 'uk-gdpr'], ['nis2-dk'], null)).toEqual(['gdpr-dk', 'nis2-dk', 'uk-gdpr']);
  });

  it('a declined regime shows every stage not applicable with why', () => {
    const shown = declinedClocks(NIS2_DK, { awareAt: AWARE, role: 'controller', now: NOW }, 'Not significant.');
    expect(shown.map((c) => c.stage)).toEqual(['early_warning', 'incident_notification', 'intermediate_report', 'final_report', 'recipient_notification']);
    expect(shown.every((c) => c.status === 'not_applicable' && c.note === 'Not significant.' && c.dueAt === null)).toBe(true);
  });
});
