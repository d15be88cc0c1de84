import { describe, expect, it } from "vitest";
import {
  BASE,
  PAYMENT_ID,
  client,
  envelope,
  errorReply,
  failure,
  fakeFetch,
} from "@/test/paygrid-client-fakes";

// PayGrid's POST /refunds (docs/providers.md, refunds): the documented body, the same Idempotency-Key on
// every retry, typed errors, and an answer the docs leave unspecified (their example is `{}`).

const body = { transaction_id: PAYMENT_ID, amount: 1500.5, reason: "customer_request" as const };
const refund = {
  id: "7c9e6679-7425-40de-944b-e07fc1f90ae7",
  transaction_id: PAYMENT_ID,
  amount: 1500.5,
  reason: "customer_request",
  status: "completed",
  created_at: "2026-12-01T10:00:00Z",
};

describe("createRefund", () => {
  it("posts the documented body with the key, and retries a 502 with the SAME key", async () => {
    const fake = fakeFetch(errorReply(502, "PROVIDER_UNAVAILABLE"), envelope(201, refund));
    const result = await client(fake).createRefund(body, "rf_key");
    expect(result).toEqual({ refund, replayed: false });
    expect(fake.calls.map((c) => [c.method, c.url, c.headers.get("idempotency-key")])).toEqual([
      ["POST", `${BASE}/refunds`, "rf_key"],
      ["POST", `${BASE}/refunds`, "rf_key"],
    ]);
    expect(JSON.parse(fake.calls[0]!.body!)).toEqual(body);
  });

  it("reads a 200 as a replay, and an empty `{}` answer as a refund with no id", async () => {
    expect((await client(fakeFetch(envelope(200, refund))).createRefund(body, "k")).replayed).toBe(true);
    const bare = await client(fakeFetch(envelope(201, {}))).createRefund(body, "k");
    expect(bare.refund.id).toBeUndefined();
  });

  it("fails with a typed, final error on a 400 and a retryable one after a timeout", async () => {
    const refused = await failure(
      client(
        fakeFetch(errorReply(400, "VALIDATION_ERROR", [{ field: "amount", message: "too much" }])),
      ).createRefund(body, "k"),
    );
    expect([refused.status, refused.errorCode, refused.retryable]).toEqual([400, "VALIDATION_ERROR", false]);
    const slow = await failure(
      client(fakeFetch("hang"), { timeoutMs: 20, maxRetries: 0 }).createRefund(body, "k"),
    );
    expect([slow.errorCode, slow.retryable]).toEqual(["TIMEOUT", true]);
  });
});
