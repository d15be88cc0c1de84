import { describe, expect, it } from "vitest";
import { applyKey } from "./amount-entry";

const type = (keys: string[], decimals = 0) =>
  keys.reduce((amount, key) => applyKey(amount, key, decimals), "");

describe("applyKey", () => {
  it("builds whole shillings digit by digit, without leading zeros", () => {
    expect(type(["0", "5", "0", "0", "0"])).toBe("5000");
    expect(type(["5", "00", "0"])).toBe("5000");
    expect(type(["00"])).toBe("0");
  });

  it("deletes, clears, and ignores keys that are not digits", () => {
    expect(type(["1", "2", "3", "back"])).toBe("12");
    expect(type(["1", "2", "clear"])).toBe("");
    expect(type(["1", "x", "-", "e"])).toBe("1");
  });

  it("allows one decimal point and only as many decimals as the currency has", () => {
    expect(type(["1", "2", ".", "5", "0", "9"], 2)).toBe("12.50");
    expect(type([".", "5"], 2)).toBe("0.5");
    expect(type(["1", ".", ".", "2"], 2)).toBe("1.2");
    expect(type(["1", ".", "5"], 0)).toBe("15");
  });

  it("stops at twelve digits", () => {
    expect(type(Array.from({ length: 15 }, () => "9"))).toBe("999999999999");
  });
});
