import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandboxServer, type SandboxServer } from "@/lib/sandbox/node-server";
import { SANDBOX_PAYGRID_API_KEY } from "@/lib/sandbox-credentials";
import { createPayGridClient, type PayGridClientOptions } from "./client";
import { PayGridError } from "./errors";
import type { PayGridCreateBody, PayGridPaymentType } from "./schemas";

// The client against our PayGrid sandbox over real HTTP (docs/providers.md#paygrid-sandbox): the same wire format, errors,
// idempotency and magic phones the app meets in sandbox mode.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

interface Sent {
  method: string;
  url: string;
  idempotencyKey: string | null;
  status: number;
}

let sandbox: SandboxServer;
let sent: Sent[] = [];

/** Real fetch, with every request and its answer's status written down. */
const recordingFetch: typeof fetch = async (input, init) => {
  const response = await fetch(input, init);
  sent.push({
    method: init?.method ?? "GET",
    url: String(input),
    idempotencyKey: new Headers(init?.headers).get("idempotency-key"),
    status: response.status,
  });
  return response;
};

function paygrid(over: Partial<PayGridClientOptions> = {}) {
  return createPayGridClient({
    baseUrl: `${sandbox.url}/api/v1`,
    apiKey: SANDBOX_PAYGRID_API_KEY,
    fetch: recordingFetch,
    retryBaseDelayMs: 10,
    timeoutMs: 5000,
    ...over,
  });
}

function body(type: PayGridPaymentType, over: Partial<PayGridCreateBody> = {}): PayGridCreateBody {
  const card = type === "card";
  return {
    amount: 5000,
    currency: "TZS",
    type,
    phone: "0712345678",
    customer: {
      firstname: "Asha",
      lastname: "Mushi",
      email: "asha@example.com",
      ...(card
        ? { address: "1 Samora Ave", city: "Dar es Salaam", state: "Dar", postcode: "11101", country: "TZ" }
        : {}),
    },
    reference: `IT-${randomUUID()}`,
    ...(card
      ? { redirect_url: "https://shop.example.com/ok", cancel_url: "https://shop.example.com/cancel" }
      : {}),
    ...over,
  };
}

async function failure(promise: Promise<unknown>): Promise<PayGridError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof PayGridError)) throw new Error(`expected a PayGridError, got ${String(error)}`);
  return error;
}

const creates = (key: string) => sent.filter((s) => s.method === "POST" && s.idempotencyKey === key);

beforeAll(async () => {
  sandbox = await startSandboxServer({ port: 0, paygrid: { settings: { autoOutcomeDelaySeconds: 0.1 } } });
});
afterAll(async () => {
  await sandbox.close();
});

describe("createPayment", () => {
  it("mobile: 201, pending, normalized phone, lowercase network, no payment_url or qr_code", async () => {
    const { payment, replayed } = await paygrid().createPayment(
      body("mobile", { phone: "0754 123-456" }),
      randomUUID(),
    );
    expect(replayed).toBe(false);
    expect(payment.id).toMatch(UUID);
    expect(payment).toMatchObject({
      status: "pending",
      amount: 5000,
      margin_amount: 150,
      total_amount: 5150,
      currency: "TZS",
      phone: "255754123456",
      network: "vodacom",
      completed_at: null,
    });
    expect(payment.payment_url).toBeUndefined();
    expect(payment.qr_code).toBeUndefined();
  });

  it("card: a hosted payment_url and no qr_code", async () => {
    const { payment, replayed } = await paygrid().createPayment(
      body("card", { amount: 12.5, currency: "USD", phone: "+1 415 555 0100" }),
      randomUUID(),
    );
    expect(replayed).toBe(false);
    expect(payment).toMatchObject({ status: "pending", amount: 12.5, currency: "USD" });
    expect(payment.payment_url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/pay\//);
    expect(payment.payment_token).toMatch(/^tok_/);
    expect(payment.qr_code).toBeUndefined();
  });

  it("dynamic-qr: a TANQR payload and the hosted fallback", async () => {
    const { payment } = await paygrid().createPayment(body("dynamic-qr"), randomUUID());
    expect(payment.status).toBe("pending");
    expect(payment.qr_code).toMatch(/^000201/);
    expect(payment.payment_url).toContain(payment.id);
  });

  it("the same Idempotency-Key again is a replay of the same payment (200)", async () => {
    const key = randomUUID();
    const first = await paygrid().createPayment(body("dynamic-qr"), key);
    const again = await paygrid().createPayment(body("dynamic-qr"), key);
    expect(again.replayed).toBe(true);
    expect(again.payment.id).toBe(first.payment.id);
    expect(creates(key).map((s) => s.status)).toEqual([201, 200]);
  });

  it("402 PAYMENT_DECLINED carries the failed payment's id, is not retried, and the record reads as failed", async () => {
    const key = randomUUID();
    const error = await failure(paygrid().createPayment(body("mobile", { phone: "255700000402" }), key));
    expect(error).toMatchObject({ status: 402, errorCode: "PAYMENT_DECLINED", retryable: false });
    expect(creates(key)).toHaveLength(1);
    const details = error.details;
    if (details === undefined || Array.isArray(details)) throw new Error("expected object details");
    expect(details.status).toBe("failed");
    expect(details.transaction_id).toEqual(expect.stringMatching(UUID));
    const stored = await paygrid().getPayment(String(details.transaction_id));
    expect(stored.status).toBe("failed");
  });

  it("403 TRANSACTION_BLOCKED is final", async () => {
    const key = randomUUID();
    const error = await failure(paygrid().createPayment(body("dynamic-qr", { phone: "255700000403" }), key));
    expect(error).toMatchObject({ status: 403, errorCode: "TRANSACTION_BLOCKED", retryable: false });
    expect(creates(key)).toHaveLength(1);
  });

  it("a 502 is retried by the client with the same key and yields exactly one payment", async () => {
    const key = randomUUID();
    const request = body("dynamic-qr", { phone: "255700000502" });
    const { payment, replayed } = await paygrid().createPayment(request, key);
    expect(replayed).toBe(false);
    expect(creates(key).map((s) => s.status)).toEqual([502, 201]);

    const { payments } = await paygrid().listPayments({ perPage: 100 });
    expect(payments.filter((p) => p.reference === request.reference).map((p) => p.id)).toEqual([payment.id]);
  });

  it("without retries the 502 surfaces as retryable PROVIDER_UNAVAILABLE; the caller's retry with the key succeeds", async () => {
    const key = randomUUID();
    const request = body("mobile", { phone: "255700000502" });
    const error = await failure(paygrid({ maxRetries: 0 }).createPayment(request, key));
    expect(error).toMatchObject({ status: 502, errorCode: "PROVIDER_UNAVAILABLE", retryable: true });
    const { replayed } = await paygrid({ maxRetries: 0 }).createPayment(request, key);
    expect(replayed).toBe(false);
    expect(creates(key).map((s) => s.status)).toEqual([502, 201]);
  });

  it("409 DUPLICATE_REFERENCE names the live payment that holds the reference", async () => {
    const reference = `IT-DUP-${randomUUID()}`;
    const { payment } = await paygrid().createPayment(body("dynamic-qr", { reference }), randomUUID());
    const key = randomUUID();
    const error = await failure(paygrid().createPayment(body("dynamic-qr", { reference }), key));
    expect(error).toMatchObject({ status: 409, errorCode: "DUPLICATE_REFERENCE", retryable: false });
    expect(error.details).toMatchObject({
      existing_transaction_id: payment.id,
      existing_status: "pending",
      reference,
    });
    expect(creates(key)).toHaveLength(1);
  });

  it("400 VALIDATION_ERROR lists the offending fields", async () => {
    const key = randomUUID();
    const request = body("mobile", {
      phone: "12345",
      customer: { firstname: "Asha", lastname: "Mushi", email: "not-an-email" },
    });
    const error = await failure(paygrid().createPayment(request, key));
    expect(error).toMatchObject({ status: 400, errorCode: "VALIDATION_ERROR", retryable: false });
    if (!Array.isArray(error.details)) throw new Error("expected field details");
    expect(error.details.map((d) => d.field).sort()).toEqual(["customer.email", "phone"]);
    expect(creates(key)).toHaveLength(1);
  });

  it("400 PAYMENT_FAILED below the 500 TZS mobile minimum", async () => {
    const error = await failure(paygrid().createPayment(body("mobile", { amount: 499 }), randomUUID()));
    expect(error).toMatchObject({ status: 400, errorCode: "PAYMENT_FAILED", retryable: false });
  });
});

describe("reads", () => {
  it("get, refresh, events and list see the same payment through its life", async () => {
    const client = paygrid();
    const { payment } = await client.createPayment(body("dynamic-qr"), randomUUID());

    expect(await client.getPayment(payment.id)).toEqual(payment);
    expect((await client.refreshPayment(payment.id)).status).toBe("pending");

    const control = await fetch(`${sandbox.url}/control/payments/${payment.id}/complete`, {
      method: "POST",
      headers: { authorization: `Bearer ${SANDBOX_PAYGRID_API_KEY}` },
    });
    expect(control.status).toBe(200);

    const completed = await client.getPayment(payment.id);
    expect(completed.status).toBe("completed");
    expect(completed.completed_at).toEqual(expect.any(String));

    const events = await client.getPaymentEvents(payment.id);
    expect(events.map((e) => [e.status, e.actor_type])).toEqual([
      ["pending", "merchant"],
      ["completed", "psp"],
    ]);
    expect(events.every((e) => e.transaction_id === payment.id)).toBe(true);

    const newest = await client.listPayments({ page: 1, perPage: 1 });
    expect(newest.payments.map((p) => p.id)).toEqual([payment.id]);
    expect(newest.meta).toMatchObject({ page: 1, per_page: 1 });
    expect(newest.meta?.total).toBeGreaterThanOrEqual(1);
    expect(newest.meta?.total_pages).toBe(newest.meta?.total);
  });

  it("a magic-phone payment reaches its outcome by itself", async () => {
    const client = paygrid();
    const { payment } = await client.createPayment(body("mobile", { phone: "255700000002" }), randomUUID());
    // autoOutcomeDelaySeconds is 0.1; poll like the app does rather than guess how slow this machine is.
    let status = payment.status;
    for (let i = 0; i < 60 && status === "pending"; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      status = (await client.getPayment(payment.id)).status;
    }
    expect(status).toBe("failed");
  });

  it("refresh → 502 PROVIDER_ERROR is retried and then reported as retryable", async () => {
    const client = paygrid({ maxRetries: 1 });
    const { payment } = await client.createPayment(body("mobile", { phone: "255700000503" }), randomUUID());
    sent = [];
    const error = await failure(client.refreshPayment(payment.id));
    expect(error).toMatchObject({ status: 502, errorCode: "PROVIDER_ERROR", retryable: true });
    expect(sent.map((s) => [s.method, s.status])).toEqual([
      ["POST", 502],
      ["POST", 502],
    ]);
  });

  it.each([randomUUID(), "not/a uuid"])("404 NOT_FOUND for an unknown id (%s), not retried", async (id) => {
    sent = [];
    const error = await failure(paygrid().getPayment(id));
    expect(error).toMatchObject({ status: 404, errorCode: "NOT_FOUND", retryable: false });
    expect(sent).toHaveLength(1);
  });
});

describe("transport and credentials", () => {
  it("401 invalid_api_key with a wrong key: final, and the key is not in the error", async () => {
    const wrongKey = "sk_test_wrong_key_do_not_log";
    sent = [];
    const error = await failure(paygrid({ apiKey: wrongKey }).createPayment(body("mobile"), randomUUID()));
    expect(error).toMatchObject({ status: 401, errorCode: "invalid_api_key", retryable: false });
    expect(error.details).toBeUndefined();
    expect(`${error.message} ${error.stack ?? ""}`).not.toContain(wrongKey);
    expect(sent).toHaveLength(1);
  });

  it("a refused connection is a retryable NETWORK_ERROR after the retries", async () => {
    const closed = await startSandboxServer({ port: 0 });
    const url = closed.url;
    await closed.close();
    const client = createPayGridClient({
      baseUrl: `${url}/api/v1`,
      apiKey: SANDBOX_PAYGRID_API_KEY,
      maxRetries: 1,
      retryBaseDelayMs: 5,
    });
    const error = await failure(client.getPayment(randomUUID()));
    expect(error).toMatchObject({ status: 0, errorCode: "NETWORK_ERROR", retryable: true });
  });

  it("reads the older bare-object answers (legacyBareObjects)", async () => {
    const legacy = await startSandboxServer({ port: 0, paygrid: { settings: { legacyBareObjects: true } } });
    try {
      const client = createPayGridClient({
        baseUrl: `${legacy.url}/api/v1`,
        apiKey: SANDBOX_PAYGRID_API_KEY,
      });
      const { payment, replayed } = await client.createPayment(body("dynamic-qr"), randomUUID());
      expect(replayed).toBe(false);
      expect(payment).toMatchObject({ status: "pending", amount: 5000, currency: "TZS" });
      expect(payment.id).toMatch(UUID);
      expect(await client.getPayment(payment.id)).toEqual(payment);
    } finally {
      await legacy.close();
    }
  });
});
