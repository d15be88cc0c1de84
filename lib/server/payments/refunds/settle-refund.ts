import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/lib/server/db/client";
import { paymentEvents, payments, refunds, type RefundRow } from "@/lib/server/db/schema";
import { notifyPaymentChanged } from "@/lib/server/db/payment-notify";
import { paymentJson } from "@/lib/server/wire/payment-json";
import { refundJson } from "@/lib/server/wire/refund-json";
import { runPaymentChangedListeners } from "../payment-listeners";

// Step three of a refund: record what the provider answered. A success adds the amount to the payment's
// refunded sum and moves it to partially_refunded or refunded; like every status change
// (apply-provider-event.ts) the event-log row, the listeners (the merchant webhook for checkout payments)
// and the SSE wake-up commit in the same transaction. Settling twice is a no-op: only a pending refund settles.

export type RefundOutcome =
  { ok: true; providerRefundId: string | null } | { ok: false; failureCode: string };

export async function settleRefund(db: Db, refundId: string, outcome: RefundOutcome): Promise<RefundRow> {
  return db.transaction(async (tx) => {
    const [pending] = await tx.select().from(refunds).where(eq(refunds.id, refundId));
    if (!pending) throw new Error(`refund ${refundId} vanished`);
    // The payment first, then the refund: the same lock order as reserveRefund.
    const [payment] = await tx
      .select()
      .from(payments)
      .where(eq(payments.id, pending.paymentId))
      .for("update");
    const [refund] = await tx.select().from(refunds).where(eq(refunds.id, refundId)).for("update");
    if (!payment || !refund) throw new Error(`refund ${refundId} lost its payment`);
    if (refund.status !== "pending") return refund;
    const now = new Date();

    if (!outcome.ok) {
      const [failed] = await tx
        .update(refunds)
        .set({ status: "failed", failureCode: outcome.failureCode, updatedAt: now })
        .where(eq(refunds.id, refund.id))
        .returning();
      return failed!;
    }

    const refundedMinor = payment.refundedMinor + refund.amountMinor;
    // reserveRefund held this amount under the same lock; anything else is a bug worth stopping for.
    if (refundedMinor > payment.amountMinor) throw new Error(`refund ${refund.id} would exceed its payment`);
    const status = refundedMinor === payment.amountMinor ? "refunded" : "partially_refunded";
    const [updated] = await tx
      .update(payments)
      .set({ refundedMinor, status, updatedAt: now })
      .where(eq(payments.id, payment.id))
      .returning();
    const [succeeded] = await tx
      .update(refunds)
      .set({ status: "succeeded", providerRefundId: outcome.providerRefundId, updatedAt: now })
      .where(eq(refunds.id, refund.id))
      .returning();
    await tx.insert(paymentEvents).values({
      paymentId: payment.id,
      status,
      previousStatus: payment.status,
      source: "api",
      detail: { payment: paymentJson(updated!), refund: refundJson(succeeded!) },
    });
    await runPaymentChangedListeners(tx, updated!);
    await notifyPaymentChanged(tx, payment.id);
    return succeeded!;
  });
}
