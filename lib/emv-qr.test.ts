import { describe, expect, it } from "vitest";
import {
  buildDynamicTanqr,
  checkQrMatchesSale,
  crc16CcittFalse,
  DEFAULT_TANQR_MERCHANT,
  parseEmv,
} from "./emv-qr";

// Vectors from docs/providers.md#tanqr-test-vectors (T1, T4 and T6 contain spaces).
const T1 =
  "00020101021126390014tz.go.bot.tips0105010010208123456785204581453038345802TZ5914YN RESTAURANTS6006DODOMA610541000622103080011234907051100263047D47";
const T3 = "00020101021129370016A000000677010111011300669245317755802TH54076000.00530376463049B3B";
const T4 =
  "000201010211057704736a2f41a3-c54c-fce8-32d2-0324e1c32e22*3440e5bf-81ca-4c5f-a1b2-cf989f09a03952045024530384054031005802US5913Test Merchant6008New York62080304123463046F6D";
const T6 =
  "00020101021226390014tz.go.bot.tips01050100102081234567852045814530383454071000.005802TZ5914YN RESTAURANTS6006DODOMA61054100062380308001123490513CIR-6723e8ss60705110026304BE6B";

describe("crc16CcittFalse", () => {
  it("has the standard check value", () => {
    expect(crc16CcittFalse("123456789")).toBe("29B1");
  });
});

describe("parseEmv", () => {
  it("reads the dynamic TANQR golden vector T6", () => {
    const parsed = parseEmv(T6);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.get("01")).toBe("12");
    expect(parsed.get("54")).toBe("1000.00");
    expect(parsed.get("53")).toBe("834");
    expect(parsed.get("26.00")).toBe("tz.go.bot.tips");
    expect(parsed.get("26.01")).toBe("01001");
    expect(parsed.get("62.05")).toBe("CIR-6723e8ss6");
    expect(parsed.get("59")).toBe("YN RESTAURANTS");
  });

  it.each([
    ["T1 static TANQR", T1],
    ["T3 objects out of order", T3],
    ["T4 amount without decimals", T4],
  ])("accepts %s", (_, payload) => {
    expect(parseEmv(payload).ok).toBe(true);
  });

  it("rejects a tampered amount with the CRC left as it was", () => {
    const tampered = T6.replace("1000.00", "1001.00");
    const parsed = parseEmv(tampered);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toMatch(/CRC mismatch/);
  });

  it("rejects bad lengths, a missing CRC and a wrong start", () => {
    expect(parseEmv(T6.replace("5303834", "5304834")).ok).toBe(false);
    expect(parseEmv(T6.slice(0, -8)).ok).toBe(false);
    expect(parseEmv(`1${T6}`).ok).toBe(false);
    // A nested template whose inner length overruns it.
    expect(parseEmv(T6.replace("0014tz.go.bot.tips", "0015tz.go.bot.tips")).ok).toBe(false);
  });

  it("accepts a lowercase CRC", () => {
    expect(parseEmv(T6.replace(/BE6B$/, "be6b")).ok).toBe(true);
  });
});

describe("buildDynamicTanqr", () => {
  it("reproduces the golden vector T6 exactly", () => {
    const payload = buildDynamicTanqr({
      merchant: { ...DEFAULT_TANQR_MERCHANT, name: "YN RESTAURANTS" },
      amount: "1000.00",
      currencyNumeric: "834",
      reference: "CIR-6723e8ss6",
    });
    expect(payload).toBe(T6);
  });

  it("drops non-ASCII characters and truncates long names so lengths stay byte-exact", () => {
    const payload = buildDynamicTanqr({
      merchant: { ...DEFAULT_TANQR_MERCHANT, name: "Duka la Mama Ñyerere wa Kariakoo Sokoni" },
      amount: "5.00",
      currencyNumeric: "834",
      reference: "R-1",
    });
    const parsed = parseEmv(payload);
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(parsed.get("59")).toBe("Duka la Mama yerere wa Ka");
  });
});

describe("checkQrMatchesSale", () => {
  it("accepts the sale the code was made for, whatever the decimals", () => {
    expect(checkQrMatchesSale(T6, { amount: "1000", currencyNumeric: "834", requireTanqr: true })).toEqual({
      ok: true,
    });
  });

  it("refuses another amount, another currency, a static code and a broken CRC", () => {
    expect(checkQrMatchesSale(T6, { amount: "999", currencyNumeric: "834" })).toMatchObject({
      reason: "amount_mismatch",
    });
    expect(checkQrMatchesSale(T6, { amount: "1000", currencyNumeric: "840" })).toMatchObject({
      reason: "currency_mismatch",
    });
    expect(checkQrMatchesSale(T1, { amount: "1000", currencyNumeric: "834" })).toMatchObject({
      reason: "not_dynamic",
    });
    expect(
      checkQrMatchesSale(T6.replace("1000.00", "1001.00"), { amount: "1001", currencyNumeric: "834" }),
    ).toMatchObject({
      reason: "bad_crc",
    });
  });

  it("refuses a non-TANQR code when TANQR is required", () => {
    const other = buildDynamicTanqr({
      merchant: { ...DEFAULT_TANQR_MERCHANT, name: "X" },
      amount: "1.00",
      currencyNumeric: "834",
      reference: "R",
    }).replace("tz.go.bot.tips", "zz.go.bot.tips");
    const fixed = other.slice(0, -4) + crc16CcittFalse(other.slice(0, -4));
    expect(
      checkQrMatchesSale(fixed, { amount: "1", currencyNumeric: "834", requireTanqr: true }),
    ).toMatchObject({
      reason: "country_mismatch",
    });
  });
});
