import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { STRING_FIELDS } from "./validate-create";
import { startSplashSandbox, tanqrBody, type SplashTestSandbox } from "@/test/splashpay-sandbox";
import { dataOf, INVALID } from "@/test/splashpay-sandbox-fixtures";

// What the SplashPay sandbox refuses on create: credentials, fields, amounts, keys, other products, rate
// limits (docs/providers.md#splashpay-create, docs/providers.md#splashpay-errors).

describe("SplashPay sandbox: create validation", () => {
  let sb: SplashTestSandbox;
  beforeAll(async () => {
    sb = await startSplashSandbox();
  });
  afterAll(async () => sb.close());

  it("refuses bad or missing credentials with the documented 401", async () => {
    const variants: Record<string, string>[] = [
      { "x-api-key": "pk_test_wrong" },
      { "x-api-secret": "sk_test_wrong" },
      { "x-api-key": "", "x-api-secret": "" },
    ];
    for (const headers of variants) {
      const res = await sb.create(tanqrBody(), undefined, headers);
      expect(res.status).toBe(401);
      expect(res.body).toEqual({
        status: "error",
        code: "UNAUTHORIZED",
        message: "Invalid API credentials.",
      });
    }
    const control = await sb.call("GET", "/control/settings", undefined, { "x-api-secret": "nope" });
    expect(control.status).toBe(401);
  });

  it.each(STRING_FIELDS.map((f) => [f]))(
    "refuses a missing %s with INVALID_REQUEST and no detail",
    async (field) => {
      const body = tanqrBody();
      delete body[field];
      const res = await sb.create(body);
      expect(res.status).toBe(400);
      expect(res.body).toEqual(INVALID);
    },
  );

  const badValues: [string, unknown][] = [
    ["reference", ""],
    ["reference", "x".repeat(256)],
    ["buyer_name", "   "],
    ["buyer_name", 42],
    ["buyer_email", "not-an-email"],
    ["buyer_phone", "+255744123456"],
    ["buyer_phone", "0744123456"],
    ["buyer_phone", "25574412345"],
    ["billing_phone", "12345678"],
    ["billing_phone", "2557441234567890"],
    ["billing_country", "tz"],
    ["billing_country", "TZA"],
    ["currency", "USD"],
    ["billing_address", "a".repeat(256)],
    ["amount", undefined],
    ["amount", "1000"],
    ["amount", 0],
    ["amount", -5],
    ["amount", 10.005],
    ["amount", 10_000_000_000],
  ];
  it.each(badValues)("refuses %s = %j with INVALID_REQUEST", async (field, value) => {
    const body = tanqrBody({ [field]: value });
    if (value === undefined) delete body[field];
    const res = await sb.create(body);
    expect(res.status).toBe(400);
    expect(res.body).toEqual(INVALID);
  });

  it("accepts the largest amount that fits tag 54 and a 255-character field", async () => {
    const res = await sb.create(tanqrBody({ amount: 9_999_999_999.99, billing_address: "a".repeat(255) }));
    expect(res.status).toBe(200);
    expect(dataOf(res.body).amount).toBe("9999999999.99");
  });

  it("enforces minAmount when set", async () => {
    await sb.settings({ minAmount: 500 });
    try {
      expect((await sb.create(tanqrBody({ amount: 499.99 }))).status).toBe(400);
      expect((await sb.create(tanqrBody({ amount: 500 }))).status).toBe(200);
    } finally {
      await sb.settings({ minAmount: 0 });
    }
  });

  it("refuses a body that is not a JSON object", async () => {
    for (const raw of ["not json", "[1]", "null"]) {
      const res = await sb.call("POST", "/api/v1/payments/dynamic-qr", raw, {
        "idempotency-key": crypto.randomUUID(),
      });
      expect(res.status).toBe(400);
      expect(res.body).toEqual(INVALID);
    }
  });

  it("requires an Idempotency-Key of at most 255 characters", async () => {
    const missing = await sb.call("POST", "/api/v1/payments/dynamic-qr", tanqrBody());
    expect(missing.status).toBe(400);
    expect(missing.body).toEqual(INVALID);
    const long = await sb.create(tanqrBody(), "k".repeat(256));
    expect(long.status).toBe(400);
  });

  it("emits the legacy error shape when asked", async () => {
    await sb.settings({ errorShape: "legacy" });
    try {
      const res = await sb.create(tanqrBody({ currency: "KES" }));
      expect(res.status).toBe(400);
      expect(res.body).toEqual({
        success: false,
        code: "INVALID_REQUEST",
        message: "The request payload is invalid.",
      });
    } finally {
      await sb.settings({ errorShape: "status" });
    }
  });

  it("does not simulate other products", async () => {
    for (const p of ["/api/v1/payments/mobile-money", "/api/v1/payments/card", "/api/v1/disbursements"]) {
      const res = await sb.call("POST", p, {});
      expect(res.status).toBe(404);
      expect(res.body.code).toBe("NOT_FOUND");
    }
  });

  it("rate-limits with 429 and Retry-After when set", async () => {
    await sb.settings({ rateLimitPerMinute: 1 });
    try {
      await sb.call("POST", "/api/v1/payments/check-status", { reference: "x" });
      const res = await sb.call("POST", "/api/v1/payments/check-status", { reference: "x" });
      expect(res.status).toBe(429);
      expect(res.body.code).toBe("RATE_LIMITED");
      expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
    } finally {
      await sb.settings({ rateLimitPerMinute: 0 });
    }
  });
});
