CREATE TABLE "import_progress" (
	"import_id" uuid PRIMARY KEY NOT NULL,
	"stage" text NOT NULL,
	"done" integer NOT NULL,
	"total" integer NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "import_progress" ADD CONSTRAINT "import_progress_import_id_pending_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."pending_imports"("id") ON DELETE cascade ON UPDATE no action;