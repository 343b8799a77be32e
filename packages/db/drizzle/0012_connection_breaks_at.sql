ALTER TABLE "connections" ADD COLUMN "breaks_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "connections" ADD COLUMN "at_risk_reason" text;