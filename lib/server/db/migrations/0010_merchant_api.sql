CREATE TABLE "merchant_events" (
	"id" text PRIMARY KEY NOT NULL,
	"type" text NOT NULL,
	"checkout_session_id" text NOT NULL,
	"payload" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "checkout_sessions" ADD COLUMN "client_reference_id" text;--> statement-breakpoint
ALTER TABLE "checkout_sessions" ADD COLUMN "metadata" jsonb;--> statement-breakpoint
ALTER TABLE "checkout_sessions" ADD COLUMN "api_version" text DEFAULT '2026-12-01' NOT NULL;--> statement-breakpoint
CREATE INDEX "merchant_events_created_idx" ON "merchant_events" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX "merchant_events_type_created_idx" ON "merchant_events" USING btree ("type","created_at");--> statement-breakpoint
CREATE INDEX "checkout_sessions_created_idx" ON "checkout_sessions" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX "checkout_sessions_open_expiry_idx" ON "checkout_sessions" USING btree ("expires_at") WHERE "checkout_sessions"."status" = 'open';