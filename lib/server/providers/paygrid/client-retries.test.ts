import { describe, expect, it } from "vitest";
import { createPayGridClient } from "./client";
import {
  API_KEY,
  BASE,
  PAYMENT_ID,
  client,
  createBody,
  envelope,
  errorReply,
  failure,
  fakeFetch,
  record,
} from "@/test/paygrid-client-fakes";

// The PayGrid client's retries and timeouts: the same Idempotency-Key on every attempt
// (docs/architecture.md#outgoing-http).

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
