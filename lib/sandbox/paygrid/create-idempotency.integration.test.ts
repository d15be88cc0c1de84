import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { paymentBody, startTestSandbox, type TestSandbox } from "@/test/paygrid-sandbox";
import { fields } from "@/test/paygrid-sandbox-fixtures";

// POST /api/v1/payments over real HTTP: idempotency and check order (S11–S14) and duplicate references
// (S15) (docs/providers.md#paygrid-idempotency, docs/providers.md#paygrid-sandbox).

let sb: TestSandbox;
beforeAll(async () => {
  sb = await startTestSandbox({ autoOutcomeDelaySeconds: 60 });
});
afterAll(async () => {
  await sb.close();
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
