import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { CONTROLLER_DEADLINE_HOURS, DEFAULT_PROCESSOR_HOURS, deadlineFor } from '../../../src/domain/deadline.js';
import { AUTHORITY_DEADLINE_HOURS } from '../../../src/domain/notices/deadline.js';
import {
  BUILT_IN_REGIMES,
  clocksFor,
  DEFAULT_REGIME_SETTINGS,
  GDPR_DK,
  NIS2_DK,
  REGIMES,
  regimeProblems,
  registerCells,
  UK_GDPR,
  type DeclareAnswers,
  type RegimeSettings,
} from '../../../src/domain/regimes/index.js';

const settings = (s: Partial<RegimeSettings>): RegimeSettings => ({ ...DEFAULT_REGIME_SETTINGS, ...s });
const verdicts = (s: Partial<RegimeSettings>, answers: DeclareAnswers = {}) =>
  Object.fromEntries(REGIMES.choices({ settings: settings(s), answers }).map((c) => [c.regime.id, c.verdict.applies]));

describe('the built-in regimes', () => {
  it('are usable profiles', () => {
    expect(BUILT_IN_REGIMES.map((r) => r.id)).toEqual(['gdpr-dk', 'nis2-dk', 'uk-gdpr']);
    expect(BUILT_IN_REGIMES.flatMap(regimeProblems)).toEqual([]);
  });

  it('say what is not confirmed for Denmark’s NIS2 act instead of guessing', () => {
    expect(NIS2_DK.unconfirmed.some((text) => /CSIRT/.test(text) && /secondary/.test(text))).toBe(true);
    expect(UK_GDPR.authority.form?.note).toMatch(/Parts two to six are not/);
  });

  it('take reports in the authority’s languages, its own first', () => {
    expect(GDPR_DK.languages).toEqual(['da', 'en']);
    expect(UK_GDPR.languages).toEqual(['en']);
  });
});

describe('72 hours, defined once', () => {
  it('is the GDPR-DK profile’s number wherever the code asks for it', () => {
    const stage = GDPR_DK.ruleSets.at(-1)!.stages.find((s) => s.id === 'authority_notification')!;
    const controller = stage.byRole.controller!;
    expect(controller.within).toEqual({ kind: 'hours', hours: CONTROLLER_DEADLINE_HOURS });
    expect(AUTHORITY_DEADLINE_HOURS).toBe(CONTROLLER_DEADLINE_HOURS);
    const processor = GDPR_DK.ruleSets.at(-1)!.stages.find((s) => s.id === 'controller_notification')!.byRole.processor!;
    expect(processor.within).toEqual({ kind: 'contract_hours', default: DEFAULT_PROCESSOR_HOURS });
  });
});

describe('which regimes apply', () => {
  it('is GDPR with Datatilsynet alone for an organisation with the default settings, as before regimes', () => {
    expect(verdicts({})).toEqual({ 'gdpr-dk': true, 'nis2-dk': false, 'uk-gdpr': false });
    expect(REGIMES.applicable({ settings: DEFAULT_REGIME_SETTINGS, answers: {} })).toEqual([GDPR_DK]);
  });

  it('asks a NIS2 entity whether the incident is significant, and follows the answer', () => {
    const entity = { nis2EntityIn: ['DK'] };
    expect(verdicts(entity)['nis2-dk']).toBe('ask');
    const asked = REGIMES.choices({ settings: settings(entity), answers: {} }).find((c) => c.regime.id === 'nis2-dk')!.verdict;
    expect(asked.applies === 'ask' && asked.question).toMatch(/significant incident/);
    expect(verdicts(entity, { significantIncident: true })['nis2-dk']).toBe(true);
    expect(verdicts(entity, { significantIncident: false })['nis2-dk']).toBe(false);
    // A significant incident at an organisation that is not a NIS2 entity is not NIS2's business.
    expect(verdicts({}, { significantIncident: true })['nis2-dk']).toBe(false);
  });

  it('adds the ICO for a UK establishment, and drops the GDPR regimes when no personal data is involved', () => {
    expect(verdicts({ establishedIn: ['DK', 'GB'] })).toMatchObject({ 'gdpr-dk': true, 'uk-gdpr': true });
    expect(verdicts({ establishedIn: ['GB'] })).toMatchObject({ 'gdpr-dk': false, 'uk-gdpr': true });
    expect(verdicts({ establishedIn: ['DK', 'GB'], nis2EntityIn: ['DK'] }, { personalData: false, significantIncident: true })).toEqual({
      'gdpr-dk': false,
      'nis2-dk': true,
      'uk-gdpr': false,
    });
  });
});

describe('register columns', () => {
  it('show each regime’s due and recorded times as stored (UTC, ISO 8601)', () => {
    const awareAt = DateTime.fromISO('2026-05-01T12:00', { zone: 'utc' });
    const notified = awareAt.plus({ hours: 30 });
    const clocks = clocksFor({
      regimes: [GDPR_DK],
      awareAt,
      role: 'controller',
      recorded: [{ regime: 'gdpr-dk', stage: 'authority_notification', at: notified }],
      now: notified,
    });
    expect(registerCells(GDPR_DK, clocks)).toEqual([
      { header: 'Notification to Datatilsynet due (UTC)', value: deadlineFor({ awareAt, role: 'controller' }).toISO() },
      { header: 'Notified Datatilsynet (UTC)', value: '2026-05-02T18:00:00.000Z' },
      { header: 'Controller told (UTC)', value: '' },
      { header: 'People affected told (UTC)', value: '' },
    ]);
  });
});
