// Issue 11b: classes an independent legal review found wrongly decided. Each class is a rule with
// its own reason and citation, tested on several cases written from the rule (not from one
// example). Outcome: "authority / data subjects".
import { describe, expect, it } from 'vitest';
import { answers, assessValid, expectDecisive, expectReasons, outcome } from './fixtures.js';

const matching = (reasons: readonly string[], p: RegExp) => reasons.filter((s) => p.test(s));

describe('1. care records lost or altered for good', () => {
  const lost = { breachTypes: ['availability' as const], unavailability: 'permanent' as const };
  const restoredAfter = (hours: number) => ({ breachTypes: ['availability' as const], unavailability: 'temporary' as const, restoredWithinHours: hours });

  it("a dental clinic's journals lost in a disk failure with no backup, rated minor: high, tell the people", () => {
    const r = assessValid(
      answers({ ...lost, subjectsCount: 800, subjectGroups: ['patients'], dataTypes: ['basic_identity', 'health'], impactOnPeople: 'minor' }),
    );
    expect(r.risk).toBe('high');
    expect(outcome(r)).toBe('yes / yes');
    expectDecisive(r, [/about 800 patients were lost for good/, /nobody can give them back/, /Recital 75/, /WP250 Annex B, example 4/]);
  });

  it('a care home residents\' medication records deleted by mistake, rated "no effect": still high', () => {
    const r = assessValid(
      answers({ ...lost, subjectsCount: 12, subjectGroups: ['vulnerable'], dataTypes: ['basic_identity', 'health'], impactOnPeople: 'none' }),
    );
    expect(outcome(r)).toBe('yes / yes');
    expectDecisive(r, [/lost for good/, /their care/]);
  });

  it('patient records altered beyond recovery by a faulty migration (integrity only): high', () => {
    const r = assessValid(
      answers({
        breachTypes: ['integrity'],
        subjectsCount: 300,
        subjectGroups: ['patients'],
        dataTypes: ['basic_identity', 'health'],
        alteration: 'unrecoverable',
        impactOnPeople: 'minor',
      }),
    );
    expect(outcome(r)).toBe('yes / yes');
    expectDecisive(r, [/altered beyond recovery/, /nobody can give them back/]);
  });

  it('no reason in a high result says the loss is not a high risk, and no accidental loss cites the attack of example 8', () => {
    for (const impactOnPeople of ['none', 'minor'] as const) {
      const r = assessValid(
        answers({ ...lost, subjectsCount: 5_000, subjectGroups: ['patients'], dataTypes: ['health', 'national_id'], impactOnPeople }),
      );
      expect(r.risk).toBe('high');
      expect(matching(r.reasons, /not a high risk|only a minor effect|no effect on people/)).toEqual([]);
      expect(matching(r.reasons, /example 8|attack/)).toEqual([]);
    }
  });

  it('the same loss with a backup that restored the records within the day stays unlikely', () => {
    const r = assessValid(
      answers({ ...restoredAfter(6), subjectsCount: 800, subjectGroups: ['patients'], dataTypes: ['basic_identity', 'health'], impactOnPeople: 'minor' }),
    );
    expect(outcome(r)).toBe('no / no');
  });

  it('records that are not care records (customers\' orders) lost for good, rated minor: a risk, not high', () => {
    const r = assessValid(answers({ ...lost, subjectsCount: 800, dataTypes: ['basic_identity', 'contact'], impactOnPeople: 'minor' }));
    expect(outcome(r)).toBe('yes / no');
  });

  it('an accidental outage of benefit records for 36 hours cites Recital 75, not the attack of WP250 example 8', () => {
    const r = assessValid(
      answers({ ...restoredAfter(36), subjectsCount: 5_000, subjectGroups: ['citizens'], dataTypes: ['basic_identity', 'income'], impactOnPeople: 'minor' }),
    );
    expect(outcome(r)).toBe('yes / no');
    expectDecisive(r, [/benefits, payments or legal rights/, /Recital 75/]);
    expect(matching(r.reasons, /example 8/)).toEqual([]);
  });
});

describe('5. reasons read as a DPO would write them', () => {
  it('the verb agrees with the label, not with the number of kinds of data', () => {
    const cpr = assessValid(answers({ subjectsCount: 1, subjectGroups: ['citizens'], dataTypes: ['national_id'] }));
    expectDecisive(cpr, [/^National ID numbers \(CPR\) of one citizen were disclosed/]);
    const financial = assessValid(answers({ subjectsCount: 3, dataTypes: ['financial'] }));
    expectDecisive(financial, [/^Financial data of 3 customers were disclosed/]);
    const health = assessValid(answers({ subjectsCount: 30, subjectGroups: ['patients'], dataTypes: ['health'], recipients: 'unknown', disclosure: 'likely' }));
    expectDecisive(health, [/^Health data \(special category\) of about 30 patients were likely disclosed/]);
  });

  it('a label that is a singular noun keeps "was"', () => {
    const r = assessValid(answers({ subjectsCount: 120, subjectGroups: ['employees'], dataTypes: ['trade_union'] }));
    expectDecisive(r, [/^Trade union membership \(special category\) of about 120 employees was disclosed/]);
    const lost = assessValid(
      answers({ breachTypes: ['availability'], unavailability: 'permanent', subjectsCount: 40, dataTypes: ['sexual_orientation'], impactOnPeople: 'minor' }),
    );
    expectReasons(lost, [/Sexual orientation of about 40 customers was lost for good/]);
  });

  it('beside a disclosure that is notified, a brief loss is said to be unlikely to result in a risk on its own', () => {
    const r = assessValid(
      answers({
        breachTypes: ['confidentiality', 'availability'],
        subjectsCount: 300,
        dataTypes: ['basic_identity', 'national_id'],
        recipients: 'unknown',
        unavailability: 'temporary',
        restoredWithinHours: 5,
        impactOnPeople: 'none',
        malicious: true,
      }),
    );
    expect(outcome(r)).toBe('yes / yes');
    expectReasons(r, [/no effect on people: the loss on its own is unlikely to result in a risk \(EDPB Guidelines 01\/2021, case 01/]);
    expect(matching(r.reasons, /: this is unlikely to result in a risk/)).toEqual([]);
  });
});

describe('4. data that were all already public', () => {
  const directory = { dataTypes: ['basic_identity' as const, 'contact' as const], publiclyAvailableBefore: true };

  it('a hacker scrapes and dumps 600 names and addresses from the public phone directory: no / no', () => {
    const r = assessValid(answers({ ...directory, subjectsCount: 600, recipients: 'public', malicious: true }));
    expect(outcome(r)).toBe('no / no');
    expectDecisive(r, [/had all been public before the breach/, /unlikely to result in a risk/, /WP250 rev\.01/]);
  });

  it('a published staff directory republished by mistake, or mailed to unknown recipients: no / no', () => {
    for (const recipients of ['public', 'unknown', 'known'] as const) {
      const r = assessValid(answers({ ...directory, subjectsCount: 200, subjectGroups: ['employees'], recipients }));
      expect(outcome(r), recipients).toBe('no / no');
    }
  });

  it('public data already public about a very large or unknown number of people: the compilation is a risk', () => {
    for (const subjectsCount of [2_000_000, null]) {
      const r = assessValid(answers({ ...directory, subjectsCount, recipients: 'public', malicious: true }));
      expect(outcome(r), String(subjectsCount)).toBe('yes / no');
      expectDecisive(r, [/had been public before the breach/, /compilation on this scale/]);
    }
  });

  it('the same data not public before stay notifiable', () => {
    const r = assessValid(answers({ ...directory, subjectsCount: 600, recipients: 'public', malicious: true, publiclyAvailableBefore: false }));
    expect(outcome(r)).toBe('yes / no');
  });

  it('public CPR numbers or health data stay unlikely below the scale, as public data were never fraud or special-category findings', () => {
    const r = assessValid(answers({ subjectsCount: 40, dataTypes: ['national_id', 'health'], recipients: 'public', publiclyAvailableBefore: true }));
    expect(r.risk).toBe('unlikely');
  });
});

describe('2. data about patients reveal their health', () => {
  const newsletter = { subjectsCount: 300, subjectGroups: ['patients' as const], dataTypes: ['contact' as const] };

  it("an HIV clinic's newsletter with 300 patients' addresses in CC, health not ticked: health data disclosed, yes / yes", () => {
    const r = assessValid(answers(newsletter));
    expect(outcome(r)).toBe('yes / yes');
    expectDecisive(r, [/Health data \(special category\) of about 300 patients were disclosed/]);
    expectReasons(r, [/show that these people are patients/, /Recital 35/, /C-184\/20/, /WP250 Annex B, example 10/]);
  });

  it("a physiotherapist's appointment list of 8 named patients sent to the wrong person: high", () => {
    const r = assessValid(answers({ subjectsCount: 8, subjectGroups: ['patients'], dataTypes: ['basic_identity', 'contact'] }));
    expect(r.risk).toBe('high');
  });

  it('a patient list that was probably not opened by a known recipient: a risk, and the reasons say why it is health data', () => {
    const r = assessValid(answers({ ...newsletter, disclosure: 'unlikely' }));
    expect(outcome(r)).toBe('yes / no');
    expectReasons(r, [/show that these people are patients/]);
  });

  it('no health data are inferred for customers, for pseudonymised patients, or when the list was encrypted', () => {
    const customers = assessValid(answers({ ...newsletter, subjectGroups: ['customers'] }));
    expect(customers.risk).not.toBe('high');
    const pseudonymised = assessValid(answers({ ...newsletter, identifiability: 'negligible' }));
    expect(pseudonymised.risk).not.toBe('high');
    const encrypted = assessValid(answers({ ...newsletter, protection: 'intact' }));
    expect(outcome(encrypted)).toBe('no / no');
    for (const r of [customers, pseudonymised, encrypted]) expect(matching(r.reasons, /are patients/)).toEqual([]);
  });

  it('health ticked as well: no second explanation', () => {
    const r = assessValid(answers({ ...newsletter, dataTypes: ['contact', 'health'] }));
    expect(outcome(r)).toBe('yes / yes');
    expect(matching(r.reasons, /Health data were not among the data answered/)).toEqual([]);
  });

  it('the questionnaire tells the DPO to tick a special category the context reveals', async () => {
    const { QUESTIONS } = await import('../../../src/domain/assessment/questions.js');
    expect(QUESTIONS.dataTypes.help).toMatch(/context reveals.*patient list is health data/);
  });
});

describe('3. a disclosure that could put someone in physical danger', () => {
  const address = { subjectsCount: 1, dataTypes: ['basic_identity' as const, 'contact' as const] };

  it("a violence victim's protected address sent to the ex-partner: high, tell the person", () => {
    const r = assessValid(answers({ ...address, subjectGroups: ['vulnerable'], physicalDanger: true }));
    expect(outcome(r)).toBe('yes / yes');
    expectDecisive(r, [/one vulnerable person were disclosed to known recipients/, /could put someone in physical danger/, /Recitals 75 and 85/]);
  });

  it("a foster child's new address sent to the birth parent: high, whether location or contact was ticked", () => {
    for (const dataTypes of [['basic_identity', 'contact'], ['basic_identity', 'location']] as const) {
      const r = assessValid(answers({ subjectsCount: 1, subjectGroups: ['children', 'vulnerable'], dataTypes: [...dataTypes], physicalDanger: true }));
      expect(outcome(r), dataTypes.join()).toBe('yes / yes');
    }
  });

  it('not known: assessed as the worse case, and the reason says so', () => {
    const r = assessValid(answers({ ...address, subjectGroups: ['vulnerable'], physicalDanger: null }));
    expect(outcome(r)).toBe('yes / yes');
    expectDecisive(r, [/is not known, so it is assessed as the worse case: it could/]);
  });

  it('an Art. 34(3) exemption still applies: the address was changed before anyone could act on it', () => {
    const r = assessValid(answers({ ...address, subjectGroups: ['vulnerable'], physicalDanger: true, measuresRemoveHighRisk: true }));
    expect(r.risk).toBe('high');
    expect(r.exemption).toBe('measures_taken');
    expect(outcome(r)).toBe('yes / no');
  });

  it('probably not opened by the known recipient: a risk, not high; encrypted: unlikely', () => {
    const unread = assessValid(answers({ ...address, physicalDanger: true, disclosure: 'unlikely' }));
    expect(outcome(unread)).toBe('yes / no');
    expectDecisive(unread, [/could put someone in physical danger/, /not a high risk/]);
    const encrypted = assessValid(answers({ ...address, physicalDanger: true, protection: 'intact' }));
    expect(outcome(encrypted)).toBe('no / no');
  });

  it('"no", or not asked (answers stored before the question), keeps the outcome it had', () => {
    const no = assessValid(answers({ ...address, subjectGroups: ['vulnerable'], physicalDanger: false }));
    const absent = assessValid(answers({ ...address, subjectGroups: ['vulnerable'] }));
    expect(no).toEqual(absent);
    expect(outcome(no)).toBe('yes / no');
  });
});
