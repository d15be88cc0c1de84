import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/server/db/client";
import { checkoutSessions, merchantWebhookOutbox, payments, type PaymentRow } from "@/lib/server/db/schema";
import { resetEnvForTests } from "@/lib/server/env";
import type { PaymentProviderAdapter, ProviderPaymentState } from "@/lib/server/providers/adapter";
import { signPayGridPayload } from "@/lib/server/providers/paygrid/webhook-signature";
import { receivePayGridWebhook } from "@/lib/server/webhooks/receive-paygrid-webhook";
import { testStores } from "@/test/databases";
import { pendingPaymentRow } from "@/test/payment-row";
import { qrSale } from "@/test/sales";
import { edgeCommand } from "@/test/payments-harness";
import { createPayment } from "./create-payment";
import { paymentJson } from "@/lib/server/wire/payment-json";
import { registerPaymentListeners } from "@/lib/server/register-listeners";
import { refreshPayment } from "./refresh-payment";

// Amounts are checked on every path (webhook, poll/refresh, create answer): a provider that reports
// another amount or currency, or no amount on completion, never completes the payment.

const KEY = "drift_signing_key";
let n = 0;

/** A provider that answers whatever state the test gives it, for create and for status reads. */
function providerSaying(state: Partial<ProviderPaymentState>): PaymentProviderAdapter {
  const full = (): ProviderPaymentState => ({
    providerPaymentId: `prov_${n}`,
    status: "completed",
    ...state,
  });
  return {
    create: () => Promise.resolve({ ...full(), replayed: false }),
    fetchState: () => Promise.resolve(full()),
  };
}

describe.each(testStores())("amount checks on $name", (store) => {
  let database: Database;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    // The checkout listener queues the merchant webhook, as start() wires it in the app.
    registerPaymentListeners();
    resetEnvForTests({ PUBLIC_BASE_URL: "http://127.0.0.1:5599" });
    ({ database, drop } = await store.open());
  });
  afterAll(async () => {
    await drop();
    resetEnvForTests();
  });

  async function pendingPayment(over: Partial<PaymentRow> = {}): Promise<PaymentRow> {
    n += 1;
    const [row] = await database.db
      .insert(payments)
      .values(pendingPaymentRow(`pay_drift_${n}`, { providerPaymentId: `prov_${n}`, ...over }))
      .returning();
    return row!;
  }

  const reread = async (id: string) =>
    (await database.db.select().from(payments).where(eq(payments.id, id)))[0]!;

  function expectMismatch(row: PaymentRow) {
    expect(row.status).toBe("failed");
    expect(row.amountMismatch).toBe(true);
    expect(row.failureCode).toBe("AMOUNT_MISMATCH");
    expect(row.completedAt).toBeNull();
    expect(paymentJson(row).amount_mismatch).toBe(true);
  }

  it("poll/refresh: a completed status for another amount is a mismatch, never completed", async () => {
    const payment = await pendingPayment();
    await refreshPayment(database.db, providerSaying({ amount: 50, currency: "TZS" }), payment, {
      live: true,
    });
    expectMismatch(await reread(payment.id));
  });

  it("poll/refresh: a completed status with no amount is drift", async () => {
    const payment = await pendingPayment();
    await refreshPayment(database.db, providerSaying({ amount: null, currency: null }), payment, {
      live: false,
    });
    expectMismatch(await reread(payment.id));
  });

  it("poll/refresh: another currency is drift", async () => {
    const payment = await pendingPayment();
    await refreshPayment(database.db, providerSaying({ amount: 5000, currency: "USD" }), payment, {
      live: false,
    });
    expectMismatch(await reread(payment.id));
  });

  it("poll/refresh: the sale's own amount completes", async () => {
    const payment = await pendingPayment();
    await refreshPayment(database.db, providerSaying({ amount: "5000.00", currency: "TZS" }), payment, {
      live: false,
    });
    const row = await reread(payment.id);
    expect(row.status).toBe("completed");
    expect(row.amountMismatch).toBe(false);
  });

  it("create answer: a provider that answers another amount does not complete the sale", async () => {
    const { payment } = await createPayment(
      {
        db: database.db,
        adapter: () => providerSaying({ providerPaymentId: "prov_created", amount: 1, currency: "TZS" }),
        ownerScope: "register:drift",
      },
      edgeCommand(qrSale(), `drift-create-${n}`),
    );
    expectMismatch(await reread(payment.id));
  });

  it("webhook: drift or a missing amount is recorded as a mismatch, and a later poll cannot complete it", async () => {
    for (const amount of [50, undefined]) {
      const payment = await pendingPayment();
      const body = JSON.stringify({
        version: "1.0",
        event: "payment.completed",
        event_id: `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`,
        transaction_id: payment.providerPaymentId,
        merchant_reference: payment.reference,
        data: { ...(amount === undefined ? {} : { amount }), currency: "TZS", status: "completed" },
        timestamp: new Date().toISOString(),
      });
      const ts = Math.floor(Date.now() / 1000);
      const headers = new Headers({
        "x-meetpay-timestamp": String(ts),
        "x-meetpay-signature": signPayGridPayload(body, KEY, ts),
      });
      await receivePayGridWebhook(database.db, body, headers, KEY);
      expectMismatch(await reread(payment.id));
      // The reconciler's read a minute later, with the right amount, no longer turns it into a sale.
      await refreshPayment(database.db, providerSaying({ amount: 5000, currency: "TZS" }), payment, {
        live: false,
      });
      expectMismatch(await reread(payment.id));
    }
  });

  it("the merchant webhook of a checkout payment says amount_mismatch", async () => {
    n += 1;
    const sessionId = `cs_drift_${n}`;
    await database.db.insert(checkoutSessions).values({
      id: sessionId,
      status: "open",
      amountMinor: 500_000,
      currency: "TZS",
      reference: `ORDER-${n}`,
      successUrl: "https://shop.example/ok",
      cancelUrl: "https://shop.example/cancel",
      webhookUrl: "https://shop.example/hooks",
      createdBy: "merchant",
      expiresAt: new Date(Date.now() + 3_600_000),
    });
    const payment = await pendingPayment({
      checkoutSessionId: sessionId,
      ownerScope: `checkout:${sessionId}`,
    });
    await refreshPayment(database.db, providerSaying({ amount: 4999, currency: "TZS" }), payment, {
      live: false,
    });
    const [queued] = await database.db
      .select()
      .from(merchantWebhookOutbox)
      .where(eq(merchantWebhookOutbox.checkoutSessionId, sessionId));
    expect(queued?.eventType).toBe("checkout.payment.failed");
    const data = (
      queued?.payload as { data: { payment: { amount_mismatch: boolean; failure_code: string } } }
    ).data;
    expect(data.payment.amount_mismatch).toBe(true);
    expect(data.payment.failure_code).toBe("AMOUNT_MISMATCH");
    const [session] = await database.db
      .select()
      .from(checkoutSessions)
      .where(eq(checkoutSessions.id, sessionId));
    expect(session?.status).toBe("open");
  });
});
