-- The timeline and the audit log are append-only: corrections are new rows, never edits.
CREATE OR REPLACE FUNCTION aduan_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'table % is append-only', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER report_events_append_only BEFORE UPDATE OR DELETE ON report_events
  FOR EACH ROW EXECUTE FUNCTION aduan_refuse_change();
--> statement-breakpoint
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION aduan_refuse_change();
--> statement-breakpoint
CREATE TRIGGER report_events_no_truncate BEFORE TRUNCATE ON report_events
  FOR EACH STATEMENT EXECUTE FUNCTION aduan_refuse_change();
--> statement-breakpoint
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION aduan_refuse_change();
