import { describe, expect, it } from "vitest";
import { AmountError } from "@/lib/money";
import { createRefundSchema, parseRefundAmount } from "./refund-schema";

describe("refund amounts", () => {
  it("reads a positive decimal string in the currency's minor units", () => {
    expect(parseRefundAmount("2500", "TZS")).toBe(250_000);
    expect(parseRefundAmount(" 12.5 ", "USD")).toBe(1250);
    expect(parseRefundAmount("12.50", "TZS")).toBe(1250);
    expect(parseRefundAmount("700", "UGX")).toBe(700);
  });

  it("refuses zero, signs, exponents, words and more decimals than the currency has", () => {
    for (const [amount, currency] of [
      ["0", "TZS"],
      ["0.00", "TZS"],
      ["-5", "TZS"],
      ["+5", "TZS"],
      ["1e3", "TZS"],
      ["five", "TZS"],
      ["10.005", "TZS"],
      ["1.5", "UGX"],
      ["", "TZS"],
    ] as const) {
      expect(() => parseRefundAmount(amount, currency), `${amount} ${currency}`).toThrow(AmountError);
    }
  });

  it("takes only the documented reasons and a short note", () => {
    expect(createRefundSchema.safeParse({ amount: "1", reason: "duplicate" }).success).toBe(true);
    expect(createRefundSchema.safeParse({ amount: "1", reason: "changed_mind" }).success).toBe(false);
    expect(createRefundSchema.safeParse({ amount: 1, reason: "other" }).success).toBe(false);
    expect(
      createRefundSchema.safeParse({ amount: "1", reason: "other", note: "x".repeat(501) }).success,
    ).toBe(false);
    expect(createRefundSchema.safeParse({ amount: "1", reason: "other", extra: true }).success).toBe(false);
  });
});
