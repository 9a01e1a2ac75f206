import { asc, isNotNull } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { assessments, auditChainHead, breachEvents, breaches, decisions, notifications, regimeStages, subjectRestrictions } from '../db/schema.js';
import type { RegisterBreach } from '../domain/register/record.js';
import { GENESIS_HASH, type ChainHead } from '../db/audit-chain.js';

const iso = (d: Date) => d.toISOString();
const isoOrNull = (d: Date | null) => (d ? d.toISOString() : null);

/** Rows grouped by breach id, keeping their order. */
function byBreach<T extends { breachId: string | null }>(rows: readonly T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) {
    if (!r.breachId) continue;
    const list = out.get(r.breachId);
    if (list) list.push(r);
    else out.set(r.breachId, [r]);
  }
  return out;
}

/**
 * Every breach, open or closed however long ago, with everything the register shows. Seven reads in
 * one read-only REPEATABLE READ transaction, so the export is one consistent snapshot even while
 * people work; each list ordered by the database (ties broken by id) so the export is
 * deterministic. A thousand breaches with their events are a few tens of thousands of rows: read
 * whole, not per breach.
 */
export async function loadRegister(db: Db): Promise<{ breaches: RegisterBreach[]; auditChain: ChainHead }> {
  return db.transaction(
    async (tx) => {
      const bs = await tx.select().from(breaches).orderBy(asc(breaches.year), asc(breaches.seq));
      const as = await tx.select().from(assessments).orderBy(asc(assessments.breachId), asc(assessments.version));
      const ds = await tx.select().from(decisions).orderBy(asc(decisions.breachId), asc(decisions.decidedAt), asc(decisions.id));
      const ns = await tx.select().from(notifications).orderBy(asc(notifications.breachId), asc(notifications.submittedAt), asc(notifications.id));
      const rs = await tx.select().from(subjectRestrictions).orderBy(asc(subjectRestrictions.breachId), asc(subjectRestrictions.recordedAt), asc(subjectRestrictions.id));
      const es = await tx.select().from(breachEvents).where(isNotNull(breachEvents.breachId)).orderBy(asc(breachEvents.id));
      const ss = await tx.select().from(regimeStages).orderBy(asc(regimeStages.breachId), asc(regimeStages.doneAt), asc(regimeStages.id));
      const versionOf = new Map(as.map((a) => [a.id, a.version]));
      const [aBy, dBy, nBy, rBy, eBy, sBy] = [byBreach(as), byBreach(ds), byBreach(ns), byBreach(rs), byBreach(es), byBreach(ss)];
      // The chain's head, read in the same snapshot: whoever holds the export can later prove the
      // trail it describes was not rewritten (npm run verify-audit).
      const [head] = await tx.select().from(auditChainHead);
      const auditChain: ChainHead = { events: head?.seq ?? 0, hash: head?.hash ?? GENESIS_HASH };
      const list = bs.map(
        (b): RegisterBreach => ({
          id: b.id,
          reference: b.reference,
          year: b.year,
          seq: b.seq,
          title: b.title,
          description: b.description,
          role: b.role,
          processorHours: b.processorHours,
          awareAt: iso(b.awareAt),
          startedAt: isoOrNull(b.startedAt),
          startedUnknown: b.startedUnknown,
          discovery: b.discovery,
          systems: b.systems,
          ongoing: b.ongoing,
          deadlineAt: iso(b.deadlineAt),
          declaredAt: iso(b.createdAt),
          reporterId: b.reporterId,
          leadId: b.leadId,
          responderIds: b.responderIds,
          status: b.status,
          facts: (b.facts ?? {}) as Record<string, unknown>,
          assessments: (aBy.get(b.id) ?? []).map((a) => ({
            version: a.version,
            createdAt: iso(a.createdAt),
            createdBy: a.createdBy,
            answers: a.answers,
            result: a.result,
          })),
          decisions: (dBy.get(b.id) ?? []).map((d) => ({
            decidedAt: iso(d.decidedAt),
            decidedBy: d.decidedBy,
            kind: d.kind,
            assessmentVersion: d.assessmentId ? (versionOf.get(d.assessmentId) ?? null) : null,
            notifyAuthority: d.notifyAuthority,
            communicateToSubjects: d.communicateToSubjects,
            justification: d.justification,
          })),
          notifications: (nBy.get(b.id) ?? []).map((n) => ({
            target: n.target,
            submittedAt: iso(n.submittedAt),
            method: n.method,
            externalReference: n.externalReference,
            completeness: n.completeness,
            subjectsCount: n.subjectsCount,
            isPublic: n.isPublic,
            notes: n.notes,
            recordedBy: n.recordedBy,
            recordedAt: iso(n.recordedAt),
          })),
          restrictions: (rBy.get(b.id) ?? []).map((r) => ({ justification: r.justification, recordedBy: r.recordedBy, recordedAt: iso(r.recordedAt) })),
          closed: b.closedAt ? { at: iso(b.closedAt), by: b.closedBy, note: b.closeReason } : null,
          events: (eBy.get(b.id) ?? []).map((e) => ({ id: e.id, at: iso(e.at), actor: e.actor, type: e.type, data: e.data })),
          regimes: b.regimes,
          regimeAnswers: b.regimeAnswers,
          regimeStages: (sBy.get(b.id) ?? []).map((r) => ({
            regime: r.regime,
            stage: r.stage,
            doneAt: iso(r.doneAt),
            externalReference: r.externalReference,
            recordedBy: r.recordedBy,
            recordedAt: iso(r.createdAt),
          })),
        }),
      );
      return { breaches: list, auditChain };
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
}
