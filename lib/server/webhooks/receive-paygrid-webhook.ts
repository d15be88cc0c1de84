import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/lib/server/db/client";
import { payments } from "@/lib/server/db/schema";
import { log } from "@/lib/server/log";
import { applyProviderEventGrouped } from "@/lib/server/payments/group-commit";
import { payGridCallbackSchema, payGridWebhookSchema } from "@/lib/server/providers/paygrid/schemas";
import { verifyPayGridSignature } from "@/lib/server/providers/paygrid/webhook-signature";
import { isPaymentStatus } from "@/lib/payment-status";
import {
  IGNORED,
  newestPaymentByReference,
  parseWebhookJson,
  requireVerified,
  type WebhookAnswer,
} from "./webhook-common";

// POST /api/webhooks/paygrid: raw body → signature and ±300 s timestamp → parse → dedupe by event_id →
// forward-only apply → notify. Nothing is stored unless the signature holds. PayGrid retries non-2xx
// answers, so every verified event is acknowledged, even one we choose to ignore.

async function findPayment(db: Db, transactionId: string, malipoId: unknown, reference: string | undefined) {
  // The webhook can beat the create answer: then we do not know PayGrid's id yet, but our own id travels
  // in metadata and the merchant reference is ours too.
  const [byProviderId] = await db
    .select()
    .from(payments)
    .where(and(eq(payments.provider, "paygrid"), eq(payments.providerPaymentId, transactionId)));
  if (byProviderId) return byProviderId;
  if (typeof malipoId === "string") {
    const [byId] = await db
      .select()
      .from(payments)
      .where(and(eq(payments.provider, "paygrid"), eq(payments.id, malipoId)));
    if (byId) return byId;
  }
  return reference ? newestPaymentByReference(db, "paygrid", reference) : undefined;
}

export async function receivePayGridWebhook(
  db: Db,
  rawBody: string,
  headers: Headers,
  signingKey: string,
  nowMs = Date.now(),
): Promise<WebhookAnswer> {
  const verdict = verifyPayGridSignature({
    rawBody,
    timestamp: headers.get("x-meetpay-timestamp"),
    signature: headers.get("x-meetpay-signature"),
    signingKey,
    nowMs,
  });
  requireVerified("paygrid", verdict, { deliveryId: headers.get("x-meetpay-delivery-id") });
  const json = parseWebhookJson(rawBody);

  const callback = payGridCallbackSchema.safeParse(json);
  const event =
    callback.success && callback.data.type === "transaction.callback"
      ? undefined
      : payGridWebhookSchema.parse(json);

  if (event?.event === "webhook.test") {
    log.info("paygrid test webhook verified");
    return IGNORED;
  }

  const transactionId = event ? event.transaction_id : callback.data!.transaction_id;
  const status = event ? event.data.status : (callback.data!.status ?? undefined);
  const reference = event ? event.merchant_reference : (callback.data!.reference ?? undefined);
  const metadata = (event ? event.metadata : callback.data!.metadata) as
    Record<string, unknown> | undefined | null;
  const amount = event ? event.data.amount : callback.data!.amount;
  const currency = event ? event.data.currency : callback.data!.currency;

  const payment = await findPayment(db, transactionId, metadata?.malipo_payment_id, reference ?? undefined);
  if (!payment) {
    log.warn("paygrid webhook for an unknown payment", { transactionId });
    return IGNORED;
  }
  if (!status || !isPaymentStatus(status)) {
    log.warn("paygrid webhook without a known status", { paymentId: payment.id, status });
    return IGNORED;
  }
  const result = await applyProviderEventGrouped(db, {
    paymentId: payment.id,
    status,
    source: "webhook",
    // Webhooks dedupe on event_id; the one callback per payment on its transaction id (docs/providers.md#paygrid-webhooks).
    dedupe: { provider: "paygrid", key: event ? event.event_id : `callback:${transactionId}` },
    providerEventId: event?.event_id,
    providerPaymentId: transactionId,
    providerReference: event?.data.provider_reference ?? null,
    occurredAt: event?.timestamp ? new Date(event.timestamp) : undefined,
    // docs/providers.md#paygrid-webhooks: never fulfil on drift (checked in the apply path, as for every other source).
    money: { amount, currency },
  });
  return { received: true, outcome: result.outcome };
}
