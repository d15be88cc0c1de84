import "server-only";
import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import type { DbTx } from "@/lib/server/db/client";
import { checkoutSessions, merchantWebhookOutbox, type PaymentRow } from "@/lib/server/db/schema";
import { getEnv } from "@/lib/server/env";
import { paymentJson } from "@/lib/server/wire/payment-json";

const EVENTS: Record<string, string> = {
  completed: "checkout.payment.completed",
  failed: "checkout.payment.failed",
  cancelled: "checkout.payment.cancelled",
  expired: "checkout.payment.expired",
  // Every refund (a second partial one too) moves money: the merchant hears of each.
  partially_refunded: "checkout.payment.refunded",
  refunded: "checkout.payment.refunded",
};

/**
 * A payment-changed listener (registered in lib/server/register-listeners.ts), run inside the transaction that moves a checkout payment to an outcome: marks a paid session
 * completed and queues the merchant webhook in the outbox, so the change and the notice commit together.
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
  if (payment.status === "completed") {
    await tx
      .update(checkoutSessions)
      .set({ status: "completed", updatedAt: new Date() })
      .where(eq(checkoutSessions.id, session.id));
  }
  const url = session.webhookUrl ?? getEnv().merchantWebhookUrl;
  if (!url) return;
  const id = `msg_${randomBytes(16).toString("base64url")}`;
  await tx.insert(merchantWebhookOutbox).values({
    id,
    checkoutSessionId: session.id,
    eventType,
    url,
    payload: {
      type: eventType,
      timestamp: new Date().toISOString(),
      data: {
        checkout_session_id: session.id,
        reference: session.reference,
        status: payment.status === "completed" ? "completed" : session.status,
        payment: paymentJson(payment),
      },
    },
  });
}
