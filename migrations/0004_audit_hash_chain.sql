-- Tamper evidence for the audit trail: every event carries the hash of the one before it, so an
-- edit made by someone who can bypass the append-only trigger (a superuser) breaks the chain, and
-- `npm run verify-audit` names the first broken link (src/db/audit-chain.ts recomputes it in Node).
--
-- hash = sha256 of: prev_hash | chain_seq | id | breach_id | actor | type | data (jsonb text) | at (µs since epoch)
CREATE OR REPLACE FUNCTION breachbot_event_hash(prev text, e breach_events) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
  SELECT encode(sha256(convert_to(concat_ws('|',
    prev, e.chain_seq::text, e.id::text, coalesce(e.breach_id::text, ''), e.actor, e.type, e.data::text,
    (extract(epoch from e.at) * 1000000)::bigint::text), 'UTF8')), 'hex')
$$;
--> statement-breakpoint
INSERT INTO audit_chain_head (id, seq, hash) VALUES (1, 0, repeat('0', 64));
--> statement-breakpoint
-- Appends are serialised on the head row (a row lock held to commit), so concurrent inserts from
-- several replicas form one chain, never a fork. SECURITY DEFINER: the bot's role needs no right on
-- the head table; it can only append events.
CREATE OR REPLACE FUNCTION breachbot_chain_event() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  prev text;
  seq bigint;
BEGIN
  UPDATE audit_chain_head SET seq = audit_chain_head.seq + 1 WHERE id = 1
    RETURNING audit_chain_head.seq, audit_chain_head.hash INTO seq, prev;
  NEW.chain_seq := seq;
  NEW.prev_hash := prev;
  NEW.hash := breachbot_event_hash(prev, NEW);
  UPDATE audit_chain_head SET hash = NEW.hash WHERE id = 1;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
-- Chain the events written before this migration, oldest first.
ALTER TABLE breach_events DISABLE TRIGGER breach_events_no_update_delete;
--> statement-breakpoint
DO $$
DECLARE
  r breach_events;
  prev text := repeat('0', 64);
  n bigint := 0;
BEGIN
  FOR r IN SELECT * FROM breach_events ORDER BY id LOOP
    n := n + 1;
    r.chain_seq := n;
    r.prev_hash := prev;
    r.hash := breachbot_event_hash(prev, r);
    UPDATE breach_events SET chain_seq = r.chain_seq, prev_hash = r.prev_hash, hash = r.hash WHERE id = r.id;
    prev := r.hash;
  END LOOP;
  UPDATE audit_chain_head SET seq = n, hash = prev WHERE id = 1;
END;
$$;
--> statement-breakpoint
ALTER TABLE breach_events ENABLE TRIGGER breach_events_no_update_delete;
--> statement-breakpoint
CREATE TRIGGER breach_events_chain
  BEFORE INSERT ON breach_events
  FOR EACH ROW EXECUTE FUNCTION breachbot_chain_event();
