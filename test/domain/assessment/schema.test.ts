// The schema reports bad input on the field to correct, in words for a person.
import { describe, expect, it } from 'vitest';
import { type AssessmentAnswers, assessmentAnswersSchema } from '../../../src/domain/assessment/index.js';
import { answers } from './fixtures.js';

function issues(input: unknown): Map<string, string> {
  const parsed = assessmentAnswersSchema.safeParse(input);
  if (parsed.success) return new Map();
  return new Map(parsed.error.issues.map((i) => [i.path.join('.'), i.message]));
}

function expectOnlyErrorAt(input: unknown, path: string): void {
  const found = issues(input);
  expect([...found.keys()], JSON.stringify([...found])).toEqual([path]);
  const message = found.get(path) ?? '';
  expect(message).not.toMatch(/^Invalid input|expected \w+, received/i);
  expect(message).toMatch(/[.?]$/);
}

const valid = answers({});
const lossOnly = answers({
  breachTypes: ['availability'],
  unavailability: 'temporary',
  restoredWithinHours: 3,
});

describe('assessmentAnswersSchema', () => {
  it('accepts valid answers unchanged', () => {
    expect(assessmentAnswersSchema.parse(valid)).toEqual(valid);
    expect(assessmentAnswersSchema.parse(lossOnly)).toEqual(lossOnly);
  });

  const cases: Array<[string, unknown, string]> = [
    ['no kind of breach', { ...valid, breachTypes: [] }, 'breachTypes'],
    ['an unknown kind of breach', { ...valid, breachTypes: ['theft'] }, 'breachTypes.0'],
    ['a negative number of people', { ...valid, subjectsCount: -3 }, 'subjectsCount'],
    ['a fractional number of people', { ...valid, subjectsCount: 2.5 }, 'subjectsCount'],
    ['zero people', { ...valid, subjectsCount: 0 }, 'subjectsCount'],
    ['a number of people as text', { ...valid, subjectsCount: '12' }, 'subjectsCount'],
    ['a negative number of records', { ...valid, recordsCount: -1 }, 'recordsCount'],
    ['no kind of data', { ...valid, dataTypes: [] }, 'dataTypes'],
    ['an unknown kind of data', { ...valid, dataTypes: ['contact', 'shoe_size'] }, 'dataTypes.1'],
    ['an unknown role', { ...valid, role: 'owner' }, 'role'],
    ['a missing answer', { ...valid, malicious: undefined }, 'malicious'],
    ['an unknown group of people', { ...valid, subjectGroups: ['aliens'] }, 'subjectGroups.0'],
    [
      'credentials reach without credentials',
      { ...valid, credentialsGiveAccessTo: ['financial'] },
      'credentialsGiveAccessTo',
    ],
    ['a disclosure without confidentiality', { ...lossOnly, disclosure: 'likely' }, 'disclosure'],
    ['recipients without confidentiality', { ...lossOnly, recipients: 'known' }, 'recipients'],
    [
      'a deletion confirmed without confidentiality',
      { ...lossOnly, recipientDeletedOrReturned: true },
      'recipientDeletedOrReturned',
    ],
    [
      'a deletion confirmed by the public',
      { ...valid, recipients: 'public', recipientDeletedOrReturned: true },
      'recipientDeletedOrReturned',
    ],
    [
      'a deletion confirmed by unknown recipients',
      { ...valid, recipients: 'unknown', recipientDeletedOrReturned: true },
      'recipientDeletedOrReturned',
    ],
    ['an alteration without integrity', { ...valid, alteration: 'recoverable' }, 'alteration'],
    ['integrity without an alteration', { ...valid, breachTypes: ['confidentiality', 'integrity'] }, 'alteration'],
    ['unavailability without availability', { ...valid, unavailability: 'temporary' }, 'unavailability'],
    ['availability without unavailability', { ...lossOnly, unavailability: 'none' }, 'unavailability'],
    ['a restore time for data lost for good', { ...lossOnly, unavailability: 'permanent' }, 'restoredWithinHours'],
    ['a restore time without a loss', { ...valid, restoredWithinHours: 2 }, 'restoredWithinHours'],
    ['a negative restore time', { ...lossOnly, restoredWithinHours: -1 }, 'restoredWithinHours'],
    ['an unknown protection', { ...valid, protection: 'strong' }, 'protection'],
    ['an unknown disclosure', { ...valid, disclosure: 'maybe' }, 'disclosure'],
  ];

  it.each(cases)('rejects %s at the right field', (_name, input, path) => {
    expectOnlyErrorAt(input, path);
  });

  it('reports several bad fields at once, each on its own path', () => {
    const found = issues({ ...valid, breachTypes: [], subjectsCount: -1, dataTypes: [] });
    expect([...found.keys()].sort()).toEqual(['breachTypes', 'dataTypes', 'subjectsCount']);
  });

  it('accepts unknowns as null', () => {
    const unknowns: AssessmentAnswers = { ...valid, subjectsCount: null, recordsCount: null, disclosure: null, recipients: null };
    expect(assessmentAnswersSchema.safeParse(unknowns).success).toBe(true);
  });

  it('rejects something that is not a set of answers', () => {
    expect([...issues(null).keys()]).toEqual(['']);
    expect(issues('answers').get('')).toMatch(/object/);
  });
});
