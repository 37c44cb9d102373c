CREATE TYPE "public"."control_status" AS ENUM('met', 'in_progress', 'not_met', 'not_applicable');--> statement-breakpoint
CREATE TYPE "public"."finance_move" AS ENUM('migrated', 'hosted', 'not_planned');--> statement-breakpoint
CREATE TYPE "public"."redirect_plan" AS ENUM('live', 'planned', 'none');--> statement-breakpoint
CREATE TYPE "public"."savings_category" AS ENUM('digital', 'other');--> statement-breakpoint
CREATE TYPE "public"."check_snapshot_trigger" AS ENUM('manual', 'daily');--> statement-breakpoint
CREATE TYPE "public"."tenancy_status" AS ENUM('in_target', 'migration_planned', 'cross_tenant', 'not_started', 'unknown');--> statement-breakpoint
CREATE TABLE "check_settings" (
	"programme_id" uuid PRIMARY KEY NOT NULL,
	"contract_horizon_months" integer NOT NULL,
	"notice_urgent_days" integer NOT NULL,
	"security_expiry_months" integer NOT NULL,
	"savings_protected_years" integer NOT NULL,
	"cutover_margin_days" integer NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "check_settings_horizon_range" CHECK ("check_settings"."contract_horizon_months" between 0 and 60),
	CONSTRAINT "check_settings_notice_range" CHECK ("check_settings"."notice_urgent_days" between 0 and 365),
	CONSTRAINT "check_settings_expiry_range" CHECK ("check_settings"."security_expiry_months" between 0 and 36),
	CONSTRAINT "check_settings_savings_range" CHECK ("check_settings"."savings_protected_years" between 0 and 10),
	CONSTRAINT "check_settings_margin_range" CHECK ("check_settings"."cutover_margin_days" between 0 and 365)
);
--> statement-breakpoint
CREATE TABLE "check_snapshots" (
	"id" serial PRIMARY KEY NOT NULL,
	"programme_id" uuid NOT NULL,
	"taken_at" timestamp with time zone DEFAULT now() NOT NULL,
	"taken_on" date NOT NULL,
	"trigger" "check_snapshot_trigger" NOT NULL,
	"taken_by" uuid,
	"verdict" text NOT NULL,
	"pass_count" integer NOT NULL,
	"warn_count" integer NOT NULL,
	"fail_count" integer NOT NULL,
	"unknown_count" integer NOT NULL,
	"results" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "council_day_one_facts" (
	"council_id" uuid PRIMARY KEY NOT NULL,
	"programme_id" uuid NOT NULL,
	"tenancy_status" "tenancy_status",
	"tenancy_date" date,
	"finance_move" "finance_move",
	"finance_host_council_id" uuid,
	"finance_date" date,
	"redirect_plan" "redirect_plan",
	"redirect_date" date,
	"legacy_routing" boolean,
	"target_tenant" text,
	"finance_system_id" uuid,
	"website_url" text,
	"website_go_live" date,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "council_security_controls" (
	"council_id" uuid NOT NULL,
	"control_id" uuid NOT NULL,
	"programme_id" uuid NOT NULL,
	"status" "control_status" NOT NULL,
	"evidence" text,
	"expiry_date" date,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "council_security_controls_council_id_control_id_pk" PRIMARY KEY("council_id","control_id")
);
--> statement-breakpoint
CREATE TABLE "savings_lines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"programme_id" uuid NOT NULL,
	"programme_year" integer NOT NULL,
	"category" "savings_category" NOT NULL,
	"description" text NOT NULL,
	"amount_pence" bigint NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "savings_lines_year_range" CHECK ("savings_lines"."programme_year" between 1 and 30),
	CONSTRAINT "savings_lines_amount_not_negative" CHECK ("savings_lines"."amount_pence" >= 0)
);
--> statement-breakpoint
CREATE TABLE "security_controls" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"programme_id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"position" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "check_settings" ADD CONSTRAINT "check_settings_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "check_snapshots" ADD CONSTRAINT "check_snapshots_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "check_snapshots" ADD CONSTRAINT "check_snapshots_taken_by_users_id_fk" FOREIGN KEY ("taken_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_day_one_facts" ADD CONSTRAINT "council_day_one_facts_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_day_one_facts" ADD CONSTRAINT "council_day_one_facts_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_day_one_facts" ADD CONSTRAINT "council_day_one_facts_finance_host_council_id_councils_id_fk" FOREIGN KEY ("finance_host_council_id") REFERENCES "public"."councils"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_day_one_facts" ADD CONSTRAINT "council_day_one_facts_finance_system_id_systems_id_fk" FOREIGN KEY ("finance_system_id") REFERENCES "public"."systems"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_security_controls" ADD CONSTRAINT "council_security_controls_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_security_controls" ADD CONSTRAINT "council_security_controls_control_id_security_controls_id_fk" FOREIGN KEY ("control_id") REFERENCES "public"."security_controls"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_security_controls" ADD CONSTRAINT "council_security_controls_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "savings_lines" ADD CONSTRAINT "savings_lines_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "security_controls" ADD CONSTRAINT "security_controls_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "check_snapshots_programme_idx" ON "check_snapshots" USING btree ("programme_id","taken_at");--> statement-breakpoint
CREATE UNIQUE INDEX "check_snapshots_one_daily" ON "check_snapshots" USING btree ("programme_id","taken_on") WHERE "check_snapshots"."trigger" = 'daily';--> statement-breakpoint
CREATE INDEX "council_day_one_facts_programme_idx" ON "council_day_one_facts" USING btree ("programme_id");--> statement-breakpoint
CREATE INDEX "council_security_controls_programme_idx" ON "council_security_controls" USING btree ("programme_id");--> statement-breakpoint
CREATE INDEX "savings_lines_programme_idx" ON "savings_lines" USING btree ("programme_id");--> statement-breakpoint
CREATE UNIQUE INDEX "security_controls_programme_name_unique" ON "security_controls" USING btree ("programme_id",lower("name"));