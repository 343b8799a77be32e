CREATE TYPE "public"."exchange_settings_status" AS ENUM('UNTESTED', 'OK', 'BROKEN');--> statement-breakpoint
CREATE TABLE "exchange_settings" (
	"organization_id" text PRIMARY KEY NOT NULL,
	"ews_url" text NOT NULL,
	"role_account" text NOT NULL,
	"application_id" text,
	"key_id" text NOT NULL,
	"secret_ciphertext" text NOT NULL,
	"status" "exchange_settings_status" DEFAULT 'UNTESTED' NOT NULL,
	"last_report" jsonb,
	"last_tested_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "exchange_settings" ADD CONSTRAINT "exchange_settings_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;