CREATE TABLE "customer_displays" (
	"id" text PRIMARY KEY NOT NULL,
	"register_id" text NOT NULL,
	"token_hash" text NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE UNIQUE INDEX "customer_displays_token_uq" ON "customer_displays" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "customer_displays_register_idx" ON "customer_displays" USING btree ("register_id");