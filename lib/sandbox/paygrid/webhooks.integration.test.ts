import { createHmac } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  paymentBody,
  SIGNING_KEY,
  sleep,
  startReceiver,
  startTestSandbox,
  waitUntil,
  type Captured,
  type Receiver,
  type TestSandbox,
} from "@/test/paygrid-sandbox";

// Webhook and callback delivery (§10, §17.5), control transitions (§17.3), expiry (S20), auto outcomes,
// refresh (S31) and the events trail (S30), all observed by a real HTTP receiver.

let sb: TestSandbox;
let rx: Receiver;

beforeEach(async () => {
  rx = await startReceiver();
});
afterEach(async () => {
  await sb?.close();
  await rx.close();
});

async function createWithHooks(
  overrides: Record<string, unknown> = {},
  type: "mobile" | "card" | "dynamic-qr" = "mobile",
) {
  const res = await sb.create(
    paymentBody(type, { webhook_url: `${rx.url}/webhook`, callback_url: `${rx.url}/callback`, ...overrides }),
  );
  expect(res.status).toBe(201);
  return res.body.data as Record<string, unknown> & { id: string };
}

const webhooks = (all: Captured[]) => all.filter((r) => r.path === "/webhook");
const callbacks = (all: Captured[]) => all.filter((r) => r.path === "/callback");

function expectValidSignature(r: Captured): void {
  const ts = String(r.headers["x-meetpay-timestamp"]);
  expect(ts).toMatch(/^\d+$/);
  expect(Math.abs(Date.now() / 1000 - Number(ts))).toBeLessThan(10);
  const expected = createHmac("sha256", SIGNING_KEY).update(`${ts}.${r.body}`).digest("hex");
  expect(r.headers["x-meetpay-signature"]).toBe(`sha256=${expected}`);
}

describe("control transitions and delivery", () => {
  it("completed → signed webhook (§10.3 payload, §10.4 headers) and one callback", async () => {
    sb = await startTestSandbox();
    const p = await createWithHooks({ reference: "ORD-1", metadata: { till: 3 } });
    await sleep(100);
    expect(rx.requests).toHaveLength(0); // nothing at creation
    const res = await sb.call("POST", `/control/payments/${p.id}/complete`);
    expect(res.status).toBe(200);
    expect((res.body.data as Record<string, unknown>).status).toBe("completed");
    expect((res.body.data as Record<string, unknown>).completed_at).toEqual(expect.any(String));

    await rx.waitFor((all) => webhooks(all).length === 1 && callbacks(all).length === 1);
    const hook = webhooks(rx.requests)[0]!;
    expect(hook.headers["content-type"]).toBe("application/json");
    expect(hook.headers["user-agent"]).toBe("MeetPay-Webhook/1.0");
    expect(hook.headers["x-meetpay-delivery-id"]).toMatch(/^[0-9a-f-]{36}$/);
    expectValidSignature(hook);
    expect(Object.keys(hook.json)).toEqual([
      "version",
      "event",
      "event_id",
      "transaction_id",
      "merchant_reference",
      "data",
      "metadata",
      "timestamp",
    ]);
    expect(hook.json).toMatchObject({
      version: "1.0",
      event: "payment.completed",
      transaction_id: p.id,
      merchant_reference: "ORD-1",
      data: {
        amount: 5000,
        currency: "TZS",
        status: "completed",
        previous_status: "pending",
        payment_type: "mobile",
        provider_reference: p.external_id,
      },
      metadata: { till: 3 },
    });
    const cb = callbacks(rx.requests)[0]!;
    expectValidSignature(cb);
    expect(cb.json).toMatchObject({
      type: "transaction.callback",
      transaction_id: p.id,
      reference: "ORD-1",
      status: "completed",
      amount: 5000,
      currency: "TZS",
      payment_type: "mobile",
    });
  });

  it("processing fires a webhook but no callback; invalid transitions → 409", async () => {
    sb = await startTestSandbox();
    const p = await createWithHooks();
    expect((await sb.call("POST", `/control/payments/${p.id}/process`)).status).toBe(200);
    await rx.waitFor((all) => webhooks(all).length === 1);
    await sleep(50);
    expect(callbacks(rx.requests)).toHaveLength(0);
    expect(webhooks(rx.requests)[0]!.json.event).toBe("payment.processing");

    expect((await sb.call("POST", `/control/payments/${p.id}/fail`)).status).toBe(200);
    await rx.waitFor((all) => webhooks(all).length === 2 && callbacks(all).length === 1);
    const second = webhooks(rx.requests)[1]!.json;
    expect(second).toMatchObject({ event: "payment.failed", data: { previous_status: "processing" } });
    expect(second.event_id).not.toBe(webhooks(rx.requests)[0]!.json.event_id);

    for (const action of ["complete", "process", "cancel", "expire"]) {
      const res = await sb.call("POST", `/control/payments/${p.id}/${action}`);
      expect(res.status).toBe(409);
      expect(res.body.error_code).toBe("INVALID_TRANSITION");
    }
    expect((await sb.call("POST", `/control/payments/${p.id}/explode`)).status).toBe(404);
  });

  it("merchant default URLs are used when the payment has none", async () => {
    sb = await startTestSandbox();
    await sb.call("PUT", "/api/v1/merchants/me", {
      webhook_url: `${rx.url}/webhook`,
      callback_url: `${rx.url}/callback`,
    });
    const res = await sb.create(paymentBody("mobile"));
    const id = (res.body.data as { id: string }).id;
    await sb.call("POST", `/control/payments/${id}/cancel`);
    await rx.waitFor((all) => webhooks(all).length === 1 && callbacks(all).length === 1);
    expect(webhooks(rx.requests)[0]!.json.event).toBe("payment.cancelled");
  });
});

describe("retries and dead letters", () => {
  it("a 500 answer is retried with the same body and event_id, new delivery id and fresh signature", async () => {
    sb = await startTestSandbox({ webhookRetryDelaysSeconds: [1.1, 0.05] });
    rx.respond = (_req, i) => (i < 2 ? 500 : 200);
    const p = await createWithHooks({ callback_url: undefined });
    await sb.call("POST", `/control/payments/${p.id}/complete`);
    const all = await rx.waitFor((r) => r.length === 3, 8000);
    expect(new Set(all.map((r) => r.body)).size).toBe(1);
    expect(new Set(all.map((r) => r.json.event_id)).size).toBe(1);
    expect(new Set(all.map((r) => r.headers["x-meetpay-delivery-id"])).size).toBe(3);
    for (const r of all) expectValidSignature(r);
    // The first retry waited > 1 s, so its timestamp (and therefore signature) differs from the first attempt.
    expect(all[1]!.headers["x-meetpay-timestamp"]).not.toBe(all[0]!.headers["x-meetpay-timestamp"]);
    expect(all[1]!.headers["x-meetpay-signature"]).not.toBe(all[0]!.headers["x-meetpay-signature"]);

    const log = await waitUntil(async () => {
      const rows = (await sb.call("GET", `/control/deliveries?transaction_id=${p.id}`)).body.data as Record<
        string,
        unknown
      >[];
      return rows.some((row) => row.outcome === "delivered") ? rows : undefined;
    });
    expect(log.map((row) => [row.attempt, row.status_code, row.outcome])).toEqual([
      [1, 500, "retrying"],
      [2, 500, "retrying"],
      [3, 200, "delivered"],
    ]);
  });

  it("gives up after 1 + retries attempts; connection errors are retried too", async () => {
    sb = await startTestSandbox({ webhookRetryDelaysSeconds: [0.02, 0.02] });
    rx.respond = () => 503;
    const p = await createWithHooks({ callback_url: "http://127.0.0.1:1/refused" });
    await sb.call("POST", `/control/payments/${p.id}/complete`);
    await rx.waitFor((r) => r.length === 3);
    const rows = await waitUntil(async () => {
      const data = (await sb.call("GET", `/control/deliveries?transaction_id=${p.id}`)).body.data as Record<
        string,
        unknown
      >[];
      return data.filter((d) => d.outcome === "failed").length === 2 ? data : undefined;
    });
    const cb = rows.filter((r) => r.kind === "callback");
    expect(cb.map((r) => r.attempt)).toEqual([1, 2, 3]);
    expect(cb.every((r) => r.status_code === null && typeof r.error === "string")).toBe(true);
    await sleep(100);
    expect(rx.requests).toHaveLength(3);
  });

  it("an invalid merchant default URL is dead-lettered, not retried", async () => {
    sb = await startTestSandbox();
    await sb.call("PUT", "/api/v1/merchants/me", { webhook_url: "ftp://example.com/hook" });
    const res = await sb.create(paymentBody("mobile"));
    const id = (res.body.data as { id: string }).id;
    await sb.call("POST", `/control/payments/${id}/complete`);
    const rows = (await sb.call("GET", `/control/deliveries?transaction_id=${id}`)).body.data as Record<
      string,
      unknown
    >[];
    expect(rows).toEqual([
      expect.objectContaining({ outcome: "dead_lettered", attempt: 0, event: "payment.completed" }),
    ]);
  });

  it("webhook-test sends a signed webhook.test event", async () => {
    sb = await startTestSandbox();
    const res = await sb.call("POST", "/control/webhook-test", { webhook_url: `${rx.url}/webhook` });
    expect(res.status).toBe(200);
    const [hook] = await rx.waitFor((r) => r.length === 1);
    expectValidSignature(hook!);
    expect(hook!.json).toMatchObject({
      event: "webhook.test",
      transaction_id: "00000000-0000-0000-0000-000000000000",
      data: { status: "test" },
    });
  });
});

describe("faults", () => {
  it("drop = 1 never sends", async () => {
    sb = await startTestSandbox({ webhookFaults: { drop: 1, duplicate: 0, reorder: 0, delaySeconds: 0 } });
    const p = await createWithHooks();
    await sb.call("POST", `/control/payments/${p.id}/complete`);
    await sleep(200);
    expect(rx.requests).toHaveLength(0);
    const rows = (await sb.call("GET", "/control/deliveries")).body.data as Record<string, unknown>[];
    expect(rows.map((r) => r.outcome)).toEqual(["dropped", "dropped"]);
  });

  it("duplicate = 1 sends each event twice with the same event_id", async () => {
    sb = await startTestSandbox();
    await sb.call("PUT", "/control/settings", { webhookFaults: { duplicate: 1 } });
    const p = await createWithHooks({ callback_url: undefined });
    await sb.call("POST", `/control/payments/${p.id}/complete`);
    const all = await rx.waitFor((r) => r.length === 2);
    expect(all[0]!.json.event_id).toBe(all[1]!.json.event_id);
    expect(all[0]!.headers["x-meetpay-delivery-id"]).not.toBe(all[1]!.headers["x-meetpay-delivery-id"]);
  });

  it("reorder = 1 lets the later event overtake the earlier one", async () => {
    sb = await startTestSandbox({ webhookFaults: { drop: 0, duplicate: 0, reorder: 1, delaySeconds: 0 } });
    const p = await createWithHooks({ callback_url: undefined });
    await sb.call("POST", `/control/payments/${p.id}/process`);
    await sb.call("POST", `/control/payments/${p.id}/complete`);
    const all = await rx.waitFor((r) => r.length === 2);
    expect(all.map((r) => r.json.event)).toEqual(["payment.completed", "payment.processing"]);
  });

  it("delaySeconds holds every delivery back", async () => {
    sb = await startTestSandbox({ webhookFaults: { drop: 0, duplicate: 0, reorder: 0, delaySeconds: 0.4 } });
    const p = await createWithHooks({ callback_url: undefined });
    const start = Date.now();
    await sb.call("POST", `/control/payments/${p.id}/complete`);
    const [hook] = await rx.waitFor((r) => r.length === 1);
    expect(hook!.receivedAt - start).toBeGreaterThanOrEqual(350);
  });

  it("bad settings → 400 VALIDATION_ERROR naming the field", async () => {
    sb = await startTestSandbox();
    const res = await sb.call("PUT", "/control/settings", { webhookFaults: { drop: 2 }, qrMode: "nope" });
    expect(res.status).toBe(400);
    expect((res.body.details as { field: string }[]).map((d) => d.field).sort()).toEqual([
      "qrMode",
      "webhookFaults.drop",
    ]);
    const got = await sb.call("GET", "/control/settings");
    expect(got.body.data).toMatchObject({ qrMode: "tanqr", webhookSigningKey: "[redacted]" });
  });
});

describe("expiry, auto outcomes, refresh, events", () => {
  it("expires after expirySeconds with webhook and callback; events end with a system row", async () => {
    sb = await startTestSandbox({ expirySeconds: 1 });
    const p = await createWithHooks({}, "dynamic-qr");
    const all = await rx.waitFor((r) => webhooks(r).length === 1 && callbacks(r).length === 1, 4000);
    expect(webhooks(all)[0]!.json.event).toBe("payment.expired");
    expect(callbacks(all)[0]!.json.status).toBe("expired");
    const events = (await sb.call("GET", `/api/v1/payments/${p.id}/events`)).body.data as Record<
      string,
      unknown
    >[];
    expect(events.map((e) => [e.status, e.actor_type])).toEqual([
      ["pending", "merchant"],
      ["expired", "system"],
    ]);
    expect(Object.keys(events[0]!).sort()).toEqual([
      "actor_type",
      "created_at",
      "id",
      "message",
      "status",
      "transaction_id",
    ]);
  });

  it.each([
    ["255700000001", ["completed"]],
    ["255700000002", ["failed"]],
    ["255700000003", ["cancelled"]],
    ["255700000004", ["expired"]],
    ["255700000005", ["processing", "completed"]],
  ])("magic phone %s → %o after the delay", async (phone, statuses) => {
    sb = await startTestSandbox({ autoOutcomeDelaySeconds: 0.1 });
    const p = await createWithHooks({ phone, callback_url: undefined });
    expect(p.status).toBe("pending");
    const all = await rx.waitFor((r) => r.length === statuses.length);
    expect(all.map((r) => (r.json.data as Record<string, unknown>).status)).toEqual(statuses);
    const events = (await sb.call("GET", `/api/v1/payments/${p.id}/events`)).body.data as Record<
      string,
      unknown
    >[];
    const last = statuses.at(-1);
    expect(events.at(-1)).toMatchObject({ status: last, actor_type: last === "expired" ? "system" : "psp" });
  });

  it("refresh applies a due expiry as the poller; magic 503 phone → 502 PROVIDER_ERROR", async () => {
    let clock = Date.now();
    sb = await startTestSandbox({ expirySeconds: 60 }, { now: () => clock });
    const p = await createWithHooks({ callback_url: undefined });
    clock += 61_000;
    const res = await sb.call("POST", `/api/v1/payments/${p.id}/refresh`);
    expect(res.status).toBe(200);
    expect(res.body.message).toBe("Payment refreshed successfully");
    expect((res.body.data as Record<string, unknown>).status).toBe("expired");
    const events = (await sb.call("GET", `/api/v1/payments/${p.id}/events`)).body.data as Record<
      string,
      unknown
    >[];
    expect(events.at(-1)).toMatchObject({ status: "expired", actor_type: "poller" });
    await rx.waitFor((r) => r.length === 1);

    const flaky = await createWithHooks({ phone: "255700000503" });
    const bad = await sb.call("POST", `/api/v1/payments/${flaky.id}/refresh`);
    expect(bad.status).toBe(502);
    expect(bad.body.error_code).toBe("PROVIDER_ERROR");
    expect((await sb.call("GET", `/api/v1/payments/${flaky.id}`)).status).toBe(200);
  });

  it("sync decline sends no webhook unless webhookOnSyncDecline", async () => {
    sb = await startTestSandbox();
    await sb.create(paymentBody("mobile", { phone: "255700000402", webhook_url: `${rx.url}/webhook` }));
    await sleep(150);
    expect(rx.requests).toHaveLength(0);
    await sb.call("PUT", "/control/settings", { webhookOnSyncDecline: true });
    await sb.create(paymentBody("mobile", { phone: "255700000402", webhook_url: `${rx.url}/webhook` }));
    const [hook] = await rx.waitFor((r) => r.length === 1);
    expect(hook!.json.event).toBe("payment.failed");
  });
});
