import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { chainNext } from '../../../src/flows/reminder-scheduler.js';
import { DEFAULT_REMINDER_SCHEDULE } from '../../../src/domain/reminder-plan.js';
import {
  countsFrom, declareQuestion, isRegimeStreamActive, otherRegimeClocks, parseRegimeStream, regimeReminderPlans, regimesAtDeclaration,
} from '../../../src/domain/regimes/breach-regimes.js';
import { DEFAULT_REGIME_SETTINGS } from '../../../src/domain/regimes/index.js';
import { checkStageForm } from '../../../src/domain/regimes/stage-form.js';
import { describeEvent } from '../../../src/domain/timeline/describe.js';
import { readRegimeSettings, validateSettingsForm, type SettingsFormInput } from '../../../src/domain/settings-form.js';

const utc = (iso: string) => DateTime.fromISO(iso, { zone: 'utc' });
const AWARE = utc('2026-10-23T08:00:00Z');
const NIS2_ENTITY = { establishedIn: ['DK'], nis2EntityIn: ['DK'] };

describe('the regimes of a declared breach', () => {
  it('ask nothing with the default settings, and keep breachbot a GDPR tool', () => {
    expect(declareQuestion(DEFAULT_REGIME_SETTINGS)).toBeNull();
    expect(regimesAtDeclaration(DEFAULT_REGIME_SETTINGS, { significantIncident: null })).toEqual(['gdpr-dk']);
  });

  it('ask a NIS2 entity whether the incident is significant; yes or "not known yet" runs the NIS2 clocks, no does not', () => {
    expect(declareQuestion(NIS2_ENTITY)).toMatchObject({ regimeIds: ['nis2-dk'], question: expect.stringContaining('significant incident') });
    expect(regimesAtDeclaration(NIS2_ENTITY, { significantIncident: true })).toEqual(['gdpr-dk', 'nis2-dk']);
    expect(regimesAtDeclaration(NIS2_ENTITY, { significantIncident: null })).toEqual(['gdpr-dk', 'nis2-dk']);
    expect(regimesAtDeclaration(NIS2_ENTITY, { significantIncident: false })).toEqual(['gdpr-dk']);
    // A UK establishment adds the ICO, without a question.
    expect(regimesAtDeclaration({ establishedIn: ['DK', 'GB'], nis2EntityIn: [] }, {})).toEqual(['gdpr-dk', 'uk-gdpr']);
  });

  const clocks = (recorded: Array<{ stage: string; at: string }> = [], now = AWARE) =>
    otherRegimeClocks({
      regimes: ['gdpr-dk', 'nis2-dk'],
      awareAt: AWARE,
      role: 'controller',
      processorHours: null,
      recorded: recorded.map((r) => ({ regime: 'nis2-dk', stage: r.stage, at: utc(r.at) })),
      now,
    });

  it('plan a stream per stage with a fixed due time: the early warning and the notification, not yet the final report', () => {
    const plans = regimeReminderPlans(clocks(), { awareAt: AWARE, schedule: DEFAULT_REMINDER_SCHEDULE, now: AWARE });
    expect(plans.map((p) => p.stream)).toEqual(['nis2-dk:early_warning', 'nis2-dk:incident_notification']);
    // 24 h from awareness: the 48 h and 24 h countdowns would fall before awareness and are dropped.
    expect(plans[0]!.planned.map((p) => [p.key, p.dueAt.toISO()])).toEqual([
      ['nis2-dk:early_warning/countdown-12h', '2026-10-23T20:00:00.000Z'],
      ['nis2-dk:early_warning/countdown-6h', '2026-10-24T02:00:00.000Z'],
      ['nis2-dk:early_warning/countdown-3h', '2026-10-24T05:00:00.000Z'],
      ['nis2-dk:early_warning/countdown-1h', '2026-10-24T07:00:00.000Z'],
      ['nis2-dk:early_warning/deadline', '2026-10-24T08:00:00.000Z'],
      ['nis2-dk:early_warning/overdue-1', '2026-10-24T20:00:00.000Z'],
    ]);
  });

  it('plan the final report once the notification is recorded, one calendar month in Copenhagen after it', () => {
    const after = clocks([{ stage: 'incident_notification', at: '2026-10-25T11:30:00Z' }]);
    const plans = regimeReminderPlans(after, {
      awareAt: AWARE,
      schedule: DEFAULT_REMINDER_SCHEDULE,
      now: utc('2026-10-25T12:00:00Z'),
      only: (c) => countsFrom(c, 'controller') === 'incident_notification',
    });
    expect(plans.map((p) => p.stream)).toEqual(['nis2-dk:final_report']);
    expect(plans[0]!.planned.find((p) => p.kind === 'deadline')!.dueAt.toISO()).toBe('2026-11-25T11:30:00.000Z');
  });

  it('stop a stream when its stage is recorded or the breach is closed', () => {
    const open = clocks();
    expect(isRegimeStreamActive(open, 'nis2-dk:early_warning', null)).toBe(true);
    expect(isRegimeStreamActive(open, 'nis2-dk:early_warning', AWARE)).toBe(false);
    expect(isRegimeStreamActive(clocks([{ stage: 'early_warning', at: '2026-10-23T09:00:00Z' }]), 'nis2-dk:early_warning', null)).toBe(false);
    // The final report waits for the notification; the intermediate report only runs when asked for.
    expect(isRegimeStreamActive(open, 'nis2-dk:final_report', null)).toBe(false);
    expect(isRegimeStreamActive(open, 'nis2-dk:intermediate_report', null)).toBe(false);
    expect(parseRegimeStream('authority_countdown')).toBeNull();
  });

  it("continue a stage's overdue chain from its own due time, under its own keys", () => {
    const next = chainNext(
      { kind: 'overdue', key: 'nis2-dk:early_warning/overdue-1', stream: 'nis2-dk:early_warning', dueAt: utc('2026-10-24T20:00:00Z'), deadlineAt: utc('2026-10-26T08:00:00Z') },
      utc('2026-10-24T20:00:05Z'),
    );
    expect(next).toEqual({ key: 'nis2-dk:early_warning/overdue-2', kind: 'overdue', dueAt: utc('2026-10-25T08:00:00Z') });
  });
});

describe('the timeline', () => {
  it('names a recorded stage and the stream it stopped in words', () => {
    expect(describeEvent({ type: 'regime_stage_recorded', data: { regimeName: 'NIS2 (Denmark)', stageName: 'Incident notification', reference: 'VIRK-1' } }))
      .toBe('NIS2 (Denmark) incident notification recorded, reference VIRK-1');
    expect(describeEvent({ type: 'reminders_cancelled', data: { stream: 'nis2-dk:early_warning', reason: 'recorded' } }))
      .toBe('Reminders stopped: the reminders for the NIS2 (Denmark) early warning (recorded)');
  });
});

describe('the Record a report form', () => {
  const now = utc('2026-10-25T12:00:00Z');
  const ctx = (recorded: Array<{ stage: string; at: string }> = []) => ({
    now,
    awareAt: AWARE,
    zone: 'Europe/Copenhagen',
    clocks: otherRegimeClocks({ regimes: ['nis2-dk'], awareAt: AWARE, role: 'controller', processorHours: null, recorded: recorded.map((r) => ({ regime: 'nis2-dk', ...r, at: utc(r.at) })), now }),
  });
  const at = (iso: string) => utc(iso).toUnixInteger();

  it('takes a stage that is left, submitted between awareness and now', () => {
    const ok = checkStageForm({ stage: 'nis2-dk:early_warning', doneAt: at('2026-10-24T07:00:00Z'), reference: '  R-1 ' }, ctx());
    expect(ok).toMatchObject({ ok: true, value: { reference: 'R-1', clock: { stage: 'early_warning' } } });
  });

  it('refuses each problem at its field', () => {
    expect(checkStageForm({ stage: null, doneAt: at('2026-10-25T13:00:00Z'), reference: null }, ctx())).toEqual({
      ok: false,
      errors: { stage: 'Choose which report was submitted.', doneAt: expect.stringContaining('in the future') },
    });
    expect(checkStageForm({ stage: 'nis2-dk:early_warning', doneAt: at('2026-10-23T07:00:00Z'), reference: null }, ctx())).toEqual({
      ok: false,
      errors: { doneAt: expect.stringContaining('before we became aware') },
    });
    // Recorded already, or not applicable (the intermediate report nobody asked for): not offered.
    const recorded = ctx([{ stage: 'early_warning', at: '2026-10-24T07:00:00Z' }]);
    expect(checkStageForm({ stage: 'nis2-dk:early_warning', doneAt: at('2026-10-25T11:00:00Z'), reference: null }, recorded)).toMatchObject({ ok: false, errors: { stage: expect.stringContaining('recorded already') } });
    expect(checkStageForm({ stage: 'nis2-dk:intermediate_report', doneAt: at('2026-10-25T11:00:00Z'), reference: null }, recorded)).toMatchObject({ ok: false });
  });
});

describe('the regime settings', () => {
  const form = (regimeOptions?: string[]): SettingsFormInput => ({
    orgName: null, cvr: null, address: null, dpoName: null, dpoEmail: null, dpoPhone: null, dpoUserIds: ['U0DPO'], responderGroupId: null,
    countdownHours: '48, 24, 12', overdueEveryHours: '12', draftingLanguages: ['da'], writingLanguage: 'da', ...(regimeOptions ? { regimeOptions } : {}),
  });

  it('tick a NIS2 entity and a UK establishment; Denmark stays', () => {
    const checked = validateSettingsForm(form(['nis2_dk', 'uk']));
    expect(checked.ok && checked.value.regimes).toEqual({ establishedIn: ['DK', 'GB'], nis2EntityIn: ['DK'] });
    const none = validateSettingsForm(form([]));
    expect(none.ok && none.value.regimes).toEqual({ establishedIn: ['DK'], nis2EntityIn: [] });
    // A form without the boxes leaves the stored regimes alone.
    const without = validateSettingsForm(form());
    expect(without.ok && 'regimes' in without.value).toBe(false);
  });

  it('refuse an unknown box at its field, and read a broken stored value as the default', () => {
    expect(validateSettingsForm(form(['nis2_se']))).toEqual({ ok: false, errors: { regimeOptions: expect.stringContaining('not a choice') } });
    expect(readRegimeSettings({ establishedIn: 'DK', nis2EntityIn: [42] })).toEqual({ establishedIn: ['DK'], nis2EntityIn: [] });
    expect(readRegimeSettings(undefined)).toEqual({ establishedIn: ['DK'], nis2EntityIn: [] });
  });
});
