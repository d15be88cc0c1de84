import { buildDynamicTanqr } from "@/lib/emv-qr";
import { CURRENCY_NUMERIC } from "@/lib/money";
import { toFixedAmount } from "../common/amount";
import type { PayGridSandboxSettings } from "./settings";

// What `qr_code` holds (§17.6): a real dynamic TANQR payload, the payment_url fallback, or a payload whose
// amount is off by one so Malipo's QR-matches-sale check can be exercised.

export function buildQrCode(
  input: { amount: number; currency: string; reference: string; paymentUrl: string },
  settings: PayGridSandboxSettings,
): string {
  const numeric = (CURRENCY_NUMERIC as Record<string, string | undefined>)[input.currency];
  if (settings.qrMode === "payment-url" || numeric === undefined) return input.paymentUrl;
  const amount = settings.qrMode === "wrong-amount" ? input.amount + 100 : input.amount;
  return buildDynamicTanqr({
    merchant: settings.qrMerchant,
    amount: toFixedAmount(amount),
    currencyNumeric: numeric,
    reference: input.reference,
  });
}
