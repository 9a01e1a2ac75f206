-- The audit trail must be append-only in the database itself (GDPR Art. 33(5) documentation):
-- no code path, console session or later bug may rewrite who decided what and when.
CREATE OR REPLACE FUNCTION breachbot_reject_event_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'breach_events is append-only: % is not allowed', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER breach_events_no_update_delete
  BEFORE UPDATE OR DELETE ON breach_events
  FOR EACH ROW EXECUTE FUNCTION breachbot_reject_event_change();
--> statement-breakpoint
CREATE TRIGGER breach_events_no_truncate
  BEFORE TRUNCATE ON breach_events
  FOR EACH STATEMENT EXECUTE FUNCTION breachbot_reject_event_change();
