import { describe, expect, it } from 'vitest';
import { DEFAULT_REMINDER_SCHEDULE } from '../../src/domain/reminder-plan.js';
import { readOrganisation, scheduleFrom, validateSettingsForm, type SettingsFormInput } from '../../src/domain/settings-form.js';

const form = (over: Partial<SettingsFormInput> = {}): SettingsFormInput => ({
  orgName: 'Example Kommune',
  cvr: '12345678',
  address: 'Rådhuspladsen 1\n1550 København V',
  dpoName: 'Dina Dahl',
  dpoEmail: 'dpo@example.dk',
  dpoPhone: '+45 12 34 56 78',
  dpoUserIds: ['U0DPO1'],
  responderGroupId: 'S0SEC',
  countdownHours: '48, 24, 12, 6, 3, 1',
  overdueEveryHours: '12',
  draftingLanguages: ['da', 'en'],
  writingLanguage: 'da',
  ...over,
});

describe('settings form', () => {
  it('accepts a complete form', () => {
    const check = validateSettingsForm(form());
    expect(check).toEqual({
      ok: true,
      value: {
        organisation: {
          name: 'Example Kommune',
          cvr: '12345678',
          address: 'Rådhuspladsen 1\n1550 København V',
          dpo: { name: 'Dina Dahl', email: 'dpo@example.dk', phone: '+45 12 34 56 78' },
        },
        dpoUserIds: ['U0DPO1'],
        responderGroupId: 'S0SEC',
        countdownHours: [48, 24, 12, 6, 3, 1],
        overdueEveryHours: 12,
        archiveOnClose: false,
        languages: { drafting: ['da', 'en'], writing: 'da' },
      },
    });
  });

  it('drafts in the languages ticked (at least one), written in the language chosen', () => {
    const none = validateSettingsForm(form({ draftingLanguages: [] }));
    expect(!none.ok && none.errors).toEqual({ draftingLanguages: 'Tick at least one language to draft the notices in.' });
    const english = validateSettingsForm(form({ draftingLanguages: ['en', 'xx'], writingLanguage: 'en' }));
    expect(english.ok && english.value.languages).toEqual({ drafting: ['en'], writing: 'en' });
  });

  it('leaves optional details empty as null, and a CVR typed with spaces is normalised', () => {
    const check = validateSettingsForm(form({ orgName: '  ', address: null, dpoEmail: null, responderGroupId: null, cvr: '12 34 56 78' }));
    expect(check.ok && check.value.organisation).toMatchObject({ name: null, address: null, cvr: '12345678', dpo: { email: null } });
    expect(check.ok && check.value.responderGroupId).toBeNull();
  });

  it('reports each problem at its field', () => {
    const check = validateSettingsForm(
      form({ cvr: '1234567', dpoEmail: 'not-an-address', dpoPhone: 'call me', dpoUserIds: [], responderGroupId: '@security', overdueEveryHours: '0' }),
    );
    expect(check.ok).toBe(false);
    expect(!check.ok && Object.keys(check.errors).sort()).toEqual(['cvr', 'dpoEmail', 'dpoPhone', 'dpoUserIds', 'overdueEveryHours', 'responderGroupId']);
    expect(!check.ok && check.errors.cvr).toMatch(/8 digits/);
  });

  it('reads the countdown hours in any order, without repeats, and rejects what is not a number of hours', () => {
    const sorted = validateSettingsForm(form({ countdownHours: '1 3;6,,24 12 48 24' }));
    expect(sorted.ok && sorted.value.countdownHours).toEqual([48, 24, 12, 6, 3, 1]);
    const bad = validateSettingsForm(form({ countdownHours: '48, 2x, 12' }));
    expect(!bad.ok && bad.errors.countdownHours).toMatch(/"2x" is not a number of hours/);
    const tooFar = validateSettingsForm(form({ countdownHours: '1000, 24' }));
    expect(!tooFar.ok && tooFar.errors.countdownHours).toMatch(/720 hours/);
    const none = validateSettingsForm(form({ countdownHours: ' , ' }));
    expect(!none.ok && none.errors.countdownHours).toMatch(/at least one/);
  });

  it('keeps the at-deadline reminder as it was when the schedule changes', () => {
    const s = scheduleFrom({ countdownHours: [24, 1], overdueEveryHours: 6 }, { ...DEFAULT_REMINDER_SCHEDULE, atDeadline: false });
    expect(s).toEqual({ countdownHours: [24, 1], overdueEveryHours: 6, atDeadline: false });
  });

  it('reads a damaged stored organisation as "not set" instead of failing', () => {
    expect(readOrganisation({ name: 42, dpo: 'x' })).toEqual({ name: null, cvr: null, address: null, dpo: { name: null, email: null, phone: null } });
    expect(readOrganisation(undefined).dpo.email).toBeNull();
  });
});
