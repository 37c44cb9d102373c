-- Addresses left behind by members removed before this release: without this they would
-- work again if the person were added back. Only their hashes are stored; nothing else needs them.
DELETE FROM "calendar_feeds" AS f WHERE NOT EXISTS (SELECT 1 FROM "programme_members" AS m WHERE m."programme_id" = f."programme_id" AND m."user_id" = f."user_id");--> statement-breakpoint
ALTER TABLE "calendar_feeds" ADD CONSTRAINT "calendar_feeds_membership_fk" FOREIGN KEY ("programme_id","user_id") REFERENCES "public"."programme_members"("programme_id","user_id") ON DELETE cascade ON UPDATE no action;
