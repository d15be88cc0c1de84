CREATE TABLE "checkout_sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"status" text NOT NULL,
	"amount_minor" bigint NOT NULL,
	"currency" text NOT NULL,
	"reference" text NOT NULL,
	"description" text,
	"line_items" jsonb,
	"customer" jsonb,
	"success_url" text NOT NULL,
	"cancel_url" text NOT NULL,
	"webhook_url" text,
	"created_by" text NOT NULL,
	"idempotency_key" text,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "idempotency_records" (
	"scope" text NOT NULL,
	"key" text NOT NULL,
	"request_hash" text NOT NULL,
	"payment_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "idempotency_records_scope_key_pk" PRIMARY KEY("scope","key")
);
--> statement-breakpoint
CREATE TABLE "payment_events" (
	"seq" bigserial PRIMARY KEY NOT NULL,
	"payment_id" text NOT NULL,
	"status" text NOT NULL,
	"previous_status" text,
	"source" text NOT NULL,
	"provider_event_id" text,
	"detail" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "payments" (
	"id" text PRIMARY KEY NOT NULL,
	"provider" text NOT NULL,
	"method" text NOT NULL,
	"status" text NOT NULL,
	"amount_minor" bigint NOT NULL,
	"currency" text NOT NULL,
	"reference" text NOT NULL,
	"customer" jsonb NOT NULL,
	"phone" text NOT NULL,
	"network" text,
	"metadata" jsonb,
	"qr_code" text,
	"qr_image" text,
	"payment_url" text,
	"provider_payment_id" text,
	"provider_reference" text,
	"idempotency_key" text NOT NULL,
	"owner_scope" text NOT NULL,
	"checkout_session_id" text,
	"failure_code" text,
	"failure_message" text,
	"qr_mismatch" boolean DEFAULT false NOT NULL,
	"paid_after_expiry" boolean DEFAULT false NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"completed_at" timestamp with time zone,
	"next_check_at" timestamp with time zone,
	"lease_until" timestamp with time zone,
	"check_count" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "provider_event_receipts" (
	"provider" text NOT NULL,
	"event_key" text NOT NULL,
	"payment_id" text,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "provider_event_receipts_provider_event_key_pk" PRIMARY KEY("provider","event_key")
);
--> statement-breakpoint
ALTER TABLE "payment_events" ADD CONSTRAINT "payment_events_payment_id_payments_id_fk" FOREIGN KEY ("payment_id") REFERENCES "public"."payments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "checkout_sessions_idem_uq" ON "checkout_sessions" USING btree ("created_by","idempotency_key") WHERE "checkout_sessions"."idempotency_key" is not null;--> statement-breakpoint
CREATE INDEX "payment_events_payment_seq_idx" ON "payment_events" USING btree ("payment_id","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "payments_provider_payment_id_uq" ON "payments" USING btree ("provider","provider_payment_id") WHERE "payments"."provider_payment_id" is not null;--> statement-breakpoint
CREATE INDEX "payments_reference_idx" ON "payments" USING btree ("provider","reference");--> statement-breakpoint
CREATE INDEX "payments_owner_created_idx" ON "payments" USING btree ("owner_scope","created_at");--> statement-breakpoint
CREATE INDEX "payments_next_check_idx" ON "payments" USING btree ("next_check_at");--> statement-breakpoint
CREATE INDEX "payments_checkout_session_idx" ON "payments" USING btree ("checkout_session_id");