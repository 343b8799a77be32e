CREATE TYPE "public"."booking_page_mode" AS ENUM('ALL_MEMBERS', 'ANY_MEMBER');--> statement-breakpoint
CREATE TYPE "public"."booking_page_rule" AS ENUM('ALL_MEMBERS', 'ANY_MEMBER');--> statement-breakpoint
CREATE TYPE "public"."booking_page_state" AS ENUM('ACTIVE', 'DISABLED_CONNECTION_ERROR', 'INACTIVE');--> statement-breakpoint
CREATE TYPE "public"."connection_health" AS ENUM('HEALTHY', 'DEGRADED', 'AT_RISK', 'BROKEN');--> statement-breakpoint
CREATE TYPE "public"."connection_kind" AS ENUM('CALENDAR', 'LOCATION');--> statement-breakpoint
CREATE TYPE "public"."connection_provider" AS ENUM('GOOGLE_CALENDAR', 'MICROSOFT_CALENDAR', 'EXCHANGE', 'ZOOM', 'MICROSOFT_TEAMS');--> statement-breakpoint
CREATE TYPE "public"."connection_status" AS ENUM('CONNECTED', 'ERROR', 'DISCONNECTED');--> statement-breakpoint
CREATE TYPE "public"."location_type" AS ENUM('ZOOM', 'MICROSOFT_TEAMS', 'GOOGLE_MEET', 'IN_PERSON', 'PHONE', 'CUSTOM_URL');--> statement-breakpoint
CREATE TYPE "public"."user_role" AS ENUM('MEMBER', 'ADMIN');--> statement-breakpoint
CREATE TABLE "booking_page_locations" (
	"id" text PRIMARY KEY NOT NULL,
	"booking_page_id" text NOT NULL,
	"type" "location_type" NOT NULL,
	"label" text NOT NULL,
	"value" text,
	"position" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "booking_page_members" (
	"booking_page_id" text NOT NULL,
	"user_id" text NOT NULL,
	"position" integer NOT NULL,
	CONSTRAINT "booking_page_members_booking_page_id_user_id_pk" PRIMARY KEY("booking_page_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "booking_pages" (
	"id" text PRIMARY KEY NOT NULL,
	"organization_id" text NOT NULL,
	"title" text NOT NULL,
	"slug" text NOT NULL,
	"owner_id" text NOT NULL,
	"mode" "booking_page_mode" NOT NULL,
	"round_robin" boolean DEFAULT false NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"applied_rule" "booking_page_rule" NOT NULL,
	"state" "booking_page_state" NOT NULL,
	"accepting_bookings" boolean NOT NULL,
	"reasons" jsonb NOT NULL,
	"plan" jsonb NOT NULL,
	"eligible_host_ids" text[] NOT NULL,
	"usable_location_ids" text[] NOT NULL,
	"warnings" jsonb NOT NULL,
	"list_rank" smallint GENERATED ALWAYS AS (CASE WHEN state = 'DISABLED_CONNECTION_ERROR' THEN 0 ELSE 1 END) STORED NOT NULL,
	"state_changed_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "connection_credentials" (
	"connection_id" text PRIMARY KEY NOT NULL,
	"key_id" text NOT NULL,
	"ciphertext" text NOT NULL,
	"access_token_expires_at" timestamp with time zone,
	"scopes" text[] DEFAULT '{}'::text[] NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "connections" (
	"id" text PRIMARY KEY NOT NULL,
	"organization_id" text NOT NULL,
	"user_id" text NOT NULL,
	"provider" "connection_provider" NOT NULL,
	"kind" "connection_kind" NOT NULL,
	"account_external_id" text NOT NULL,
	"account_email" text,
	"status" "connection_status" DEFAULT 'CONNECTED' NOT NULL,
	"health" "connection_health" DEFAULT 'HEALTHY' NOT NULL,
	"last_error" jsonb,
	"last_checked_at" timestamp with time zone,
	"status_changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"consecutive_failures" integer DEFAULT 0 NOT NULL,
	"failure_run_started_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"organization_id" text NOT NULL,
	"type" text NOT NULL,
	"connection_id" text,
	"booking_page_id" text,
	"user_id" text,
	"payload" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "oauth_states" (
	"id" text PRIMARY KEY NOT NULL,
	"organization_id" text NOT NULL,
	"user_id" text NOT NULL,
	"provider" "connection_provider" NOT NULL,
	"connection_id" text,
	"state_hash" text NOT NULL,
	"key_id" text NOT NULL,
	"code_verifier_ciphertext" text NOT NULL,
	"redirect_uri" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "oauth_states_state_hash_unique" UNIQUE("state_hash")
);
--> statement-breakpoint
CREATE TABLE "organizations" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"slug" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "organizations_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" text PRIMARY KEY NOT NULL,
	"organization_id" text NOT NULL,
	"name" text NOT NULL,
	"email" text NOT NULL,
	"role" "user_role" DEFAULT 'MEMBER' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "booking_page_locations" ADD CONSTRAINT "booking_page_locations_booking_page_id_booking_pages_id_fk" FOREIGN KEY ("booking_page_id") REFERENCES "public"."booking_pages"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "booking_page_members" ADD CONSTRAINT "booking_page_members_booking_page_id_booking_pages_id_fk" FOREIGN KEY ("booking_page_id") REFERENCES "public"."booking_pages"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "booking_page_members" ADD CONSTRAINT "booking_page_members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "booking_pages" ADD CONSTRAINT "booking_pages_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "booking_pages" ADD CONSTRAINT "booking_pages_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "connection_credentials" ADD CONSTRAINT "connection_credentials_connection_id_connections_id_fk" FOREIGN KEY ("connection_id") REFERENCES "public"."connections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "connections" ADD CONSTRAINT "connections_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "connections" ADD CONSTRAINT "connections_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "oauth_states" ADD CONSTRAINT "oauth_states_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "oauth_states" ADD CONSTRAINT "oauth_states_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "oauth_states" ADD CONSTRAINT "oauth_states_connection_id_connections_id_fk" FOREIGN KEY ("connection_id") REFERENCES "public"."connections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "booking_page_locations_page_idx" ON "booking_page_locations" USING btree ("booking_page_id","position");--> statement-breakpoint
CREATE INDEX "booking_page_members_user_idx" ON "booking_page_members" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "booking_pages_org_slug_key" ON "booking_pages" USING btree ("organization_id","slug");--> statement-breakpoint
CREATE INDEX "booking_pages_list_idx" ON "booking_pages" USING btree ("organization_id","list_rank","title","id");--> statement-breakpoint
CREATE INDEX "booking_pages_owner_idx" ON "booking_pages" USING btree ("owner_id");--> statement-breakpoint
CREATE INDEX "connection_credentials_key_idx" ON "connection_credentials" USING btree ("key_id");--> statement-breakpoint
CREATE INDEX "connections_org_status_idx" ON "connections" USING btree ("organization_id","status");--> statement-breakpoint
CREATE INDEX "connections_user_idx" ON "connections" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "connections_live_account_key" ON "connections" USING btree ("user_id","provider","account_external_id") WHERE "connections"."status" <> 'DISCONNECTED';--> statement-breakpoint
CREATE INDEX "events_org_id_idx" ON "events" USING btree ("organization_id","id");--> statement-breakpoint
CREATE INDEX "events_page_idx" ON "events" USING btree ("booking_page_id","id");--> statement-breakpoint
CREATE INDEX "events_connection_idx" ON "events" USING btree ("connection_id","id");--> statement-breakpoint
CREATE INDEX "oauth_states_expires_idx" ON "oauth_states" USING btree ("expires_at");--> statement-breakpoint
CREATE UNIQUE INDEX "users_org_email_key" ON "users" USING btree ("organization_id","email");