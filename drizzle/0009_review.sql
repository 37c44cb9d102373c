CREATE TYPE "public"."comment_target_kind" AS ENUM('scenario', 'roadmap_item', 'check', 'contract');--> statement-breakpoint
CREATE TABLE "baseline_dependencies" (
	"approval_id" uuid NOT NULL,
	"predecessor_lineage_id" uuid NOT NULL,
	"successor_lineage_id" uuid NOT NULL,
	CONSTRAINT "baseline_dependencies_approval_id_predecessor_lineage_id_successor_lineage_id_pk" PRIMARY KEY("approval_id","predecessor_lineage_id","successor_lineage_id")
);
--> statement-breakpoint
CREATE TABLE "baseline_items" (
	"approval_id" uuid NOT NULL,
	"lineage_id" uuid NOT NULL,
	"title" text NOT NULL,
	"kind" "roadmap_item_kind" NOT NULL,
	"status" "roadmap_item_status" NOT NULL,
	"service_area_id" uuid,
	"council_id" uuid,
	"start_date" date NOT NULL,
	"alpha_start" date NOT NULL,
	"beta_start" date NOT NULL,
	"live_start" date NOT NULL,
	"end_date" date NOT NULL,
	CONSTRAINT "baseline_items_approval_id_lineage_id_pk" PRIMARY KEY("approval_id","lineage_id")
);
--> statement-breakpoint
CREATE TABLE "comment_revisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"comment_id" uuid NOT NULL,
	"body" text NOT NULL,
	"replaced_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "comments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"programme_id" uuid NOT NULL,
	"target_kind" "comment_target_kind" NOT NULL,
	"target_id" text NOT NULL,
	"parent_id" uuid,
	"author_id" uuid,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"edited_at" timestamp with time zone,
	"resolved_at" timestamp with time zone,
	"resolved_by_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "comments_body_not_empty" CHECK (length("comments"."body") > 0)
);
--> statement-breakpoint
CREATE TABLE "roadmap_approvals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"programme_id" uuid NOT NULL,
	"scenario_id" uuid,
	"scenario_name" text NOT NULL,
	"approved_by" text NOT NULL,
	"approved_on" date NOT NULL,
	"verdict" text NOT NULL,
	"check_results" jsonb NOT NULL,
	"recorded_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "baseline_dependencies" ADD CONSTRAINT "baseline_dependencies_approval_id_roadmap_approvals_id_fk" FOREIGN KEY ("approval_id") REFERENCES "public"."roadmap_approvals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "baseline_items" ADD CONSTRAINT "baseline_items_approval_id_roadmap_approvals_id_fk" FOREIGN KEY ("approval_id") REFERENCES "public"."roadmap_approvals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comment_revisions" ADD CONSTRAINT "comment_revisions_comment_id_comments_id_fk" FOREIGN KEY ("comment_id") REFERENCES "public"."comments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comments" ADD CONSTRAINT "comments_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comments" ADD CONSTRAINT "comments_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comments" ADD CONSTRAINT "comments_resolved_by_id_users_id_fk" FOREIGN KEY ("resolved_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roadmap_approvals" ADD CONSTRAINT "roadmap_approvals_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roadmap_approvals" ADD CONSTRAINT "roadmap_approvals_scenario_id_roadmap_scenarios_id_fk" FOREIGN KEY ("scenario_id") REFERENCES "public"."roadmap_scenarios"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roadmap_approvals" ADD CONSTRAINT "roadmap_approvals_recorded_by_id_users_id_fk" FOREIGN KEY ("recorded_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "comment_revisions_comment_idx" ON "comment_revisions" USING btree ("comment_id");--> statement-breakpoint
CREATE INDEX "comments_target_idx" ON "comments" USING btree ("programme_id","target_kind","target_id");--> statement-breakpoint
CREATE INDEX "comments_parent_idx" ON "comments" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "roadmap_approvals_programme_idx" ON "roadmap_approvals" USING btree ("programme_id");