import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { paymentEvents, payments } from "@/lib/server/db/schema";
import { testStores } from "@/test/databases";
import { rejection } from "@/test/rejection";
import { startHarness, type Harness } from "@/test/payments-harness";
import { qrSale } from "@/test/sales";
import { reconcileDue } from "./reconcile";

async function statusOf(h: Harness, id: string) {
  const [row] = await h.database.db.select().from(payments).where(eq(payments.id, id));
  return row?.status;
}

describe.each(testStores())("payments core on $name", (store) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(store);
  });
  afterAll(async () => h.close());

  it("creates a QR payment through the provider and replays it for the same key", async () => {
    const first = await h.create(qrSale(), "key-create-1");
    expect(first.created).toBe(true);
    expect(first.payment.status).toBe("pending");
    expect(first.payment.providerPaymentId).toBeTruthy();
    expect(first.payment.qrCode).toMatch(/^000201/);
    expect(first.payment.phone).toBe("255712345678");
    expect(first.payment.amountMinor).toBe(500_000);
    expect(first.payment.expiresAt.getTime() - first.payment.createdAt.getTime()).toBe(1_800_000);

    const before = h.providerCreates();
    const replay = await h.create(qrSale(), "key-create-1");
    expect(replay.created).toBe(false);
    expect(replay.payment.id).toBe(first.payment.id);
    expect(h.providerCreates()).toBe(before); // answered from our record
  });

  it("refuses a reused key with another body, and a missing key, changing nothing", async () => {
    await h.create(qrSale(), "key-reuse");
    const count = (await h.database.db.select().from(payments)).length;
    const reused = await rejection(h.create(qrSale({ amount: "6000" }), "key-reuse"));
    expect(reused.code).toBe("IDEMPOTENCY_KEY_REUSED");
    expect(reused.status).toBe(422);
    const missing = await rejection(h.create(qrSale(), null));
    expect(missing.code).toBe("IDEMPOTENCY_KEY_REQUIRED");
    expect((await h.database.db.select().from(payments)).length).toBe(count);
  });

  it("makes exactly one provider payment for 50 concurrent requests with one key", async () => {
    const before = h.providerCreates();
    const results = await Promise.all(
      Array.from({ length: 50 }, () => h.create(qrSale({ amount: "777" }), "key-burst")),
    );
    expect(new Set(results.map((r) => r.payment.id)).size).toBe(1);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(h.providerCreates() - before).toBe(1);
  });

  it("makes one provider payment when many instances race with one key (database lease)", async () => {
    const before = h.providerCreates();
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        h.createFromAnotherInstance(qrSale({ amount: "888" }), "key-instances"),
      ),
    );
    expect(new Set(results.map((r) => r.payment.id)).size).toBe(1);
    expect(results.every((r) => r.payment.status === "pending")).toBe(true);
    expect(h.providerCreates() - before).toBe(1);
  });

  it("shows a provider decline as a decline and keeps the failed attempt", async () => {
    const error = await rejection(h.create(qrSale({ phone: "255700000402" }), "key-decline"));
    expect(error.code).toBe("PAYMENT_DECLINED");
    expect(error.status).toBe(402);
    const [row] = await h.database.db
      .select()
      .from(payments)
      .where(eq(payments.idempotencyKey, "key-decline"));
    expect(row?.status).toBe("failed");
    expect(row?.failureCode).toBe("PAYMENT_DECLINED");
    // Replaying the key returns the failed attempt; it is never charged again.
    const replay = await h.create(qrSale({ phone: "255700000402" }), "key-decline");
    expect(replay.payment.status).toBe("failed");
  });

  it("maps a live duplicate reference to 409", async () => {
    await h.create(qrSale({ reference: "ORDER-DUP-1" }), "key-dup-a");
    const error = await rejection(h.create(qrSale({ reference: "ORDER-DUP-1" }), "key-dup-b"));
    expect(error.code).toBe("DUPLICATE_REFERENCE");
    expect(error.status).toBe(409);
  });

  it("maps a provider field error to 400 with the field", async () => {
    await h.settings({ currencies: ["TZS"] });
    try {
      const error = await rejection(h.create(qrSale({ currency: "USD", amount: "10" }), "key-usd"));
      expect(error.code).toBe("VALIDATION_ERROR");
      expect(error.extra.fields?.map((f) => f.path)).toContain("currency");
    } finally {
      await h.settings({ currencies: ["TZS", "USD", "KES", "UGX"] });
    }
  });

  it("answers a provider 502 as retryable and makes one payment when retried with the same key", async () => {
    const error = await rejection(h.create(qrSale({ phone: "255700000502" }), "key-502"));
    expect(error.code).toBe("PROVIDER_UNAVAILABLE");
    expect(error.status).toBe(502);
    expect(error.extra.retryable).toBe(true);
    const retry = await h.create(qrSale({ phone: "255700000502" }), "key-502");
    expect(retry.payment.status).toBe("pending");
    const rows = await h.database.db.select().from(payments).where(eq(payments.idempotencyKey, "key-502"));
    expect(rows).toHaveLength(1);
    const list = (await (
      await fetch(`${h.sandboxUrl}/api/v1/payments?per_page=100`, {
        headers: { authorization: "Bearer sk_test_malipo_sandbox" },
      })
    ).json()) as { data: { id: string }[] };
    expect(list.data.filter((p) => p.id === retry.payment.providerPaymentId)).toHaveLength(1);
  });

  it("applies a signed webhook from the provider: completed, logged once", async () => {
    const { payment } = await h.create(qrSale(), "key-webhook");
    expect((await h.control(payment.providerPaymentId!, "complete")).status).toBe(200);
    await expect.poll(() => statusOf(h, payment.id), { timeout: 10_000 }).toBe("completed");
    const events = await h.database.db
      .select()
      .from(paymentEvents)
      .where(eq(paymentEvents.paymentId, payment.id));
    expect(events.map((e) => [e.status, e.source])).toEqual([
      ["pending", "api"],
      ["completed", "webhook"],
    ]);
  });

  it("heals a dropped webhook with the reconciler", async () => {
    await h.settings({ webhookFaults: { drop: 1, duplicate: 0, reorder: 0, delaySeconds: 0 } });
    try {
      const { payment } = await h.create(qrSale(), "key-dropped");
      await h.control(payment.providerPaymentId!, "complete");
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(await statusOf(h, payment.id)).toBe("pending");
      const result = await reconcileDue(h.database.db, () => h.adapter, new Date(Date.now() + 120_000));
      expect(result.checked).toBeGreaterThanOrEqual(1);
      expect(await statusOf(h, payment.id)).toBe("completed");
      const [event] = await h.database.db
        .select()
        .from(paymentEvents)
        .where(eq(paymentEvents.paymentId, payment.id))
        .orderBy(paymentEvents.seq);
      expect(event?.status).toBe("pending");
    } finally {
      await h.settings({ webhookFaults: { drop: 0, duplicate: 0, reorder: 0, delaySeconds: 0 } });
    }
  });

  it("ignores duplicated webhook deliveries", async () => {
    await h.settings({ webhookFaults: { drop: 0, duplicate: 1, reorder: 0, delaySeconds: 0 } });
    try {
      const { payment } = await h.create(qrSale(), "key-duplicated");
      await h.control(payment.providerPaymentId!, "fail");
      await expect.poll(() => statusOf(h, payment.id), { timeout: 10_000 }).toBe("failed");
      await new Promise((resolve) => setTimeout(resolve, 500));
      const events = await h.database.db
        .select()
        .from(paymentEvents)
        .where(eq(paymentEvents.paymentId, payment.id));
      expect(events.filter((e) => e.status === "failed")).toHaveLength(1);
    } finally {
      await h.settings({ webhookFaults: { drop: 0, duplicate: 0, reorder: 0, delaySeconds: 0 } });
    }
  });

  it("records money that lands after the deadline as completed and paid after expiry", async () => {
    const { payment } = await h.create(qrSale(), "key-late");
    // Our 30-minute window has passed (the provider's own expiry is later, as PayGrid allows).
    await h.database.db
      .update(payments)
      .set({ expiresAt: new Date(Date.now() - 1_000) })
      .where(eq(payments.id, payment.id));
    await h.control(payment.providerPaymentId!, "complete");
    await expect.poll(() => statusOf(h, payment.id), { timeout: 10_000 }).toBe("completed");
    const [row] = await h.database.db.select().from(payments).where(eq(payments.id, payment.id));
    expect(row?.paidAfterExpiry).toBe(true);
  });
});
