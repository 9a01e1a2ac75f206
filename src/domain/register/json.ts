import { byReference, type RegisterBreach } from './record.js';

/*
 * The register as JSON: the full record of every breach, deterministic to the byte. Breaches are in
 * reference order, lists in the order the store gives (recording order), the fields of each record
 * in the order record.ts lists them (the store builds them so), and free-form values (answers,
 * results, facts, event data) with their keys sorted, so the same database always gives the same file. No export time inside: it would make
 * two exports of the same data differ; the file name and the DM say when it was made.
 */

export const REGISTER_FORMAT = 'breachbot-register';
export const REGISTER_FORMAT_VERSION = 1;

/** Keys sorted at every level; arrays keep their order. */
export function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (typeof value !== 'object' || value === null) return value;
  const obj = value as Record<string, unknown>;
  return Object.fromEntries(Object.keys(obj).sort().map((k) => [k, sortKeys(obj[k])]));
}

/** The record as the store built it (fields in a fixed order), its free-form parts canonical. */
function canonical(b: RegisterBreach): RegisterBreach {
  return {
    ...b,
    facts: sortKeys(b.facts) as Record<string, unknown>,
    assessments: b.assessments.map((a) => ({ ...a, answers: sortKeys(a.answers), result: sortKeys(a.result) })),
    events: b.events.map((e) => ({ ...e, data: sortKeys(e.data) })),
  };
}

/** UTF-8 JSON text (no byte order mark: RFC 8259 forbids one), two-space indented, ending in a newline. */
export function registerJson(breaches: readonly RegisterBreach[], auditChain?: { events: number; hash: string }): string {
  const doc = {
    format: REGISTER_FORMAT,
    formatVersion: REGISTER_FORMAT_VERSION,
    breachCount: breaches.length,
    // The audit trail's hash-chain head when the export was made: `npm run verify-audit` shows
    // whether the trail still ends in it (or continues from it).
    ...(auditChain ? { auditChain: { events: auditChain.events, head: auditChain.hash } } : {}),
    breaches: [...breaches].sort(byReference).map(canonical),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
