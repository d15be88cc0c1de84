import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/server/db/client";
import { paymentEvents, payments } from "@/lib/server/db/schema";
import { ApiError } from "@/lib/server/http/api-error";
import { signPayGridPayload } from "@/lib/server/providers/paygrid/webhook-signature";
import { testStores } from "@/test/databases";
import { receivePayGridWebhook } from "./receive-paygrid-webhook";

const KEY = "receiver_test_key";
let counter = 0;

function event(over: {
  status: string;
  previous?: string;
  eventId?: string;
  transactionId?: string;
  amount?: number;
}) {
  counter += 1;
  return JSON.stringify({
    version: "1.0",
    event: `payment.${over.status}`,
    event_id: over.eventId ?? `00000000-0000-4000-8000-${String(counter).padStart(12, "0")}`,
    transaction_id: over.transactionId ?? "11111111-2222-4333-8444-555555555555",
    merchant_reference: "POS-WH-1",
    data: {
      amount: over.amount ?? 5000,
      currency: "TZS",
      status: over.status,
      previous_status: over.previous ?? "pending",
      payment_type: "dynamic-qr",
      provider_reference: "EXT-1",
    },
    metadata: {},
    timestamp: new Date().toISOString(),
  });
}

function signed(
  body: string,
  options: { key?: string; skewSeconds?: number; tamper?: boolean } = {},
): Headers {
  const ts = Math.floor(Date.now() / 1000) + (options.skewSeconds ?? 0);
  const signature = signPayGridPayload(body, options.key ?? KEY, ts);
  return new Headers({
    "x-meetpay-timestamp": String(ts),
    "x-meetpay-signature": options.tamper
      ? signature.replace(/.$/, (c) => (c === "0" ? "1" : "0"))
      : signature,
  });
}

describe.each(testStores())("PayGrid webhook receiver on $name", (store) => {
  let database: Database;
  let drop: () => Promise<void>;
  const paymentId = "pay_webhook_test";

  beforeAll(async () => {
    ({ database, drop } = await store.open());
    await database.db.insert(payments).values({
      id: paymentId,
      provider: "paygrid",
      method: "dynamic-qr",
      status: "pending",
      amountMinor: 500_000,
      currency: "TZS",
      reference: "POS-WH-1",
      customer: { firstname: "A", lastname: "B", email: "a@example.com" },
      phone: "255712345678",
      idempotencyKey: "k",
      ownerScope: "register:test",
      providerPaymentId: "11111111-2222-4333-8444-555555555555",
      expiresAt: new Date(Date.now() + 1_800_000),
    });
  });
  afterAll(async () => drop());

  const status = async () =>
    (await database.db.select().from(payments).where(eq(payments.id, paymentId)))[0]?.status;
  const eventCount = async () =>
    (await database.db.select().from(paymentEvents).where(eq(paymentEvents.paymentId, paymentId))).length;

  it.each([
    ["a tampered signature", { tamper: true }],
    ["the wrong key", { key: "another_key" }],
    ["a stale timestamp", { skewSeconds: -302 }],
    ["a future timestamp", { skewSeconds: 302 }],
  ])("refuses %s with 401 and stores nothing", async (_, options) => {
    const body = event({ status: "completed" });
    const error = await receivePayGridWebhook(database.db, body, signed(body, options), KEY).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(401);
    expect(await status()).toBe("pending");
    expect(await eventCount()).toBe(0);
  });

  it("refuses a body changed after signing and missing headers", async () => {
    const body = event({ status: "completed" });
    const headers = signed(body);
    await expect(
      receivePayGridWebhook(database.db, body.replace("5000", "5"), headers, KEY),
    ).rejects.toMatchObject({
      status: 401,
    });
    await expect(receivePayGridWebhook(database.db, body, new Headers(), KEY)).rejects.toMatchObject({
      status: 401,
    });
    expect(await status()).toBe("pending");
  });

  it("acknowledges a verified webhook.test without touching payments", async () => {
    const body = JSON.stringify({
      version: "1.0",
      event: "webhook.test",
      event_id: "99999999-9999-4999-8999-999999999999",
      transaction_id: "00000000-0000-0000-0000-000000000000",
      merchant_reference: null,
      data: { status: "test" },
      metadata: {},
      timestamp: new Date().toISOString(),
    });
    expect(await receivePayGridWebhook(database.db, body, signed(body), KEY)).toEqual({
      received: true,
      outcome: "ignored",
    });
    expect(await eventCount()).toBe(0);
  });

  it("never completes on an amount that does not match the sale: it is flagged amount_mismatch", async () => {
    const transactionId = "99999999-2222-4333-8444-555555555555";
    await database.db.insert(payments).values({
      id: "pay_webhook_drift",
      provider: "paygrid",
      method: "dynamic-qr",
      status: "pending",
      amountMinor: 500_000,
      currency: "TZS",
      reference: "POS-WH-DRIFT",
      customer: { firstname: "A", lastname: "B", email: "a@example.com" },
      phone: "255712345678",
      idempotencyKey: "k-drift",
      ownerScope: "register:test",
      providerPaymentId: transactionId,
      expiresAt: new Date(Date.now() + 1_800_000),
    });
    const body = event({ status: "completed", amount: 50, transactionId });
    expect((await receivePayGridWebhook(database.db, body, signed(body), KEY)).outcome).toBe("applied");
    const [row] = await database.db.select().from(payments).where(eq(payments.id, "pay_webhook_drift"));
    expect(row?.status).toBe("failed");
    expect(row?.amountMismatch).toBe(true);
    expect(row?.completedAt).toBeNull();
    expect(await status()).toBe("pending");
  });

  it("applies completed once, ignores its redelivery, and never lets a late processing win", async () => {
    const completed = event({ status: "completed", eventId: "aaaaaaaa-0000-4000-8000-000000000001" });
    expect((await receivePayGridWebhook(database.db, completed, signed(completed), KEY)).outcome).toBe(
      "applied",
    );
    expect((await receivePayGridWebhook(database.db, completed, signed(completed), KEY)).outcome).toBe(
      "duplicate",
    );
    const late = event({ status: "processing" });
    expect((await receivePayGridWebhook(database.db, late, signed(late), KEY)).outcome).toBe("stale");
    expect(await status()).toBe("completed");
    expect(await eventCount()).toBe(1);
  });

  it("acknowledges an event for an unknown payment", async () => {
    const body = event({ status: "completed", transactionId: "deadbeef-0000-4000-8000-000000000000" });
    const body2 = body.replace("POS-WH-1", "POS-UNKNOWN");
    expect((await receivePayGridWebhook(database.db, body2, signed(body2), KEY)).outcome).toBe("ignored");
  });
});
