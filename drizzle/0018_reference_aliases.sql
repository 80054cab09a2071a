CREATE TYPE "public"."reference_kind" AS ENUM('kategori', 'instansi', 'kelurahan');--> statement-breakpoint
ALTER TYPE "public"."agency_kind" ADD VALUE 'eksternal';--> statement-breakpoint
CREATE TABLE "archive_labels" (
	"report_id" bigint PRIMARY KEY NOT NULL,
	"source" text NOT NULL,
	"line" integer NOT NULL,
	"kelurahan" text NOT NULL,
	"category" text NOT NULL,
	"agency" text NOT NULL,
	"kelurahan_key" text,
	"category_key" text,
	"agency_key" text
);
--> statement-breakpoint
CREATE TABLE "reference_aliases" (
	"kind" "reference_kind" NOT NULL,
	"key" text NOT NULL,
	"label" text NOT NULL,
	"target_code" text NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reference_aliases_kind_key_pk" PRIMARY KEY("kind","key")
);
--> statement-breakpoint
ALTER TABLE "agencies" ADD COLUMN "short_name" text;--> statement-breakpoint
ALTER TABLE "archive_labels" ADD CONSTRAINT "archive_labels_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reference_aliases" ADD CONSTRAINT "reference_aliases_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "archive_labels_kelurahan_key_idx" ON "archive_labels" USING btree ("kelurahan_key") WHERE "archive_labels"."kelurahan_key" is not null;--> statement-breakpoint
CREATE INDEX "archive_labels_category_key_idx" ON "archive_labels" USING btree ("category_key") WHERE "archive_labels"."category_key" is not null;--> statement-breakpoint
CREATE INDEX "archive_labels_agency_key_idx" ON "archive_labels" USING btree ("agency_key") WHERE "archive_labels"."agency_key" is not null;