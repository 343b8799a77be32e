ALTER TABLE "oauth_states" ADD COLUMN "started_by" text;--> statement-breakpoint
ALTER TABLE "oauth_states" ADD COLUMN "browser_binding_hash" text;--> statement-breakpoint
ALTER TABLE "oauth_states" ADD COLUMN "return_url" text;