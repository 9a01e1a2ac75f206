import { DateTime } from 'luxon';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openDb, type DbHandle } from '../../src/db/client.js';
import { assessments, decisions } from '../../src/db/schema.js';
import { manualClock } from '../../src/domain/clock.js';
import { REGISTER_COLUMNS, registerHeader } from '../../src/domain/register/columns.js';
import { unguardCell } from '../../src/domain/register/csv.js';
import { buildRegisterFiles } from '../../src/flows/register.js';
import { declareBreach, type Declaration } from '../../src/store/breaches.js';
import { recordRegimeStage } from '../../src/store/regime-stages.js';
import { parseCsv } from '../support/csv.js';
import { describeEachDatabase } from '../support/databases.js';

/*
 * Issue 16: the register export carries each reporting regime's columns after the existing ones,
 * filled from the reports recorded under it (regime_stages), and empty for a breach it does not apply to.
 */

const AWARE = '2026-10-23T08:00:00Z';
const NIS2_HEADERS = ['NIS2 early warning (UTC)', 'NIS2 incident notification (UTC)', 'NIS2 final report due (UTC)', 'NIS2 final report (UTC)'];
const ICO_HEADERS = ['Report to the ICO due (UTC)', 'Reported to the ICO (UTC)'];

const declaration = (title: string, regimes?: string[]): Declaration => ({
  title, description: `What happened: ${title}`, codename: null, discovery: null, systems: null, ongoing: 'no', responderIds: [],
  role: 'controller', processorHours: null, awareAt: new Date(AWARE), startedAt: null, deadlineAt: new Date(Date.parse(AWARE) + 72 * 3_600_000),
  ...(regimes ? { regimes } : {}),
});

describeEachDatabase('the register export: the columns of the other reporting regimes', ({ freshDatabase }) => {
  let h: DbHandle;
  const clock = manualClock('2026-12-01T09:00:00Z');
  const refs = {} as Record<'gdpr' | 'nis2' | 'ico', string>;

  beforeAll(async () => {
    h = openDb(await freshDatabase());
    const meta = (key: string) => ({ reporterId: 'U0REPORT', submissionKey: key, replyUrl: null, now: new Date(AWARE) });
    const gdpr = await declareBreach(h.db, declaration('GDPR only, "quoted", a, b'), meta('g'));
    const nis2 = await declareBreach(h.db, declaration('Ransomware', ['gdpr-dk', 'nis2-dk']), meta('n'));
    const ico = await declareBreach(h.db, declaration('UK payroll', ['gdpr-dk', 'uk-gdpr']), meta('i'));
    refs.gdpr = gdpr.breach.reference;
    refs.nis2 = nis2.breach.reference;
    refs.ico = ico.breach.reference;
    const record = (stage: string, doneAt: string) =>
      recordRegimeStage(h.db, {
        breachId: nis2.breach.id, actor: 'U0DPO', now: DateTime.fromISO('2026-11-01T00:00:00Z'), submission: `view:${stage}`,
        regime: 'nis2-dk', stage, doneAt: DateTime.fromISO(doneAt, { zone: 'utc' }), reference: null,
        names: { regime: 'NIS2 (Denmark)', stage }, plan: () => [],
      });
    expect((await record('early_warning', '2026-10-24T07:20:00Z')).ok).toBe(true);
    expect((await record('incident_notification', '2026-10-25T11:30:00Z')).ok).toBe(true);
    // The UK breach is decided: notify (the ICO report's clock runs on the GDPR decision).
    const [a] = await h.db
      .insert(assessments)
      .values({ breachId: ico.breach.id, version: 1, answers: {}, result: { risk: 'risk' }, createdBy: 'U0DPO', createdAt: new Date(AWARE) })
      .returning();
    await h.db.insert(decisions).values({
      breachId: ico.breach.id, assessmentId: a!.id, kind: 'accepted', notifyAuthority: true, communicateToSubjects: 'no', decidedBy: 'U0DPO', decidedAt: new Date(AWARE),
    });
  }, 60_000);
  afterAll(() => h.close());

  async function csv() {
    const files = await buildRegisterFiles({ db: h.db, clock, config: { timezone: 'Europe/Copenhagen' } });
    const [header, ...rows] = parseCsv(files.csv.data.toString('utf8').slice(1)).map((r) => r.map(unguardCell));
    const cell = (ref: string, name: string) => rows.find((r) => r[0] === ref)![header!.indexOf(name)]!;
    return { header: header!, rows, cell, json: JSON.parse(files.json.data.toString('utf8')) };
  }

  it('keeps the existing columns in their order and adds each regime\'s columns at the end', async () => {
    const { header } = await csv();
    expect(header).toEqual(registerHeader());
    expect(header.slice(0, REGISTER_COLUMNS.length)).toEqual(REGISTER_COLUMNS.map((c) => c.header));
    expect(header.slice(REGISTER_COLUMNS.length)).toEqual([...NIS2_HEADERS, ...ICO_HEADERS]);
  });

  it('fills a NIS2 breach\'s columns from its recorded reports: the final report due one month after the recorded notification', async () => {
    const { cell } = await csv();
    expect(NIS2_HEADERS.map((h) => cell(refs.nis2, h))).toEqual(['2026-10-24T07:20:00.000Z', '2026-10-25T11:30:00.000Z', '2026-11-25T11:30:00.000Z', '']);
    // Not a UK breach: its ICO columns are empty.
    expect(ICO_HEADERS.map((h) => cell(refs.nis2, h))).toEqual(['', '']);
  });

  it('fills a UK breach\'s ICO columns, and leaves every regime column empty for a GDPR-only breach', async () => {
    const { cell } = await csv();
    expect(ICO_HEADERS.map((h) => cell(refs.ico, h))).toEqual(['2026-10-26T08:00:00.000Z', '']);
    expect(NIS2_HEADERS.map((h) => cell(refs.ico, h))).toEqual(['', '', '', '']);
    expect([...NIS2_HEADERS, ...ICO_HEADERS].map((h) => cell(refs.gdpr, h))).toEqual(['', '', '', '', '', '']);
    // The existing cells are as before, quotes and commas kept.
    expect(cell(refs.gdpr, 'Title')).toBe('GDPR only, "quoted", a, b');
  });

  it('the JSON carries the regimes and the recorded reports, and two exports give the same bytes', async () => {
    const { json } = await csv();
    const nis2 = json.breaches.find((b: { reference: string }) => b.reference === refs.nis2);
    expect(nis2.regimes).toEqual(['gdpr-dk', 'nis2-dk']);
    expect(nis2.regimeStages.map((s: { stage: string; doneAt: string; recordedBy: string }) => [s.stage, s.doneAt, s.recordedBy])).toEqual([
      ['early_warning', '2026-10-24T07:20:00.000Z', 'U0DPO'],
      ['incident_notification', '2026-10-25T11:30:00.000Z', 'U0DPO'],
    ]);
    const again = await buildRegisterFiles({ db: h.db, clock, config: { timezone: 'Europe/Copenhagen' } });
    const first = await buildRegisterFiles({ db: h.db, clock, config: { timezone: 'Europe/Copenhagen' } });
    expect(again.csv.data.equals(first.csv.data)).toBe(true);
  });
});
