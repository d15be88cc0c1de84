CREATE TABLE "refunds" (
	"id" text PRIMARY KEY NOT NULL,
	"payment_id" text NOT NULL,
	"amount_minor" bigint NOT NULL,
	"currency" text NOT NULL,
	"reason" text NOT NULL,
	"note" text,
	"status" text NOT NULL,
	"idempotency_key" text NOT NULL,
	"provider_refund_id" text,
	"staff_id" text,
	"staff_name" text,
	"approved_by" text,
	"register_id" text,
	"shift_id" text,
	"failure_code" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "shifts" (
	"id" text PRIMARY KEY NOT NULL,
	"register_id" text NOT NULL,
	"opened_by" text,
	"opened_by_name" text,
	"currency" text NOT NULL,
	"opening_float_minor" bigint NOT NULL,
	"opened_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_by" text,
	"closed_by_name" text,
	"counted_cash_minor" bigint,
	"closed_at" timestamp with time zone,
	"z_report" jsonb
);
--> statement-breakpoint
ALTER TABLE "payments" ADD COLUMN "refunded_minor" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "payments" ADD COLUMN "fee_minor" bigint;--> statement-breakpoint
ALTER TABLE "payments" ADD COLUMN "net_minor" bigint;--> statement-breakpoint
ALTER TABLE "payments" ADD COLUMN "tendered_minor" bigint;--> statement-breakpoint
ALTER TABLE "payments" ADD COLUMN "shift_id" text;--> statement-breakpoint
ALTER TABLE "payments" ADD COLUMN "receipt_token" text;--> statement-breakpoint
CREATE INDEX "refunds_payment_idx" ON "refunds" USING btree ("payment_id");--> statement-breakpoint
CREATE INDEX "refunds_created_idx" ON "refunds" USING btree ("created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "refunds_idempotency_uq" ON "refunds" USING btree ("payment_id","idempotency_key");--> statement-breakpoint
CREATE INDEX "shifts_register_idx" ON "shifts" USING btree ("register_id","opened_at");--> statement-breakpoint
CREATE UNIQUE INDEX "shifts_one_open_per_register_uq" ON "shifts" USING btree ("register_id") WHERE "shifts"."closed_at" is null;--> statement-breakpoint
CREATE INDEX "payments_shift_idx" ON "payments" USING btree ("shift_id");--> statement-breakpoint
CREATE UNIQUE INDEX "payments_receipt_token_uq" ON "payments" USING btree ("receipt_token") WHERE "payments"."receipt_token" is not null;