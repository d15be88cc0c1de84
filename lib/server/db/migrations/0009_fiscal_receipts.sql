CREATE TABLE "fiscal_documents" (
	"seq" bigserial PRIMARY KEY NOT NULL,
	"registration_id" text NOT NULL,
	"kind" text NOT NULL,
	"payment_id" text,
	"gc" bigint,
	"dc" integer,
	"znum" text NOT NULL,
	"rctvnum" text,
	"issued_date" text NOT NULL,
	"issued_time" text NOT NULL,
	"total_minor" bigint NOT NULL,
	"data" jsonb NOT NULL,
	"body" text NOT NULL,
	"status" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"rejections" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_ack_code" integer,
	"last_ack_msg" text,
	"last_error" text,
	"acknowledged_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "fiscal_registrations" (
	"id" text PRIMARY KEY NOT NULL,
	"tin" text NOT NULL,
	"cert_key" text NOT NULL,
	"reg_id" text NOT NULL,
	"serial" text NOT NULL,
	"uin" text NOT NULL,
	"vrn" text NOT NULL,
	"name" text NOT NULL,
	"mobile" text NOT NULL,
	"address" text NOT NULL,
	"street" text NOT NULL,
	"city" text NOT NULL,
	"country" text NOT NULL,
	"region" text NOT NULL,
	"tax_office" text NOT NULL,
	"receipt_code" text NOT NULL,
	"routing_key" text NOT NULL,
	"token_path" text NOT NULL,
	"username" text NOT NULL,
	"password" text NOT NULL,
	"tax_codes" jsonb NOT NULL,
	"start_gc" bigint NOT NULL,
	"next_gc" bigint NOT NULL,
	"last_znum" text,
	"last_dc" integer DEFAULT 0 NOT NULL,
	"last_z_day" text,
	"gross_minor" bigint DEFAULT 0 NOT NULL,
	"registered_on" text NOT NULL,
	"response" text NOT NULL,
	"token" text,
	"token_expires_at" timestamp with time zone,
	"send_lease_until" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "fiscal_documents_payment_uq" ON "fiscal_documents" USING btree ("payment_id") WHERE "fiscal_documents"."payment_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "fiscal_documents_gc_uq" ON "fiscal_documents" USING btree ("registration_id","gc") WHERE "fiscal_documents"."gc" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "fiscal_documents_z_uq" ON "fiscal_documents" USING btree ("registration_id","znum") WHERE "fiscal_documents"."kind" = 'zreport';--> statement-breakpoint
CREATE INDEX "fiscal_documents_queue_idx" ON "fiscal_documents" USING btree ("registration_id","status","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "fiscal_registrations_device_uq" ON "fiscal_registrations" USING btree ("tin","cert_key");