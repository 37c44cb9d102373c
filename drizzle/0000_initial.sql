CREATE TYPE "public"."council_kind" AS ENUM('county', 'district', 'unitary', 'metropolitan', 'london_borough');--> statement-breakpoint
CREATE TYPE "public"."council_role" AS ENUM('predecessor', 'successor');--> statement-breakpoint
CREATE TYPE "public"."member_role" AS ENUM('owner', 'editor', 'viewer');--> statement-breakpoint
CREATE TYPE "public"."hosting" AS ENUM('on_premises', 'hosted', 'saas');--> statement-breakpoint
CREATE TYPE "public"."lgr_treatment" AS ENUM('undecided', 'extend', 'transfer', 'novate', 'host', 'reprocure', 'terminate', 'expire');--> statement-breakpoint
CREATE TYPE "public"."notice_unit" AS ENUM('days', 'months');--> statement-breakpoint
CREATE TYPE "public"."service_area_category" AS ENUM('service', 'foundation');--> statement-breakpoint
CREATE TYPE "public"."time_disposition" AS ENUM('tolerate', 'invest', 'migrate', 'eliminate');--> statement-breakpoint
CREATE TABLE "demo_credentials" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"initial_password" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"absolute_expires_at" timestamp with time zone NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ip_address" text,
	"user_agent" text
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"display_name" text NOT NULL,
	"password_hash" text NOT NULL,
	"is_admin" boolean DEFAULT false NOT NULL,
	"disabled_at" timestamp with time zone,
	"password_changed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "councils" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"programme_id" uuid NOT NULL,
	"name" text NOT NULL,
	"role" "council_role" NOT NULL,
	"kind" "council_kind" NOT NULL,
	"gss_code" text,
	"website" text,
	"m365_tenant" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "councils_programme_name_unique" UNIQUE("programme_id","name")
);
--> statement-breakpoint
CREATE TABLE "programme_members" (
	"programme_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"role" "member_role" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "programme_members_programme_id_user_id_pk" PRIMARY KEY("programme_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "programmes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"area" text DEFAULT '' NOT NULL,
	"vesting_date" date NOT NULL,
	"horizon_years" integer DEFAULT 10 NOT NULL,
	"capacity" integer DEFAULT 3 NOT NULL,
	"stabilisation_months" integer DEFAULT 12 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "programmes_slug_unique" UNIQUE("slug"),
	CONSTRAINT "programmes_horizon_range" CHECK ("programmes"."horizon_years" between 1 and 30),
	CONSTRAINT "programmes_capacity_range" CHECK ("programmes"."capacity" between 1 and 50),
	CONSTRAINT "programmes_stabilisation_range" CHECK ("programmes"."stabilisation_months" between 0 and 60)
);
--> statement-breakpoint
CREATE TABLE "successions" (
	"predecessor_id" uuid NOT NULL,
	"successor_id" uuid NOT NULL,
	"note" text,
	CONSTRAINT "successions_predecessor_id_successor_id_pk" PRIMARY KEY("predecessor_id","successor_id"),
	CONSTRAINT "successions_not_self" CHECK ("successions"."predecessor_id" <> "successions"."successor_id")
);
--> statement-breakpoint
CREATE TABLE "contract_extension_options" (
	"contract_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"length_months" integer NOT NULL,
	"exercised" boolean DEFAULT false NOT NULL,
	CONSTRAINT "contract_extension_options_contract_id_position_pk" PRIMARY KEY("contract_id","position"),
	CONSTRAINT "extension_length_positive" CHECK ("contract_extension_options"."length_months" between 1 and 240)
);
--> statement-breakpoint
CREATE TABLE "contract_systems" (
	"contract_id" uuid NOT NULL,
	"system_id" uuid NOT NULL,
	CONSTRAINT "contract_systems_contract_id_system_id_pk" PRIMARY KEY("contract_id","system_id")
);
--> statement-breakpoint
CREATE TABLE "contracts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"programme_id" uuid NOT NULL,
	"council_id" uuid NOT NULL,
	"reference" text NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"department" text,
	"supplier_name" text NOT NULL,
	"supplier_company_number" text,
	"start_date" date,
	"end_date" date,
	"review_date" date,
	"notice_period_value" integer,
	"notice_period_unit" "notice_unit",
	"max_end_date" date,
	"annual_value_pence" bigint,
	"total_value_pence" bigint,
	"lgr_treatment" "lgr_treatment" DEFAULT 'undecided' NOT NULL,
	"decision_date" date,
	"decision_notes" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "contracts_council_reference_unique" UNIQUE("council_id","reference"),
	CONSTRAINT "contracts_values_not_negative" CHECK ("contracts"."annual_value_pence" >= 0 and "contracts"."total_value_pence" >= 0),
	CONSTRAINT "contracts_notice_not_negative" CHECK ("contracts"."notice_period_value" >= 0)
);
--> statement-breakpoint
CREATE TABLE "service_areas" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"programme_id" uuid NOT NULL,
	"name" text NOT NULL,
	"category" "service_area_category" NOT NULL,
	"priority" integer DEFAULT 3 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "service_areas_programme_name_unique" UNIQUE("programme_id","name")
);
--> statement-breakpoint
CREATE TABLE "systems" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"programme_id" uuid NOT NULL,
	"council_id" uuid NOT NULL,
	"service_area_id" uuid,
	"name" text NOT NULL,
	"product" text,
	"vendor" text,
	"hosting" "hosting",
	"users" integer,
	"annual_cost_pence" bigint,
	"lifecycle" text,
	"time_disposition" time_disposition,
	"day_one_critical" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "systems_cost_not_negative" CHECK ("systems"."annual_cost_pence" >= 0),
	CONSTRAINT "systems_users_not_negative" CHECK ("systems"."users" >= 0)
);
--> statement-breakpoint
CREATE TABLE "audit_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"occurred_at" timestamp with time zone DEFAULT now() NOT NULL,
	"user_id" uuid,
	"actor_label" text,
	"programme_id" uuid,
	"entity" text NOT NULL,
	"entity_id" text,
	"action" text NOT NULL,
	"before" jsonb,
	"after" jsonb,
	"ip_address" text
);
--> statement-breakpoint
ALTER TABLE "demo_credentials" ADD CONSTRAINT "demo_credentials_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "councils" ADD CONSTRAINT "councils_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_members" ADD CONSTRAINT "programme_members_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_members" ADD CONSTRAINT "programme_members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "successions" ADD CONSTRAINT "successions_predecessor_id_councils_id_fk" FOREIGN KEY ("predecessor_id") REFERENCES "public"."councils"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "successions" ADD CONSTRAINT "successions_successor_id_councils_id_fk" FOREIGN KEY ("successor_id") REFERENCES "public"."councils"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_extension_options" ADD CONSTRAINT "contract_extension_options_contract_id_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contracts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_systems" ADD CONSTRAINT "contract_systems_contract_id_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contracts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_systems" ADD CONSTRAINT "contract_systems_system_id_systems_id_fk" FOREIGN KEY ("system_id") REFERENCES "public"."systems"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contracts" ADD CONSTRAINT "contracts_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contracts" ADD CONSTRAINT "contracts_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_areas" ADD CONSTRAINT "service_areas_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "systems" ADD CONSTRAINT "systems_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "systems" ADD CONSTRAINT "systems_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "systems" ADD CONSTRAINT "systems_service_area_id_service_areas_id_fk" FOREIGN KEY ("service_area_id") REFERENCES "public"."service_areas"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "sessions_user_id_idx" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_unique" ON "users" USING btree (lower("email"));--> statement-breakpoint
CREATE INDEX "programme_members_user_idx" ON "programme_members" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "successions_successor_idx" ON "successions" USING btree ("successor_id");--> statement-breakpoint
CREATE INDEX "contract_systems_system_idx" ON "contract_systems" USING btree ("system_id");--> statement-breakpoint
CREATE INDEX "contracts_programme_idx" ON "contracts" USING btree ("programme_id");--> statement-breakpoint
CREATE INDEX "contracts_end_date_idx" ON "contracts" USING btree ("programme_id","end_date");--> statement-breakpoint
CREATE INDEX "systems_programme_idx" ON "systems" USING btree ("programme_id");--> statement-breakpoint
CREATE INDEX "systems_council_idx" ON "systems" USING btree ("council_id");--> statement-breakpoint
CREATE INDEX "audit_events_programme_idx" ON "audit_events" USING btree ("programme_id","occurred_at");--> statement-breakpoint
CREATE INDEX "audit_events_user_idx" ON "audit_events" USING btree ("user_id");