import "server-only";
import type { PaymentRow } from "@/lib/server/db/schema";
import type { ProviderPaymentState } from "@/lib/server/providers/adapter";
import { log } from "@/lib/server/log";
import { decodeQrImage } from "@/lib/decode-qr-png";
import { checkQrMatchesSale, looksLikeEmv, type SaleCheck } from "@/lib/emv-qr";
import { CURRENCY_NUMERIC, toMajorFixed, type Currency } from "@/lib/money";

// Before a provider's QR is shown as payable, its EMVCo payload must carry the sale's amount and currency
// and a valid CRC (docs/providers.md#tanqr-check). PayGrid sends the payload as text; SplashPay only as a PNG, which is read
// here like a customer's phone would. A mismatch is logged as an incident and the code is never displayed.

function payloadOf(state: Pick<ProviderPaymentState, "qrCode" | "qrImage">): string | SaleCheck | undefined {
  if (state.qrCode) return state.qrCode;
  if (!state.qrImage) return undefined;
  // An image we cannot read cannot be vouched for: it is not shown.
  return (
    decodeQrImage(state.qrImage) ?? {
      ok: false,
      reason: "invalid_payload",
      detail: "the QR image could not be decoded",
    }
  );
}

export function checkProviderQr(
  payment: PaymentRow,
  state: Pick<ProviderPaymentState, "qrCode" | "qrImage">,
): SaleCheck {
  const payload = payloadOf(state);
  let result: SaleCheck;
  if (payload === undefined) return { ok: true };
  if (typeof payload !== "string") result = payload;
  // PayGrid may return the payment URL as its QR (a documented fallback): nothing to compare.
  else if (!looksLikeEmv(payload) && !state.qrImage) return { ok: true };
  else {
    const currency = payment.currency as Currency;
    result = checkQrMatchesSale(payload, {
      amount: toMajorFixed(payment.amountMinor, currency),
      currencyNumeric: CURRENCY_NUMERIC[currency],
      requireTanqr: payment.method === "tanqr",
    });
  }
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
