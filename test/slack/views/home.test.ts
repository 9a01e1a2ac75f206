import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { breachProgress } from '../../../src/domain/breach/progress.js';
import { DEFAULT_REMINDER_SCHEDULE } from '../../../src/domain/reminder-plan.js';
import { HOME_ACTIONS } from '../../../src/slack/ids.js';
import { OPEN_SHOWN, renderHome, type HomeBreach, type HomeInput, type OpenHomeBreach } from '../../../src/slack/views/home.js';
import { settingsModal } from '../../../src/slack/views/settings-modal.js';
import { validateView } from '../../emulator/index.js';
import type { Breach } from '../../../src/domain/breach/entity.js';
import type { OrgSettings } from '../../../src/domain/org-settings.js';

const now = DateTime.fromISO('2026-11-20T09:00:00Z', { zone: 'utc' });
// The longest title the Declare form allows, made of the character that grows most when escaped.
const worstTitle = '&'.repeat(80);

function breach(n: number, over: Partial<Breach> = {}): Breach {
  return {
    id: `00000000-0000-0000-0000-${String(n).padStart(12, '0')}`,
    reference: `BR-2026-${String(n).padStart(4, '0')}`,
    year: 2026,
    seq: n,
    submissionKey: null,
    title: worstTitle,
    description: 'd',
    codename: null,
    awareAt: now.minus({ hours: 1 }).toJSDate(),
    startedAt: null,
    startedUnknown: false,
    discovery: null,
    role: 'controller',
    processorHours: null,
    systems: null,
    ongoing: 'unknown',
    reporterId: 'U0REPORT',
    leadId: null,
    responderIds: [],
    status: 'assessing',
    deadlineAt: now.plus({ hours: n }).toJSDate(),
    channelId: `C${String(n).padStart(9, '0')}`,
    channelName: null,
    cardTs: null,
    replyUrl: null,
    setupOwner: null,
    setupLeaseUntil: null,
    setupCompletedAt: now.toJSDate(),
    createdAt: now.toJSDate(),
    updatedAt: now.toJSDate(),
    closedAt: null,
    closedBy: null,
    closeReason: null,
    facts: {},
    regimes: ['gdpr-dk'],
    regimeAnswers: {},
    ...over,
  };
}

const seen = (b: Breach): HomeBreach => ({ breach: b, canSeeDetails: true, roles: ['reporter', 'lead', 'dpo'] });
/** An open breach as the Home lists it: awaiting the decision, the state with the longest next step (it names the deciders). */
const seenOpen = (b: Breach, canSeeDetails = true): OpenHomeBreach => ({
  ...seen(b),
  canSeeDetails,
  ...(canSeeDetails ? {} : { roles: [] }),
  progress: breachProgress({
    role: 'controller', deadlineAt: DateTime.fromJSDate(b.deadlineAt), now, closedAt: null, assessedVersion: 1, decision: null,
    drafted: false, notifications: [], subjectsToldAt: null, restrictedAt: null,
  }),
});

const settings: OrgSettings = {
  dpoUserIds: ['U0DPO1', 'U0DPO2'],
  responderGroupId: 'S0SEC',
  organisation: { name: '<!channel> & Co', cvr: '12345678', address: '&'.repeat(500), dpo: { name: 'Dina', email: 'dpo@example.dk', phone: '+45 12 34 56 78' } },
  reminderSchedule: DEFAULT_REMINDER_SCHEDULE,
  archiveOnClose: false,
  languages: { drafting: ['da', 'en'], writing: 'da' },
  regimes: { establishedIn: ['DK', 'GB'], nis2EntityIn: ['DK'] },
};

function home(openCount: number, over: Partial<HomeInput> = {}) {
  const open = Array.from({ length: openCount }, (_, i) => breach(i + 1));
  const closed = Array.from({ length: 10 }, (_, i) => breach(100 + i, { closedAt: now.minus({ days: i }).toJSDate(), status: 'closed' }));
  return renderHome({
    open: open.slice(0, OPEN_SHOWN).map((b) => seenOpen(b)),
    openTotal: open.length,
    closed: closed.map(seen),
    now,
    zone: 'Europe/Copenhagen',
    dpoUserIds: settings.dpoUserIds,
    settings,
    ...over,
  });
}

describe('the App Home view', () => {
  it.each([0, 1, 60])('stays within Block Kit limits with %i open breaches, the longest titles and every setting', (count) => {
    const view = home(count);
    expect(() => validateView(view, 'home')).not.toThrow();
    expect(view.blocks.length).toBeLessThanOrEqual(100);
  });

  it('summarises open breaches past the ones it lists', () => {
    const text = JSON.stringify(home(60).blocks);
    expect(text).toContain('BR-2026-0025');
    expect(text).not.toContain('BR-2026-0026');
    expect(text).toContain(`…and ${60 - OPEN_SHOWN} more: use \`/breach list\``);
    expect(text).toContain('your role: reporter, breach lead, DPO');
  });

  it('shows a friendly empty state that says how to declare', () => {
    const text = JSON.stringify(home(0, { closed: [] }).blocks);
    expect(text).toContain('No open breaches');
    expect(text).toContain('`/breach`');
    expect(text).toContain('No breaches closed in the last 30 days');
  });

  it('hides title and status from people outside the channel', () => {
    const b = breach(1, { title: 'Payroll to wrong recipient' });
    const text = JSON.stringify(home(0, { open: [seenOpen(b, false)], openTotal: 1 }).blocks);
    expect(text).toContain('BR-2026-0001');
    expect(text).not.toContain('Payroll');
    expect(text).not.toContain('Awaiting');
    expect(text).not.toContain('Next step');
    expect(text).toContain('your role: none');
  });

  it('shows settings, escaped, with an Edit button only when given them', () => {
    const withSettings = JSON.stringify(home(0).blocks);
    expect(withSettings).toContain('&lt;!channel&gt; &amp; Co');
    expect(withSettings).toContain('<@U0DPO1>, <@U0DPO2>');
    expect(withSettings).toContain('`S0SEC`');
    expect(withSettings).not.toContain('subteam');
    expect(withSettings).toContain('48, 24, 12, 6, 3 and 1 h before the deadline');
    expect(withSettings).toContain(HOME_ACTIONS.editSettings);
    const without = JSON.stringify(home(0, { settings: null }).blocks);
    expect(without).not.toContain(HOME_ACTIONS.editSettings);
    expect(without).not.toContain('12345678');
  });

  it('asks a DPO or admin to fill in the organisation details at the top while they are unset, with one button', () => {
    const empty = { ...settings, organisation: { name: null, cvr: null, address: null, dpo: { name: null, email: null, phone: null } } };
    const blocks = home(0, { settings: empty }).blocks as Array<{ block_id?: string; accessory?: { action_id: string; style?: string } }>;
    expect(blocks[1]).toMatchObject({ block_id: 'home_setup_prompt', accessory: { action_id: HOME_ACTIONS.editSettings, style: 'primary' } });
    expect(JSON.stringify(blocks).split(HOME_ACTIONS.editSettings)).toHaveLength(2);
    expect(() => validateView(home(0, { settings: empty }), 'home')).not.toThrow();
    // Complete settings: no prompt; people who may not edit them: no prompt either.
    expect(JSON.stringify(home(0).blocks)).not.toContain('home_setup_prompt');
    expect(JSON.stringify(home(0, { settings: null }).blocks)).not.toContain('home_setup_prompt');
  });

  it('the settings modal is a valid view, empty settings included', () => {
    expect(() => validateView(settingsModal(settings), 'modal')).not.toThrow();
    const empty = { ...settings, dpoUserIds: [], responderGroupId: null, organisation: { name: null, cvr: null, address: null, dpo: { name: null, email: null, phone: null } } };
    expect(() => validateView(settingsModal(empty), 'modal')).not.toThrow();
  });
});
