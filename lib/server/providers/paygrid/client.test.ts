import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { createPayGridClient, type PayGridClientOptions } from "./client";
import { PayGridError } from "./errors";
import type { PayGridCreateBody } from "./schemas";

const BASE = "https://paygrid.test/api/v1";
const API_KEY = "sk_test_unit_0123456789abcdef";
const PAYMENT_ID = "f5d238bd-f8ab-4379-9832-0f1ce6d65cbe";

type Reply =
  | { status: number; body?: unknown; text?: string; headers?: Record<string, string> }
  | { throws: Error }
  | "hang";

interface Seen {
  url: string;
  method: string;
  headers: Headers;
  body: string | undefined;
  redirect: RequestRedirect | undefined;
}

/** A scripted fetch: answers the replies in order and records every request it saw. */
function fakeFetch(...replies: Reply[]) {
  const calls: Seen[] = [];
  const fetch: typeof globalThis.fetch = async (input, init) => {
    calls.push({
      url: String(input),
      method: init?.method ?? "GET",
      headers: new Headers(init?.headers),
      body: typeof init?.body === "string" ? init.body : undefined,
      redirect: init?.redirect,
    });
    const reply = replies.shift();
    if (reply === undefined) throw new Error(`unexpected request ${calls.length}`);
    if (reply === "hang") {
      // Like a real fetch: only the abort signal ends it.
      return new Promise<Response>((_, reject) => {
        init?.signal?.addEventListener("abort", () => reject(init.signal?.reason));
      });
    }
    if ("throws" in reply) throw reply.throws;
    const text = reply.text ?? JSON.stringify(reply.body);
    return new Response(text, { status: reply.status, headers: reply.headers });
  };
  return { fetch, calls };
}

function client(fake: ReturnType<typeof fakeFetch>, over: Partial<PayGridClientOptions> = {}) {
  return createPayGridClient({
    baseUrl: BASE,
    apiKey: API_KEY,
    fetch: fake.fetch,
    retryBaseDelayMs: 1,
    ...over,
  });
}

const record = {
  id: PAYMENT_ID,
  reference: "ORDER_123",
  external_id: "EXT-20260609-001",
  amount: 5000,
  margin_amount: 150,
  total_amount: 5150,
  currency: "TZS",
  phone: "255712345678",
  network: "vodacom",
  payment_url: "https://pay.test/p/1",
  qr_code: "000201…",
  status: "pending",
  payment_token: "tok_1",
  created_at: "2026-06-09T10:00:00Z",
  completed_at: null,
};

const envelope = (code: number, data: unknown, meta: unknown = {}) => ({
  status: code,
  body: { status: "success", code, message: "ok", data, meta },
});

const errorReply = (code: number, errorCode: string, details?: unknown, message = "Provider says no") => ({
  status: code,
  body: {
    status: "error",
    code,
    error_code: errorCode,
    message,
    ...(details === undefined ? {} : { details }),
  },
});

const createBody: PayGridCreateBody = {
  amount: 5000,
  currency: "TZS",
  type: "dynamic-qr",
  phone: "255712345678",
  customer: { firstname: "Asha", lastname: "Mushi", email: "asha@example.com" },
  reference: "ORDER_123",
  metadata: { malipo_payment_id: "pay_1" },
  webhook_url: "https://malipo.test/api/webhooks/paygrid",
};

async function failure(promise: Promise<unknown>): Promise<PayGridError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof PayGridError)) throw new Error(`expected a PayGridError, got ${inspect(error)}`);
  return error;
}

describe("createPayment", () => {
  it("posts the body with auth, JSON, user agent and the Idempotency-Key; 201 is a new payment", async () => {
    const fake = fakeFetch(envelope(201, record));
    const result = await client(fake).createPayment(createBody, "key-1");

    expect(result.replayed).toBe(false);
    expect(result.payment).toEqual(record);
    expect(fake.calls).toHaveLength(1);
    const [call] = fake.calls;
    expect(call?.url).toBe(`${BASE}/payments`);
    expect(call?.method).toBe("POST");
    expect(call?.headers.get("authorization")).toBe(`Bearer ${API_KEY}`);
    expect(call?.headers.get("idempotency-key")).toBe("key-1");
    expect(call?.headers.get("content-type")).toBe("application/json");
    expect(call?.headers.get("accept")).toBe("application/json");
    expect(call?.headers.get("user-agent")).toBe("Malipo/0.1");
    expect(call?.redirect).toBe("manual");
    expect(JSON.parse(call?.body ?? "")).toEqual(createBody);
  });

  it("reports a 200 as a replay of the payment the key already made", async () => {
    const fake = fakeFetch(envelope(200, record));
    const result = await client(fake).createPayment(createBody, "key-1");
    expect(result).toEqual({ payment: record, replayed: true });
  });

  it("tolerates the older bare-object answer, where even a fresh create is a 200", async () => {
    const bare = { id: PAYMENT_ID, status: "pending", payment_url: "https://pay.test/p/1", qr_code: "qr" };
    const fake = fakeFetch({ status: 200, body: bare });
    const result = await client(fake).createPayment(createBody, "key-1");
    expect(result).toEqual({ payment: bare, replayed: false });
  });

  it("lowercases an uppercase network and accepts missing optional fields", async () => {
    const fake = fakeFetch(
      envelope(201, { id: PAYMENT_ID, status: "pending", network: "AIRTEL", amount: 12.5 }),
    );
    const { payment } = await client(fake).createPayment(createBody, "key-1");
    expect(payment).toEqual({ id: PAYMENT_ID, status: "pending", network: "airtel", amount: 12.5 });
  });

  it("uses a custom user agent and trims a trailing slash off the base URL", async () => {
    const fake = fakeFetch(envelope(201, record));
    await client(fake, { baseUrl: `${BASE}/`, userAgent: "Malipo-Test/9" }).createPayment(createBody, "k");
    expect(fake.calls[0]?.url).toBe(`${BASE}/payments`);
    expect(fake.calls[0]?.headers.get("user-agent")).toBe("Malipo-Test/9");
  });

  it.each([
    ["empty", ""],
    ["longer than 255 characters", "k".repeat(256)],
  ])("refuses an Idempotency-Key that is %s without calling PayGrid", async (_, key) => {
    const fake = fakeFetch();
    await expect(client(fake).createPayment(createBody, key)).rejects.toThrow(TypeError);
    expect(fake.calls).toHaveLength(0);
  });

  it("accepts a 255-character Idempotency-Key", async () => {
    const fake = fakeFetch(envelope(201, record));
    await client(fake).createPayment(createBody, "k".repeat(255));
    expect(fake.calls[0]?.headers.get("idempotency-key")).toHaveLength(255);
  });
});

describe("reads", () => {
  it("getPayment GETs the encoded id without a body or Idempotency-Key", async () => {
    const fake = fakeFetch(envelope(200, record));
    const payment = await client(fake).getPayment("a/b c?d");
    expect(payment.id).toBe(PAYMENT_ID);
    const [call] = fake.calls;
    expect(call?.url).toBe(`${BASE}/payments/a%2Fb%20c%3Fd`);
    expect(call?.method).toBe("GET");
    expect(call?.body).toBeUndefined();
    expect(call?.headers.get("idempotency-key")).toBeNull();
    expect(call?.headers.get("content-type")).toBeNull();
    expect(call?.headers.get("authorization")).toBe(`Bearer ${API_KEY}`);
  });

  it("getPayment tolerates a bare record", async () => {
    const fake = fakeFetch({
      status: 200,
      body: { id: PAYMENT_ID, status: "completed", amount: 5000, currency: "TZS" },
    });
    expect(await client(fake).getPayment(PAYMENT_ID)).toEqual({
      id: PAYMENT_ID,
      status: "completed",
      amount: 5000,
      currency: "TZS",
    });
  });

  it("getPayment unwraps `data` even without the rest of the envelope", async () => {
    const fake = fakeFetch({ status: 200, body: { data: record } });
    expect(await client(fake).getPayment(PAYMENT_ID)).toEqual(record);
  });

  it("listPayments sends page and per_page and returns the pagination meta", async () => {
    const meta = { page: 2, per_page: 1, total: 3, total_pages: 3 };
    const fake = fakeFetch(envelope(200, [record], meta));
    const result = await client(fake).listPayments({ page: 2, perPage: 1 });
    expect(fake.calls[0]?.url).toBe(`${BASE}/payments?page=2&per_page=1`);
    expect(result).toEqual({ payments: [record], meta });
  });

  it("listPayments without a query, a bare array answer and no meta", async () => {
    const fake = fakeFetch({ status: 200, body: [record] });
    const result = await client(fake).listPayments();
    expect(fake.calls[0]?.url).toBe(`${BASE}/payments`);
    expect(result).toEqual({ payments: [record] });
  });

  it("listPayments drops a meta of an unfamiliar shape instead of failing", async () => {
    const fake = fakeFetch(envelope(200, [record], { cursor: "abc" }));
    expect(await client(fake).listPayments()).toEqual({ payments: [record] });
  });

  it("refreshPayment POSTs to /refresh without a body", async () => {
    const fake = fakeFetch(envelope(200, { ...record, status: "expired" }));
    const payment = await client(fake).refreshPayment(PAYMENT_ID);
    expect(payment.status).toBe("expired");
    expect(fake.calls[0]?.url).toBe(`${BASE}/payments/${PAYMENT_ID}/refresh`);
    expect(fake.calls[0]?.method).toBe("POST");
    expect(fake.calls[0]?.body).toBeUndefined();
  });

  it("getPaymentEvents returns the audit rows oldest first, as sent", async () => {
    const rows = [
      {
        id: "e1",
        transaction_id: PAYMENT_ID,
        status: "pending",
        message: "created",
        actor_type: "merchant",
        created_at: "2026-06-09T10:00:00Z",
      },
      {
        id: "e2",
        transaction_id: PAYMENT_ID,
        status: "completed",
        message: "paid",
        actor_type: "psp",
        created_at: "2026-06-09T10:01:00Z",
      },
    ];
    const fake = fakeFetch(envelope(200, rows));
    expect(await client(fake).getPaymentEvents(PAYMENT_ID)).toEqual(rows);
    expect(fake.calls[0]?.url).toBe(`${BASE}/payments/${PAYMENT_ID}/events`);
    expect(fake.calls[0]?.method).toBe("GET");
  });
});

describe("error envelopes", () => {
  const fieldDetails = [{ field: "customer.email", message: "must be a valid email" }];
  const declineDetails = { transaction_id: PAYMENT_ID, status: "failed", reference: "ORDER_123" };
  const duplicateDetails = {
    existing_transaction_id: PAYMENT_ID,
    existing_status: "pending",
    reference: "ORDER_123",
  };

  it.each([
    [400, "VALIDATION_ERROR", fieldDetails, false],
    [400, "PAYMENT_FAILED", undefined, false],
    [400, "IDEMPOTENCY_KEY_REQUIRED", undefined, false],
    [402, "PAYMENT_DECLINED", declineDetails, false],
    [409, "DUPLICATE_REFERENCE", duplicateDetails, false],
    [403, "TRANSACTION_BLOCKED", undefined, false],
    [403, "TEST_MODE_UNAVAILABLE", undefined, false],
    [401, "unauthorized", undefined, false],
    [401, "invalid_api_key", undefined, false],
    [404, "NOT_FOUND", undefined, false],
    [502, "PROVIDER_UNAVAILABLE", undefined, true],
    [502, "PROVIDER_ERROR", undefined, true],
    [429, "RATE_LIMITED", undefined, true],
    [500, "INTERNAL_ERROR", undefined, true],
  ])(
    "HTTP %i %s → PayGridError with that code and details",
    async (status, errorCode, details, retryable) => {
      const fake = fakeFetch(errorReply(status, errorCode, details, `about ${errorCode}`));
      const error = await failure(client(fake, { maxRetries: 0 }).createPayment(createBody, "key-1"));
      expect(error).toBeInstanceOf(Error);
      expect(error.name).toBe("PayGridError");
      expect(error.status).toBe(status);
      expect(error.errorCode).toBe(errorCode);
      expect(error.details).toEqual(details);
      expect(error.retryable).toBe(retryable);
      expect(error.message).toBe(`about ${errorCode}`);
    },
  );

  it("keeps the error_code when details have an unexpected shape", async () => {
    const fake = fakeFetch(errorReply(400, "VALIDATION_ERROR", "amount is wrong"));
    const error = await failure(client(fake).createPayment(createBody, "key-1"));
    expect(error.errorCode).toBe("VALIDATION_ERROR");
    expect(error.details).toBeUndefined();
  });

  it("treats an error envelope inside a 2xx answer as the error it says it is", async () => {
    const fake = fakeFetch({
      status: 200,
      body: { status: "error", code: 400, error_code: "PAYMENT_FAILED", message: "x" },
    });
    const error = await failure(client(fake).createPayment(createBody, "key-1"));
    expect(error.errorCode).toBe("PAYMENT_FAILED");
    expect(error.status).toBe(200);
    expect(error.retryable).toBe(false);
  });
});

describe("unusable answers → BAD_RESPONSE with the HTTP status kept", () => {
  it("a 2xx HTML page", async () => {
    const fake = fakeFetch({ status: 200, text: "<html>hello</html>" });
    const error = await failure(client(fake).getPayment(PAYMENT_ID));
    expect(error).toMatchObject({ status: 200, errorCode: "BAD_RESPONSE", retryable: false });
    expect(fake.calls).toHaveLength(1);
  });

  it("an empty 201", async () => {
    const fake = fakeFetch({ status: 201, text: "" });
    const error = await failure(client(fake).createPayment(createBody, "k"));
    expect(error).toMatchObject({ status: 201, errorCode: "BAD_RESPONSE", retryable: false });
  });

  it("a record without an id", async () => {
    const fake = fakeFetch(envelope(201, { status: "pending", amount: 5000 }));
    const error = await failure(client(fake).createPayment(createBody, "k"));
    expect(error).toMatchObject({ status: 201, errorCode: "BAD_RESPONSE" });
    expect(error.message).toContain("id");
  });

  it("an amount sent as a string (amounts are JSON numbers, §5.2)", async () => {
    const fake = fakeFetch(envelope(200, { ...record, amount: "5000" }));
    const error = await failure(client(fake).getPayment(PAYMENT_ID));
    expect(error).toMatchObject({ status: 200, errorCode: "BAD_RESPONSE" });
    expect(error.message).toContain("amount");
  });

  it("events that are not an array", async () => {
    const fake = fakeFetch(envelope(200, { id: "e1" }));
    await expect(client(fake).getPaymentEvents(PAYMENT_ID)).rejects.toMatchObject({
      errorCode: "BAD_RESPONSE",
    });
  });

  it("a 502 gateway page is retryable (the status says so) and becomes BAD_RESPONSE 502 at the end", async () => {
    const html = { status: 502, text: "<html>Bad gateway</html>" };
    const fake = fakeFetch(html, html);
    const error = await failure(client(fake, { maxRetries: 1 }).getPayment(PAYMENT_ID));
    expect(error).toMatchObject({ status: 502, errorCode: "BAD_RESPONSE", retryable: true });
    expect(fake.calls).toHaveLength(2);
  });

  it("a 404 without a body", async () => {
    const fake = fakeFetch({ status: 404, text: "" });
    const error = await failure(client(fake).getPayment(PAYMENT_ID));
    expect(error).toMatchObject({ status: 404, errorCode: "BAD_RESPONSE", retryable: false });
    expect(fake.calls).toHaveLength(1);
  });

  it("a redirect is not followed (it would carry the bearer key elsewhere)", async () => {
    const fake = fakeFetch({ status: 302, text: "", headers: { location: "https://elsewhere.test/" } });
    const error = await failure(client(fake).getPayment(PAYMENT_ID));
    expect(error).toMatchObject({ status: 302, errorCode: "BAD_RESPONSE", retryable: false });
    expect(fake.calls).toHaveLength(1);
  });
});

describe("retries", () => {
  const keysOf = (fake: ReturnType<typeof fakeFetch>) =>
    fake.calls.map((c) => c.headers.get("idempotency-key"));

  it("retries a 502 and a network error with the SAME Idempotency-Key and body, then succeeds", async () => {
    const fake = fakeFetch(
      errorReply(502, "PROVIDER_UNAVAILABLE"),
      { throws: new TypeError("fetch failed") },
      envelope(201, record),
    );
    const result = await client(fake).createPayment(createBody, "same-key");
    expect(result).toEqual({ payment: record, replayed: false });
    expect(fake.calls).toHaveLength(3);
    expect(keysOf(fake)).toEqual(["same-key", "same-key", "same-key"]);
    expect(new Set(fake.calls.map((c) => c.body)).size).toBe(1);
  });

  it("a retry that lands on an already-made payment is a replay", async () => {
    const fake = fakeFetch({ throws: new TypeError("fetch failed") }, envelope(200, record));
    expect(await client(fake).createPayment(createBody, "same-key")).toEqual({
      payment: record,
      replayed: true,
    });
    expect(keysOf(fake)).toEqual(["same-key", "same-key"]);
  });

  it("gives up after maxRetries (default 2) with the last error", async () => {
    const fake = fakeFetch(
      errorReply(502, "PROVIDER_UNAVAILABLE"),
      errorReply(503, "INTERNAL_ERROR"),
      errorReply(502, "PROVIDER_ERROR"),
    );
    const error = await failure(client(fake).createPayment(createBody, "same-key"));
    expect(error).toMatchObject({ status: 502, errorCode: "PROVIDER_ERROR", retryable: true });
    expect(keysOf(fake)).toEqual(["same-key", "same-key", "same-key"]);
  });

  it.each([
    [400, "VALIDATION_ERROR"],
    [400, "IDEMPOTENCY_KEY_REQUIRED"],
    [401, "invalid_api_key"],
    [402, "PAYMENT_DECLINED"],
    [403, "TRANSACTION_BLOCKED"],
    [404, "NOT_FOUND"],
    [409, "DUPLICATE_REFERENCE"],
  ])("never retries a %i %s", async (status, errorCode) => {
    const fake = fakeFetch(errorReply(status, errorCode), envelope(201, record));
    const error = await failure(client(fake, { maxRetries: 5 }).createPayment(createBody, "k"));
    expect(error.errorCode).toBe(errorCode);
    expect(fake.calls).toHaveLength(1);
  });

  it("retries reads too (a GET is safe to repeat)", async () => {
    const fake = fakeFetch(errorReply(502, "PROVIDER_ERROR"), envelope(200, record));
    expect((await client(fake).refreshPayment(PAYMENT_ID)).id).toBe(PAYMENT_ID);
    expect(fake.calls).toHaveLength(2);
  });

  it("maxRetries 0 means one attempt", async () => {
    const fake = fakeFetch({ throws: new TypeError("fetch failed") }, envelope(200, record));
    const error = await failure(client(fake, { maxRetries: 0 }).getPayment(PAYMENT_ID));
    expect(error).toMatchObject({ status: 0, errorCode: "NETWORK_ERROR", retryable: true });
    expect(fake.calls).toHaveLength(1);
  });

  it("honours Retry-After seconds on a 429", async () => {
    const fake = fakeFetch(
      { ...errorReply(429, "RATE_LIMITED"), headers: { "retry-after": "1" } },
      envelope(200, record),
    );
    const started = Date.now();
    await client(fake).getPayment(PAYMENT_ID);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(fake.calls).toHaveLength(2);
  });

  it("caps a long Retry-After at maxRetryDelayMs", async () => {
    const fake = fakeFetch(
      { ...errorReply(429, "RATE_LIMITED"), headers: { "retry-after": "3600" } },
      envelope(200, record),
    );
    const started = Date.now();
    await client(fake, { maxRetryDelayMs: 20 }).getPayment(PAYMENT_ID);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(fake.calls).toHaveLength(2);
  });

  it("backs off exponentially between attempts", async () => {
    const at: number[] = [];
    const fake = fakeFetch(
      errorReply(502, "PROVIDER_ERROR"),
      errorReply(502, "PROVIDER_ERROR"),
      envelope(200, record),
    );
    const timed: typeof fetch = (input, init) => {
      at.push(Date.now());
      return fake.fetch(input, init);
    };
    await createPayGridClient({
      baseUrl: BASE,
      apiKey: API_KEY,
      fetch: timed,
      retryBaseDelayMs: 100,
    }).getPayment(PAYMENT_ID);
    const [a = 0, b = 0, c = 0] = at;
    // Equal jitter: the first wait is 50–100 ms, the second 100–200 ms.
    expect(b - a).toBeGreaterThanOrEqual(45);
    expect(c - b).toBeGreaterThanOrEqual(95);
  });
});

describe("timeouts", () => {
  it("a hanging attempt → TIMEOUT, status 0, retryable", async () => {
    const fake = fakeFetch("hang");
    const error = await failure(
      client(fake, { timeoutMs: 30, maxRetries: 0 }).createPayment(createBody, "k"),
    );
    expect(error).toMatchObject({ status: 0, errorCode: "TIMEOUT", retryable: true });
  });

  it("each attempt gets its own timeout, and the retry keeps the key", async () => {
    const fake = fakeFetch("hang", envelope(201, record));
    const result = await client(fake, { timeoutMs: 30, maxRetries: 1 }).createPayment(createBody, "same-key");
    expect(result.replayed).toBe(false);
    expect(fake.calls.map((c) => c.headers.get("idempotency-key"))).toEqual(["same-key", "same-key"]);
  });

  it("a network error is NETWORK_ERROR with the cause's code, not TIMEOUT", async () => {
    const refused = new TypeError("fetch failed", {
      cause: Object.assign(new Error("connect"), { code: "ECONNREFUSED" }),
    });
    const fake = fakeFetch({ throws: refused });
    const error = await failure(client(fake, { maxRetries: 0 }).getPayment(PAYMENT_ID));
    expect(error).toMatchObject({ status: 0, errorCode: "NETWORK_ERROR", retryable: true });
    expect(error.message).toContain("ECONNREFUSED");
  });
});

describe("the API key never leaks into errors", () => {
  const leaks = (error: PayGridError) =>
    [error.message, String(error), error.stack ?? "", inspect(error, { depth: 5 })].some((s) =>
      s.includes(API_KEY),
    );

  it("not when PayGrid echoes it in its message", async () => {
    const fake = fakeFetch(errorReply(401, "invalid_api_key", undefined, `Key ${API_KEY} is not valid`));
    const error = await failure(client(fake).getPayment(PAYMENT_ID));
    expect(error.errorCode).toBe("invalid_api_key");
    expect(error.message).toBe("Key [redacted] is not valid");
    expect(leaks(error)).toBe(false);
  });

  it("not when the runtime's network error mentions it", async () => {
    const fake = fakeFetch({ throws: new TypeError(`Invalid header value "Bearer ${API_KEY}"`) });
    const error = await failure(client(fake, { maxRetries: 0 }).getPayment(PAYMENT_ID));
    expect(error.errorCode).toBe("NETWORK_ERROR");
    expect(leaks(error)).toBe(false);
  });

  it("not in any of the client's own messages", async () => {
    const replies: Reply[] = [
      { status: 200, text: "nope" },
      "hang",
      { status: 500, text: "" },
      envelope(200, { id: 1 }),
    ];
    for (const reply of replies) {
      const fake = fakeFetch(reply);
      const error = await failure(client(fake, { maxRetries: 0, timeoutMs: 20 }).getPayment(PAYMENT_ID));
      expect(leaks(error)).toBe(false);
    }
  });
});
