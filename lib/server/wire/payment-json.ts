import "server-only";
import type { PaymentRow } from "@/lib/server/db/schema";
import { paymentSchema, type Payment } from "@/lib/api-contract";
import { toMajorString, type Currency } from "@/lib/money";
import { livemode } from "./livemode";

/**
 * The payment object of docs/api.md#payment-object (schema: lib/api-contract.ts). Amounts leave as decimal strings in major units.
 * Parsed on the way out, so a row that does not fit the contract fails here, not in a browser.
 */
export function paymentJson(row: PaymentRow): Payment {
  return paymentSchema.parse({
    id: row.id,
    provider: row.provider,
    method: row.method,
    status: row.status,
    amount: toMajorString(row.amountMinor, row.currency as Currency),
    currency: row.currency,
    reference: row.reference,
    customer: row.customer,
    phone: row.phone,
    network: row.network,
    // A QR that failed the QR-matches-sale check is never handed to a screen.
    qr_code: row.qrMismatch ? null : row.qrCode,
    qr_image: row.qrMismatch ? null : row.qrImage,
    qr_mismatch: row.qrMismatch,
    amount_mismatch: row.amountMismatch,
    payment_url: row.paymentUrl,
    provider_payment_id: row.providerPaymentId,
    provider_reference: row.providerReference,
    failure_code: row.failureCode,
    failure_message: row.failureMessage,
    expires_at: row.expiresAt.toISOString(),
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
    completed_at: row.completedAt?.toISOString() ?? null,
    paid_after_expiry: row.paidAfterExpiry,
    checkout_session_id: row.checkoutSessionId,
    staff: row.staffId ? { id: row.staffId, name: row.staffName ?? "" } : null,
    register_id: row.registerId,
    livemode: livemode(),
  });
}
