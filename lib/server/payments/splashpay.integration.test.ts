import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { paymentEvents, payments } from "@/lib/server/db/schema";
import { ProviderFailure } from "@/lib/server/providers/adapter";
import { signSplashPayPayload } from "@/lib/server/providers/splashpay/webhook-signature";
import { receiveSplashPayWebhook } from "@/lib/server/webhooks/receive-splashpay-webhook";
import { decodeQrImage } from "@/lib/decode-qr-png";
import { testStores } from "@/test/databases";
import { rejection } from "@/test/rejection";
import { SPLASHPAY_SECRET, startHarness, type Harness } from "@/test/payments-harness";
import { tanqrSale } from "@/test/sales";
import { paymentJson } from "@/lib/server/wire/payment-json";
import { reconcileDue } from "./reconcile";

// SplashPay Dynamic TANQR through the payments core, the sandbox over HTTP and the real webhook receiver.

async function rowOf(h: Harness, id: string) {
  const [row] = await h.database.db.select().from(payments).where(eq(payments.id, id));
  return row!;
}

async function sandboxStatus(h: Harness, reference: string): Promise<string> {
  const res = await fetch(`${h.sandboxUrl}/splashpay/api/v1/payments/check-status`, {
    method: "POST",
    headers: { "x-api-key": "pk_test_malipo_sandbox", "x-api-secret": "sk_test_malipo_sandbox" },
    body: JSON.stringify({ reference }),
  });
  return ((await res.json()) as { data: { status: string } }).data.status;
}

function webhook(reference: string, status: string, amount = "1000.00") {
  return JSON.stringify({
    event: `payment.${status}`,
    created_at: new Date().toISOString().replace(/\.\d{3}Z$/, "Z"),
    data: {
      reference,
      amount,
      fee: "10.00",
      net_amount: "990.00",
      currency: "TZS",
      status,
      provider_reference: "1769142083",
      metadata: null,
    },
  });
}

function signed(body: string, secret = SPLASHPAY_SECRET, at = Math.floor(Date.now() / 1000)) {
  return new Headers({
    "x-splashpay-timestamp": String(at),
    "x-splashpay-signature": signSplashPayPayload(body, secret, at),
  });
}

describe.each(testStores())("SplashPay TANQR in the payments core on $name", (store) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(store);
  });
  afterAll(async () => h.close());

  it("creates a TANQR payment whose PNG carries the sale, and replays it for the same key", async () => {
    const first = await h.create(tanqrSale({ amount: "12500.50" }), "tanqr-create");
    expect(first.created).toBe(true);
    const p = first.payment;
    expect(p.status).toBe("pending");
    expect(p.providerPaymentId).toBe(p.reference);
    expect(p.qrMismatch).toBe(false);
    expect(p.qrCode).toBeNull();
    expect(p.qrImage).toMatch(/^data:image\/png;base64,iVBORw0KGgo/);
    expect(decodeQrImage(p.qrImage!)).toContain("540812500.50");
    expect(paymentJson(p).qr_image).toBe(p.qrImage);
    const before = h.providerCreates();
    const replay = await h.create(tanqrSale({ amount: "12500.50" }), "tanqr-create");
    expect(replay.created).toBe(false);
    expect(replay.payment.id).toBe(p.id);
    expect(h.providerCreates()).toBe(before);
  });

  it("hides a QR whose amount is not the sale's (wrong-amount mode) and logs the incident", async () => {
    await h.splashSettings({ qrMode: "wrong-amount" });
    try {
      const { payment } = await h.create(tanqrSale(), "tanqr-wrong");
      expect(payment.qrMismatch).toBe(true);
      expect(paymentJson(payment).qr_image).toBeNull();
      expect(paymentJson(payment).qr_mismatch).toBe(true);
      const [event] = await h.database.db
        .select()
        .from(paymentEvents)
        .where(eq(paymentEvents.paymentId, payment.id));
      expect(event?.detail).toMatchObject({ qrCheck: { ok: false, reason: "amount_mismatch" } });
    } finally {
      await h.splashSettings({ qrMode: "tanqr" });
    }
  });

  it("refuses a TANQR without the billing fields before calling SplashPay", async () => {
    const before = h.providerCreates();
    const sale = tanqrSale();
    await expect(
      h.create(
        { ...sale, customer: { firstname: "A", lastname: "B", email: "a@example.com" } },
        "tanqr-nobilling",
      ),
    ).rejects.toThrow(/street address/);
    expect(h.providerCreates()).toBe(before);
  });

  it("completes on SplashPay's signed webhook, logged once even when delivered twice", async () => {
    await h.splashSettings({ webhookFaults: { duplicate: 1 } });
    try {
      const { payment } = await h.create(tanqrSale(), "tanqr-webhook");
      expect((await h.splashControl(payment.reference, "success")).status).toBe(200);
      await expect
        .poll(async () => (await rowOf(h, payment.id)).status, { timeout: 10_000 })
        .toBe("completed");
      await new Promise((resolve) => setTimeout(resolve, 400));
      const events = await h.database.db
        .select()
        .from(paymentEvents)
        .where(eq(paymentEvents.paymentId, payment.id));
      expect(events.map((e) => [e.status, e.source])).toEqual([
        ["pending", "api"],
        ["completed", "webhook"],
      ]);
      expect((await rowOf(h, payment.id)).providerReference).toMatch(/^\d{10}$/);
    } finally {
      await h.splashSettings({ webhookFaults: { duplicate: 0 } });
    }
  });

  it.each([
    ["255700000002", "failed"],
    ["255700000003", "cancelled"],
    ["255700000004", "expired"],
    ["255700000005", "completed"],
  ])("magic phone %s ends %s through the webhook", async (phone, expected) => {
    const { payment } = await h.create(tanqrSale({ phone }), `tanqr-magic-${phone}`);
    await expect.poll(async () => (await rowOf(h, payment.id)).status, { timeout: 10_000 }).toBe(expected);
  });

  it("answers SplashPay's 502 as retryable and makes one payment when retried with the same key", async () => {
    const error = await rejection(h.create(tanqrSale({ phone: "255700000502" }), "tanqr-502"));
    expect(error.code).toBe("PROVIDER_UNAVAILABLE");
    expect(error.extra.retryable).toBe(true);
    const retry = await h.create(tanqrSale({ phone: "255700000502" }), "tanqr-502");
    expect(retry.payment.status).toBe("pending");
  });

  it("heals a dropped webhook by check-status", async () => {
    await h.splashSettings({ webhookFaults: { drop: 1 } });
    try {
      const { payment } = await h.create(tanqrSale(), "tanqr-dropped");
      await h.splashControl(payment.reference, "success");
      await new Promise((resolve) => setTimeout(resolve, 400));
      expect((await rowOf(h, payment.id)).status).toBe("pending");
      await reconcileDue(h.database.db, h.adapterFor, new Date(Date.now() + 120_000));
      expect((await rowOf(h, payment.id)).status).toBe("completed");
    } finally {
      await h.splashSettings({ webhookFaults: { drop: 0 } });
    }
  });

  it("at our deadline cancels a still-open TANQR at SplashPay and records it", async () => {
    const { payment } = await h.create(tanqrSale(), "tanqr-deadline");
    await h.splashControl(payment.reference, "process");
    const past = new Date(Date.now() - 1000);
    await h.database.db
      .update(payments)
      .set({ expiresAt: past, nextCheckAt: past })
      .where(eq(payments.id, payment.id));
    const result = await reconcileDue(h.database.db, h.adapterFor, new Date());
    expect(result.checked).toBeGreaterThanOrEqual(1);
    const row = await rowOf(h, payment.id);
    expect(row.status).toBe("cancelled");
    expect(await sandboxStatus(h, payment.reference)).toBe("cancelled");
    const events = await h.database.db
      .select()
      .from(paymentEvents)
      .where(eq(paymentEvents.paymentId, payment.id))
      .orderBy(paymentEvents.seq);
    // Our own record of the cancel and SplashPay's payment.cancelled webhook race; exactly one applies.
    expect(events.filter((e) => e.status === "cancelled")).toHaveLength(1);
    expect(["system", "webhook"]).toContain(events.at(-1)?.source);
  });

  it("does not cancel before the deadline", async () => {
    const { payment } = await h.create(tanqrSale(), "tanqr-early");
    await h.database.db
      .update(payments)
      .set({ nextCheckAt: new Date(Date.now() - 1000) })
      .where(eq(payments.id, payment.id));
    await reconcileDue(h.database.db, h.adapterFor, new Date());
    expect((await rowOf(h, payment.id)).status).toBe("pending");
    expect(await sandboxStatus(h, payment.reference)).toBe("pending");
  });

  it("records a success that arrives after our deadline as completed, paid after expiry", async () => {
    const { payment } = await h.create(tanqrSale(), "tanqr-late");
    await h.database.db
      .update(payments)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(payments.id, payment.id));
    await h.splashControl(payment.reference, "success");
    await expect.poll(async () => (await rowOf(h, payment.id)).status, { timeout: 10_000 }).toBe("completed");
    expect((await rowOf(h, payment.id)).paidAfterExpiry).toBe(true);
  });

  it("after a lost create answer (DUPLICATE_REQUEST) cancels the open attempt and fails clearly", async () => {
    const { payment } = await h.create(tanqrSale(), "tanqr-lost");
    // The same attempt sent again, as after a lost answer: SplashPay refuses to replay it (S7).
    let failure: unknown;
    try {
      await h.splashAdapter.create(payment, "tanqr-lost", { webhookUrl: "", redirectUrl: "", cancelUrl: "" });
    } catch (error) {
      failure = error;
    }
    expect(failure).toBeInstanceOf(ProviderFailure);
    expect((failure as ProviderFailure).kind).toBe("duplicate_reference");
    expect((failure as ProviderFailure).message).toMatch(/Start a new payment/);
    expect(await sandboxStatus(h, payment.reference)).toBe("cancelled");
  });

  it("gives each attempt its own SplashPay reference, so a note used twice never clashes", async () => {
    const first = await h.create(tanqrSale({ reference: "TABLE-7" }), "tanqr-dup-a");
    const second = await h.create(tanqrSale({ reference: "TABLE-7" }), "tanqr-dup-b");
    expect(first.payment.reference).toMatch(/^TABLE-7-[A-Z2-9]{4}$/);
    expect(second.payment.reference).toMatch(/^TABLE-7-[A-Z2-9]{4}$/);
    expect(second.payment.reference).not.toBe(first.payment.reference);
    expect(second.payment.status).toBe("pending");
    // The first attempt is untouched by the second.
    expect(await sandboxStatus(h, first.payment.reference)).toBe("pending");
  });

  it("a clash with another payment's reference fails clearly and cancels nothing", async () => {
    const { payment } = await h.create(tanqrSale(), "tanqr-clash-a");
    const other = { ...payment, id: "pay_other_attempt", amountMinor: payment.amountMinor + 100 };
    const failure = await h.splashAdapter
      .create(other, "tanqr-clash-b", { webhookUrl: "", redirectUrl: "", cancelUrl: "" })
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ProviderFailure);
    expect((failure as ProviderFailure).kind).toBe("duplicate_reference");
    expect(await sandboxStatus(h, payment.reference)).toBe("pending");
  });

  it("a check-status 502 is retryable for refresh (magic 255700000503)", async () => {
    const { payment } = await h.create(tanqrSale({ phone: "255700000503" }), "tanqr-503");
    await expect(h.splashAdapter.fetchState(payment, { live: true })).rejects.toMatchObject({
      kind: "unavailable",
    });
  });

  describe("webhook receiver", () => {
    it("applies a good signature once; the repeat is a duplicate; a later status still applies", async () => {
      const { payment } = await h.create(tanqrSale(), "tanqr-recv");
      await h.splashControl(payment.reference, "process");
      const body = webhook(payment.reference, "success");
      expect(await receiveSplashPayWebhook(h.database.db, body, signed(body), SPLASHPAY_SECRET)).toEqual({
        received: true,
        outcome: "applied",
      });
      // SplashPay's fee and net are kept for the day report (10.00 and 990.00 TZS, in minor units).
      expect(await rowOf(h, payment.id)).toMatchObject({ feeMinor: 1000, netMinor: 99000 });
      expect(await receiveSplashPayWebhook(h.database.db, body, signed(body), SPLASHPAY_SECRET)).toEqual({
        received: true,
        outcome: "duplicate",
      });
      const later = webhook(payment.reference, "failed");
      expect(
        (await receiveSplashPayWebhook(h.database.db, later, signed(later), SPLASHPAY_SECRET)).outcome,
      ).toBe("stale");
      expect((await rowOf(h, payment.id)).status).toBe("completed");
    });

    it("refuses tampered, stale, unsigned and wrongly keyed deliveries with 401, storing nothing", async () => {
      const { payment } = await h.create(tanqrSale(), "tanqr-bad-sig");
      const body = webhook(payment.reference, "success");
      const cases: [string, Headers][] = [
        [body.replace("1000.00", "1.00"), signed(body)],
        [body, signed(body, SPLASHPAY_SECRET, Math.floor(Date.now() / 1000) - 301)],
        [body, new Headers()],
        [body, signed(body, "sk_test_malipo_sandbox")],
      ];
      for (const [raw, headers] of cases) {
        const error = await rejection(receiveSplashPayWebhook(h.database.db, raw, headers, SPLASHPAY_SECRET));
        expect(error.status).toBe(401);
      }
      expect((await rowOf(h, payment.id)).status).toBe("pending");
      const events = await h.database.db
        .select()
        .from(paymentEvents)
        .where(eq(paymentEvents.paymentId, payment.id));
      expect(events).toHaveLength(1);
    });

    it("acknowledges unknown payments and non-terminal events without applying them, and flags drift", async () => {
      const unknown = webhook("NO-SUCH-REF", "success");
      expect(
        (await receiveSplashPayWebhook(h.database.db, unknown, signed(unknown), SPLASHPAY_SECRET)).outcome,
      ).toBe("ignored");
      const { payment } = await h.create(tanqrSale(), "tanqr-drift");
      const pending = webhook(payment.reference, "pending");
      expect(
        (await receiveSplashPayWebhook(h.database.db, pending, signed(pending), SPLASHPAY_SECRET)).outcome,
      ).toBe("ignored");
      // Drift is applied as what it is: an amount mismatch that never completes the sale.
      const drift = webhook(payment.reference, "success", "999.00");
      expect(
        (await receiveSplashPayWebhook(h.database.db, drift, signed(drift), SPLASHPAY_SECRET)).outcome,
      ).toBe("applied");
      const row = await rowOf(h, payment.id);
      expect(row.status).toBe("failed");
      expect(row.amountMismatch).toBe(true);
    });
  });
});
