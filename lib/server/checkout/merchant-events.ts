import "server-only";
import { randomBytes } from "node:crypto";
import type { DbTx } from "@/lib/server/db/client";
import {
  merchantEvents,
  merchantWebhookOutbox,
  type CheckoutSessionRow,
  type PaymentRow,
} from "@/lib/server/db/schema";
import { getEnv } from "@/lib/server/env";
import { checkoutSessionJson } from "@/lib/server/wire/checkout-session-json";
import { livemode } from "@/lib/server/wire/livemode";
import { paymentJson } from "@/lib/server/wire/payment-json";
import { merchantEventSchema, type MerchantEvent } from "@/lib/api-contract";

// Every event a shop receives, in one shape (docs/api.md#events): kept for GET /api/events and, when the
// session has somewhere to send it, queued in the outbox for the webhook worker. Both rows are written
// in the caller's transaction, so the change and its notice commit together or not at all.

export type SessionEventType =
  "checkout.session.completed" | "checkout.session.expired" | "checkout.session.failed";

export type PaymentEventType =
  | "checkout.payment.completed"
  | "checkout.payment.failed"
  | "checkout.payment.cancelled"
  | "checkout.payment.expired"
  | "checkout.payment.refunded";

/** `session` is the row as it stands after the change; `payment` only on checkout.payment.* events. */
export function merchantEvent(
  type: SessionEventType | PaymentEventType,
  session: CheckoutSessionRow,
  payment?: PaymentRow,
  now = new Date(),
): MerchantEvent {
  const sessionJson = checkoutSessionJson(session);
  return merchantEventSchema.parse({
    id: `evt_${randomBytes(16).toString("base64url")}`,
    type,
    created: now.toISOString(),
    timestamp: now.toISOString(),
    livemode: livemode(),
    api_version: session.apiVersion,
    data: {
      checkout_session_id: session.id,
      reference: session.reference,
      client_reference_id: session.clientReferenceId,
      metadata: session.metadata ?? {},
      status: sessionJson.status,
      checkout_session: sessionJson,
      ...(payment ? { payment: paymentJson(payment) } : {}),
    },
  });
}

export async function recordMerchantEvent(
  tx: DbTx,
  type: SessionEventType | PaymentEventType,
  session: CheckoutSessionRow,
  payment?: PaymentRow,
): Promise<MerchantEvent> {
  const event = merchantEvent(type, session, payment);
  await tx.insert(merchantEvents).values({
    id: event.id,
    type,
    checkoutSessionId: session.id,
    payload: event,
    createdAt: new Date(event.created),
  });
  const url = session.webhookUrl ?? getEnv().merchantWebhookUrl;
  if (url) {
    await tx.insert(merchantWebhookOutbox).values({
      id: `msg_${randomBytes(16).toString("base64url")}`,
      checkoutSessionId: session.id,
      eventType: type,
      url,
      payload: event,
    });
  }
  return event;
}
