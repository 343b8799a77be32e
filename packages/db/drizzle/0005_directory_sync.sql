CREATE TYPE "public"."locale" AS ENUM('en', 'ja', 'it', 'pl');--> statement-breakpoint
ALTER TABLE "booking_pages" ADD COLUMN "external_id" text;--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "external_id" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "locale" "locale";--> statement-breakpoint
CREATE UNIQUE INDEX "booking_pages_org_external_id_key" ON "booking_pages" USING btree ("organization_id","external_id");--> statement-breakpoint
ALTER TABLE "organizations" ADD CONSTRAINT "organizations_external_id_unique" UNIQUE("external_id");