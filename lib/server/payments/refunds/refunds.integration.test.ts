import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  merchantWebhookOutbox,
  paymentEvents,
  payments,
  refunds,
  type PaymentRow,
} from "@/lib/server/db/schema";
import { createPayGridAdapter } from "@/lib/server/providers/paygrid/adapter";
import { SANDBOX_PAYGRID_API_KEY } from "@/lib/sandbox-credentials";
import { createRefundSchema } from "@/lib/refund-schema";
import { PROVIDERS } from "@/lib/payment-methods";
import { createCheckoutSession, createSessionPayment } from "@/test/checkout-calls";
import { testStores } from "@/test/databases";
import { rejection } from "@/test/rejection";
import { startHarness, type Harness } from "@/test/payments-harness";
import { qrSale, tanqrSale } from "@/test/sales";
import { createRefund, type RefundContext } from "./create-refund";
import type { RefundRequester } from "./refund-requester";

// Refunds through the service, the PayGrid sandbox over HTTP and a real database (docs/api.md#refunds).

const manager: RefundRequester = {
  kind: "staff",
  staffId: "stf_manager",
  staffName: "Neema",
  role: "manager",
  registerId: "reg_test",
  clientAddress: "203.0.113.5",
};

async function rowOf(h: Harness, id: string): Promise<PaymentRow> {
  const [row] = await h.database.db.select().from(payments).where(eq(payments.id, id));
  return row!;
}

async function refundRows(h: Harness, paymentId: string) {
  return h.database.db.select().from(refunds).where(eq(refunds.paymentId, paymentId));
}

/** The sandbox's own count of money given back, across every payment. */
async function sandboxRefunded(h: Harness): Promise<number> {
  const res = await fetch(`${h.sandboxUrl}/api/v1/merchants/me/balance`, {
    headers: { authorization: `Bearer ${SANDBOX_PAYGRID_API_KEY}` },
  });
  const body = (await res.json()) as { data: { balance_details: { total_refunded: number } } };
  return body.data.balance_details.total_refunded;
}

describe.each(testStores())("refunds on $name", (store) => {
  let h: Harness;
  let ctx: RefundContext;
  let n = 0;
  beforeAll(async () => {
    h = await startHarness(store);
    ctx = { db: h.database.db, adapter: h.adapterFor };
  });
  afterAll(async () => h.close());

  async function completedSale(amount = "5000"): Promise<PaymentRow> {
    n += 1;
    const { payment } = await h.create(qrSale({ amount }), `sale-${n}-${Math.random()}`);
    await h.control(payment.providerPaymentId!, "complete");
    await expect.poll(async () => (await rowOf(h, payment.id)).status, { timeout: 10_000 }).toBe("completed");
    return rowOf(h, payment.id);
  }

  const refund = (
    paymentId: string,
    body: Record<string, unknown>,
    key: string,
    requester: RefundRequester = manager,
    context: RefundContext = ctx,
  ) =>
    createRefund(context, {
      paymentId,
      body: createRefundSchema.parse(body),
      idempotencyKey: key,
      requester,
    });

  it("gives back part, then the rest; the status, sum, event log and the provider follow", async () => {
    const payment = await completedSale();
    const before = await sandboxRefunded(h);
    const first = await refund(
      payment.id,
      { amount: "1500.50", reason: "customer_request", note: "torn" },
      "r-1",
    );
    expect(first.created).toBe(true);
    expect(first.refund).toMatchObject({ status: "succeeded", amountMinor: 150_050, staffId: "stf_manager" });
    expect(first.refund.id).toMatch(/^rf_/);
    expect(first.refund.providerRefundId).toBeTruthy();
    let row = await rowOf(h, payment.id);
    expect(row).toMatchObject({ status: "partially_refunded", refundedMinor: 150_050 });

    const replay = await refund(
      payment.id,
      { amount: "1500.50", reason: "customer_request", note: "torn" },
      "r-1",
    );
    expect(replay.created).toBe(false);
    expect(replay.refund.id).toBe(first.refund.id);
    const reused = await rejection(refund(payment.id, { amount: "1000", reason: "customer_request" }, "r-1"));
    expect([reused.status, reused.code]).toEqual([422, "IDEMPOTENCY_KEY_REUSED"]);

    const rest = await refund(payment.id, { amount: "3499.5", reason: "other" }, "r-2");
    expect(rest.refund.status).toBe("succeeded");
    row = await rowOf(h, payment.id);
    expect(row).toMatchObject({ status: "refunded", refundedMinor: 500_000 });
    expect(await sandboxRefunded(h)).toBe(before + 5000);

    const events = await h.database.db
      .select()
      .from(paymentEvents)
      .where(eq(paymentEvents.paymentId, payment.id))
      .orderBy(paymentEvents.seq);
    expect(events.slice(-2).map((e) => [e.previousStatus, e.status])).toEqual([
      ["completed", "partially_refunded"],
      ["partially_refunded", "refunded"],
    ]);
    expect((events.at(-1)!.detail as { payment: { amount_refunded: string } }).payment.amount_refunded).toBe(
      "5000",
    );

    const again = await rejection(refund(payment.id, { amount: "1", reason: "other" }, "r-3"));
    expect([again.status, again.code]).toEqual([409, "PAYMENT_NOT_REFUNDABLE"]);
  });

  it("refuses more than is left, unpaid payments and bad amounts, writing and sending nothing", async () => {
    const payment = await completedSale("2000");
    const before = await sandboxRefunded(h);
    const over = await rejection(refund(payment.id, { amount: "2000.01", reason: "other" }, "o-1"));
    expect([over.status, over.code]).toEqual([422, "REFUND_EXCEEDS_BALANCE"]);
    for (const amount of ["0", "-5", "10.001", "1e3", "abc"]) {
      const bad = await rejection(refund(payment.id, { amount, reason: "other" }, `o-${amount}`));
      expect([amount, bad.status, bad.code]).toEqual([amount, 400, "VALIDATION_ERROR"]);
    }
    expect(() => createRefundSchema.parse({ amount: "10", reason: "because" })).toThrow();

    const { payment: pending } = await h.create(qrSale(), `pending-${Math.random()}`);
    const unpaid = await rejection(refund(pending.id, { amount: "10", reason: "other" }, "o-2"));
    expect([unpaid.status, unpaid.code]).toEqual([409, "PAYMENT_NOT_REFUNDABLE"]);

    expect(await refundRows(h, payment.id)).toHaveLength(0);
    expect(await refundRows(h, pending.id)).toHaveLength(0);
    expect((await rowOf(h, payment.id)).status).toBe("completed");
    expect(await sandboxRefunded(h)).toBe(before);
  });

  it("lets only one of two parallel refunds through when together they exceed the payment", async () => {
    const payment = await completedSale();
    const results = await Promise.allSettled([
      refund(payment.id, { amount: "3000", reason: "other" }, "p-a"),
      refund(payment.id, { amount: "3000", reason: "other" }, "p-b"),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const lost = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(lost.reason).toMatchObject({ code: "REFUND_EXCEEDS_BALANCE", status: 422 });
    expect(await rowOf(h, payment.id)).toMatchObject({
      status: "partially_refunded",
      refundedMinor: 300_000,
    });
    expect(await refundRows(h, payment.id)).toHaveLength(1);
  });

  it("asks again with the same key after a lost answer: exactly one refund at the provider", async () => {
    const payment = await completedSale();
    let created = 0;
    let failNext = true;
    // The first refund reaches the sandbox, but its answer is lost and a 502 comes back instead.
    const lossy: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
      if (!url.endsWith("/refunds")) return response;
      if (response.status === 201) created += 1;
      if (failNext) {
        failNext = false;
        return Response.json(
          { status: "error", code: 502, error_code: "PROVIDER_UNAVAILABLE", message: "upstream" },
          { status: 502 },
        );
      }
      return response;
    };
    const noRetries = createPayGridAdapter({
      baseUrl: `${h.sandboxUrl}/api/v1`,
      apiKey: SANDBOX_PAYGRID_API_KEY,
      fetch: lossy,
      maxRetries: 0,
    });
    const lossyCtx: RefundContext = { db: h.database.db, adapter: () => noRetries };
    const before = await sandboxRefunded(h);

    const first = await rejection(
      refund(payment.id, { amount: "1000", reason: "other" }, "l-1", manager, lossyCtx),
    );
    expect([first.status, first.code]).toEqual([502, "PROVIDER_UNAVAILABLE"]);
    const [held] = await refundRows(h, payment.id);
    expect(held?.status).toBe("pending");
    // While it is pending its amount is held: the rest of the payment is all that can still go.
    const tooMuch = await rejection(
      refund(payment.id, { amount: "4500", reason: "other" }, "l-2", manager, lossyCtx),
    );
    expect(tooMuch.code).toBe("REFUND_EXCEEDS_BALANCE");

    const again = await refund(payment.id, { amount: "1000", reason: "other" }, "l-1", manager, lossyCtx);
    expect(again.refund).toMatchObject({ id: held!.id, status: "succeeded" });
    expect(created).toBe(1);
    expect(await sandboxRefunded(h)).toBe(before + 1000);
    expect(await rowOf(h, payment.id)).toMatchObject({ refundedMinor: 100_000 });

    // The client's own retry (same key) after a 502 lands on the same refund too.
    let retried = 0;
    failNext = true;
    const withRetries = createPayGridAdapter({
      baseUrl: `${h.sandboxUrl}/api/v1`,
      apiKey: SANDBOX_PAYGRID_API_KEY,
      fetch: async (input, init) => {
        retried += 1;
        return lossy(input, init);
      },
      maxRetries: 2,
      retryBaseDelayMs: 10,
    });
    const retryCtx: RefundContext = { db: h.database.db, adapter: () => withRetries };
    const second = await refund(payment.id, { amount: "500", reason: "other" }, "l-3", manager, retryCtx);
    expect(second.refund.status).toBe("succeeded");
    expect(retried).toBe(2);
    expect(created).toBe(2);
    expect(await sandboxRefunded(h)).toBe(before + 1500);
  });

  it("refuses a SplashPay payment: its provider documents no refund", async () => {
    const { payment } = await h.create(tanqrSale(), `tanqr-${Math.random()}`);
    await h.database.db
      .update(payments)
      .set({ status: "completed", completedAt: new Date() })
      .where(eq(payments.id, payment.id));
    const refused = await rejection(refund(payment.id, { amount: "100", reason: "other" }, "s-1"));
    expect([refused.status, refused.code]).toEqual([422, "REFUND_NOT_SUPPORTED"]);
    expect(await refundRows(h, payment.id)).toHaveLength(0);
  });

  // Cash sales arrive with the cash provider (docs/api.md "Cash"); until the payment object knows it, skip.
  it.skipIf(!(PROVIDERS as readonly string[]).includes("cash"))(
    "gives back a cash sale at once, with no provider",
    async () => {
      const [cash] = await h.database.db
        .insert(payments)
        .values({
          id: `pay_cash${Math.random().toString(36).slice(2, 12)}`,
          provider: "cash",
          method: "cash",
          status: "completed",
          amountMinor: 200_000,
          currency: "TZS",
          reference: "POS-CASH-0001",
          customer: {},
          phone: "",
          idempotencyKey: "cash-1",
          ownerScope: "register:reg_test",
          expiresAt: new Date(),
          completedAt: new Date(),
        })
        .returning();
      const noProvider: RefundContext = {
        db: h.database.db,
        adapter: () => {
          throw new Error("a cash refund must not reach a provider");
        },
      };
      const { refund: done } = await refund(
        cash!.id,
        { amount: "2000", reason: "duplicate" },
        "c-1",
        manager,
        noProvider,
      );
      expect(done.status).toBe("succeeded");
      expect(await rowOf(h, cash!.id)).toMatchObject({ status: "refunded", refundedMinor: 200_000 });
    },
  );

  it("queues checkout.payment.refunded for a checkout payment, refunded with the merchant key", async () => {
    const { session } = await createCheckoutSession(
      h.database.db,
      "merchant",
      {
        amount: "3000",
        currency: "TZS",
        reference: `ORDER-RF-${n}`,
        success_url: "https://shop.example.com/thanks",
        cancel_url: "https://shop.example.com/cart",
        webhook_url: "http://127.0.0.1:9/hooks",
      },
      null,
    );
    const { payment } = await createSessionPayment(
      h.database.db,
      () => h.adapter,
      session.id,
      {
        provider: "paygrid",
        method: "dynamic-qr",
        phone: "0712345678",
        customer: { firstname: "Neema", lastname: "Joseph", email: "neema@example.com" },
      },
      `cs-pay-${Math.random()}`,
    );
    await h.control(payment.providerPaymentId!, "complete");
    await expect.poll(async () => (await rowOf(h, payment.id)).status, { timeout: 10_000 }).toBe("completed");

    const { refund: done } = await refund(payment.id, { amount: "1000", reason: "other" }, "m-1", {
      kind: "merchant",
    });
    expect(done).toMatchObject({ status: "succeeded", staffId: null });
    const queued = await h.database.db
      .select()
      .from(merchantWebhookOutbox)
      .where(
        and(
          eq(merchantWebhookOutbox.checkoutSessionId, session.id),
          eq(merchantWebhookOutbox.eventType, "checkout.payment.refunded"),
        ),
      );
    expect(queued).toHaveLength(1);
    expect(queued[0]!.payload).toMatchObject({
      data: { payment: { status: "partially_refunded", amount_refunded: "1000" } },
    });

    // The merchant key never reaches a register's own sales.
    const register = await completedSale();
    const hidden = await rejection(
      refund(register.id, { amount: "1", reason: "other" }, "m-2", { kind: "merchant" }),
    );
    expect(hidden.status).toBe(404);
  });
});
