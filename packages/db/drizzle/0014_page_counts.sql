CREATE TABLE "booking_page_counts" (
	"organization_id" text NOT NULL,
	"state" "booking_page_state" NOT NULL,
	"pages" bigint NOT NULL
);
--> statement-breakpoint
CREATE INDEX "booking_page_counts_org_idx" ON "booking_page_counts" USING btree ("organization_id","state");--> statement-breakpoint
-- Statement-level triggers: one delta row per organization and state a statement changed, whatever the
-- statement (a page created, a fan-out disabling 10,000 pages, a cascade from a deleted organization). An
-- UPDATE that leaves every state as it was appends nothing.
CREATE FUNCTION "booking_page_counts_inserted"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO booking_page_counts (organization_id, state, pages)
    SELECT organization_id, state, count(*) FROM inserted_pages GROUP BY organization_id, state;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE FUNCTION "booking_page_counts_deleted"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO booking_page_counts (organization_id, state, pages)
    SELECT organization_id, state, -count(*) FROM deleted_pages GROUP BY organization_id, state;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE FUNCTION "booking_page_counts_updated"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO booking_page_counts (organization_id, state, pages)
    SELECT organization_id, state, sum(delta) FROM (
      SELECT organization_id, state, 1 AS delta FROM updated_pages
      UNION ALL
      SELECT organization_id, state, -1 AS delta FROM replaced_pages
    ) AS changes
    GROUP BY organization_id, state
    HAVING sum(delta) <> 0;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER "booking_page_counts_insert" AFTER INSERT ON "booking_pages"
  REFERENCING NEW TABLE AS inserted_pages
  FOR EACH STATEMENT EXECUTE FUNCTION "booking_page_counts_inserted"();--> statement-breakpoint
CREATE TRIGGER "booking_page_counts_delete" AFTER DELETE ON "booking_pages"
  REFERENCING OLD TABLE AS deleted_pages
  FOR EACH STATEMENT EXECUTE FUNCTION "booking_page_counts_deleted"();--> statement-breakpoint
CREATE TRIGGER "booking_page_counts_update" AFTER UPDATE ON "booking_pages"
  REFERENCING OLD TABLE AS replaced_pages NEW TABLE AS updated_pages
  FOR EACH STATEMENT EXECUTE FUNCTION "booking_page_counts_updated"();--> statement-breakpoint
-- The pages that exist already.
INSERT INTO "booking_page_counts" ("organization_id", "state", "pages")
  SELECT "organization_id", "state", count(*) FROM "booking_pages" GROUP BY "organization_id", "state";
