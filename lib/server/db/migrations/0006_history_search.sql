CREATE INDEX "payments_created_id_idx" ON "payments" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX "payments_reference_search_idx" ON "payments" USING btree (lower("reference") text_pattern_ops);--> statement-breakpoint
CREATE INDEX "payments_phone_tail_idx" ON "payments" USING btree (reverse("phone") text_pattern_ops);--> statement-breakpoint
CREATE INDEX "payments_amount_created_idx" ON "payments" USING btree ("amount_minor","created_at");