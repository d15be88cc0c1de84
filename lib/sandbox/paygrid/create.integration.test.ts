import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { KEY, paymentBody, startTestSandbox, type TestSandbox } from "@/test/paygrid-sandbox";

// POST /api/v1/payments over real HTTP: errors per type, check order (S11), idempotency (S12–S14),
// duplicate references (S15), record shape (S16–S19), magic phones (§17.3), list/404/405 (S25, S29, S36).

let sb: TestSandbox;
beforeAll(async () => {
  sb = await startTestSandbox({ autoOutcomeDelaySeconds: 60 });
});
afterAll(async () => {
  await sb.close();
});

const TYPES = ["mobile", "card", "dynamic-qr"] as const;

function fields(body: Record<string, unknown>): string[] {
  return (body.details as { field: string }[]).map((d) => d.field).sort();
}

describe("authentication (S27)", () => {
  it.each([
    ["no header", {}, "unauthorized"],
    ["no Bearer prefix", { authorization: "sk_test_malipo_sandbox" }, "unauthorized"],
    ["Basic scheme", { authorization: "Basic abc" }, "unauthorized"],
    ["unknown key", { authorization: "Bearer sk_test_nope" }, "invalid_api_key"],
  ])("%s → 401 %s without details", async (_name, headers, code) => {
    const res = await fetch(`${sb.url}/api/v1/payments`, { headers });
    const body = (await res.json()) as Record<string, unknown>;
    expect(res.status).toBe(401);
    expect(body).toEqual({ status: "error", code: 401, error_code: code, message: expect.any(String) });
  });

  it("control endpoints need the key too", async () => {
    const res = await fetch(`${sb.url}/control/settings`);
    expect(res.status).toBe(401);
  });
});

describe.each(TYPES)("create %s", (type) => {
  it("201 with exactly the §6 fields", async () => {
    const res = await sb.create(paymentBody(type, { reference: `REC-${type}` }));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: "success", code: 201, message: "Payment created successfully" });
    const data = res.body.data as Record<string, unknown>;
    const expected = [
      "id",
      "reference",
      "external_id",
      "amount",
      "margin_amount",
      "total_amount",
      "currency",
      "phone",
    ];
    expected.push("network");
    if (type !== "mobile") expected.push("payment_url");
    if (type === "dynamic-qr") expected.push("qr_code");
    expected.push("status");
    if (type !== "mobile") expected.push("payment_token");
    expected.push("created_at", "completed_at");
    expect(Object.keys(data)).toEqual(expected);
    expect(data).toMatchObject({
      amount: 5000,
      margin_amount: 150,
      total_amount: 5150,
      currency: "TZS",
      phone: "255712345678",
      network: "tigo",
      status: "pending",
      completed_at: null,
    });
    expect(data.external_id).toMatch(/^EXT-\d{8}-\d{3}$/);
    expect(data.created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    if (type !== "mobile") {
      expect(data.payment_url).toBe(`${sb.url}/pay/${String(data.id)}`);
      expect(data.payment_token).toMatch(/^tok_/);
    }
  });

  it.each([
    ["amount as a string", { amount: "5000" }, ["amount"]],
    ["zero amount", { amount: 0 }, ["amount"]],
    ["three decimals", { amount: 10.005 }, ["amount"]],
    ["unsupported currency", { currency: "EUR" }, ["currency"]],
    ["unknown type", { type: "crypto" }, ["type"]],
    ["bad email", { customer: { firstname: "A", lastname: "B", email: "nope" } }, ["customer.email"]],
    [
      "missing customer",
      { customer: undefined },
      ["customer.email", "customer.firstname", "customer.lastname"],
    ],
    ["missing phone", { phone: undefined }, ["phone"]],
    ["short phone", { phone: "1234" }, ["phone"]],
    ["unknown network", { network: "safaricom" }, ["network"]],
    ["bad webhook_url", { webhook_url: "ftp://x" }, ["webhook_url"]],
    ["bad callback_url", { callback_url: "not a url" }, ["callback_url"]],
    ["long reference", { reference: "r".repeat(256) }, ["reference"]],
    ["everything at once", { amount: -1, currency: "EUR", phone: "x" }, ["amount", "currency", "phone"]],
  ])("%s → 400 VALIDATION_ERROR naming every bad field", async (_name, overrides, expected) => {
    const res = await sb.create(paymentBody(type, overrides));
    expect(res.status).toBe(400);
    expect(res.body.error_code).toBe("VALIDATION_ERROR");
    expect(fields(res.body)).toEqual([...expected].sort());
  });

  it("a 402 magic phone declines with a failed record that replays as 200", async () => {
    const key = crypto.randomUUID();
    const res = await sb.create(paymentBody(type, { phone: "255700000402", reference: `DEC-${type}` }), key);
    expect(res.status).toBe(402);
    expect(res.body.error_code).toBe("PAYMENT_DECLINED");
    const details = res.body.details as Record<string, unknown>;
    expect(details).toMatchObject({ status: "failed", reference: `DEC-${type}` });
    const got = await sb.call("GET", `/api/v1/payments/${String(details.transaction_id)}`);
    expect((got.body.data as Record<string, unknown>).status).toBe("failed");
    const replay = await sb.create(paymentBody(type, { phone: "255700000402" }), key);
    expect(replay.status).toBe(200);
    expect((replay.body.data as Record<string, unknown>).id).toBe(details.transaction_id);
    // A failed attempt does not block its reference.
    const again = await sb.create(paymentBody(type, { reference: `DEC-${type}` }));
    expect(again.status).toBe(201);
  });

  it("403 magic phone → TRANSACTION_BLOCKED, key not bound", async () => {
    const key = crypto.randomUUID();
    const res = await sb.create(paymentBody(type, { phone: "255700000403" }), key);
    expect(res.status).toBe(403);
    expect(res.body.error_code).toBe("TRANSACTION_BLOCKED");
    const retry = await sb.create(paymentBody(type), key);
    expect(retry.status).toBe(201);
  });

  it("502 magic phone fails once per key; the retry with the same key creates", async () => {
    const key = crypto.randomUUID();
    const body = paymentBody(type, { phone: "255700000502" });
    const first = await sb.create(body, key);
    expect(first.status).toBe(502);
    expect(first.body.error_code).toBe("PROVIDER_UNAVAILABLE");
    const second = await sb.create(body, key);
    expect(second.status).toBe(201);
    const third = await sb.create(body, key);
    expect(third.status).toBe(200);
    expect((third.body.data as Record<string, unknown>).id).toBe(
      (second.body.data as Record<string, unknown>).id,
    );
  });
});

describe("type rules → 400 PAYMENT_FAILED", () => {
  it("card without redirect_url, cancel_url and billing address", async () => {
    const res = await sb.create(
      paymentBody("card", {
        redirect_url: undefined,
        cancel_url: undefined,
        customer: { firstname: "A", lastname: "B", email: "a@b.co", city: "Dar" },
      }),
    );
    expect(res.status).toBe(400);
    expect(res.body.error_code).toBe("PAYMENT_FAILED");
    expect(fields(res.body)).toEqual(
      [
        "cancel_url",
        "customer.address",
        "customer.country",
        "customer.postcode",
        "customer.state",
        "redirect_url",
      ].sort(),
    );
  });

  it("mobile TZS below 500, but not card or QR", async () => {
    const low = await sb.create(paymentBody("mobile", { amount: 499 }));
    expect(low.status).toBe(400);
    expect(low.body.error_code).toBe("PAYMENT_FAILED");
    expect((await sb.create(paymentBody("mobile", { amount: 500 }))).status).toBe(201);
    expect((await sb.create(paymentBody("dynamic-qr", { amount: 1 }))).status).toBe(201);
  });

  it("VALIDATION_ERROR wins over PAYMENT_FAILED (S11)", async () => {
    const res = await sb.create(paymentBody("card", { redirect_url: undefined, amount: "x" }));
    expect(res.body.error_code).toBe("VALIDATION_ERROR");
  });
});

describe("phones and networks (§5.4, §5.5, S8, S9)", () => {
  it.each([
    [{ type: "mobile", phone: "+255 712-345-678" }, "255712345678", "tigo"],
    [{ type: "mobile", phone: "754123456" }, "255754123456", "vodacom"],
    [{ type: "mobile", phone: "0684000000", network: "MPESA" }, "255684000000", "vodacom"],
    [{ type: "mobile", phone: "0654000000", network: " Mixx " }, "255654000000", "tigo"],
    [{ type: "mobile", phone: "254712345678", currency: "KES" }, "254712345678", undefined],
    [{ type: "card", phone: "+44 20 7946 0958" }, "442079460958", undefined],
    [{ type: "dynamic-qr", phone: "0784000000" }, "255784000000", "airtel"],
  ])("%o → %s %s", async (overrides, phone, network) => {
    const res = await sb.create(paymentBody(overrides.type as "mobile", overrides));
    expect(res.status).toBe(201);
    const data = res.body.data as Record<string, unknown>;
    expect(data.phone).toBe(phone);
    expect(data.network).toBe(network);
  });

  it.each<[Record<string, unknown>, string]>([
    [{ phone: "0812345678" }, "TZS mobile must be 255[67]…"],
    [{ phone: "12345", currency: "USD" }, "non-TZS mobile needs 10–15 digits"],
  ])("%o → 400 phone (%s)", async (overrides) => {
    const res = await sb.create(paymentBody("mobile", overrides));
    expect(res.status).toBe(400);
    expect(fields(res.body)).toEqual(["phone"]);
  });

  it("amounts with two decimals are kept exactly, margin rounds half-up", async () => {
    const res = await sb.create(paymentBody("dynamic-qr", { amount: 10.05, currency: "USD" }));
    expect(res.body.data).toMatchObject({ amount: 10.05, margin_amount: 0.3, total_amount: 10.35 });
    const odd = await sb.create(paymentBody("dynamic-qr", { amount: 0.5, currency: "USD" }));
    expect(odd.body.data).toMatchObject({ amount: 0.5, margin_amount: 0.02 });
  });
});

describe("idempotency (S11–S14)", () => {
  it("missing key → IDEMPOTENCY_KEY_REQUIRED; > 255 → VALIDATION_ERROR", async () => {
    const missing = await sb.call("POST", "/api/v1/payments", paymentBody("mobile"));
    expect(missing.status).toBe(400);
    expect(missing.body.error_code).toBe("IDEMPOTENCY_KEY_REQUIRED");
    const long = await sb.create(paymentBody("mobile"), "k".repeat(256));
    expect(long.status).toBe(400);
    expect(long.body.error_code).toBe("VALIDATION_ERROR");
    expect(fields(long.body)).toEqual(["Idempotency-Key"]);
  });

  it("check order: auth before key, key before body, replay before validation", async () => {
    const noAuth = await fetch(`${sb.url}/api/v1/payments`, { method: "POST", body: "{" });
    expect(noAuth.status).toBe(401);
    const noKey = await sb.call("POST", "/api/v1/payments", "{not json");
    expect(noKey.body.error_code).toBe("IDEMPOTENCY_KEY_REQUIRED");
    const key = crypto.randomUUID();
    const created = await sb.create(paymentBody("mobile"), key);
    const replay = await sb.create({ garbage: true }, key);
    expect(replay.status).toBe(200);
    expect(replay.body.message).toBe("Payment retrieved successfully");
    expect((replay.body.data as Record<string, unknown>).id).toBe(
      (created.body.data as Record<string, unknown>).id,
    );
  });

  it("errors other than 402 do not bind the key", async () => {
    const key = crypto.randomUUID();
    expect((await sb.create(paymentBody("mobile", { amount: 1 }), key)).status).toBe(400);
    expect((await sb.create(paymentBody("mobile"), key)).status).toBe(201);
  });

  it("50 parallel same-key creates → one payment: first 201, others 200", async () => {
    const local = await startTestSandbox();
    try {
      const key = crypto.randomUUID();
      const results = await Promise.all(
        Array.from({ length: 50 }, () => local.create(paymentBody("mobile"), key)),
      );
      const statuses = results.map((r) => r.status).sort();
      expect(statuses.filter((s) => s === 201)).toHaveLength(1);
      expect(statuses.filter((s) => s === 200)).toHaveLength(49);
      expect(new Set(results.map((r) => (r.body.data as Record<string, unknown>).id)).size).toBe(1);
      const list = await local.call("GET", "/api/v1/payments");
      expect((list.body.meta as Record<string, unknown>).total).toBe(1);
    } finally {
      await local.close();
    }
  });

  it("test and live keys never share idempotency records or payments", async () => {
    const local = await startTestSandbox({ apiKeys: ["sk_test_malipo_sandbox", "sk_live_other"] });
    try {
      const key = crypto.randomUUID();
      const test = await local.create(paymentBody("mobile"), key);
      const live = await local.call("POST", "/api/v1/payments", paymentBody("mobile"), {
        authorization: "Bearer sk_live_other",
        "idempotency-key": key,
      });
      expect(live.status).toBe(201);
      const id = (test.body.data as Record<string, unknown>).id as string;
      const cross = await local.call("GET", `/api/v1/payments/${id}`, undefined, {
        authorization: "Bearer sk_live_other",
      });
      expect(cross.status).toBe(404);
    } finally {
      await local.close();
    }
  });

  it("rejectKeyReuseWithDifferentBody → 422 on a changed body", async () => {
    const local = await startTestSandbox({ rejectKeyReuseWithDifferentBody: true });
    try {
      const key = crypto.randomUUID();
      await local.create(paymentBody("mobile"), key);
      expect((await local.create(paymentBody("mobile"), key)).status).toBe(200);
      const changed = await local.create(paymentBody("mobile", { amount: 6000 }), key);
      expect(changed.status).toBe(422);
      expect(changed.body.error_code).toBe("IDEMPOTENCY_KEY_REUSED");
    } finally {
      await local.close();
    }
  });
});

describe("duplicate reference (S15)", () => {
  it("blocks while live, not after failed/cancelled/expired", async () => {
    const first = await sb.create(paymentBody("mobile", { reference: "DUP-1" }));
    const id = (first.body.data as Record<string, unknown>).id as string;
    const dup = await sb.create(paymentBody("dynamic-qr", { reference: "DUP-1" }));
    expect(dup.status).toBe(409);
    expect(dup.body).toMatchObject({
      error_code: "DUPLICATE_REFERENCE",
      details: { existing_transaction_id: id, existing_status: "pending", reference: "DUP-1" },
    });
    expect((await sb.call("POST", `/control/payments/${id}/complete`)).status).toBe(200);
    expect((await sb.create(paymentBody("mobile", { reference: "DUP-1" }))).status).toBe(409);

    for (const action of ["fail", "cancel", "expire"]) {
      const ref = `DUP-${action}`;
      const p = await sb.create(paymentBody("mobile", { reference: ref }));
      await sb.call(
        "POST",
        `/control/payments/${String((p.body.data as Record<string, unknown>).id)}/${action}`,
      );
      expect((await sb.create(paymentBody("mobile", { reference: ref }))).status).toBe(201);
    }
  });
});

describe("reads, list, test mode, rate limit, 404/405, legacy", () => {
  it("unknown and non-UUID ids → 404 NOT_FOUND", async () => {
    for (const id of [crypto.randomUUID(), "not-a-uuid"]) {
      const res = await sb.call("GET", `/api/v1/payments/${id}`);
      expect(res.status).toBe(404);
      expect(res.body).toEqual({
        status: "error",
        code: 404,
        error_code: "NOT_FOUND",
        message: "Payment not found",
      });
    }
    expect((await sb.call("GET", "/api/v1/nothing")).body.error_code).toBe("NOT_FOUND");
    expect((await sb.call("POST", "/api/v1/payouts", {})).status).toBe(404);
  });

  it("wrong method → 405 METHOD_NOT_ALLOWED", async () => {
    const res = await sb.call("DELETE", "/api/v1/payments");
    expect(res.status).toBe(405);
    expect(res.body.error_code).toBe("METHOD_NOT_ALLOWED");
  });

  it("an unexpected exception → 500 INTERNAL_ERROR envelope without a stack; unknown root → 404", async () => {
    const broken = new ReadableStream({
      pull(controller) {
        controller.error(new Error("socket reset"));
      },
    });
    const request = new Request(`${sb.url}/api/v1/payments`, {
      method: "POST",
      headers: { authorization: `Bearer ${KEY}`, "idempotency-key": crypto.randomUUID() },
      body: broken,
      duplex: "half",
    } as RequestInit);
    const original = console.error;
    console.error = () => undefined;
    try {
      const res = await sb.paygrid.handle(request, "/api/v1/payments");
      expect(res.status).toBe(500);
      expect(await res.json()).toEqual({
        status: "error",
        code: 500,
        error_code: "INTERNAL_ERROR",
        message: "Internal error",
      });
    } finally {
      console.error = original;
    }
    const root = await fetch(`${sb.url}/elsewhere`);
    expect(root.status).toBe(404);
    expect(((await root.json()) as Record<string, unknown>).error_code).toBe("NOT_FOUND");
  });

  it("list: newest first with page meta", async () => {
    const local = await startTestSandbox();
    try {
      const ids: string[] = [];
      for (let i = 0; i < 5; i++) {
        ids.push(((await local.create(paymentBody("mobile"))).body.data as { id: string }).id);
      }
      const page2 = await local.call("GET", "/api/v1/payments?page=2&per_page=2");
      expect(page2.body.meta).toEqual({ page: 2, per_page: 2, total: 5, total_pages: 3 });
      expect((page2.body.data as { id: string }[]).map((p) => p.id)).toEqual([ids[2], ids[1]]);
      expect((await local.call("GET", "/api/v1/payments?per_page=500")).body.meta).toMatchObject({
        per_page: 100,
      });
      expect((await local.call("GET", "/api/v1/payments?page=0")).status).toBe(400);
    } finally {
      await local.close();
    }
  });

  it("test mode off → 403 TEST_MODE_UNAVAILABLE before the key check", async () => {
    const local = await startTestSandbox({ testModeEnabled: false });
    try {
      const res = await local.call("POST", "/api/v1/payments", paymentBody("mobile"));
      expect(res.status).toBe(403);
      expect(res.body.error_code).toBe("TEST_MODE_UNAVAILABLE");
      expect((await local.call("GET", "/api/v1/payments")).status).toBe(200);
    } finally {
      await local.close();
    }
  });

  it("rate limit → 429 RATE_LIMITED with Retry-After", async () => {
    const local = await startTestSandbox({ rateLimitPerMinute: 3 });
    try {
      for (let i = 0; i < 3; i++) expect((await local.call("GET", "/api/v1/payments")).status).toBe(200);
      const res = await local.call("GET", "/api/v1/payments");
      expect(res.status).toBe(429);
      expect(res.body.error_code).toBe("RATE_LIMITED");
      expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
    } finally {
      await local.close();
    }
  });

  it("legacyBareObjects → bare records", async () => {
    const local = await startTestSandbox({ legacyBareObjects: true });
    try {
      const res = await local.create(paymentBody("dynamic-qr"));
      expect(res.status).toBe(200);
      expect(res.body.status).toBe("pending");
      expect(res.body.data).toBeUndefined();
      const got = await local.call("GET", `/api/v1/payments/${String(res.body.id)}`);
      expect(got.body).toMatchObject({ id: res.body.id, status: "pending", amount: 5000, currency: "TZS" });
    } finally {
      await local.close();
    }
  });

  it("type disabled by settings → VALIDATION_ERROR on type", async () => {
    const local = await startTestSandbox({ enabledTypes: ["mobile"] });
    try {
      const res = await local.create(paymentBody("card"));
      expect(res.status).toBe(400);
      expect(fields(res.body)).toEqual(["type"]);
    } finally {
      await local.close();
    }
  });
});
