ALTER TABLE "attachments" ADD COLUMN "quarantined_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "attachments" ADD COLUMN "process_attempts" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "attachments" ADD COLUMN "process_lease_until" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "attachments" ADD COLUMN "process_error" text;--> statement-breakpoint
CREATE INDEX "attachments_quarantine_idx" ON "attachments" USING btree ("id") WHERE "attachments"."quarantined_at" is not null and "attachments"."process_error" is null;--> statement-breakpoint
-- A photo in quarantine (accepted, not yet re-encoded by the worker) is never public.
CREATE OR REPLACE VIEW public_attachments AS
SELECT a.id, a.report_id, a.event_id, a.kind, a.width, a.height, a.mime, a.storage_key, a.thumb_key, a.created_at
FROM attachments a JOIN reports r ON r.id = a.report_id
WHERE NOT r.is_confidential AND a.hidden_at IS NULL AND a.quarantined_at IS NULL
  AND (r.is_public OR (a.kind = 'sesudah' AND a.is_publishable));
