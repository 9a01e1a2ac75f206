import { describe, expect, it } from 'vitest';
import { adminMayStandIn, denial, may, POLICY, POLICY_ACTIONS, type Actor, type PolicyAction } from '../../../src/domain/access/policy.js';

const nobody: Actor = { userId: 'U1', isMember: false, isReporter: false, isLead: false, isDpo: false, isAdmin: false, dpoConfigured: true };
const as = (facts: Partial<Actor>) => ({ ...nobody, ...facts });

const BREACH_WORK: PolicyAction[] = ['read', 'update_facts', 'assess', 'draft_notices', 'add_timeline_entry', 'post_timeline'];
const RECORD: PolicyAction[] = ['decide', 'decide_regimes', 'override', 'record_notification', 'record_communication', 'close', 'set_lead'];
const DPO_ONLY: PolicyAction[] = ['record_restriction', 'export_register', 'edit_settings'];
const ANYONE: PolicyAction[] = ['declare', 'list', 'help', 'home', 'note_membership'];

describe('the access policy', () => {
  it('covers every action in exactly one of the groups below', () => {
    expect([...BREACH_WORK, 'retry_setup', ...RECORD, ...DPO_ONLY, ...ANYONE].sort()).toEqual([...POLICY_ACTIONS].sort());
  });

  it.each(BREACH_WORK)('%s: channel members, the lead and the DPO; nobody else', (action) => {
    for (const who of [{ isMember: true }, { isLead: true }, { isDpo: true }]) expect(may(action, as(who))).toMatchObject({ ok: true });
    for (const who of [{}, { isReporter: true }, { isAdmin: true }]) expect(may(action, as(who)).ok).toBe(false);
  });

  it('retry setup: also the reporter, whose DM carries the button before the channel exists', () => {
    expect(may('retry_setup', as({ isReporter: true }))).toEqual({ ok: true, as: 'reporter' });
    expect(may('retry_setup', nobody).ok).toBe(false);
  });

  it.each(RECORD)('%s: the legal record is kept by the lead and the DPO, not by members', (action) => {
    expect(may(action, as({ isLead: true }))).toEqual({ ok: true, as: 'lead' });
    expect(may(action, as({ isDpo: true, isLead: true }))).toEqual({ ok: true, as: 'dpo' });
    for (const who of [{ isMember: true }, { isReporter: true }, { isAdmin: true }]) expect(may(action, as(who)).ok).toBe(false);
  });

  it.each(DPO_ONLY)('%s: the DPO alone', (action) => {
    expect(may(action, as({ isDpo: true }))).toEqual({ ok: true, as: 'dpo' });
    for (const who of [{ isMember: true, isLead: true }, { isAdmin: true }]) expect(may(action, as(who)).ok).toBe(false);
  });

  it.each(ANYONE)('%s: anyone', (action) => {
    expect(may(action, nobody)).toEqual({ ok: true, as: 'anyone' });
  });

  it('a workspace admin stands in for the DPO only while no DPO is configured, and is named as admin', () => {
    for (const action of POLICY_ACTIONS) {
      const who = POLICY[action].who;
      const namesDpo = who !== 'anyone' && who.includes('dpo');
      expect(adminMayStandIn(action, false)).toBe(namesDpo);
      expect(adminMayStandIn(action, true)).toBe(false);
      if (namesDpo) {
        expect(may(action, as({ isAdmin: true, dpoConfigured: false }))).toEqual({ ok: true, as: 'admin' });
        expect(may(action, as({ isAdmin: true, dpoConfigured: true })).ok).toBe(false);
      }
    }
  });

  it('a refusal says who may, and only those', () => {
    expect(denial('close', true)).toMatch(/^Only the breach lead or the DPO can close a breach\. /);
    expect(denial('close', false)).toMatch(/^Only the breach lead, the DPO or a workspace admin \(while no DPO is set\) can close a breach\. /);
    expect(denial('update_facts', true)).toMatch(/^Only members of the breach's channel, the breach lead or the DPO can update this breach's facts\. /);
    expect(denial('export_register', true)).toMatch(/^Only the DPO can export the breach register\. /);
    const refused = may('decide', as({ isMember: true }));
    expect(refused).toEqual({ ok: false, reason: denial('decide', true) });
  });
});
