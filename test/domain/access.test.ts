import { describe, expect, it } from 'vitest';
import { may, type Actor, type PrivilegedAction } from '../../src/domain/access.js';

const nobody: Actor = { userId: 'U1', isDpo: false, isLead: false, isAdmin: false };
const actions: PrivilegedAction[] = [
  'record_decision', 'override_decision', 'record_notification', 'record_communication',
  'record_restriction', 'close_breach', 'set_lead', 'export_register', 'edit_settings',
];

describe('access control', () => {
  it.each(actions)('refuses %s to someone with no role, saying who may', (action) => {
    const r = may(action, nobody);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toMatch(/^Only the DPO/);
  });

  it.each(actions)('allows %s to the DPO and to a workspace admin', (action) => {
    expect(may(action, { ...nobody, isDpo: true }).ok).toBe(true);
    expect(may(action, { ...nobody, isAdmin: true }).ok).toBe(true);
  });

  it('lets the breach lead keep the record of their breach but not export the register or change settings', () => {
    const lead = { ...nobody, isLead: true };
    for (const a of ['record_decision', 'override_decision', 'record_notification', 'record_communication', 'close_breach'] as const) {
      expect(may(a, lead).ok).toBe(true);
    }
    for (const a of ['export_register', 'edit_settings', 'record_restriction'] as const) expect(may(a, lead).ok).toBe(false);
  });
});
