import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/lib/server/db/client";
import { checkoutSessions, type CheckoutSessionRow } from "@/lib/server/db/schema";
import { ApiError } from "@/lib/server/http/api-error";
import { parseAmount } from "@/lib/money";
import { LATEST_API_VERSION, type ApiVersion } from "@/lib/api-version";
import type { CreateCheckoutSessionInput } from "./checkout-session-schema";
import { checkSessionUrls } from "./session-urls";

/** How long a shopper has to open and pay a checkout link. */
export const CHECKOUT_SESSION_TTL_SECONDS = 24 * 60 * 60;

/** The id is the shopper's capability: whoever holds the link may pay it and read its payments. */
export function newCheckoutSessionId(): string {
  return `cs_${randomBytes(20).toString("base64url")}`;
}

/** A checkout session to open, parsed at the edge with createCheckoutSessionSchema. */
export type CreateCheckoutSessionCommand = CreateCheckoutSessionInput & {
  /** "merchant" or "register:<id>" (requireMerchantOrCashier). */
  createdBy: string;
  /** Optional for sessions: the same key replays the session created first. */
  idempotencyKey: string | null;
  /** The Malipo-Version of the request; the session's events are written in it. */
  apiVersion?: ApiVersion;
};

export async function createCheckoutSession(
  db: Db,
  command: CreateCheckoutSessionCommand,
): Promise<{ session: CheckoutSessionRow; created: boolean }> {
  const { createdBy, idempotencyKey, apiVersion, ...input } = command;
  await checkSessionUrls(createdBy, input);
  const key = idempotencyKey?.trim() || null;
  if (key && key.length > 255) {
    throw new ApiError("VALIDATION_ERROR", "The Idempotency-Key must be at most 255 characters.");
  }
  const hash = createHash("sha256").update(JSON.stringify(input)).digest("hex");
  const now = new Date();
  const [inserted] = await db
    .insert(checkoutSessions)
    .values({
      id: newCheckoutSessionId(),
      status: "open",
      amountMinor: parseAmount(input.amount, input.currency),
      currency: input.currency,
      reference: input.reference,
      description: input.description ?? null,
      lineItems: input.line_items ?? null,
      customer: (input.customer as Record<string, string> | undefined) ?? null,
      successUrl: input.success_url,
      cancelUrl: input.cancel_url,
      webhookUrl: input.webhook_url ?? null,
      clientReferenceId: input.client_reference_id ?? null,
      metadata: input.metadata ?? null,
      apiVersion: apiVersion ?? LATEST_API_VERSION,
      createdBy,
      idempotencyKey: key,
      requestHash: hash,
      expiresAt: input.expires_at
        ? new Date(input.expires_at)
        : new Date(now.getTime() + CHECKOUT_SESSION_TTL_SECONDS * 1000),
      createdAt: now,
      updatedAt: now,
    })
    .onConflictDoNothing()
    .returning();
  if (inserted) return { session: inserted, created: true };
  if (!key) throw new Error("checkout session insert conflicted without an idempotency key");
  const [existing] = await db
    .select()
    .from(checkoutSessions)
    .where(and(eq(checkoutSessions.createdBy, createdBy), eq(checkoutSessions.idempotencyKey, key)));
  if (!existing) throw new Error("checkout session vanished after an idempotency conflict");
  if (existing.requestHash !== hash) {
    throw new ApiError(
      "IDEMPOTENCY_KEY_REUSED",
      "This Idempotency-Key was already used for a different checkout session.",
    );
  }
  return { session: existing, created: false };
}
