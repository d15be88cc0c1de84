import { describe, expect, it } from "vitest";
import {
  AmountError,
  compareDecimalStrings,
  formatMoney,
  parseAmount,
  toMajorFixed,
  toMajorString,
  toProviderNumber,
} from "./money";

describe("parseAmount", () => {
  it.each([
    ["5000", "TZS", 500_000],
    ["5000.5", "TZS", 500_050],
    ["5000.50", "TZS", 500_050],
    ["0.1", "USD", 10],
    ["19.99", "USD", 1_999],
    ["1500", "UGX", 1_500],
    ["1500.00", "UGX", 1_500],
  ] as const)("%s %s → %d minor units", (value, currency, minor) => {
    expect(parseAmount(value, currency)).toBe(minor);
  });

  it("reads provider JSON numbers exactly", () => {
    expect(parseAmount(5000, "TZS")).toBe(500_000);
    expect(parseAmount(19.99, "USD")).toBe(1_999);
    expect(parseAmount(150, "TZS")).toBe(15_000);
  });

  it.each([
    ["1000.005", "TZS"],
    ["1500.5", "UGX"],
    ["-5", "TZS"],
    ["5,000", "TZS"],
    ["", "TZS"],
    ["1e3", "TZS"],
    ["99999999999999999", "TZS"],
  ] as const)("refuses %j %s", (value, currency) => {
    expect(() => parseAmount(value, currency)).toThrow(AmountError);
  });

  it("refuses binary noise and non-finite numbers instead of rounding", () => {
    expect(() => parseAmount(0.1 + 0.2, "USD")).toThrow(AmountError);
    expect(() => parseAmount(Number.NaN, "USD")).toThrow(AmountError);
    expect(() => parseAmount(1e21, "USD")).toThrow(AmountError);
  });
});

describe("formatting", () => {
  it("writes decimal strings without trailing decimals for whole amounts", () => {
    expect(toMajorString(500_000, "TZS")).toBe("5000");
    expect(toMajorString(500_050, "TZS")).toBe("5000.50");
    expect(toMajorString(5, "USD")).toBe("0.05");
    expect(toMajorString(1_500, "UGX")).toBe("1500");
  });

  it("writes two decimals for EMVCo tag 54", () => {
    expect(toMajorFixed(100_000, "TZS")).toBe("1000.00");
    expect(toMajorFixed(1_500, "UGX")).toBe("1500.00");
    expect(toMajorFixed(1_999, "USD")).toBe("19.99");
  });

  it("gives providers the exact JSON number", () => {
    expect(toProviderNumber(500_000, "TZS")).toBe(5000);
    expect(toProviderNumber(1_999, "USD")).toBe(19.99);
  });

  it("formats for the locale with the currency", () => {
    expect(formatMoney(500_000, "TZS", "en")).toMatch(/TSh\s?5,000$/);
    expect(formatMoney(500_000, "TZS", "sw")).toMatch(/5,000/);
    expect(formatMoney(1_999, "USD", "en")).toMatch(/19\.99/);
  });

  it("compares decimal strings as numbers", () => {
    expect(compareDecimalStrings("1000", "1000.00")).toBe(true);
    expect(compareDecimalStrings("1000.0", "1000")).toBe(true);
    expect(compareDecimalStrings("1000.01", "1000")).toBe(false);
    expect(compareDecimalStrings("abc", "abc")).toBe(false);
  });
});
