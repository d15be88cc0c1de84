import "server-only";
import { signedMajor } from "./signed-major";
import type { PaymentRow } from "@/lib/server/db/schema";
import { paymentJson } from "@/lib/server/wire/payment-json";
import type { ChannelTotals, CurrencyTotals } from "@/lib/day-contract";
import type { Currency } from "@/lib/money";
import { CHANNELS, paymentChannel, type Channel } from "@/lib/payment-channel";
import { isPaid, isTerminal, type PaymentStatus } from "@/lib/payment-status";

// The sums of a Z report and of a day report, from the period's payments and refunds. Money counts in a
// channel only when it is known to have arrived: confirmed by the provider's webhook or by our poll of the
// provider (never a create answer alone), or cash the cashier took. A payment whose amount did not match
// never counts. Refunds count in the period they were made, on their payment's channel.

export interface PeriodPayment extends PaymentRow {
  /** A completion arrived by webhook or poll (payment_events). */
  confirmed: boolean;
}

export interface PeriodRefund {
  amountMinor: number;
  currency: string;
  channel: Channel;
}

interface Sums {
  count: number;
  gross: number;
  refunded: number;
  fees: number;
}

/** Counted in a channel's totals: paid, not a mismatch, and confirmed (cash is confirmed by the cashier). */
export function countsAsMoney(payment: PeriodPayment): boolean {
  if (!isPaid(payment.status as PaymentStatus) || payment.amountMismatch) return false;
  return payment.provider === "cash" || payment.confirmed;
}

function emptySums(): Sums {
  return { count: 0, gross: 0, refunded: 0, fees: 0 };
}

function sumsJson(sums: Sums, currency: Currency): Omit<ChannelTotals, "channel"> {
  const major = (minor: number) => signedMajor(minor, currency);
  return {
    count: sums.count,
    gross: major(sums.gross),
    refunded: major(sums.refunded),
    fees: major(sums.fees),
    net: major(sums.gross - sums.refunded - sums.fees),
  };
}

/** Per currency, per channel (in the order of CHANNELS, only channels with something in them). */
export function channelTotals(payments: PeriodPayment[], refunds: PeriodRefund[]): CurrencyTotals[] {
  const byCurrency = new Map<string, Map<Channel, Sums>>();
  const sumsOf = (currency: string, channel: Channel): Sums => {
    let channels = byCurrency.get(currency);
    if (!channels) byCurrency.set(currency, (channels = new Map()));
    let sums = channels.get(channel);
    if (!sums) channels.set(channel, (sums = emptySums()));
    return sums;
  };
  for (const payment of payments) {
    if (!countsAsMoney(payment)) continue;
    const sums = sumsOf(payment.currency, paymentChannel(payment));
    sums.count += 1;
    sums.gross += payment.amountMinor;
    sums.fees += payment.feeMinor ?? 0;
  }
  for (const refund of refunds) sumsOf(refund.currency, refund.channel).refunded += refund.amountMinor;

  return [...byCurrency.keys()].sort().map((currency) => {
    const channels = byCurrency.get(currency)!;
    const total = emptySums();
    const rows = CHANNELS.filter((c) => channels.has(c)).map((channel) => {
      const sums = channels.get(channel)!;
      total.count += sums.count;
      total.gross += sums.gross;
      total.refunded += sums.refunded;
      total.fees += sums.fees;
      return { channel, ...sumsJson(sums, currency as Currency) };
    });
    return { currency, channels: rows, total: sumsJson(total, currency as Currency) };
  });
}

/** The totals and the lists a shop must look at: late payments, mismatches, open, unconfirmed. */
export function salesSummary(payments: PeriodPayment[], refunds: PeriodRefund[]) {
  const open = (p: PeriodPayment) => !isTerminal(p.status as PaymentStatus);
  return {
    currencies: channelTotals(payments, refunds),
    late_payments: payments
      .filter((p) => p.paidAfterExpiry && isPaid(p.status as PaymentStatus))
      .map(paymentJson),
    amount_mismatches: payments.filter((p) => p.amountMismatch).map(paymentJson),
    open_payments: payments.filter(open).map(paymentJson),
    unconfirmed_payments: payments
      .filter((p) => isPaid(p.status as PaymentStatus) && !p.amountMismatch && !countsAsMoney(p))
      .map(paymentJson),
  };
}

/** Cash in the drawer: float + cash sales − cash refunds, in the shift's currency. */
export function expectedCash(
  currency: string,
  openingFloatMinor: number,
  payments: PeriodPayment[],
  refunds: PeriodRefund[],
): { cashSales: number; cashRefunds: number; expected: number } {
  const cashSales = payments
    .filter((p) => p.currency === currency && p.provider === "cash" && countsAsMoney(p))
    .reduce((sum, p) => sum + p.amountMinor, 0);
  const cashRefunds = refunds
    .filter((r) => r.currency === currency && r.channel === "cash")
    .reduce((sum, r) => sum + r.amountMinor, 0);
  return { cashSales, cashRefunds, expected: openingFloatMinor + cashSales - cashRefunds };
}
