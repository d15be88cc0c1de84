import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  paymentBody,
  startReceiver,
  startTestSandbox,
  type Receiver,
  type TestSandbox,
} from "@/test/paygrid-sandbox";

// Persistence across restarts, refunds (S32), the merchant profile and balance (S33).

let dir: string;
let rx: Receiver;
const open: TestSandbox[] = [];

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "paygrid-sandbox-"));
  rx = await startReceiver();
});
afterEach(async () => {
  for (const s of open.splice(0)) await s.close();
  await rx.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function start(settings = {}, stateFile?: string): Promise<TestSandbox> {
  const s = await startTestSandbox(settings, stateFile ? { stateFile } : {});
  open.push(s);
  return s;
}

describe("persistence", () => {
  it("payments, events, idempotency keys and the merchant survive close() and a new instance", async () => {
    const file = path.join(dir, "nested", "state.json");
    const a = await start({}, file);
    const key = crypto.randomUUID();
    const created = await a.create(paymentBody("dynamic-qr", { reference: "KEEP-1" }), key);
    const id = (created.body.data as { id: string }).id;
    await a.call("POST", `/control/payments/${id}/complete`);
    await a.call("PUT", "/api/v1/merchants/me", { callback_url: "https://shop.example.com/cb" });
    await a.close();
    expect(fs.existsSync(file)).toBe(true);
    expect(fs.readdirSync(path.dirname(file)).filter((f) => f.endsWith(".tmp"))).toEqual([]);

    const b = await start({}, file);
    const got = await b.call("GET", `/api/v1/payments/${id}`);
    expect(got.body.data).toMatchObject({ id, status: "completed", reference: "KEEP-1" });
    const replay = await b.create(paymentBody("dynamic-qr"), key);
    expect(replay.status).toBe(200);
    expect((replay.body.data as { id: string }).id).toBe(id);
    expect((await b.create(paymentBody("mobile", { reference: "KEEP-1" }))).status).toBe(409);
    const events = (await b.call("GET", `/api/v1/payments/${id}/events`)).body.data as unknown[];
    expect(events).toHaveLength(2);
    expect((await b.call("GET", "/api/v1/merchants/me")).body.data).toMatchObject({
      callback_url: "https://shop.example.com/cb",
    });
    // The per-day external id counter continues instead of repeating EXT-…-001.
    const next = await b.create(paymentBody("mobile"));
    expect((next.body.data as { external_id: string }).external_id).not.toBe(
      (created.body.data as { external_id: string }).external_id,
    );
  });

  it("a payment whose deadline passed while stopped expires at once, with its webhook", async () => {
    const file = path.join(dir, "state.json");
    const a = await start({ expirySeconds: 0.3 }, file);
    await a.call("PUT", "/control/settings", { webhookFaults: { drop: 1 } });
    const res = await a.create(paymentBody("mobile", { webhook_url: `${rx.url}/webhook` }));
    const id = (res.body.data as { id: string }).id;
    await a.close();
    await new Promise((r) => setTimeout(r, 400));

    const b = await start({}, file);
    const [hook] = await rx.waitFor((r) => r.length === 1);
    expect(hook!.json).toMatchObject({ event: "payment.expired", transaction_id: id });
    expect(((await b.call("GET", `/api/v1/payments/${id}`)).body.data as { status: string }).status).toBe(
      "expired",
    );
  });

  it("a pending auto outcome resumes after a restart", async () => {
    const file = path.join(dir, "state.json");
    const a = await start({ autoOutcomeDelaySeconds: 0.5 }, file);
    const res = await a.create(paymentBody("mobile", { phone: "255700000001" }));
    const id = (res.body.data as { id: string }).id;
    await a.close();
    const b = await start({}, file);
    expect(((await b.call("GET", `/api/v1/payments/${id}`)).body.data as { status: string }).status).toBe(
      "pending",
    );
    await new Promise((r) => setTimeout(r, 600));
    expect(((await b.call("GET", `/api/v1/payments/${id}`)).body.data as { status: string }).status).toBe(
      "completed",
    );
  });
});

describe("refunds", () => {
  it("partial then full refund; rules and idempotency", async () => {
    const sb = await start();
    const res = await sb.create(paymentBody("mobile", { webhook_url: `${rx.url}/webhook` }));
    const id = (res.body.data as { id: string }).id;
    const refund = (body: unknown, key: string | null = crypto.randomUUID()) =>
      sb.call("POST", "/api/v1/refunds", body, key ? { "idempotency-key": key } : {});

    const early = await refund({ transaction_id: id, amount: 100, reason: "other" });
    expect(early.status).toBe(400);
    expect(early.body.error_code).toBe("VALIDATION_ERROR");

    await sb.call("POST", `/control/payments/${id}/complete`);
    await rx.waitFor((r) => r.length === 1);
    expect((await refund({ transaction_id: id, amount: 100, reason: "other" }, null)).body.error_code).toBe(
      "IDEMPOTENCY_KEY_REQUIRED",
    );
    const bad = await refund({ transaction_id: id, amount: "1", reason: "because" });
    expect((bad.body.details as { field: string }[]).map((d) => d.field)).toEqual(["amount", "reason"]);

    const key = crypto.randomUUID();
    const partial = await refund({ transaction_id: id, amount: 1500.5, reason: "customer_request" }, key);
    expect(partial.status).toBe(201);
    expect(partial.body.message).toBe("Refund created successfully");
    expect(partial.body.data).toMatchObject({
      transaction_id: id,
      amount: 1500.5,
      reason: "customer_request",
      status: "completed",
    });
    expect(Object.keys(partial.body.data as object).sort()).toEqual(
      ["amount", "created_at", "id", "reason", "status", "transaction_id"].sort(),
    );
    const replay = await refund({ transaction_id: id, amount: 1500.5, reason: "customer_request" }, key);
    expect(replay.status).toBe(200);
    expect((replay.body.data as { id: string }).id).toBe((partial.body.data as { id: string }).id);
    expect(((await sb.call("GET", `/api/v1/payments/${id}`)).body.data as { status: string }).status).toBe(
      "partially_refunded",
    );

    const tooMuch = await refund({ transaction_id: id, amount: 3500, reason: "other" });
    expect(tooMuch.status).toBe(400);
    expect((await refund({ transaction_id: id, amount: 3499.5, reason: "other" })).status).toBe(201);
    expect(((await sb.call("GET", `/api/v1/payments/${id}`)).body.data as { status: string }).status).toBe(
      "refunded",
    );
    expect((await refund({ transaction_id: crypto.randomUUID(), amount: 1, reason: "other" })).status).toBe(
      404,
    );

    const balance = (await sb.call("GET", "/api/v1/merchants/me/balance")).body.data as Record<
      string,
      unknown
    >;
    expect(balance).toMatchObject({
      currency: "TZS",
      balance_details: {
        gross_received: 5000,
        total_fees_deducted: 150,
        total_refunded: 5000,
        net_balance: -150,
      },
    });
    // Refund statuses fire no webhook (§8): still only the completed one.
    await new Promise((r) => setTimeout(r, 100));
    expect(rx.requests).toHaveLength(1);
  });
});

describe("merchant profile", () => {
  it("GET/PUT /merchants/me", async () => {
    const sb = await start();
    const me = await sb.call("GET", "/api/v1/merchants/me");
    expect(me.body.data).toEqual({
      id: expect.any(String),
      name: "Malipo Demo Shop",
      webhook_url: null,
      callback_url: null,
    });
    const put = await sb.call("PUT", "/api/v1/merchants/me", { webhook_url: "https://x.example/hook" });
    expect(put.body.data).toMatchObject({ webhook_url: "https://x.example/hook", callback_url: null });
    expect((await sb.call("PUT", "/api/v1/merchants/me", { webhook_url: 5 })).status).toBe(400);
  });
});
