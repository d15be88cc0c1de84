import { describe, expect, it } from "vitest";
import { signSplashPayPayload, verifySplashPaySignature } from "./webhook-signature";

// docs/providers.md#splashpay-webhooks: the test vector, and one test per way a delivery can fail.

const SECRET = "test_webhook_secret";
const TIMESTAMP = "1767225600";
const BODY =
  '{"event":"payment.success","created_at":"2026-06-24T09:59:24.430757Z","data":{"reference":"INV-xcxoddfudjhg","amount":"1000.00","fee":"15.00","net_amount":"985.00","currency":"TZS","status":"success","customer_name":"John Doe","customer_email":"john.doe@example.com","customer_phone":"255744123456","payment_method":"mobile_money","provider":"selcom","channel":"TIGOPESATZ","provider_reference":"1769142083","metadata":null}}';
const EXPECTED = "72af3803a8d908844d43f3d4fd99c5e4fa5ae18b4ff798f18db0eca9f5966d37";
const NOW = Number(TIMESTAMP) * 1000;

const verify = (overrides: Partial<Parameters<typeof verifySplashPaySignature>[0]> = {}) =>
  verifySplashPaySignature({
    rawBody: BODY,
    timestamp: TIMESTAMP,
    signature: EXPECTED,
    secret: SECRET,
    nowMs: NOW,
    ...overrides,
  });

describe("SplashPay webhook signature", () => {
  it("reproduces the documented test vector (425-byte body)", () => {
    expect(Buffer.byteLength(BODY)).toBe(425);
    expect(signSplashPayPayload(BODY, SECRET, Number(TIMESTAMP))).toBe(EXPECTED);
    expect(verify()).toEqual({ ok: true });
    expect(verify({ rawBody: new TextEncoder().encode(BODY) })).toEqual({ ok: true });
  });

  it("accepts uppercase hex and timestamps within ±300 s", () => {
    expect(verify({ signature: EXPECTED.toUpperCase() })).toEqual({ ok: true });
    expect(verify({ nowMs: NOW + 300_000 })).toEqual({ ok: true });
    expect(verify({ nowMs: NOW - 300_000 })).toEqual({ ok: true });
  });

  it("refuses a stale or future timestamp", () => {
    expect(verify({ nowMs: NOW + 301_000 })).toEqual({ ok: false, reason: "stale_timestamp" });
    expect(verify({ nowMs: NOW - 301_000 })).toEqual({ ok: false, reason: "stale_timestamp" });
  });

  it("refuses missing headers and malformed timestamps", () => {
    expect(verify({ signature: null })).toEqual({ ok: false, reason: "missing_headers" });
    expect(verify({ timestamp: null })).toEqual({ ok: false, reason: "missing_headers" });
    expect(verify({ timestamp: "1767225600.0" })).toEqual({ ok: false, reason: "bad_timestamp" });
    expect(verify({ timestamp: "1767225600000000" })).toEqual({ ok: false, reason: "bad_timestamp" });
  });

  it("refuses a tampered body, a timestamp that was not signed, and another secret", () => {
    expect(verify({ rawBody: BODY.replace("1000.00", "9000.00") })).toEqual({
      ok: false,
      reason: "bad_signature",
    });
    expect(verify({ rawBody: `${BODY}\n` })).toEqual({ ok: false, reason: "bad_signature" });
    expect(verify({ timestamp: "1767225601" })).toEqual({ ok: false, reason: "bad_signature" });
    expect(verify({ secret: "sk_test_malipo_sandbox" })).toEqual({ ok: false, reason: "bad_signature" });
  });

  it("refuses signatures of the wrong length or form, including a sha256= prefix", () => {
    for (const signature of [
      EXPECTED.slice(0, 63),
      `${EXPECTED}00`,
      `sha256=${EXPECTED}`,
      "z".repeat(64),
      "",
    ]) {
      expect(verify({ signature })).toMatchObject({ ok: false });
    }
  });

  it("treats an empty secret as a configuration error, not a verdict", () => {
    expect(() => verify({ secret: "" })).toThrow(/empty/);
  });
});
