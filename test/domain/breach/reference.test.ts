import { describe, expect, it } from 'vitest';
import { CHANNEL_NAME_MAX, channelNameFor, formatReference, sanitizeCodename } from '../../../src/domain/breach/reference.js';

const SLACK_NAME = /^[a-z0-9_-]{1,80}$/;

describe('breach references and channel names', () => {
  it('formats the reference as BR-year-sequence with four digits', () => {
    expect(formatReference(2026, 42)).toBe('BR-2026-0042');
    expect(formatReference(2026, 12345)).toBe('BR-2026-12345');
  });

  it('names the channel after the reference, with an optional sanitised code name', () => {
    expect(channelNameFor(2026, 42)).toBe('breach-2026-0042');
    expect(channelNameFor(2026, 42, 'Blue Falcon!')).toBe('breach-2026-0042-blue-falcon');
    expect(channelNameFor(2026, 42, 'Ærø Ålborg Øst')).toBe('breach-2026-0042-aeroe-aalborg-oest');
    expect(channelNameFor(2026, 42, 'Crème brûlée')).toBe('breach-2026-0042-creme-brulee');
    expect(channelNameFor(2026, 42, '!!!')).toBe('breach-2026-0042');
  });

  it('adds a numeric suffix when the name is taken', () => {
    expect(channelNameFor(2026, 42, null, 2)).toBe('breach-2026-0042-2');
    expect(channelNameFor(2026, 42, 'falcon', 3)).toBe('breach-2026-0042-falcon-3');
  });

  it('always yields a valid Slack channel name, however long or odd the code name', () => {
    for (const code of ['x'.repeat(200), '  ', 'UPPER lower', '日本語', 'a--b__c', '-lead-', 'émoji 🔥 fire']) {
      for (const suffix of [undefined, 2, 17]) {
        const name = channelNameFor(2026, 9999, code, suffix);
        expect(name).toMatch(SLACK_NAME);
        expect(name.length).toBeLessThanOrEqual(CHANNEL_NAME_MAX);
        expect(name.startsWith('breach-2026-9999')).toBe(true);
      }
    }
  });

  it('sanitises to lowercase letters, digits, hyphens and underscores', () => {
    expect(sanitizeCodename('  Hello, World_2  ')).toBe('hello-world_2');
  });
});
