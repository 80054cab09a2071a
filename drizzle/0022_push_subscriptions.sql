CREATE TABLE "push_subscriptions" (
	"id" serial PRIMARY KEY NOT NULL,
	"endpoint" text NOT NULL,
	"p256dh" text NOT NULL,
	"auth" text NOT NULL,
	"report_id" bigint,
	"user_id" integer,
	"language" text DEFAULT 'id' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_success_at" timestamp with time zone,
	"last_failure_at" timestamp with time zone,
	CONSTRAINT "push_subscriptions_one_owner" CHECK (("push_subscriptions"."report_id" is null) <> ("push_subscriptions"."user_id" is null)),
	CONSTRAINT "push_subscriptions_language" CHECK ("push_subscriptions"."language" in ('id', 'en'))
);
--> statement-breakpoint
CREATE TABLE "sla_warnings" (
	"report_id" bigint NOT NULL,
	"kind" text NOT NULL,
	"deadline" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sla_warnings_report_id_kind_deadline_pk" PRIMARY KEY("report_id","kind","deadline")
);
--> statement-breakpoint
ALTER TABLE "push_subscriptions" ADD CONSTRAINT "push_subscriptions_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "push_subscriptions" ADD CONSTRAINT "push_subscriptions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sla_warnings" ADD CONSTRAINT "sla_warnings_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "push_subscriptions_report_uq" ON "push_subscriptions" USING btree ("endpoint","report_id") WHERE "push_subscriptions"."report_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "push_subscriptions_user_uq" ON "push_subscriptions" USING btree ("endpoint","user_id") WHERE "push_subscriptions"."user_id" is not null;--> statement-breakpoint
CREATE INDEX "push_subscriptions_report_idx" ON "push_subscriptions" USING btree ("report_id");--> statement-breakpoint
CREATE INDEX "push_subscriptions_user_idx" ON "push_subscriptions" USING btree ("user_id");