CREATE TABLE "auth_sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"token_hash" text NOT NULL,
	"kind" text NOT NULL,
	"staff_id" text,
	"register_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "auth_throttle" (
	"key" text PRIMARY KEY NOT NULL,
	"failures" integer DEFAULT 0 NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"locked_until" timestamp with time zone,
	"lock_count" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "owner_setup" (
	"id" integer PRIMARY KEY NOT NULL,
	"code_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "registers" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"pairing_code_hash" text,
	"pairing_expires_at" timestamp with time zone,
	"paired_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "staff" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"role" text NOT NULL,
	"email" text,
	"password_hash" text,
	"pin_hash" text,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "payments" ADD COLUMN "staff_id" text;--> statement-breakpoint
ALTER TABLE "payments" ADD COLUMN "staff_name" text;--> statement-breakpoint
ALTER TABLE "payments" ADD COLUMN "register_id" text;--> statement-breakpoint
CREATE UNIQUE INDEX "auth_sessions_token_uq" ON "auth_sessions" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "auth_sessions_staff_idx" ON "auth_sessions" USING btree ("staff_id");--> statement-breakpoint
CREATE INDEX "auth_sessions_register_idx" ON "auth_sessions" USING btree ("register_id");--> statement-breakpoint
CREATE UNIQUE INDEX "registers_pairing_code_uq" ON "registers" USING btree ("pairing_code_hash") WHERE "registers"."pairing_code_hash" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "staff_email_uq" ON "staff" USING btree ("email") WHERE "staff"."email" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "staff_one_owner_uq" ON "staff" USING btree ("role") WHERE "staff"."role" = 'owner';--> statement-breakpoint
CREATE INDEX "payments_staff_created_idx" ON "payments" USING btree ("staff_id","created_at");--> statement-breakpoint
CREATE INDEX "payments_register_created_idx" ON "payments" USING btree ("register_id","created_at");