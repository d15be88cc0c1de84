import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { KEY, paymentBody, startTestSandbox, type TestSandbox } from "@/test/paygrid-sandbox";
import { fields } from "@/test/paygrid-sandbox-fixtures";

// The PayGrid sandbox around create: authentication (S27), reads, list, test mode, rate limit, 404/405 and
// legacy bodies (S25, S29, S36) (docs/providers.md#paygrid-sandbox).

let sb: TestSandbox;
beforeAll(async () => {
  sb = await startTestSandbox({ autoOutcomeDelaySeconds: 60 });
});
afterAll(async () => {
  await sb.close();
});

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
