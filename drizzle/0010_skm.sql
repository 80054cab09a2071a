CREATE TABLE "skm_period_units" (
	"period_id" integer NOT NULL,
	"agency_id" integer NOT NULL,
	CONSTRAINT "skm_period_units_period_id_agency_id_pk" PRIMARY KEY("period_id","agency_id")
);
--> statement-breakpoint
CREATE TABLE "skm_periods" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"min_respondents" integer DEFAULT 30 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "skm_responses" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"period_id" integer NOT NULL,
	"agency_id" integer NOT NULL,
	"report_id" bigint,
	"answers" smallint[] NOT NULL,
	"age_group" text,
	"sex" text,
	"education" text,
	"occupation" text,
	"sender_key" text,
	"flag_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "skm_responses_report_id_unique" UNIQUE("report_id")
);
--> statement-breakpoint
ALTER TABLE "skm_period_units" ADD CONSTRAINT "skm_period_units_period_id_skm_periods_id_fk" FOREIGN KEY ("period_id") REFERENCES "public"."skm_periods"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skm_period_units" ADD CONSTRAINT "skm_period_units_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skm_responses" ADD CONSTRAINT "skm_responses_period_id_skm_periods_id_fk" FOREIGN KEY ("period_id") REFERENCES "public"."skm_periods"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skm_responses" ADD CONSTRAINT "skm_responses_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skm_responses" ADD CONSTRAINT "skm_responses_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "skm_responses_unit_idx" ON "skm_responses" USING btree ("period_id","agency_id","created_at");