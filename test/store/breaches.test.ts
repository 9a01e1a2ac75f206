import { afterAll, beforeAll, expect, it } from 'vitest';
import { openDb, type DbHandle } from '../../src/db/client.js';
import {
  claimSetup,
  declareBreach,
  getBreach,
  recordStep,
  releaseSetup,
  setupSteps,
  unfinishedSetups,
  type Declaration,
} from '../../src/store/breaches.js';
import { describeEachDatabase } from '../support/databases.js';
import { SETUP_STEPS } from '../../src/domain/breach/setup-steps.js';

const now = new Date('2026-11-20T09:00:00Z');
const declaration = (over: Partial<Declaration> = {}): Declaration => ({
  title: 'Payroll file sent to wrong recipient',
  description: 'The October payroll export was e-mailed to an external address.',
  codename: null,
  awareAt: new Date('2026-11-20T08:30:00Z'),
  startedAt: null,
  discovery: 'Recipient replied',
  role: 'controller',
  processorHours: null,
  systems: 'Payroll',
  ongoing: 'no',
  responderIds: ['U0RESP1'],
  deadlineAt: new Date('2026-11-23T08:30:00Z'),
  ...over,
});
const meta = (key: string) => ({ reporterId: 'U0REPORT', submissionKey: key, replyUrl: null, now });

describeEachDatabase('breach store', ({ freshDatabase }) => {
  let h: DbHandle;
  beforeAll(async () => {
    h = openDb(await freshDatabase());
  });
  afterAll(() => h.close());

  it('stores a declaration with a reference, a channel name, pending setup steps and an audit event', async () => {
    const { breach, created } = await declareBreach(h.db, declaration({ codename: 'Falcon' }), meta('V1'));
    expect(created).toBe(true);
    expect(breach.reference).toMatch(/^BR-2026-\d{4}$/);
    expect(breach.channelName).toBe(`breach-2026-${breach.reference.slice(-4)}-falcon`);
    expect(breach.status).toBe('assessing');
    expect((await setupSteps(h.db, breach.id)).map((s) => s.status)).toEqual(Array(SETUP_STEPS.length).fill('pending'));
    const events = await h.sql`select actor, type, data from breach_events where breach_id = ${breach.id}`;
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actor: 'U0REPORT', type: 'breach_declared' });
    expect(events[0]!.data.reference).toBe(breach.reference);
  });

  it('the same submission twice, even concurrently, creates one breach', async () => {
    const results = await Promise.all([1, 2, 3].map(() => declareBreach(h.db, declaration(), meta('V-dup'))));
    const ids = new Set(results.map((r) => r.breach.id));
    expect(ids.size).toBe(1);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    const [row] = await h.sql`select count(*)::int as n from breaches where submission_key = 'V-dup'`;
    expect(row!.n).toBe(1);
  });

  it('20 concurrent declarations get 20 unique, consecutive references', async () => {
    const before = await h.sql`select coalesce(max(seq), 0)::int as m from breaches where year = 2026`;
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => declareBreach(h.db, declaration(), meta(`V-c${i}`))),
    );
    const seqs = results.map((r) => r.breach.seq).sort((a, b) => a - b);
    const start = before[0]!.m + 1;
    expect(seqs).toEqual(Array.from({ length: 20 }, (_, i) => start + i));
    expect(new Set(results.map((r) => r.breach.reference)).size).toBe(20);
  });

  it('numbers each year from 1', async () => {
    const { breach } = await declareBreach(h.db, declaration(), { ...meta('V-2027'), now: new Date('2027-01-01T00:00:01Z') });
    expect(breach.reference).toBe('BR-2027-0001');
  });

  it('leases the setup to one worker at a time and lists unfinished setups', async () => {
    const { breach } = await declareBreach(h.db, declaration(), meta('V-lease'));
    expect(await claimSetup(h.db, breach.id, 'replica-a', 30_000)).toBe(true);
    expect(await claimSetup(h.db, breach.id, 'replica-b', 30_000)).toBe(false);
    expect((await unfinishedSetups(h.db)).map((b) => b.id)).not.toContain(breach.id);

    await recordStep(h.db, breach.id, 'create_channel', { status: 'attempt' });
    await recordStep(h.db, breach.id, 'create_channel', { status: 'done', result: { channelId: 'C1' } });
    await releaseSetup(h.db, breach.id, 'replica-a', false);
    expect((await unfinishedSetups(h.db)).map((b) => b.id)).toContain(breach.id);
    const steps = await setupSteps(h.db, breach.id);
    expect(steps[0]).toMatchObject({ step: 'create_channel', status: 'done', attempts: 1, result: { channelId: 'C1' } });

    expect(await claimSetup(h.db, breach.id, 'replica-b', 30_000)).toBe(true);
    await releaseSetup(h.db, breach.id, 'replica-b', true);
    expect((await getBreach(h.db, breach.id))!.setupCompletedAt).not.toBeNull();
    expect(await claimSetup(h.db, breach.id, 'replica-c', 30_000)).toBe(false);
  });

  it('an expired lease (its holder died) can be taken over', async () => {
    const { breach } = await declareBreach(h.db, declaration(), meta('V-expired'));
    expect(await claimSetup(h.db, breach.id, 'dead-replica', 1)).toBe(true);
    await new Promise((r) => setTimeout(r, 20));
    expect(await claimSetup(h.db, breach.id, 'replica-b', 30_000)).toBe(true);
  });
});

