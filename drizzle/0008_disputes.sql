ALTER TYPE "public"."event_type" ADD VALUE 'sanggahan';--> statement-breakpoint
ALTER TABLE "reports" ADD COLUMN "dispute_count" smallint DEFAULT 0 NOT NULL;