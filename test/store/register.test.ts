import { DateTime } from 'luxon';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openDb, type DbHandle } from '../../src/db/client.js';
import { assessments, breachEvents, decisions, notifications, subjectRestrictions } from '../../src/db/schema.js';
import { manualClock } from '../../src/domain/clock.js';
import { registerHeader } from '../../src/domain/register/columns.js';
import { UTF8_BOM, unguardCell } from '../../src/domain/register/csv.js';
import { buildRegisterFiles } from '../../src/flows/register.js';
import { declareBreach, type Declaration } from '../../src/store/breaches.js';
import { closeBreachRecord } from '../../src/store/close.js';
import { appendEvent } from '../../src/store/events.js';
import { addTimelineEntry } from '../../src/store/timeline.js';
import { parseCsv } from '../support/csv.js';
import { describeEachDatabase } from '../support/databases.js';

const N = 1000;
/** Text a register must carry intact: commas, quotes, line breaks, formulas, mentions, Danish, emoji. */
const AWKWARD = ['a, b', 'say "hi"', 'two\r\nlines', 'lone\nLF', '=HYPERLINK("https://evil","x")', '-5', "'quoted", '<!channel> & <@U1>', 'Rådhuspladsen æøå', '😀 🇩🇰'];
const awkward = (i: number) => AWKWARD[i % AWKWARD.length]!;

const declaration = (i: number, awareAt: Date): Declaration => ({
  title: `Breach ${i}: ${awkward(i)}`,
  description: `What happened in case ${i}. ${awkward(i + 3)}`,
  codename: null,
  awareAt,
  startedAt: i % 3 === 0 ? new Date(awareAt.getTime() - 3_600_000) : null,
  discovery: i % 2 ? `Found by ${awkward(i + 1)}` : null,
  role: i % 7 === 0 ? 'processor' : 'controller',
  processorHours: i % 7 === 0 ? 24 : null,
  systems: i % 4 ? 'Payroll, HR' : null,
  ongoing: 'no',
  responderIds: ['U0RESP1'],
  deadlineAt: new Date(awareAt.getTime() + 72 * 3_600_000),
});

const result = (notify: boolean) => ({
  risk: notify ? 'high' : 'unlikely',
  severity: { level: notify ? 'high' : 'low', score: notify ? 3.5 : 0.5, dpc: 2, ei: 1, cb: 0.5 },
  notifyAuthority: notify,
  notifyController: false,
  communicateToSubjects: notify ? 'individual' : 'no',
  exemption: null,
  reasons: [notify ? 'Health data of 1,200 patients disclosed to unknown recipients.' : 'Encrypted, "key" kept safe.'],
});

describeEachDatabase('the breach register export', ({ freshDatabase }) => {
  let h: DbHandle;
  let oldId: string;
  const clock = manualClock('2026-11-20T09:00:00Z');
  const ctx = () => ({ db: h.db, clock, config: { timezone: 'Europe/Copenhagen' } });

  beforeAll(async () => {
    h = openDb(await freshDatabase());
    // A breach closed years ago, with its decision: it must still be in the register.
    const old = await declareBreach(h.db, declaration(-1, new Date('2019-03-01T10:00:00Z')), {
      reporterId: 'U0OLD',
      submissionKey: 'old',
      replyUrl: null,
      now: new Date('2019-03-01T11:00:00Z'),
    });
    oldId = old.breach.id;
    const [a] = await h.db
      .insert(assessments)
      .values({ breachId: oldId, version: 1, answers: { role: 'controller' }, result: result(false), createdBy: 'U0DPO', createdAt: new Date('2019-03-01T12:00:00Z') })
      .returning();
    await h.db.insert(decisions).values({ breachId: oldId, assessmentId: a!.id, kind: 'accepted', notifyAuthority: false, communicateToSubjects: 'no', decidedBy: 'U0DPO', decidedAt: new Date('2019-03-01T13:00:00Z') });
    const closed = await closeBreachRecord(h.db, { breachId: oldId, closedBy: 'U0DPO', note: 'Closed, "no risk", 2019.', now: DateTime.fromISO('2019-03-04T09:00:00Z') });
    expect(closed.ok).toBe(true);

    // A thousand more, through the store, each with events; some assessed, decided, notified, restricted.
    // Ten at a time: the references then interleave, as they do when people declare at once.
    const seed = async (i: number) => {
      const aware = new Date(Date.UTC(2024 + (i % 3), i % 12, 1 + (i % 28), 8));
      const { breach } = await declareBreach(h.db, declaration(i, aware), { reporterId: 'U0REPORT', submissionKey: `k${i}`, replyUrl: null, now: aware });
      if (i % 2 === 0) {
        const notify = i % 4 === 0;
        const [a] = await h.db
          .insert(assessments)
          .values({ breachId: breach.id, version: 1, answers: { role: breach.role, subjectsCount: i }, result: result(notify), createdBy: 'U0RESP1', createdAt: aware })
          .returning();
        await h.db.insert(decisions).values({
          breachId: breach.id,
          assessmentId: a!.id,
          kind: i % 8 === 2 ? 'overridden' : 'accepted',
          notifyAuthority: notify,
          communicateToSubjects: notify ? 'individual' : 'no',
          justification: i % 8 === 2 ? `Override ${i}: ${awkward(i + 5)}` : null,
          decidedBy: 'U0DPO',
          decidedAt: aware,
        });
        await appendEvent(h.db, { breachId: breach.id, actor: 'U0DPO', type: 'decision_accepted', data: { version: 1, after: { decision: { notifyAuthority: notify, communicateToSubjects: notify ? 'individual' : 'no' } } } });
        if (notify) {
          await h.db.insert(notifications).values([
            { breachId: breach.id, target: 'authority', submittedAt: aware, method: 'online_form', externalReference: `DT-${i}`, completeness: 'complete', recordedBy: 'U0DPO' },
            { breachId: breach.id, target: 'subjects', submittedAt: aware, method: 'email', subjectsCount: i, recordedBy: 'U0DPO', notes: awkward(i) },
          ]);
        }
        if (i % 50 === 0) await h.db.insert(subjectRestrictions).values({ breachId: breach.id, justification: `§ 22: ${awkward(i)}`, recordedBy: 'U0DPO' });
      }
      await addTimelineEntry(h.db, { breachId: breach.id, actor: 'U0RESP1', text: `Entry ${i}: ${awkward(i + 2)}`, occurredAt: DateTime.fromJSDate(aware), now: DateTime.fromJSDate(aware).plus({ hours: 1 }), submission: `view:entry-${i}` });
      await appendEvent(h.db, { breachId: breach.id, actor: 'breachbot', type: 'reminder_posted', data: { key: 'countdown-48h', kind: 'countdown', late: false } });
    };
    for (let i = 0; i < N; i += 10) await Promise.all(Array.from({ length: 10 }, (_, j) => seed(i + j)));
  }, 180_000);
  afterAll(() => h.close());

  it('JSON and CSV give back every breach and every event, in reference order; exporting twice gives the same bytes', async () => {
    const started = Date.now();
    const files = await buildRegisterFiles(ctx());
    const elapsed = Date.now() - started;
    expect(elapsed, 'a 1,000-breach register builds quickly').toBeLessThan(15_000);
    const again = await buildRegisterFiles(ctx());
    expect(again.csv.data.equals(files.csv.data)).toBe(true);
    expect(again.json.data.equals(files.json.data)).toBe(true);

    const dbBreaches = await h.sql`select id, reference, title, description, closed_at from breaches order by year, seq`;
    const dbEvents = await h.sql`select id, breach_id, at, actor, type, data from breach_events where breach_id is not null order by id`;
    expect(dbBreaches).toHaveLength(N + 1);
    const eventsOf = (id: string) => dbEvents.filter((e) => e.breach_id === id);

    // JSON: the full record.
    const json = JSON.parse(files.json.data.toString('utf8'));
    expect(json).toMatchObject({ format: 'breachbot-register', formatVersion: 1, breachCount: N + 1 });
    expect(json.breaches.map((b: { reference: string }) => b.reference)).toEqual(dbBreaches.map((b) => b.reference));
    let seen = 0;
    json.breaches.forEach((b: any, i: number) => {
      const row = dbBreaches[i]!;
      expect(b.id).toBe(row.id);
      expect([b.title, b.description]).toEqual([row.title, row.description]);
      const expected = eventsOf(row.id).map((e) => ({ id: Number(e.id), at: new Date(e.at).toISOString(), actor: e.actor, type: e.type, data: e.data }));
      expect(b.events).toEqual(expected);
      seen += b.events.length;
    });
    expect(seen).toBe(dbEvents.length);
    expect(files.events).toBe(dbEvents.length);

    // CSV: RFC 4180 with a BOM, one row per breach, and the timeline cell names every event.
    const text = files.csv.data.toString('utf8');
    expect(text.startsWith(UTF8_BOM)).toBe(true);
    const [header, ...rows] = parseCsv(text.slice(1)).map((r) => r.map(unguardCell));
    expect(header).toEqual(registerHeader());
    expect(rows).toHaveLength(N + 1);
    const col = (name: string) => header!.indexOf(name);
    let csvEvents = 0;
    rows.forEach((r, i) => {
      const row = dbBreaches[i]!;
      expect([r[col('Reference')], r[col('Title')], r[col('Facts: what happened')]]).toEqual([row.reference, row.title, row.description]);
      const lines = r[col('Timeline')]!.split('\n').map((l) => /^#(\d+) (\S+) (\S+) (\S+): /.exec(l));
      expect(lines.every(Boolean)).toBe(true);
      expect(lines.map((m) => ({ id: Number(m![1]), at: m![2], actor: m![3], type: m![4] }))).toEqual(
        eventsOf(row.id).map((e) => ({ id: Number(e.id), at: new Date(e.at).toISOString(), actor: e.actor, type: e.type })),
      );
      csvEvents += lines.length;
    });
    expect(csvEvents).toBe(dbEvents.length);
  }, 60_000);

  it('carries the Art. 33(5) record: decision and reasons, notifications, restrictions, and a breach closed years ago', async () => {
    const files = await buildRegisterFiles(ctx());
    const [header, ...rows] = parseCsv(files.csv.data.toString('utf8').slice(1)).map((r) => r.map(unguardCell));
    const get = (ref: string, name: string) => rows.find((r) => r[0] === ref)![header!.indexOf(name)]!;

    const old = rows.find((r) => r[header!.indexOf('Closed by')] === 'U0DPO')!;
    expect(old[header!.indexOf('Became aware (UTC)')]).toBe('2019-03-01T10:00:00.000Z');
    expect(old[header!.indexOf('Closed (UTC)')]).toBe('2019-03-04T09:00:00.000Z');
    expect(old[header!.indexOf('Closing note')]).toBe('Closed, "no risk", 2019.');
    expect(old[header!.indexOf('Reasons for the decision')]).toBe('Encrypted, "key" kept safe.');
    expect(old[header!.indexOf('Timeline')]).toMatch(/breach_closed: Breach closed\. Closing note: "Closed, "no risk", 2019\."/);

    const json = JSON.parse(files.json.data.toString('utf8'));
    const notified = json.breaches.find((b: any) => b.notifications.length === 2);
    expect(notified.decisions).toEqual([expect.objectContaining({ kind: 'accepted', notifyAuthority: true, communicateToSubjects: 'individual', assessmentVersion: 1 })]);
    expect(get(notified.reference, 'Notification to Datatilsynet')).toMatch(/online_form; reference DT-\d+; complete \(recorded by U0DPO at /);
    expect(get(notified.reference, 'Decision in force')).toBe('notify Datatilsynet; tell the people affected individually');
    expect(get(notified.reference, 'Reasons for the decision')).toBe('Health data of 1,200 patients disclosed to unknown recipients.');
    const overridden = json.breaches.find((b: any) => b.decisions[0]?.kind === 'overridden');
    expect(get(overridden.reference, 'Reasons for the decision')).toBe(overridden.decisions[0].justification);
    const restricted = json.breaches.find((b: any) => b.restrictions.length);
    expect(get(restricted.reference, '§ 22 restrictions')).toContain(restricted.restrictions[0].justification);
  }, 60_000);

  it('the events table stays append-only while exporting: the export never writes to it', async () => {
    const [before] = await h.sql`select count(*)::int as n from breach_events`;
    await buildRegisterFiles(ctx());
    const [after] = await h.sql`select count(*)::int as n from breach_events`;
    expect(after!.n).toBe(before!.n);
    await expect(h.db.update(breachEvents).set({ actor: 'x' })).rejects.toThrow();
  });
});
