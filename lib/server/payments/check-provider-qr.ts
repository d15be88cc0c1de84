import "server-only";
import type { PaymentRow } from "@/lib/server/db/schema";
import type { ProviderPaymentState } from "@/lib/server/providers/adapter";
import { log } from "@/lib/server/log";
import { checkQrMatchesSale, looksLikeEmv, type SaleCheck } from "@/lib/emv-qr";
import { CURRENCY_NUMERIC, toMajorFixed, type Currency } from "@/lib/money";

// Before a provider's QR is shown as payable, its EMVCo payload must carry the sale's amount and currency
// and a valid CRC (tanqr.md §7.2). A mismatch is logged as an incident and the code is never displayed.

export function checkProviderQr(payment: PaymentRow, state: Pick<ProviderPaymentState, "qrCode">): SaleCheck {
  const payload = state.qrCode;
  // PayGrid may return the payment URL as its QR (a documented fallback): nothing to compare.
  if (!payload || !looksLikeEmv(payload)) return { ok: true };
  const currency = payment.currency as Currency;
  const result = checkQrMatchesSale(payload, {
    amount: toMajorFixed(payment.amountMinor, currency),
    currencyNumeric: CURRENCY_NUMERIC[currency],
    requireTanqr: payment.method === "tanqr",
  });
  if (!result.ok) {
    log.error("provider QR does not match the sale", {
      paymentId: payment.id,
      provider: payment.provider,
      reason: result.reason,
      detail: result.detail,
    });
  }
  return result;
}
