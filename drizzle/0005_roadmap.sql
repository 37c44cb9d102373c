CREATE TYPE "public"."roadmap_item_kind" AS ENUM('redesign', 'foundation');--> statement-breakpoint
CREATE TYPE "public"."roadmap_item_size" AS ENUM('s', 'm', 'l', 'xl');--> statement-breakpoint
CREATE TYPE "public"."roadmap_item_status" AS ENUM('proposed', 'planned', 'in_progress', 'paused', 'done');--> statement-breakpoint
CREATE TABLE "roadmap_dependencies" (
	"predecessor_id" uuid NOT NULL,
	"successor_id" uuid NOT NULL,
	CONSTRAINT "roadmap_dependencies_predecessor_id_successor_id_pk" PRIMARY KEY("predecessor_id","successor_id"),
	CONSTRAINT "roadmap_dependencies_not_self" CHECK ("roadmap_dependencies"."predecessor_id" <> "roadmap_dependencies"."successor_id")
);
--> statement-breakpoint
CREATE TABLE "roadmap_item_contracts" (
	"item_id" uuid NOT NULL,
	"contract_id" uuid NOT NULL,
	CONSTRAINT "roadmap_item_contracts_item_id_contract_id_pk" PRIMARY KEY("item_id","contract_id")
);
--> statement-breakpoint
CREATE TABLE "roadmap_item_systems" (
	"item_id" uuid NOT NULL,
	"system_id" uuid NOT NULL,
	CONSTRAINT "roadmap_item_systems_item_id_system_id_pk" PRIMARY KEY("item_id","system_id")
);
--> statement-breakpoint
CREATE TABLE "roadmap_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"programme_id" uuid NOT NULL,
	"scenario_id" uuid NOT NULL,
	"lineage_id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"kind" "roadmap_item_kind" NOT NULL,
	"title" text NOT NULL,
	"service_area_id" uuid,
	"council_id" uuid,
	"status" "roadmap_item_status" DEFAULT 'planned' NOT NULL,
	"owner" text,
	"size" "roadmap_item_size" DEFAULT 'm' NOT NULL,
	"start_date" date NOT NULL,
	"alpha_start" date NOT NULL,
	"beta_start" date NOT NULL,
	"live_start" date NOT NULL,
	"end_date" date NOT NULL,
	"notes" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "roadmap_items_phases_in_order" CHECK ("roadmap_items"."start_date" <= "roadmap_items"."alpha_start" and "roadmap_items"."alpha_start" <= "roadmap_items"."beta_start" and "roadmap_items"."beta_start" <= "roadmap_items"."live_start" and "roadmap_items"."live_start" <= "roadmap_items"."end_date" and "roadmap_items"."start_date" < "roadmap_items"."end_date")
);
--> statement-breakpoint
CREATE TABLE "roadmap_milestones" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"scenario_id" uuid NOT NULL,
	"name" text NOT NULL,
	"date" date NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "roadmap_scenarios" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"programme_id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"is_current" boolean DEFAULT false NOT NULL,
	"copied_from_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "roadmap_dependencies" ADD CONSTRAINT "roadmap_dependencies_predecessor_id_roadmap_items_id_fk" FOREIGN KEY ("predecessor_id") REFERENCES "public"."roadmap_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roadmap_dependencies" ADD CONSTRAINT "roadmap_dependencies_successor_id_roadmap_items_id_fk" FOREIGN KEY ("successor_id") REFERENCES "public"."roadmap_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roadmap_item_contracts" ADD CONSTRAINT "roadmap_item_contracts_item_id_roadmap_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."roadmap_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roadmap_item_contracts" ADD CONSTRAINT "roadmap_item_contracts_contract_id_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contracts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roadmap_item_systems" ADD CONSTRAINT "roadmap_item_systems_item_id_roadmap_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."roadmap_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roadmap_item_systems" ADD CONSTRAINT "roadmap_item_systems_system_id_systems_id_fk" FOREIGN KEY ("system_id") REFERENCES "public"."systems"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roadmap_items" ADD CONSTRAINT "roadmap_items_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roadmap_items" ADD CONSTRAINT "roadmap_items_scenario_id_roadmap_scenarios_id_fk" FOREIGN KEY ("scenario_id") REFERENCES "public"."roadmap_scenarios"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roadmap_items" ADD CONSTRAINT "roadmap_items_service_area_id_service_areas_id_fk" FOREIGN KEY ("service_area_id") REFERENCES "public"."service_areas"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roadmap_items" ADD CONSTRAINT "roadmap_items_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roadmap_milestones" ADD CONSTRAINT "roadmap_milestones_scenario_id_roadmap_scenarios_id_fk" FOREIGN KEY ("scenario_id") REFERENCES "public"."roadmap_scenarios"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roadmap_scenarios" ADD CONSTRAINT "roadmap_scenarios_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "roadmap_dependencies_successor_idx" ON "roadmap_dependencies" USING btree ("successor_id");--> statement-breakpoint
CREATE INDEX "roadmap_item_contracts_contract_idx" ON "roadmap_item_contracts" USING btree ("contract_id");--> statement-breakpoint
CREATE INDEX "roadmap_item_systems_system_idx" ON "roadmap_item_systems" USING btree ("system_id");--> statement-breakpoint
CREATE INDEX "roadmap_items_scenario_idx" ON "roadmap_items" USING btree ("scenario_id");--> statement-breakpoint
CREATE INDEX "roadmap_items_programme_idx" ON "roadmap_items" USING btree ("programme_id");--> statement-breakpoint
CREATE INDEX "roadmap_milestones_scenario_idx" ON "roadmap_milestones" USING btree ("scenario_id");--> statement-breakpoint
CREATE INDEX "roadmap_scenarios_programme_idx" ON "roadmap_scenarios" USING btree ("programme_id");--> statement-breakpoint
CREATE UNIQUE INDEX "roadmap_scenarios_one_current" ON "roadmap_scenarios" USING btree ("programme_id") WHERE "roadmap_scenarios"."is_current";