import "server-only";
import { and, eq, isNull, lt, or } from "drizzle-orm";
import type { Db } from "@/lib/server/db/client";
import { payments, type PaymentRow } from "@/lib/server/db/schema";
import { ApiError } from "@/lib/server/http/api-error";
import { log } from "@/lib/server/log";
import type { PaymentProviderAdapter } from "@/lib/server/providers/adapter";
import { isPaid, type PaymentStatus } from "@/lib/payment-status";
import { applyProviderEvent } from "./apply-provider-event";
import { providerStateEvent } from "./provider-state-event";

// Ending one attempt so another can start for the same sale (docs/api.md#superseded):
//  - "switch": the shopper changes method while the attempt is live. SplashPay's TANQR is cancelled at
//    SplashPay, so its code cannot be paid any more; PayGrid has no cancel, so its attempt is cancelled
//    here only, and a late payment on it is still recorded (completed, superseded_at kept).
//  - "failover": the provider answered 502 after the automatic retries, so the attempt never left
//    "creating" and its outcome is unknown; it fails with PROVIDER_UNAVAILABLE and is never retried by us.
// Either way the row stays, with superseded_at set; the caller starts the new attempt afterwards, which
// the one-live-attempt index allows because this one is no longer live.
// Closing a session's attempt because the shop expired the session is a different rule (the attempt ends
// even when the provider does not answer): lib/server/checkout/supersede-live-attempt.ts.

export type SupersedeReason = "switch" | "failover";

const CODES: Record<SupersedeReason, { code: string; message: string }> = {
  switch: { code: "SUPERSEDED", message: "Replaced by another payment method." },
  failover: {
    code: "PROVIDER_UNAVAILABLE",
    message: "The provider did not answer; the sale moved to the other provider.",
  },
};

function alreadyPaid(): ApiError {
  return new ApiError("FORBIDDEN", "This payment has already been paid; no new attempt was started.");
}

export async function supersedeAttempt(
  db: Db,
  adapter: (provider: string) => PaymentProviderAdapter,
  payment: PaymentRow,
  reason: SupersedeReason,
): Promise<PaymentRow> {
  if (isPaid(payment.status as PaymentStatus)) throw alreadyPaid();
  if (payment.status === "creating") return supersedeCreating(db, payment, reason);
  if (payment.status !== "pending" && payment.status !== "processing") return payment; // already over
  const now = new Date();
  const provider = adapter(payment.provider);
  if (provider.cancel) {
    // Cancelled at the provider first: what it answers is the truth (it may have been paid meanwhile).
    const state = await provider.cancel(payment);
    const result = await applyProviderEvent(
      db,
      providerStateEvent(payment.id, state, "system", {
        patch: { supersededAt: now },
        detail: { reason: `superseded:${reason}` },
      }),
    );
    const after = result.payment ?? payment;
    if (isPaid(after.status as PaymentStatus)) throw alreadyPaid();
    if (after.status === "pending" || after.status === "processing") {
      throw new ApiError("PROVIDER_UNAVAILABLE", "The open payment could not be cancelled. Try again.", {
        retryable: true,
      });
    }
    log.info("payment attempt superseded", { paymentId: payment.id, reason, status: after.status });
    return after;
  }
  const result = await applyProviderEvent(db, {
    paymentId: payment.id,
    status: "cancelled",
    source: "system",
    failure: CODES[reason],
    patch: { supersededAt: now },
    detail: { reason: `superseded:${reason}` },
  });
  const after = result.payment ?? payment;
  if (isPaid(after.status as PaymentStatus)) throw alreadyPaid();
  log.info("payment attempt superseded", { paymentId: payment.id, reason, status: after.status });
  return after;
}

/**
 * An attempt still "creating" after a 502: nobody holds its lease (the failed call released it), so it is
 * taken here and failed; a request still mid-call holds the lease and makes this refuse instead.
 */
async function supersedeCreating(db: Db, payment: PaymentRow, reason: SupersedeReason): Promise<PaymentRow> {
  const now = new Date();
  const [taken] = await db
    .update(payments)
    .set({ leaseUntil: new Date(now.getTime() + 30_000) })
    .where(
      and(
        eq(payments.id, payment.id),
        eq(payments.status, "creating"),
        or(isNull(payments.leaseUntil), lt(payments.leaseUntil, now)),
      ),
    )
    .returning({ id: payments.id });
  if (!taken) {
    throw new ApiError("PROVIDER_UNAVAILABLE", "The payment is still being created. Try again shortly.", {
      retryable: true,
    });
  }
  const result = await applyProviderEvent(db, {
    paymentId: payment.id,
    status: "failed",
    source: "system",
    failure: CODES.failover, // the provider never answered, whichever way the sale moved on
    patch: { supersededAt: now },
    detail: { reason: `superseded:${reason}` },
  });
  log.info("payment attempt superseded before the provider answered", { paymentId: payment.id, reason });
  return result.payment ?? payment;
}
