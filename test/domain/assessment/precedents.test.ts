// The precedent beside the answer: the closest published example, its outcome, and how the breach differs.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type AssessmentAnswers, assess, closestPrecedent } from '../../../src/domain/assessment/index.js';
import { PRECEDENTS } from '../../../src/domain/assessment/precedents/catalogue.js';
import { validAnswers } from './arbitraries.js';
import { answers } from './fixtures.js';

const closest = (a: AssessmentAnswers) => closestPrecedent(a, assess(a));

describe('the published examples', () => {
  it('are cited as WP250 rev.01 Annex B examples 1-10 or EDPB 01/2021 cases with their own numbers', () => {
    const ids = PRECEDENTS.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const p of PRECEDENTS) {
      const wp250 = /^wp250-(\d+)/.exec(p.id);
      const edpb = /^edpb-(\d\d)$/.exec(p.id);
      if (wp250) expect(p.citation).toBe(`WP250 rev.01, Annex B, example ${wp250[1]}`);
      else expect(p.citation).toBe(`EDPB Guidelines 01/2021, case No. ${edpb![1]}`);
      expect(Number((wp250 ?? edpb)![1])).toBeLessThanOrEqual(wp250 ? 10 : 18);
    }
    // Every WP250 Annex B example is there.
    expect(new Set(PRECEDENTS.filter((p) => p.id.startsWith('wp250')).map((p) => p.citation)).size).toBe(10);
  });
});

describe('the closest example', () => {
  const cases: Array<[string, Partial<AssessmentAnswers>]> = [
    ['wp250-3', { breachTypes: ['availability'], subjectsCount: 50_000, dataTypes: ['basic_identity', 'contact'], unavailability: 'temporary', restoredWithinHours: 0.2, impactOnPeople: 'minor' }],
    ['wp250-5', { subjectsCount: 1, dataTypes: ['basic_identity', 'financial'], recipients: 'known' }],
    ['wp250-6', { subjectsCount: 120_000, dataTypes: ['basic_identity', 'credentials', 'behavioural'], recipients: 'public', malicious: true }],
    ['wp250-7', { role: 'processor', subjectsCount: null, dataTypes: ['basic_identity', 'communications'], disclosure: null, recipients: 'known' }],
    ['wp250-8', { breachTypes: ['availability'], subjectsCount: 40_000, subjectGroups: ['patients'], dataTypes: ['basic_identity', 'health'], unavailability: 'temporary', restoredWithinHours: 30, impactOnPeople: 'minor', malicious: true }],
    ['edpb-06', { subjectsCount: 1_200, dataTypes: ['credentials'], recipients: 'unknown', protection: 'intact', malicious: true }],
    ['edpb-08', { subjectsCount: 500, dataTypes: ['basic_identity', 'contact'], recipients: 'known', malicious: true }],
    ['edpb-09', { subjectsCount: 24, dataTypes: ['basic_identity', 'contact'], recipients: 'trusted', recipientDeletedOrReturned: true }],
    // The notebook is gone and its data are restored from daily backups, as case 11 says.
    ['edpb-11', { breachTypes: ['confidentiality', 'availability'], subjectsCount: 100_000, dataTypes: ['basic_identity', 'contact'], disclosure: 'likely', recipients: 'unknown', copyOutOfControl: true, unavailability: 'temporary', restoredWithinHours: 24, malicious: true }],
    ['edpb-12', { subjectsCount: 30, subjectGroups: ['patients'], dataTypes: ['basic_identity', 'health'], disclosure: 'likely', recipients: 'unknown', malicious: true }],
    ['edpb-13', { subjectsCount: 2, dataTypes: ['basic_identity', 'contact'], recipients: 'known' }],
    ['edpb-14', { subjectsCount: 600, subjectGroups: ['citizens'], dataTypes: ['basic_identity', 'contact', 'national_id'], recipients: 'known' }],
    ['edpb-16', { subjectsCount: 1, dataTypes: ['basic_identity', 'contact', 'behavioural'], recipients: 'known' }],
    ['edpb-18', { subjectsCount: 99, subjectGroups: ['employees'], dataTypes: ['basic_identity', 'income', 'employment'], recipients: 'unknown', malicious: true }],
  ];

  it.each(cases)('of an instance of %s is that example, with the same outcome', (id, overrides) => {
    const match = closest(answers(overrides));
    expect(match.precedent.id).toBe(id);
    expect(match.sameOutcome).toBe(true);
    expect(match.similarity).toBeGreaterThan(0.8);
  });

  it('says how a breach differs, most decisive first, in plain sentences', () => {
    // A USB stick with employees' sick-leave records lost on a bus, beside a stolen rehabilitation logbook.
    const match = closest(
      answers({ subjectsCount: 35, subjectGroups: ['employees'], dataTypes: ['basic_identity', 'health'], disclosure: 'unlikely', recipients: 'unknown' }),
    );
    expect(match.precedent.id).toBe('edpb-12');
    expect(match.sameOutcome).toBe(true);
    expect(match.differences).toEqual([
      'Vulnerable people, patients or children: not among them here; among them in the example.',
      'Cause: an accident or error here; deliberate in the example.',
    ]);
  });

  it('sets a lost laptop restored from a backup beside the stolen notebook, not beside ransomware restored in place', () => {
    const laptop = {
      breachTypes: ['confidentiality' as const, 'availability' as const],
      subjectsCount: 60,
      dataTypes: ['basic_identity' as const, 'contact' as const],
      disclosure: 'unlikely' as const,
      recipients: 'unknown' as const,
      unavailability: 'temporary' as const,
      restoredWithinHours: 6,
    };
    const lost = closest(answers({ ...laptop, copyOutOfControl: true }));
    expect(lost.precedent.id).toBe('edpb-11');
    expect(lost.differences).toContain('People affected: fewer than 100 here; over 100,000 in the example.');
  });

  describe('of a lost or stolen device is a lost or stolen device or paper, not an attack on an online service (issue 11c)', () => {
    const DEVICE_CASES = ['edpb-10', 'edpb-11', 'edpb-12', 'wp250-1'];
    const CARRIER_LOST = ['edpb-10', 'edpb-11'];
    // An unencrypted laptop with customers' names and CPR numbers, probably not seen.
    const laptop: Partial<AssessmentAnswers> = {
      breachTypes: ['confidentiality', 'availability'], subjectsCount: 300, subjectGroups: ['customers'], dataTypes: ['basic_identity', 'national_id'],
      disclosure: 'unlikely', recipients: 'unknown', copyOutOfControl: true, protection: 'none', unavailability: 'temporary', restoredWithinHours: 3,
    };
    const noBackup: Partial<AssessmentAnswers> = { unavailability: 'permanent', restoredWithinHours: null };
    const dataElsewhere: Partial<AssessmentAnswers> = { breachTypes: ['confidentiality'], unavailability: 'none', restoredWithinHours: null, copyOutOfControl: undefined };

    // Lost: nobody meant it, so the answers alone say what it was, whatever kind was recorded.
    it.each<[string, Partial<AssessmentAnswers>]>([
      ['restored from a backup', {}],
      ['without a backup', noBackup],
      ['with the data kept elsewhere too', dataElsewhere],
      ['not known whether a copy is out', { copyOutOfControl: null }],
      ['with patients\' health data', { subjectGroups: ['patients'], dataTypes: ['basic_identity', 'health'] }],
      ['encrypted, key safe', { protection: 'intact', disclosure: 'likely' }],
    ])('lost, %s', (_, over) => {
      const a = answers({ ...laptop, malicious: false, ...over });
      expect(DEVICE_CASES).toContain(closestPrecedent(a, assess(a)).precedent.id);
      expect(DEVICE_CASES).toContain(closestPrecedent(a, assess(a), 'lost_or_stolen').precedent.id);
    });

    // Stolen: the answers are those of an attack that took the data, so the recorded kind decides.
    it.each<[string, Partial<AssessmentAnswers>]>([
      ['restored from a backup', {}],
      ['without a backup', noBackup],
      ['with the data kept elsewhere too', dataElsewhere],
      ['encrypted, key safe', { protection: 'intact', disclosure: 'likely' }],
    ])('stolen, %s (recorded as lost or stolen)', (_, over) => {
      const a = answers({ ...laptop, malicious: true, ...over });
      const match = closestPrecedent(a, assess(a), 'lost_or_stolen');
      expect(DEVICE_CASES).toContain(match.precedent.id);
      expect(match.differences.join(' ')).not.toContain('Kind of incident');
    });

    it('the reported case meets the stolen notebook (case 11), not the credential stuffing attack (case 07)', () => {
      const a = answers({ ...laptop, malicious: false });
      const match = closestPrecedent(a, assess(a));
      expect(CARRIER_LOST).toContain(match.precedent.id);
      expect(match.precedent.id).not.toBe('edpb-07');
    });

    it("recorded as hacking, an attack's answers meet the credential stuffing attack and a lost laptop's no device case", () => {
      const a = answers({ ...laptop, breachTypes: ['confidentiality'], unavailability: 'none', restoredWithinHours: null, copyOutOfControl: undefined, dataTypes: ['basic_identity', 'financial', 'credentials'], malicious: true });
      expect(closestPrecedent(a, assess(a), 'hacking').precedent.id).toBe('edpb-07');
      const lostOne = answers({ ...laptop, malicious: false });
      const asAttack = closestPrecedent(lostOne, assess(lostOne), 'hacking');
      expect(DEVICE_CASES).not.toContain(asAttack.precedent.id);
    });
  });

  it('lists nothing when the compared facts are alike, and flags an outcome that differs from the example', () => {
    expect(closest(answers({ subjectsCount: 2, dataTypes: ['basic_identity', 'contact'], recipients: 'known' })).differences).toEqual([]);
    // Salaries to colleagues: beside a bank statement to the wrong customer, income is not fraud-enabling.
    const payroll = closest(answers({ subjectsCount: 40, subjectGroups: ['employees'], dataTypes: ['basic_identity', 'income'], recipients: 'known' }));
    expect(payroll.sameOutcome).toBe(false);
    expect(payroll.differences[0]).toMatch(/^Data: income data \(identity data and income and salary data\) here; fraud-enabling data/);
  });

  it('is always found, deterministic, and speaks in at most four sentences', () => {
    fc.assert(
      fc.property(validAnswers, (a) => {
        const r = assess(a);
        const match = closestPrecedent(a, r);
        expect(closestPrecedent(structuredClone(a), r)).toEqual(match);
        expect(match.similarity).toBeGreaterThanOrEqual(0);
        expect(match.similarity).toBeLessThanOrEqual(1);
        expect(match.differences.length).toBeLessThanOrEqual(4);
        for (const d of match.differences) expect(d).toMatch(/^[A-Z][^:]+: .+ here; .+ in the example\.$/);
      }),
    );
  });
});
