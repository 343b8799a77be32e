CREATE TABLE "oauth_grants" (
	"id" text PRIMARY KEY NOT NULL,
	"connection_id" text NOT NULL,
	"provider" "connection_provider" NOT NULL,
	"account_external_id" text NOT NULL,
	"issued_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "connection_alerts" ADD COLUMN "warned_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "connection_credentials" ADD COLUMN "grant_issued_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "connection_credentials" ADD COLUMN "grant_used_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "organization_notification_settings" ADD COLUMN "at_risk_warning_days" integer DEFAULT 7 NOT NULL;--> statement-breakpoint
ALTER TABLE "oauth_grants" ADD CONSTRAINT "oauth_grants_connection_id_connections_id_fk" FOREIGN KEY ("connection_id") REFERENCES "public"."connections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "oauth_grants_account_idx" ON "oauth_grants" USING btree ("provider","account_external_id","issued_at");--> statement-breakpoint
CREATE INDEX "oauth_grants_connection_idx" ON "oauth_grants" USING btree ("connection_id");--> statement-breakpoint
-- Grants stored before foresight: last used no earlier than their last save; one live grant each, from the link.
UPDATE "connection_credentials" SET "grant_used_at" = "updated_at";--> statement-breakpoint
INSERT INTO "oauth_grants" ("id", "connection_id", "provider", "account_external_id", "issued_at")
SELECT 'grt_' || md5(c."id"), c."id", c."provider", c."account_external_id", c."created_at"
FROM "connection_credentials" cc JOIN "connections" c ON c."id" = cc."connection_id"
WHERE c."status" <> 'DISCONNECTED';
