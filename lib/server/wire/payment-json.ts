import "server-only";
import type { PaymentRow } from "@/lib/server/db/schema";
import { paymentSchema, type Payment } from "@/lib/api-contract";
import { toMajorString, type Currency } from "@/lib/money";
import { paymentChannel } from "@/lib/payment-channel";
import { isPaid, isPaymentStatus } from "@/lib/payment-status";
import { getEnv } from "@/lib/server/env";
import { livemode } from "./livemode";

/**
 * The payment object of docs/api.md#payment-object (schema: lib/api-contract.ts). Amounts leave as decimal strings in major units.
 * Parsed on the way out, so a row that does not fit the contract fails here, not in a browser.
 */
export function paymentJson(row: PaymentRow): Payment {
  const currency = row.currency as Currency;
  const money = (minor: number | null) => (minor === null ? null : toMajorString(minor, currency));
  return paymentSchema.parse({
    id: row.id,
    provider: row.provider,
    method: row.method,
    channel: paymentChannel(row),
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
    amount_refunded: toMajorString(row.refundedMinor, row.currency as Currency),
    superseded_at: row.supersededAt?.toISOString() ?? null,
    checkout_session_id: row.checkoutSessionId,
    staff: row.staffId ? { id: row.staffId, name: row.staffName ?? "" } : null,
    register_id: row.registerId,
    shift_id: row.shiftId,
    tendered: money(row.tenderedMinor),
    change_due: row.tenderedMinor === null ? null : money(row.tenderedMinor - row.amountMinor),
    fee: money(row.feeMinor),
    net: money(row.netMinor),
    // The receipt exists from the insert, but its address is handed out only once there is money to show.
    receipt_url:
      row.receiptToken && isPaymentStatus(row.status) && isPaid(row.status)
        ? `${getEnv().publicBaseUrl}/r/${row.receiptToken}`
        : null,
    livemode: livemode(),
  });
}
