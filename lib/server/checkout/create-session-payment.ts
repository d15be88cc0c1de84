import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/lib/server/db/client";
import { checkoutSessions, payments, type PaymentRow } from "@/lib/server/db/schema";
import { getEnv } from "@/lib/server/env";
import { ApiError } from "@/lib/server/http/api-error";
import type { PaymentProviderAdapter } from "@/lib/server/providers/adapter";
import { createPayment, type CreatePaymentCommand } from "@/lib/server/payments/create-payment";
import { supersedeAttempt } from "@/lib/server/payments/supersede-attempt";
import { requireProviderConfigured } from "@/lib/server/providers/availability";
import { paymentCommandSchema } from "@/lib/payment-schema";
import type { SessionPaymentDetails } from "./checkout-session-schema";
import { loadCheckoutSession } from "./load-checkout-session";
import { isLiveAttemptConflict, liveAttempt } from "./one-live-attempt";

// POST /api/checkout-sessions/:id/payments. The shopper chooses a method and gives their details; the
// amount, currency and reference come from the session, so the browser cannot change what is charged.

export async function createSessionPayment(
  db: Db,
  adapter: (provider: string) => PaymentProviderAdapter,
  sessionId: string,
  details: SessionPaymentDetails,
  key: string,
): Promise<{ payment: PaymentRow; created: boolean }> {
  const session = await loadCheckoutSession(db, sessionId);
  if (session.status === "completed") throw new ApiError("FORBIDDEN", "This checkout is already paid.");
  if (session.status !== "open" || session.expiresAt.getTime() <= Date.now()) {
    throw new ApiError("FORBIDDEN", "This checkout has expired. Ask the shop for a new link.");
  }

  const scope = `checkout:${session.id}`;
  const { supersedes, ...shopper } = details;
  // Reopening the link must resume the live attempt, not start a second one; a shopper who switches
  // method names it, and it is superseded first (cancelled at SplashPay, or here for PayGrid).
  const live = await liveAttempt(db, session.id);
  if (live && live.idempotencyKey !== key) {
    if (supersedes !== live.id) return { payment: live, created: false };
    // Refuse what cannot start before ending anything: the new method's provider and the shopper's details.
    requireProviderConfigured(shopper.provider);
    paymentCommandSchema.parse({
      ...shopper,
      amountMinor: session.amountMinor,
      currency: session.currency,
      reference: session.reference,
    });
    await supersedeAttempt(db, adapter, live, "switch");
  }

  // Each attempt gets its own provider reference: PayGrid refuses a reference that is still live. A retry
  // with the same key keeps its attempt's reference, so it replays instead of looking like a new body.
  const [prior] = await db
    .select({ reference: payments.reference })
    .from(payments)
    .where(and(eq(payments.ownerScope, scope), eq(payments.idempotencyKey, key)));
  let reference = prior?.reference;
  if (!reference) {
    const [counted] = await db
      .update(checkoutSessions)
      .set({ attemptCount: sql`${checkoutSessions.attemptCount} + 1`, updatedAt: new Date() })
      .where(eq(checkoutSessions.id, session.id))
      .returning({ attempt: checkoutSessions.attemptCount });
    reference = `${session.reference}-${counted?.attempt ?? 1}`;
  }
  // The amount is the session's, in minor units as stored; the shopper's details get the same rules as
  // a cashier's (minimum charge, the method's currencies, the phone's form).
  const command: CreatePaymentCommand = {
    ...paymentCommandSchema.parse({
      ...shopper,
      amountMinor: session.amountMinor,
      currency: session.currency,
      reference,
    }),
    idempotencyKey: key,
  };
  try {
    return await createPayment(
      {
        db,
        adapter,
        ownerScope: scope,
        checkoutSessionId: session.id,
        // A register's payment link: the sale shows in that register's history, shift and day.
        linkRegisterId: session.createdBy.startsWith("register:")
          ? session.createdBy.slice("register:".length)
          : undefined,
        returnBaseUrl: `${getEnv().publicBaseUrl}/checkout/${session.id}`,
      },
      command,
    );
  } catch (error) {
    // Another request's attempt won the race to be the session's live one: answer it, call no provider.
    const winner = isLiveAttemptConflict(error) ? await liveAttempt(db, session.id) : undefined;
    if (winner) return { payment: winner, created: false };
    throw error;
  }
}
