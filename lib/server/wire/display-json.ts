import "server-only";
import type { PaymentRow } from "@/lib/server/db/schema";
import { displaySaleSchema, type DisplaySale } from "@/lib/customer-display-contract";
import { toMajorString, type Currency } from "@/lib/money";

/**
 * The customer's side of a register's payment, for the customer display: no phone, name, email, register
 * or provider ids. A QR that failed the QR-matches-sale check is never shown, as on the register.
 */
export function displaySaleJson(row: PaymentRow): DisplaySale {
  return displaySaleSchema.parse({
    status: row.status,
    method: row.method,
    amount: toMajorString(row.amountMinor, row.currency as Currency),
    currency: row.currency,
    qr_code: row.qrMismatch ? null : row.qrCode,
    qr_image: row.qrMismatch ? null : row.qrImage,
    payment_url: row.method === "card" ? row.paymentUrl : null,
    expires_at: row.expiresAt.toISOString(),
    created_at: row.createdAt.toISOString(),
    completed_at: row.completedAt?.toISOString() ?? null,
  });
}
