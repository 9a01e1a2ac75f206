import { and, asc, eq, isNull, lt, or, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { breachSequences, breachSetupSteps, breaches } from '../db/schema.js';
import type { RecordedFacts } from '../domain/breach/recorded-facts.js';
import { channelNameFor, formatReference } from '../domain/breach/reference.js';
import { appendEvent } from './events.js';

import type { Breach } from '../domain/breach/entity.js';
import { SETUP_STEPS, type SetupStep, type StepState } from '../domain/breach/setup-steps.js';
import type { Assert, Same } from './same-shape.js';

/** A row of `breaches` is the domain's Breach, field for field: this stops the build when they drift. */
type BreachRowIsTheEntity = Assert<Same<typeof breaches.$inferSelect, Breach>>;

/** A transaction on the bot's database. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/** Facts from the Declare modal, already validated. */
export interface Declaration {
  title: string;
  description: string;
  codename: string | null;
  awareAt: Date;
  startedAt: Date | null;
  discovery: string | null;
  role: 'controller' | 'processor' | 'joint_controller';
  processorHours: number | null;
  systems: string | null;
  ongoing: 'yes' | 'no' | 'unknown';
  responderIds: string[];
  deadlineAt: Date;
  /** The Declare modal's share of the recorded facts (incident category, times, the reporter's function). */
  facts?: RecordedFacts;
  /** The reporting regimes that apply (domain/regimes ids) and the answers that chose them; default GDPR only. */
  regimes?: string[];
  regimeAnswers?: Record<string, unknown>;
}

export interface DeclareResult {
  breach: Breach;
  /** False when this submission had already created the breach (a double click, a retry). */
  created: boolean;
}

/**
 * Stores a declared breach before anything is said to Slack. The submission key (the modal's view
 * id) makes it idempotent: the same submission delivered twice finds the first breach. The
 * per-year sequence is an upsert on one row, which serialises concurrent declarations.
 */
export async function declareBreach(
  db: Db,
  d: Declaration,
  meta: {
    reporterId: string;
    submissionKey: string;
    replyUrl: string | null;
    now: Date;
    /** Writes the breach's reminder plan in the same transaction, so a breach never lacks its reminders. */
    planReminders?: (tx: Tx, breach: Breach) => Promise<void>;
  },
): Promise<DeclareResult> {
  const existing = await findBySubmission(db, meta.submissionKey);
  if (existing) return { breach: existing, created: false };
  try {
    const breach = await db.transaction(async (tx) => {
      const year = meta.now.getUTCFullYear();
      const [seqRow] = await tx
        .insert(breachSequences)
        .values({ year, last: 1 })
        .onConflictDoUpdate({ target: breachSequences.year, set: { last: sql`${breachSequences.last} + 1` } })
        .returning({ last: breachSequences.last });
      const seq = seqRow!.last;
      const [row] = await tx
        .insert(breaches)
        .values({
          ...d,
          reference: formatReference(year, seq),
          year,
          seq,
          submissionKey: meta.submissionKey,
          reporterId: meta.reporterId,
          replyUrl: meta.replyUrl,
          channelName: channelNameFor(year, seq, d.codename),
          createdAt: meta.now,
          updatedAt: meta.now,
        })
        .returning();
      await tx.insert(breachSetupSteps).values(SETUP_STEPS.map((step) => ({ breachId: row!.id, step })));
      await meta.planReminders?.(tx, row!);
      await appendEvent(tx, {
        breachId: row!.id,
        actor: meta.reporterId,
        type: 'breach_declared',
        data: { reference: row!.reference, ...publicFacts(d) },
        at: meta.now,
      });
      return row!;
    });
    return { breach, created: true };
  } catch (err) {
    // Two deliveries of one submission racing: the loser finds the winner's breach.
    if (isUniqueViolation(err)) {
      const winner = await findBySubmission(db, meta.submissionKey);
      if (winner) return { breach: winner, created: false };
    }
    throw err;
  }
}

function publicFacts(d: Declaration) {
  return {
    title: d.title,
    awareAt: d.awareAt.toISOString(),
    startedAt: d.startedAt?.toISOString() ?? null,
    role: d.role,
    processorHours: d.processorHours,
    ongoing: d.ongoing,
    responderIds: d.responderIds,
    deadlineAt: d.deadlineAt.toISOString(),
    facts: d.facts ?? {},
    // Only when more than the GDPR applies, so a GDPR breach's declaration event reads as before.
    ...(d.regimes && d.regimes.some((r) => r !== 'gdpr-dk') ? { regimes: d.regimes, regimeAnswers: d.regimeAnswers ?? {} } : {}),
  };
}

async function findBySubmission(db: Db, key: string): Promise<Breach | undefined> {
  const [row] = await db.select().from(breaches).where(eq(breaches.submissionKey, key));
  return row;
}

export async function getBreach(db: Db, id: string): Promise<Breach | undefined> {
  const [row] = await db.select().from(breaches).where(eq(breaches.id, id));
  return row;
}

export async function getBreachByChannel(db: Db, channelId: string): Promise<Breach | undefined> {
  const [row] = await db.select().from(breaches).where(eq(breaches.channelId, channelId));
  return row;
}

/** Open breaches, oldest deadline first. */
export async function listOpenBreaches(db: Db): Promise<Breach[]> {
  return db.select().from(breaches).where(isNull(breaches.closedAt)).orderBy(asc(breaches.deadlineAt));
}

export async function updateBreach(db: Db, id: string, patch: Partial<typeof breaches.$inferInsert>): Promise<Breach> {
  const [row] = await db
    .update(breaches)
    .set({ ...patch, updatedAt: new Date() })
    .where(eq(breaches.id, id))
    .returning();
  if (!row) throw new Error(`breach ${id} not found`);
  return row;
}

export async function setupSteps(db: Db, breachId: string): Promise<StepState[]> {
  const rows = await db.select().from(breachSetupSteps).where(eq(breachSetupSteps.breachId, breachId));
  return SETUP_STEPS.map((step) => {
    const r = rows.find((x) => x.step === step);
    return {
      step,
      status: (r?.status ?? 'pending') as StepState['status'],
      attempts: r?.attempts ?? 0,
      lastError: r?.lastError ?? null,
      result: r?.result ?? null,
    };
  });
}

export async function recordStep(
  db: Db,
  breachId: string,
  step: SetupStep,
  outcome: { status: 'done'; result?: unknown } | { status: 'failed'; error: string } | { status: 'attempt' },
): Promise<void> {
  const set =
    outcome.status === 'attempt'
      ? { attempts: sql`${breachSetupSteps.attempts} + 1`, updatedAt: new Date() }
      : outcome.status === 'done'
        ? { status: 'done', lastError: null, result: outcome.result ?? null, updatedAt: new Date() }
        : { status: 'failed', lastError: outcome.error, updatedAt: new Date() };
  // An upsert: a breach declared before a step was added has no row for it yet.
  const first =
    outcome.status === 'attempt'
      ? { attempts: 1 }
      : outcome.status === 'done'
        ? { status: 'done', result: outcome.result ?? null }
        : { status: 'failed', lastError: outcome.error };
  await db
    .insert(breachSetupSteps)
    .values({ breachId, step, ...first })
    .onConflictDoUpdate({ target: [breachSetupSteps.breachId, breachSetupSteps.step], set });
}

/**
 * Takes the lease on a breach's setup for `ms`. Only one replica (or one retry click) works on
 * a setup at a time; a lease whose holder died expires and another may take over.
 */
export async function claimSetup(db: Db, breachId: string, owner: string, ms: number): Promise<boolean> {
  const rows = await db
    .update(breaches)
    .set({ setupOwner: owner, setupLeaseUntil: sql`now() + ${`${ms} milliseconds`}::interval` })
    .where(
      and(
        eq(breaches.id, breachId),
        isNull(breaches.setupCompletedAt),
        or(isNull(breaches.setupLeaseUntil), lt(breaches.setupLeaseUntil, sql`now()`), eq(breaches.setupOwner, owner)),
      ),
    )
    .returning({ id: breaches.id });
  return rows.length === 1;
}

/** Setup leases currently held (by whom), for spotting holders that died with their process. */
export async function heldSetupLeases(db: Db): Promise<Array<{ id: string; owner: string }>> {
  const rows = await db
    .select({ id: breaches.id, owner: breaches.setupOwner })
    .from(breaches)
    .where(and(isNull(breaches.setupCompletedAt), sql`${breaches.setupLeaseUntil} >= now()`));
  return rows.filter((r): r is { id: string; owner: string } => r.owner !== null);
}

export async function releaseSetup(db: Db, breachId: string, owner: string, completed: boolean): Promise<void> {
  await db
    .update(breaches)
    .set({ setupOwner: null, setupLeaseUntil: null, ...(completed ? { setupCompletedAt: new Date() } : {}) })
    .where(and(eq(breaches.id, breachId), eq(breaches.setupOwner, owner)));
}

/**
 * Breaches whose setup is unfinished and not being worked on: resumed at start-up and by the sweeper.
 * Without `includeFailed`, only setups that stopped mid-way (a crash), not ones that failed and
 * await a person's Retry, so a permanent Slack error does not re-notify the reporter every sweep.
 */
export async function unfinishedSetups(db: Db, opts: { includeFailed?: boolean } = {}): Promise<Breach[]> {
  return db
    .select()
    .from(breaches)
    .where(
      and(
        isNull(breaches.setupCompletedAt),
        or(isNull(breaches.setupLeaseUntil), lt(breaches.setupLeaseUntil, sql`now()`)),
        opts.includeFailed
          ? undefined
          : sql`not exists (select 1 from ${breachSetupSteps} s where s.breach_id = ${breaches.id} and s.status = 'failed')`,
      ),
    )
    .orderBy(asc(breaches.createdAt));
}

function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; cause?: { code?: string } };
  return e?.code === '23505' || e?.cause?.code === '23505';
}
