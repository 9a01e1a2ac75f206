import { describe, expect, it } from 'vitest';
import { describeRoles, userRoles } from '../../../src/domain/breach/user-roles.js';

describe("a user's roles in a breach", () => {
  const breach = { reporterId: 'U1', leadId: 'U2' };
  it('names reporter, lead and DPO, and calls other channel members responders', () => {
    expect(userRoles(breach, 'U1', { isDpo: true, isMember: true })).toEqual(['reporter', 'dpo']);
    expect(userRoles(breach, 'U2', { isDpo: false, isMember: true })).toEqual(['lead']);
    expect(userRoles(breach, 'U3', { isDpo: false, isMember: true })).toEqual(['responder']);
    expect(userRoles(breach, 'U4', { isDpo: false, isMember: false })).toEqual([]);
  });
  it('describes them for people', () => {
    expect(describeRoles(['reporter', 'lead', 'dpo'])).toBe('reporter, breach lead, DPO');
    expect(describeRoles([])).toBe('none');
  });
});
