import "server-only";
import type { PaymentRow } from "@/lib/server/db/schema";
import type { ReportedFees } from "@/lib/server/providers/adapter";
import { parseAmount, type Currency } from "@/lib/money";

/**
 * The provider's fee and net as columns (minor units), for the day report's fees and net. SplashPay sends
 * them on the create answer and the webhook ("1000.00" or 10: docs/providers.md S14); a value that does not
 * parse, or a net that does not add up with the fee to the amount, is left out rather than guessed.
 */
export function feeColumns(
  fees: ReportedFees | undefined,
  payment: Pick<PaymentRow, "amountMinor" | "currency">,
): Partial<Pick<PaymentRow, "feeMinor" | "netMinor">> {
  if (!fees) return {};
  const currency = payment.currency as Currency;
  const read = (value: number | string | null | undefined): number | null => {
    if (value === null || value === undefined || value === "") return null;
    try {
      return parseAmount(value, currency);
    } catch {
      return null;
    }
  };
  const fee = read(fees.fee);
  const net = read(fees.net);
  if (fee === null) return {};
  if (net !== null && fee + net !== payment.amountMinor) return {};
  return { feeMinor: fee, netMinor: net ?? payment.amountMinor - fee };
}
