// WP250 rev.01 Annex B examples and the seed case (spec/assessment.md "Public worked examples"),
// each instantiated with concrete answers. Expected outcome: "authority / data subjects".
import { describe, expect, it } from 'vitest';
import { answers, assessValid, expectDecisive, expectReasons, outcome } from './fixtures.js';

describe('WP250 Annex B examples', () => {
  it('1. stolen USB key with a state-of-the-art encrypted backup, key safe: no / no', () => {
    const r = assessValid(
      answers({
        breachTypes: ['confidentiality'],
        subjectsCount: 8_000,
        dataTypes: ['basic_identity', 'contact', 'financial'],
        disclosure: 'likely',
        recipients: 'unknown',
        protection: 'intact',
        malicious: true,
      }),
    );
    expect(outcome(r)).toBe('no / no');
    expect(r.risk).toBe('unlikely');
    expect(r.exemption).toBe('unintelligible');
    expectDecisive(r, [/encrypt/i, /unintelligible/i, /unlikely to result in a risk/]);
    expectReasons(r, [/Art\. 34\(3\)\(a\)/]);
  });

  describe('2. cyber attack exfiltrates customer data from an online service', () => {
    it('names and e-mail addresses only: yes / no', () => {
      const r = assessValid(
        answers({
          subjectsCount: 800,
          dataTypes: ['basic_identity', 'contact'],
          disclosure: 'confirmed',
          recipients: 'unknown',
          malicious: true,
        }),
      );
      expect(outcome(r)).toBe('yes / no');
      expect(r.risk).toBe('risk');
      expectReasons(r, [/identity data and contact details of about 800 customers/, /ENISA severity 2 \(medium\)/]);
    });

    it('with order history, which reveals habits: yes / yes', () => {
      const r = assessValid(
        answers({
          subjectsCount: 800,
          dataTypes: ['basic_identity', 'contact', 'behavioural'],
          disclosure: 'confirmed',
          recipients: 'unknown',
          malicious: true,
        }),
      );
      expect(outcome(r)).toBe('yes / yes');
      expectReasons(r, [/behavioural data/, /high/]);
    });

    it('with passwords: yes / yes', () => {
      const r = assessValid(
        answers({
          subjectsCount: 800,
          dataTypes: ['basic_identity', 'contact', 'behavioural', 'credentials'],
          credentialsGiveAccessTo: ['basic_identity', 'contact', 'payment_card'],
          disclosure: 'confirmed',
          recipients: 'unknown',
          malicious: true,
        }),
      );
      expect(outcome(r)).toBe('yes / yes');
      expectDecisive(r, [/login credentials/i, /about 800 customers/, /identity theft or fraud/, /Datatilsynet/]);
    });
  });

  it('3. a power cut makes call-centre records unreachable for minutes: no / no', () => {
    const r = assessValid(
      answers({
        breachTypes: ['availability'],
        subjectsCount: 50_000,
        dataTypes: ['basic_identity', 'contact'],
        unavailability: 'temporary',
        restoredWithinHours: 0.2,
        impactOnPeople: 'none',
      }),
    );
    expect(outcome(r)).toBe('no / no');
    expectDecisive(r, [/unavailable for less than an hour/, /no effect on people/, /unlikely to result in a risk/]);
    expectReasons(r, [/register/]);
  });

  describe('4. ransomware encrypts everything, no backup, data lost, no exfiltration', () => {
    it('customer records, little effect on people: yes / no', () => {
      const r = assessValid(
        answers({
          breachTypes: ['availability'],
          subjectsCount: 2_000,
          dataTypes: ['basic_identity', 'contact'],
          unavailability: 'permanent',
          impactOnPeople: 'minor',
          malicious: true,
        }),
      );
      expect(outcome(r)).toBe('yes / no');
      expectDecisive(r, [/lost for good/, /likely to result in a risk/]);
    });

    it('medical records whose loss harms patients: yes / yes', () => {
      const r = assessValid(
        answers({
          breachTypes: ['availability'],
          subjectsCount: 2_000,
          subjectGroups: ['patients'],
          dataTypes: ['basic_identity', 'health'],
          unavailability: 'permanent',
          impactOnPeople: 'severe',
          malicious: true,
        }),
      );
      expect(outcome(r)).toBe('yes / yes');
      expectDecisive(r, [/health data/i, /about 2,000 patients/, /lost for good/, /severe/]);
    });
  });

  it('5. a bank customer receives another customer\'s statement: yes / that person', () => {
    const r = assessValid(
      answers({
        subjectsCount: 1,
        dataTypes: ['basic_identity', 'contact', 'financial'],
        disclosure: 'confirmed',
        recipients: 'known',
      }),
    );
    expect(r.notifyAuthority).toBe(true);
    expect(r.risk).toBe('high');
    expect(r.communicateToSubjects).toBe('individual');
    expectDecisive(r, [/Financial data of one customer/, /known recipients/, /fraud/]);
  });

  it('6. marketplace usernames, passwords and purchase history published online: yes / yes', () => {
    const r = assessValid(
      answers({
        subjectsCount: 120_000,
        subjectGroups: ['users'],
        dataTypes: ['basic_identity', 'credentials', 'behavioural'],
        credentialsGiveAccessTo: ['basic_identity', 'contact', 'behavioural'],
        disclosure: 'confirmed',
        recipients: 'public',
        malicious: true,
      }),
    );
    expect(outcome(r)).toBe('yes / yes');
    expectDecisive(r, [/login credentials/i, /about 120,000 users/, /made public/]);
  });

  it('7. a hosting processor finds a flaw letting users see others\' accounts: tells the controller', () => {
    const r = assessValid(
      answers({
        role: 'processor',
        subjectsCount: null,
        subjectGroups: ['users'],
        dataTypes: ['basic_identity', 'contact', 'communications'],
        disclosure: null,
        recipients: 'known',
      }),
    );
    expect(r.notifyController).toBe(true);
    expect(r.notifyAuthority).toBe(false);
    expect(r.communicateToSubjects).toBe('no');
    expect(r.exemption).toBeNull();
    expect(r.reasons[0]).toMatch(/processor.*tell the controller.*Art\. 33\(2\)/);
    expectReasons(r, [/number of people affected is not known.*worse case/, /not known.*worse case: disclosed/]);
  });

  it('8. a hospital\'s medical records unavailable for 30 hours after a cyber attack: yes / yes', () => {
    const r = assessValid(
      answers({
        breachTypes: ['availability'],
        subjectsCount: 40_000,
        subjectGroups: ['patients'],
        dataTypes: ['basic_identity', 'health'],
        unavailability: 'temporary',
        restoredWithinHours: 30,
        impactOnPeople: 'severe',
        malicious: true,
      }),
    );
    expect(outcome(r)).toBe('yes / yes');
    expectDecisive(r, [/health data/i, /patients/, /unavailable for 30 hours/, /severe/]);
  });

  it('9. personal data of many students mailed to a list of 1,000+ recipients: yes / yes', () => {
    const r = assessValid(
      answers({
        subjectsCount: 4_500,
        subjectGroups: ['students'],
        dataTypes: ['basic_identity', 'contact', 'education', 'national_id'],
        disclosure: 'confirmed',
        recipients: 'unknown',
      }),
    );
    expect(outcome(r)).toBe('yes / yes');
    expectDecisive(r, [/national ID numbers/i, /about 4,500 students/, /identity theft or fraud/]);
  });

  describe('10. an e-mail sent with every address in "To:"', () => {
    it('a marketing e-mail to a few hundred customers: no / no', () => {
      const r = assessValid(
        answers({
          subjectsCount: 300,
          dataTypes: ['contact'],
          identifiability: 'significant',
          disclosure: 'confirmed',
          recipients: 'known',
        }),
      );
      expect(outcome(r)).toBe('no / no');
      expectDecisive(r, [/contact details of about 300 customers/, /low/, /unlikely to result in a risk/]);
    });

    it("a psychotherapist's client list: yes / yes", () => {
      const r = assessValid(
        answers({
          subjectsCount: 300,
          subjectGroups: ['patients'],
          dataTypes: ['contact', 'health'],
          identifiability: 'significant',
          disclosure: 'confirmed',
          recipients: 'known',
        }),
      );
      expect(outcome(r)).toBe('yes / yes');
      expectDecisive(r, [/Health data \(special category\) of about 300 patients/, /EDPB Guidelines 9\/2022/]);
    });
  });
});

describe('seed case: Danish Immigration Service, return-centre entry and exit records (2020)', () => {
  it('records partly lost and residents wrongly registered absent: yes / yes', () => {
    const r = assessValid(
      answers({
        breachTypes: ['availability', 'integrity'],
        subjectsCount: null,
        subjectGroups: ['vulnerable'],
        dataTypes: ['basic_identity', 'location'],
        unavailability: 'permanent',
        alteration: 'unrecoverable',
        impactOnPeople: 'severe',
        malicious: false,
      }),
    );
    expect(outcome(r)).toBe('yes / yes');
    expect(r.risk).toBe('high');
    expectDecisive(r, [/vulnerable people/, /lost for good/, /altered beyond recovery/, /severe/, /benefits or liberty/]);
    expectReasons(r, [/number of people affected is not known.*worse case/, /ENISA severity 4 \(very high\)/]);
  });
});
