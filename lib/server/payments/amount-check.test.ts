import { describe, expect, it } from "vitest";
import { checkReportedAmount } from "./amount-check";

const sale = { amountMinor: 500_000, currency: "TZS" }; // TZS 5000 (ISO 4217: two decimals)
const usd = { amountMinor: 1250, currency: "USD" };

describe("checkReportedAmount", () => {
  it("accepts the sale's own amount in any spelling the providers use", () => {
    expect(checkReportedAmount(sale, "completed", { amount: 5000, currency: "TZS" })).toEqual({ ok: true });
    expect(checkReportedAmount(sale, "completed", { amount: "5000.00", currency: "tzs" })).toEqual({
      ok: true,
    });
    expect(checkReportedAmount(usd, "completed", { amount: 12.5, currency: "USD" })).toEqual({ ok: true });
  });

  it("calls a completion without an amount drift, but not a pending answer without one", () => {
    expect(checkReportedAmount(sale, "completed", undefined).ok).toBe(false);
    expect(checkReportedAmount(sale, "completed", { amount: null, currency: "TZS" })).toEqual({
      ok: false,
      reason: "missing_amount",
    });
    expect(checkReportedAmount(sale, "pending", { amount: null, currency: null })).toEqual({ ok: true });
  });

  it("refuses another amount, another currency or an unreadable amount on any status", () => {
    expect(checkReportedAmount(sale, "completed", { amount: 50, currency: "TZS" }).ok).toBe(false);
    expect(checkReportedAmount(sale, "pending", { amount: 4999, currency: "TZS" }).ok).toBe(false);
    expect(checkReportedAmount(sale, "completed", { amount: 5000, currency: "USD" })).toEqual({
      ok: false,
      reason: "currency_differs",
    });
    expect(checkReportedAmount(sale, "completed", { amount: "5e3", currency: "TZS" })).toEqual({
      ok: false,
      reason: "unreadable_amount",
    });
    expect(checkReportedAmount(usd, "completed", { amount: 12.505, currency: "USD" }).ok).toBe(false);
  });
});
