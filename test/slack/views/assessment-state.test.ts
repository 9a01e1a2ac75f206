import { describe, expect, it } from 'vitest';
import { DATA_TYPES, SUBJECT_GROUPS, type AssessmentAnswers } from '../../../src/domain/assessment/answers.js';
import { assessAction } from '../../../src/slack/ids.js';
import { decodeDraft, encodeDraft, parseCount, parseHours, readStep } from '../../../src/slack/views/assessment-state.js';

const LARGEST: AssessmentAnswers = {
  role: 'joint_controller',
  breachTypes: ['confidentiality', 'integrity', 'availability'],
  subjectsCount: 9_999_999_999,
  recordsCount: 9_999_999_999,
  subjectGroups: [...SUBJECT_GROUPS],
  dataTypes: [...DATA_TYPES],
  credentialsGiveAccessTo: [...DATA_TYPES],
  identifiability: 'significant',
  publiclyAvailableBefore: true,
  disclosure: 'unlikely',
  recipients: 'trusted',
  recipientDeletedOrReturned: true,
  protection: 'compromised',
  protectedDataTypes: [...DATA_TYPES],
  copyOutOfControl: true,
  alteration: 'unrecoverable',
  unavailability: 'temporary',
  restoredWithinHours: 1234.56789,
  impactOnPeople: 'significant',
  malicious: true,
  measuresRemoveHighRisk: true,
  individualContactDisproportionate: true,
};

describe('questionnaire state in private_metadata', () => {
  it('round-trips every answer, null ("do not know") included', () => {
    const draft = { breachId: '6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f', reference: 'BR-2026-0042', step: 4 as const, answers: LARGEST };
    expect(decodeDraft(encodeDraft(draft))).toEqual(draft);
    const unknown = { ...draft, answers: { disclosure: null, recipients: null, subjectsCount: null, protectedDataTypes: null, copyOutOfControl: null } };
    expect(decodeDraft(encodeDraft(unknown))).toEqual(unknown);
  });

  it('keeps the largest possible answer set well within Slack’s 3000 characters', () => {
    const encoded = encodeDraft({ breachId: '6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f', reference: 'BR-2026-9999', step: 4, answers: LARGEST });
    expect(encoded.length).toBeLessThan(2000);
  });

  it('ignores what it does not know instead of failing (an old or forged form)', () => {
    expect(decodeDraft('not json')).toBeNull();
    expect(decodeDraft('{"b":"x","s":7}')).toBeNull();
    expect(decodeDraft('{"b":"x","r":"BR","s":2,"a":{"role":"emperor","nope":1,"dataTypes":["health","bogus"]}}')).toEqual({
      breachId: 'x',
      reference: 'BR',
      step: 2,
      answers: { dataTypes: ['health'] },
    });
  });
});

describe('reading a step', () => {
  const el = (field: string, state: Record<string, unknown>) => ({ [field]: { [assessAction(field)]: { type: 'x', ...state } } });

  it('maps choices to the contract and gives every shown field a value', () => {
    const read = readStep({
      ...el('role', { selected_option: { value: 'processor' } }),
      ...el('breachTypes', { selected_options: [{ value: 'availability' }] }),
      ...el('subjectGroups', { selected_options: [] }),
      ...el('subjectsCount', { value: null }),
      ...el('publiclyAvailableBefore', { selected_option: { value: 'false' } }),
      ...el('disclosure', { selected_option: { value: 'unknown' } }),
      ...el('recipients', { selected_option: null }),
    });
    expect(read.errors).toEqual({});
    expect(read.answers).toEqual({
      role: 'processor',
      breachTypes: ['availability'],
      subjectGroups: [],
      subjectsCount: null,
      publiclyAvailableBefore: false,
      disclosure: null,
      recipients: null,
    });
    expect(read.shown).toEqual(['role', 'breachTypes', 'subjectGroups', 'subjectsCount', 'publiclyAvailableBefore', 'disclosure', 'recipients']);
  });

  it('reports a number it cannot read at its field', () => {
    const read = readStep({ ...el('subjectsCount', { value: 'lots' }), ...el('restoredWithinHours', { value: 'soon' }) });
    expect(Object.keys(read.errors)).toEqual(['subjectsCount', 'restoredWithinHours']);
  });
});

describe('numbers as people type them', () => {
  it.each([
    ['1200', 1200],
    ['1,200', 1200],
    ['1.200', 1200],
    ['1 200', 1200],
    ['about 1200', 1200],
    ['~40', 40],
    ['500+', 500],
    ['', null],
    ['unknown', null],
    [" don't know ", null],
  ])('count %j → %j', (raw, value) => expect(parseCount(raw)).toEqual({ ok: true, value }));

  it.each(['lots', '0', '1.5', '12,34', '-3', '1e6'])('count %j is refused', (raw) => expect(parseCount(raw).ok).toBe(false));

  it.each([
    ['6', 6],
    ['1.5', 1.5],
    ['1,5', 1.5],
    ['36 hours', 36],
    ['2 days', 48],
    ['', null],
  ])('hours %j → %j', (raw, value) => expect(parseHours(raw)).toEqual({ ok: true, value }));

  it.each(['soon', '-2', 'a week'])('hours %j is refused', (raw) => expect(parseHours(raw).ok).toBe(false));
});
