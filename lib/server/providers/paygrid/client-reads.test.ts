import { describe, expect, it } from "vitest";
import { API_KEY, BASE, PAYMENT_ID, client, envelope, fakeFetch, record } from "@/test/paygrid-client-fakes";

// The PayGrid client's reads: get, list, refresh and events (docs/providers.md#paygrid-endpoints).

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
