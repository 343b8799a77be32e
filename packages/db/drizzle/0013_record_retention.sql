CREATE INDEX "notification_messages_created_idx" ON "notification_messages" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "notifications_created_idx" ON "notifications" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "reconnect_links_expires_idx" ON "reconnect_links" USING btree ("expires_at");--> statement-breakpoint
CREATE INDEX "outgoing_webhook_deliveries_created_idx" ON "outgoing_webhook_deliveries" USING btree ("created_at");