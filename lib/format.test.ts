import { describe, expect, it } from "vitest";
import { formatAmount as format, formatClock, formatTime } from "./format";

// Intl separates symbol and digits with a no-break space; compare with a plain one.
const formatAmount = (...args: Parameters<typeof format>) => format(...args).replace(/\u00a0/g, " ");

describe("formatAmount", () => {
  it("formats exact decimal strings for the locale, whole amounts without decimals", () => {
    expect(formatAmount("5000", "TZS", "en")).toBe("TSh 5,000");
    expect(formatAmount("5000", "TZS", "sw")).toBe("TSh 5,000");
    expect(formatAmount("12.5", "USD", "en")).toBe("US$12.50");
    expect(formatAmount("9007199254740", "UGX", "en")).toContain("9,007,199,254,740");
  });

  it("shows a malformed amount as given instead of inventing a number", () => {
    expect(formatAmount("12,5", "TZS", "en")).toBe("TZS 12,5");
    expect(formatAmount("5", "XYZ", "en")).toBe("XYZ 5");
  });
});

describe("times", () => {
  it("shows clock times in Tanzania whatever the device's zone", () => {
    expect(formatTime("2026-11-22T07:30:00Z", "en")).toBe("10:30");
  });

  it("counts down as minutes and seconds, never below zero", () => {
    expect(formatClock(1799)).toBe("29:59");
    expect(formatClock(299)).toBe("04:59");
    expect(formatClock(60)).toBe("01:00");
    expect(formatClock(-3)).toBe("00:00");
  });
});
