import { isoSeconds, toFixedAmount, toJsonAmount } from "../common/amount";
import type { SplashPaySandboxSettings } from "./settings";
import type { SplashPayment } from "./types";

// SplashPay's JSON shapes of a payment: the create answer (§5.3, S9), the check-status record (§6.1) and
// the webhook (§7.3). Amount types differ on purpose (S14): numbers for fee/net_amount at creation,
// strings everywhere else.

/** check-status writes `2026-07-03T14:42:13.000000Z` (its fixture, S17). */
export function isoMicros(ms: number): string {
  return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, ".$1000Z");
}

export function createdData(p: SplashPayment, settings: SplashPaySandboxSettings): Record<string, unknown> {
  const data: Record<string, unknown> = {
    merchant_id: settings.merchantId,
    customer_name: p.buyer.name,
    customer_email: p.buyer.email,
    customer_phone: p.buyer.phone,
    reference: p.reference,
    amount: toFixedAmount(p.amount),
    fee: toJsonAmount(p.fee),
    net_amount: toJsonAmount(p.amount - p.fee),
    currency: p.currency,
    source: "api",
    payment_method: "tanqr",
    provider: "selcom",
    provider_reference: p.providerReference,
    qr: p.qr,
    status: p.status,
    metadata: null,
    created_at: isoSeconds(p.createdAt),
    processing_at: isoSeconds(p.processingAt),
  };
  if (settings.exposeQrPayload) data.qr_payload = p.qrPayload;
  return data;
}

export function statusData(p: SplashPayment): Record<string, unknown> {
  return {
    reference: p.reference,
    provider_reference: p.providerReference,
    amount: toFixedAmount(p.amount),
    currency: p.currency,
    status: p.status,
    provider: "selcom",
    channel: "tanqr",
    network: "SELCOMTANQR",
    created_at: isoMicros(p.createdAt),
    processing_at: isoSeconds(p.processingAt),
    completed_at: p.completedAt === undefined ? null : isoMicros(p.completedAt),
  };
}

/** Serialized once per event: every retry sends the very same bytes. */
export function webhookBody(p: SplashPayment, at: number): string {
  return JSON.stringify({
    event: `payment.${p.status}`,
    created_at: isoSeconds(at),
    data: {
      reference: p.reference,
      amount: toFixedAmount(p.amount),
      fee: toFixedAmount(p.fee),
      net_amount: toFixedAmount(p.amount - p.fee),
      currency: p.currency,
      status: p.status,
      customer_name: p.buyer.name,
      customer_email: p.buyer.email,
      customer_phone: p.buyer.phone,
      payment_method: "tanqr",
      provider: "selcom",
      provider_reference: p.providerReference,
      metadata: null,
    },
  });
}
