/**
 * The report to the ICO: English only, under the ICO form's confirmed headings in the profile's
 * order, with every point of Art. 33(3) UK GDPR a gap when not recorded and the recorded text when
 * it is; what has no confirmed place on the form, and what is not confirmed at all, says so.
 */

import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { detectLanguage } from '../../../../src/domain/language-check.js';
import { placeholder, type FieldKey, type NoticeFacts } from '../../../../src/domain/notices/index.js';
import { clocksFor, draftStage, draftStages, UK_GDPR, type RegimeDraft, type StageClock } from '../../../../src/domain/regimes/index.js';
import { ICO_FIELDS } from '../../../../src/domain/regimes/uk-gdpr/notices.js';
import { placeholderFor } from '../../../../src/domain/notices/placeholders.js';
import { seedCase } from '../../notices/fixtures.js';

// Aware Wednesday 1 July 2026 at 10:00 London time (BST, 09:00 UTC).
const awareAt = DateTime.fromISO('2026-07-01T09:00:00Z', { zone: 'utc' });
const clocksAt = (hours: number, recordedAfter?: number): StageClock[] =>
  clocksFor({
    regimes: [UK_GDPR], awareAt, role: 'controller', now: awareAt.plus({ hours }),
    recorded: recordedAfter === undefined ? [] : [{ regime: 'uk-gdpr', stage: 'authority_notification', at: awareAt.plus({ hours: recordedAfter }) }],
  });

const EMPTY: NoticeFacts = { awareAt: awareAt.toISO()!, role: 'controller' };

/** The seed case's facts (a controller's breach with its decided assessment), moved to a UK organisation, with the rest recorded. */
const FULL: NoticeFacts = {
  ...seedCase,
  awareAt: awareAt.toISO()!,
  detectedAt: awareAt.minus({ hours: 2 }).toISO()!,
  deadline: null,
  organisation: {
    name: 'Thames Records Ltd', address: '1 River Street, London SE1 9AA', sector: 'Archiving',
    dpo: { name: 'Priya Shah', email: 'dpo@thames.example', phone: '020 7946 0000' },
  },
  reporter: { name: 'Tom Reed', function: 'Head of IT' },
  subjects: { ...seedCase.subjects, count: 240, countIsApproximate: true },
  data: { ...seedCase.data, types: ['basic_identity', 'location'], recordsCount: 1800, recordsCountIsApproximate: true },
  actualConsequences: 'Some people were wrongly reported for missing sign-ins.',
  likelyConsequences: 'People may lose benefits they are entitled to.',
  measuresBefore: ['Daily backups of the access system'],
  measuresTaken: ['Restored the records that could be restored'],
  measuresProposed: ['Backups every hour'],
  mitigation: ['Recalled the reports already made'],
  otherAuthorities: { police: false, others: [] },
  communication: { status: 'planned', at: '2026-07-03T09:00:00Z', channels: ['letter'] },
  delayReason: 'The loss was found only after a full examination of the system.',
};

const report = (facts: NoticeFacts, clocks = clocksAt(1)): RegimeDraft => {
  const d = draftStage(UK_GDPR, 'authority_notification', { lang: 'en', facts, clocks });
  if (!d) throw new Error('no ICO draft');
  return d;
};
const gap = (field: FieldKey) => placeholder(field, 'en');

/** Art. 33(3): (a) nature, categories and numbers; (b) the DPO or contact point; (c) likely consequences; (d) measures, with mitigation. */
const ART_33_3: Array<{ field: FieldKey; shows: string }> = [
  { field: 'description', shows: FULL.description! },
  { field: 'breachTypes', shows: '**Type of breach:** availability (' },
  { field: 'subjects.categories', shows: 'rejected foreign nationals' },
  { field: 'subjects.count', shows: '**Number of data subjects:** approximately 240' },
  { field: 'data.types', shows: '**Types of personal data:**' },
  { field: 'data.recordsCount', shows: '**Number of records:** approximately 1,800' },
  { field: 'organisation.dpo.name', shows: 'Priya Shah, dpo@thames.example, 020 7946 0000' },
  { field: 'likelyConsequences', shows: FULL.likelyConsequences! },
  { field: 'actualConsequences', shows: FULL.actualConsequences! },
  { field: 'measuresTaken', shows: '- Restored the records that could be restored' },
  { field: 'measuresProposed', shows: '- Backups every hour' },
  { field: 'mitigation', shows: '- Recalled the reports already made' },
  // About your report, and the ICO's "when it happened, when you found out".
  { field: 'organisation.name', shows: '**Organisation:** Thames Records Ltd' },
  { field: 'reporter.name', shows: 'Tom Reed (Head of IT)' },
  { field: 'startedAt', shows: '**The breach started:** 9 June 2020, 07:00 BST' },
  { field: 'measuresBefore', shows: '- Daily backups of the access system' },
  { field: 'otherAuthorities.police', shows: '**Police informed:** No.' },
  { field: 'communication', shows: 'The data subjects will be told.' },
];

describe('the report to the ICO', () => {
  it('has every point of Art. 33(3): a gap when not recorded, the recorded text when recorded', () => {
    const none = report(EMPTY);
    const all = report(FULL);
    for (const p of ART_33_3) {
      expect(none.markdown, `${p.field}: gap`).toContain(gap(p.field));
      expect(all.markdown, `${p.field}: recorded`).toContain(p.shows);
      expect(all.markdown, `${p.field}: no gap once recorded`).not.toContain(gap(p.field));
    }
    // The assessment as decided, with its reasons (the same as in the notice to Datatilsynet).
    expect(all.markdown).toContain('**Our risk assessment:** The breach is likely to result in a high risk');
    expect(none.markdown).toContain(`**Our risk assessment:** ${gap('assessment')}`);
  });

  it('asks for the staff members involved, which the ICO wants and no GDPR notice records', () => {
    const label = placeholderFor(ICO_FIELDS['ico.staff'], 'en');
    expect(report(FULL).markdown).toContain(`**Staff members involved and their training:** ${label}`);
    expect(report(FULL).missing).toEqual([{ field: 'ico.staff', label: ICO_FIELDS['ico.staff'].en }]);
  });

  it('uses the ICO form’s confirmed headings in the profile’s order, then says what has no confirmed place', () => {
    const headings = report(EMPTY).sections.map((s) => s.heading);
    expect(headings).toEqual([...UK_GDPR.authority.form!.sections, 'Also for the report (where on the form is not confirmed)', 'Not confirmed']);
    const unplaced = report(EMPTY).sections.at(-2)!.body;
    expect(unplaced).toContain(UK_GDPR.authority.form!.note);
    expect(unplaced).toContain('**Communication to the data subjects**');
  });

  it('lists the points not confirmed about the UK regime at the end', () => {
    const last = report(EMPTY).sections.at(-1)!;
    expect(last.heading).toBe('Not confirmed');
    for (const point of UK_GDPR.unconfirmed) expect(last.body).toContain(`- ${point}`);
  });

  it('heads the report with the regime, the stage, the ICO, how to file and the due time in London time', () => {
    const d = report(EMPTY);
    expect(d.markdown.split('\n\n').slice(0, 6)).toEqual([
      '# UK GDPR: Report to the ICO',
      `**Draft: ${d.missingCount} gaps left to fill before sending.**`,
      "**To:** The ICO (Information Commissioner's Office); 0303 123 1113; ico.org.uk",
      `**How to file:** ${UK_GDPR.authority.filing.en}`,
      '**Due:** 4 July 2026, 10:00 BST.',
      '**Legal basis:** Art. 33(1) and (3) UK GDPR',
    ]);
  });

  it('asks for the reasons for the delay only once the 72 hours have passed (Art. 33(1) UK GDPR)', () => {
    expect(report(FULL, clocksAt(71)).markdown).not.toContain('Reasons for the delay');
    const late = report(FULL, clocksAt(80));
    expect(late.header).toContain('**Due:** 4 July 2026, 10:00 BST. The deadline has passed.');
    expect(late.markdown).toContain('This report is made after the deadline of 4 July 2026, 10:00 BST. Art. 33(1) UK GDPR requires the reasons for the delay.');
    expect(late.markdown).toContain(`**Reasons for the delay:** ${FULL.delayReason}`);
    expect(report({ ...FULL, delayReason: null }, clocksAt(80, 78)).markdown).toContain(`**Reasons for the delay:** ${gap('delayReason')}`);
  });

  it('is English only: no Danish draft, and no Danish sentence in it', () => {
    expect(() => draftStage(UK_GDPR, 'authority_notification', { lang: 'da', facts: EMPTY, clocks: clocksAt(1) })).toThrow(/not drafted in da/);
    const danish = report(FULL).markdown.split('\n').filter((line) => detectLanguage(line.replace(/\*\*/g, '')) === 'da');
    expect(danish).toEqual([]);
    expect(draftStages(UK_GDPR)).toEqual(['authority_notification']);
  });
});
