ALTER TYPE "public"."event_type" ADD VALUE 'moderasi';--> statement-breakpoint
CREATE TABLE "confidential_ticket_sequences" (
	"day" date PRIMARY KEY NOT NULL,
	"last" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
DROP INDEX "reports_map_idx";--> statement-breakpoint
ALTER TABLE "attachments" ADD COLUMN "is_publishable" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "attachments" ADD COLUMN "hidden_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "reports" ADD COLUMN "public_description" text;--> statement-breakpoint
ALTER TABLE "reports" ADD COLUMN "is_text_hidden" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "reports" ADD COLUMN "moderated_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "reports" ADD COLUMN "public_lat" double precision GENERATED ALWAYS AS (case when is_public then lat else round(lat::numeric, 3)::double precision end) STORED;--> statement-breakpoint
ALTER TABLE "reports" ADD COLUMN "public_lng" double precision GENERATED ALWAYS AS (case when is_public then lng else round(lng::numeric, 3)::double precision end) STORED;--> statement-breakpoint
CREATE INDEX "reports_map_idx" ON "reports" USING btree ("public_lat","public_lng") WHERE "reports"."is_confidential" = false and "reports"."public_lat" is not null;--> statement-breakpoint
-- A report of a confidential category is confidential, whatever path wrote it, and never public.
CREATE OR REPLACE FUNCTION aduan_report_confidentiality() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT NEW.is_confidential AND EXISTS (SELECT 1 FROM categories c WHERE c.code = NEW.category_code AND c.is_confidential) THEN
    NEW.is_confidential := true;
    NEW.handling_agency_id := coalesce((SELECT id FROM agencies WHERE code = 'inspektorat'), NEW.handling_agency_id);
  END IF;
  IF NEW.is_confidential THEN
    NEW.is_public := false;
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER reports_confidentiality BEFORE INSERT OR UPDATE OF category_code, is_confidential, is_public ON reports
  FOR EACH ROW EXECUTE FUNCTION aduan_report_confidentiality();
--> statement-breakpoint
-- Marking a category confidential hides its existing reports too (they move to Inspektorat).
CREATE OR REPLACE FUNCTION aduan_category_confidentiality() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.is_confidential AND NOT OLD.is_confidential THEN
    UPDATE reports SET is_confidential = true WHERE category_code = NEW.code AND NOT is_confidential;
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER categories_confidentiality AFTER UPDATE OF is_confidential ON categories
  FOR EACH ROW EXECUTE FUNCTION aduan_category_confidentiality();
--> statement-breakpoint
UPDATE reports SET is_confidential = true
  WHERE NOT is_confidential AND category_code IN (SELECT code FROM categories WHERE is_confidential);
--> statement-breakpoint
-- The public projection. Every public read goes through these views (db/queries/public): a
-- confidential ticket is never in them; a private report has no text, no address, no photos
-- but an official's marked publishable, no text its reporter wrote later, and only the snapped
-- position; internal notes keep their place but no content.
CREATE VIEW public_reports AS
SELECT r.id, r.number, r.status, r.category_code, r.channel_code, r.is_public,
       CASE WHEN r.is_public AND NOT r.is_text_hidden THEN coalesce(r.public_description, r.description) END AS description,
       CASE WHEN r.is_public AND NOT r.is_text_hidden THEN r.address END AS address,
       (r.moderated_at IS NOT NULL) AS is_moderated,
       r.public_lat AS lat, r.public_lng AS lng, r.location_approximate,
       r.kelurahan_code, r.kecamatan_code, r.kota_code, r.handling_agency_id,
       r.support_count, r.reopen_count, r.rejected_follow_up_count, r.dispute_count, r.proof_flags,
       r.reject_reason, r.duplicate_of_id,
       r.created_at, r.updated_at, r.first_response_due_at, r.due_at, r.first_response_at, r.finished_at,
       r.estimated_completion_at, r.last_activity_at, r.change_seq
FROM reports r
WHERE NOT r.is_confidential;
--> statement-breakpoint
-- Every report's changes for the in-memory map and figures: a confidential one comes back
-- invisible, with nothing but its id, so that it leaves them.
CREATE VIEW public_report_changes AS
SELECT r.id, r.change_seq, NOT r.is_confidential AS is_visible,
       CASE WHEN NOT r.is_confidential THEN r.number END AS number,
       CASE WHEN NOT r.is_confidential THEN r.status END AS status,
       CASE WHEN NOT r.is_confidential THEN r.category_code END AS category_code,
       CASE WHEN NOT r.is_confidential THEN r.channel_code END AS channel_code,
       CASE WHEN NOT r.is_confidential THEN r.kelurahan_code END AS kelurahan_code,
       CASE WHEN NOT r.is_confidential THEN r.kecamatan_code END AS kecamatan_code,
       CASE WHEN NOT r.is_confidential THEN r.kota_code END AS kota_code,
       CASE WHEN NOT r.is_confidential THEN r.handling_agency_id END AS handling_agency_id,
       CASE WHEN NOT r.is_confidential THEN r.public_lat END AS lat,
       CASE WHEN NOT r.is_confidential THEN r.public_lng END AS lng,
       CASE WHEN NOT r.is_confidential THEN r.location_approximate END AS location_approximate,
       CASE WHEN NOT r.is_confidential THEN r.created_at END AS created_at,
       CASE WHEN NOT r.is_confidential THEN r.first_response_at END AS first_response_at,
       CASE WHEN NOT r.is_confidential THEN r.first_response_due_at END AS first_response_due_at,
       CASE WHEN NOT r.is_confidential THEN r.finished_at END AS finished_at,
       CASE WHEN NOT r.is_confidential THEN coalesce(r.estimated_completion_at, r.due_at) END AS finish_due_at,
       CASE WHEN NOT r.is_confidential THEN r.reopen_count END AS reopen_count,
       CASE WHEN NOT r.is_confidential THEN r.rejected_follow_up_count END AS rejected_follow_up_count,
       CASE WHEN NOT r.is_confidential THEN r.proof_flags END AS proof_flags,
       CASE WHEN NOT r.is_confidential THEN r.dispute_count END AS dispute_count
FROM reports r;
--> statement-breakpoint
CREATE VIEW public_report_events AS
SELECT e.id, e.report_id, e.type, e.from_status, e.to_status, e.is_public,
       CASE WHEN e.is_public THEN e.actor_agency_id END AS actor_agency_id,
       CASE WHEN e.is_public THEN e.actor_label END AS actor_label,
       -- written by the reporter (no official acted): public only on a public report
       (e.actor_user_id IS NULL AND e.actor_label IS DISTINCT FROM 'sistem') AS is_from_reporter,
       CASE WHEN NOT e.is_public OR e.type::text = 'moderasi' THEN NULL
            WHEN e.actor_user_id IS NULL AND e.actor_label IS DISTINCT FROM 'sistem' AND NOT r.is_public THEN NULL
            ELSE e.body END AS body,
       CASE WHEN e.is_public AND e.type IN ('koordinasi', 'disposisi', 'dialihkan') THEN e.data->>'to' END AS handed_to,
       e.created_at
FROM report_events e JOIN reports r ON r.id = e.report_id
WHERE NOT r.is_confidential;
--> statement-breakpoint
CREATE VIEW public_attachments AS
SELECT a.id, a.report_id, a.event_id, a.kind, a.width, a.height, a.mime, a.storage_key, a.thumb_key, a.created_at
FROM attachments a JOIN reports r ON r.id = a.report_id
WHERE NOT r.is_confidential AND a.hidden_at IS NULL
  AND (r.is_public OR (a.kind = 'sesudah' AND a.is_publishable));
--> statement-breakpoint
CREATE VIEW public_ratings AS
SELECT g.id, g.report_id, g.score, CASE WHEN r.is_public THEN g.comment END AS comment, g.created_at
FROM ratings g JOIN reports r ON r.id = g.report_id
WHERE NOT r.is_confidential;
