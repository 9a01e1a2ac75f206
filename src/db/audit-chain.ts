import { createHash } from 'node:crypto';
import type { Sql } from 'postgres';

/*
 * The audit trail's hash chain (migrations/0004_audit_hash_chain.sql builds it in a trigger). This
 * file checks it independently of the database's own functions, which a superuser could replace:
 * each event's hash is recomputed here from its content and the hash of the event before it.
 */

export const GENESIS_HASH = '0'.repeat(64);

export interface ChainRow {
  id: string;
  chain_seq: string | null;
  prev_hash: string | null;
  hash: string | null;
  breach_id: string | null;
  actor: string;
  type: string;
  /** jsonb's own text form: what the trigger hashed. */
  data: string;
  /** Microseconds since the epoch, as text (exact). */
  at_us: string;
}

/** The hash the trigger gives an event, recomputed from the same fields in the same order. */
export function eventHash(prev: string, r: Omit<ChainRow, 'prev_hash' | 'hash'>): string {
  const text = [prev, r.chain_seq ?? '', r.id, r.breach_id ?? '', r.actor, r.type, r.data, r.at_us].join('|');
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export interface ChainHead {
  /** How many events the chain holds. */
  events: number;
  /** The last event's hash (GENESIS_HASH when there is none). */
  hash: string;
}

export async function chainHead(sql: Sql): Promise<ChainHead> {
  const [row] = await sql<{ seq: string; hash: string }[]>`select seq::text, hash from audit_chain_head where id = 1`;
  return { events: Number(row?.seq ?? 0), hash: row?.hash ?? GENESIS_HASH };
}

export type ChainCheck = { ok: true; head: ChainHead } | { ok: false; checked: number; broken: string };

/** Walks the whole chain in order; stops at the first broken link and says what is wrong with it. */
export async function verifyAuditChain(sql: Sql): Promise<ChainCheck> {
  let prev = GENESIS_HASH;
  let expected = 1;
  let broken: string | undefined;
  const cursor = sql<ChainRow[]>`
    select id::text, chain_seq::text, prev_hash, hash, breach_id::text, actor, type, data::text as data,
           (extract(epoch from at) * 1000000)::bigint::text as at_us
    from breach_events e order by e.chain_seq nulls first, e.id`.cursor(1000);
  for await (const rows of cursor) {
    for (const r of rows) {
      broken = checkLink(r, expected, prev);
      if (broken) break;
      prev = r.hash!;
      expected += 1;
    }
    if (broken) break;
  }
  const checked = expected - 1;
  if (broken) return { ok: false, checked, broken };
  const head = await chainHead(sql);
  if (head.events !== checked || head.hash !== prev) {
    return {
      ok: false,
      checked,
      broken: `the chain's head records ${head.events} events ending in ${head.hash.slice(0, 12)}…, but ${checked} events end in ${prev.slice(0, 12)}… (events were removed from the end)`,
    };
  }
  return { ok: true, head };
}

function checkLink(r: ChainRow, expected: number, prev: string): string | undefined {
  const at = `event ${r.id}`;
  if (r.chain_seq === null) return `${at} has no place in the chain (it was written around the chain trigger)`;
  const seq = Number(r.chain_seq);
  if (seq !== expected) return `event ${expected} of the chain is missing (the next is ${at}, position ${seq}): an event was deleted`;
  if (r.prev_hash !== prev) return `${at} (position ${seq}) does not link to the event before it: events were removed or reordered`;
  if (eventHash(prev, r) !== r.hash) return `${at} (position ${seq}) was changed after it was written: its content no longer matches its hash`;
  return undefined;
}
