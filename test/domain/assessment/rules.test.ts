// Individual rules, beyond the worked examples.
import { describe, expect, it } from 'vitest';
import { answers, assessValid, expectDecisive, expectReasons, outcome } from './fixtures.js';

describe('confidentiality rules', () => {
  it('ransomware with "no sign that data left" is decided by the loss (EDPB 01/2021 case 01)', () => {
    const r = assessValid(
      answers({
        breachTypes: ['confidentiality', 'availability'],
        subjectsCount: 60,
        dataTypes: ['basic_identity', 'employment', 'financial'],
        disclosure: 'unlikely',
        recipients: null,
        unavailability: 'temporary',
        restoredWithinHours: 6,
        impactOnPeople: 'none',
        malicious: true,
      }),
    );
    expect(outcome(r)).toBe('no / no');
    expectReasons(r, [/no sign that anyone unauthorised saw or took/]);
  });

  // Issue 11 changed this case (it was "yes / no"): data open to anyone with only "probably not
  // seen" cannot be counted as unseen, and CPR numbers enable fraud however small the likelihood.
  const cprExposure = {
    subjectsCount: 400,
    subjectGroups: ['citizens' as const],
    dataTypes: ['basic_identity' as const, 'national_id' as const],
    disclosure: 'unlikely' as const,
  };

  it('CPR numbers open to anyone, "probably not seen", are a high risk: not seen is not shown', () => {
    const r = assessValid(answers({ ...cprExposure, recipients: 'public' }));
    expect(outcome(r)).toBe('yes / yes');
    expectDecisive(r, [/National ID numbers \(CPR\) of about 400 citizens/, /possibly made public/, /identity theft or fraud/]);
    expectReasons(r, [/"Probably not seen" is not "ruled out"/]);
  });

  it('CPR numbers exposed to a known recipient, probably unread, are notifiable but not high risk', () => {
    const r = assessValid(answers({ ...cprExposure, recipients: 'known' }));
    expect(outcome(r)).toBe('yes / no');
    expectDecisive(r, [/National ID numbers \(CPR\) of about 400 citizens/, /exposed/, /identity theft or fraud/]);
  });

  it('a disclosure ruled out is unlikely to result in a risk, whatever the data', () => {
    const r = assessValid(answers({ dataTypes: ['health', 'national_id'], disclosure: 'ruled_out' }));
    expect(outcome(r)).toBe('no / no');
    expectDecisive(r, [/ruled out/]);
  });

  it('a recipient bound to secrecy who deleted the data outweighs even special categories', () => {
    const r = assessValid(
      answers({ dataTypes: ['health'], recipients: 'trusted', recipientDeletedOrReturned: true }),
    );
    expect(outcome(r)).toBe('no / no');
  });

  it('a deliberate recipient is not reassuring even if it claims deletion (EDPB 01/2021 case 08)', () => {
    const r = assessValid(
      answers({ dataTypes: ['contact'], recipients: 'known', recipientDeletedOrReturned: true, malicious: true }),
    );
    expect(r.notifyAuthority).toBe(true);
  });

  it('special-category data that were already public do not by themselves make the risk high (WP250 rev.01)', () => {
    const r = assessValid(
      answers({ dataTypes: ['political'], recipients: 'known', publiclyAvailableBefore: true }),
    );
    expect(r.risk).toBe('unlikely');
    expectDecisive(r, [/political opinions of 10 customers had all been public before the breach/, /WP250 rev\.01/]);
    expectReasons(r, [/one step down because the data were already public/]);
  });

  it('contact data made public are notifiable: the data cannot be recalled (Recital 85)', () => {
    const r = assessValid(answers({ subjectsCount: 50, dataTypes: ['contact'], recipients: 'public' }));
    expect(outcome(r)).toBe('yes / no');
    expectDecisive(r, [/made public and cannot be recalled/, /Recital 85/]);
  });

  it('from 1,000 people a disclosure of ordinary data is notifiable (WP250 example 10)', () => {
    const r = assessValid(answers({ subjectsCount: 1_500, dataTypes: ['contact'], recipients: 'known' }));
    expect(outcome(r)).toBe('yes / no');
    expectDecisive(r, [/about 1,500 customers are affected/i, /WP250/]);
  });

  it('children raise the data processing context one step (ENISA)', () => {
    const adults = assessValid(answers({ subjectGroups: ['customers'], dataTypes: ['contact'] }));
    const children = assessValid(answers({ subjectGroups: ['children'], dataTypes: ['contact'] }));
    expect(children.severity.dpc).toBe(adults.severity.dpc + 1);
    expectReasons(children, [/one step up for vulnerable people/]);
  });
});

describe('integrity and availability rules', () => {
  it('a brief loss that delayed payments is not minor: notifiable', () => {
    const r = assessValid(
      answers({
        breachTypes: ['availability'],
        dataTypes: ['financial'],
        unavailability: 'temporary',
        restoredWithinHours: 5,
        impactOnPeople: 'significant',
      }),
    );
    expect(r.notifyAuthority).toBe(true);
    expectReasons(r, [/significant effect/, /delays care, payments or legal rights/]);
  });

  it('data not yet restored are not "restored in good time"', () => {
    const r = assessValid(
      answers({ breachTypes: ['availability'], unavailability: 'temporary', restoredWithinHours: null }),
    );
    expect(r.risk).toBe('risk');
    expectDecisive(r, [/not yet restored/]);
  });

  it('a recoverable alteration corrected quickly with no effect is unlikely to result in a risk', () => {
    const r = assessValid(
      answers({
        breachTypes: ['integrity'],
        alteration: 'recoverable',
        restoredWithinHours: 2,
        impactOnPeople: 'none',
      }),
    );
    expect(outcome(r)).toBe('no / no');
    expectDecisive(r, [/altered and corrected within 2 hours/]);
  });
});
