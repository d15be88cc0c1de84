import "server-only";
import type { Db } from "@/lib/server/db/client";
import { log } from "@/lib/server/log";
import { applyProviderEventGrouped } from "@/lib/server/payments/group-commit";
import { mapSplashPayStatus } from "@/lib/server/providers/splashpay/adapter";
import { splashPayWebhookSchema } from "@/lib/server/providers/splashpay/schemas";
import { verifySplashPaySignature } from "@/lib/server/providers/splashpay/webhook-signature";
import { isTerminal } from "@/lib/payment-status";
import {
  IGNORED,
  newestPaymentByReference,
  parseWebhookJson,
  requireVerified,
  type WebhookAnswer,
} from "./webhook-common";

// POST /api/webhooks/splashpay (docs/providers.md#splashpay-webhooks): the shared receiver steps with SplashPay's signature. Its
// events carry no id and may come more than once, so they dedupe on (reference, status) — a repeat is
// dropped while a later, different status still applies.

export async function receiveSplashPayWebhook(
  db: Db,
  rawBody: string,
  headers: Headers,
  secret: string,
  nowMs = Date.now(),
): Promise<WebhookAnswer> {
  const verdict = verifySplashPaySignature({
    rawBody,
    timestamp: headers.get("x-splashpay-timestamp"),
    signature: headers.get("x-splashpay-signature"),
    secret,
    nowMs,
  });
  requireVerified("splashpay", verdict);
  const event = splashPayWebhookSchema.parse(parseWebhookJson(rawBody));
  const { reference } = event.data;

  // A reference is ours and unique per SplashPay payment.
  const payment = await newestPaymentByReference(db, "splashpay", reference);
  if (!payment) {
    log.warn("splashpay webhook for an unknown payment", { reference });
    return IGNORED;
  }
  const status = mapSplashPayStatus(event.data.status);
  // §7.2: only the four terminal events are documented; the SDK's extra ones are acknowledged and ignored.
  if (!status || !isTerminal(status)) {
    log.warn("splashpay webhook without a terminal status", { paymentId: payment.id, event: event.event });
    return IGNORED;
  }

  const eventId = `splashpay:${reference}:${event.data.status}`;
  const result = await applyProviderEventGrouped(db, {
    paymentId: payment.id,
    status,
    source: "webhook",
    dedupe: { provider: "splashpay", key: eventId },
    providerEventId: eventId,
    providerPaymentId: reference,
    providerReference: event.data.provider_reference ?? null,
    occurredAt: event.created_at ? new Date(event.created_at) : undefined,
    money: { amount: event.data.amount, currency: event.data.currency },
    fees: { fee: event.data.fee, net: event.data.net_amount },
  });
  return { received: true, outcome: result.outcome };
}
