import "server-only";
import { eq } from "drizzle-orm";
import type { DbTx } from "@/lib/server/db/client";
import { checkoutSessions, type PaymentRow } from "@/lib/server/db/schema";
import { recordMerchantEvent, type PaymentEventType } from "./merchant-events";

const EVENTS: Record<string, PaymentEventType> = {
  completed: "checkout.payment.completed",
  failed: "checkout.payment.failed",
  cancelled: "checkout.payment.cancelled",
  expired: "checkout.payment.expired",
  // Every refund (a second partial one too) moves money: the merchant hears of each.
  partially_refunded: "checkout.payment.refunded",
  refunded: "checkout.payment.refunded",
};

/**
 * A payment-changed listener (registered in lib/server/register-listeners.ts), run inside the transaction
 * that moves a checkout payment to an outcome: marks a paid session completed and records the events
 * (checkout.payment.*, and checkout.session.completed when the session closes paid), so the change and
 * the notice commit together. Failed attempts leave the session open for another try; the expiry sweep
 * (expire-sessions.ts) closes it with checkout.session.failed when no attempt succeeded.
 */
export async function recordSessionOutcome(tx: DbTx, payment: PaymentRow): Promise<void> {
  const eventType = EVENTS[payment.status];
  if (!payment.checkoutSessionId || !eventType) return;
  const [session] = await tx
    .select()
    .from(checkoutSessions)
    .where(eq(checkoutSessions.id, payment.checkoutSessionId))
    .for("update");
  if (!session) return;
  if (payment.status !== "completed") {
    await recordMerchantEvent(tx, eventType, session, payment);
    return;
  }
  const [completed] = await tx
    .update(checkoutSessions)
    .set({ status: "completed", updatedAt: new Date() })
    .where(eq(checkoutSessions.id, session.id))
    .returning();
  await recordMerchantEvent(tx, eventType, completed ?? session, payment);
  if (session.status !== "completed") {
    await recordMerchantEvent(tx, "checkout.session.completed", completed ?? session);
  }
}
