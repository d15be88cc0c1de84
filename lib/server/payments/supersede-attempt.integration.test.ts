import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { payments } from "@/lib/server/db/schema";
import { testStores } from "@/test/databases";
import { rejection } from "@/test/rejection";
import { edgeCommand, startHarness, type Harness } from "@/test/payments-harness";
import { qrSale, tanqrSale } from "@/test/sales";
import { createCheckoutSession, createSessionPayment } from "@/test/checkout-calls";
import { createPayment } from "./create-payment";
import { failoverFrom } from "./failover-from";

// Superseded attempts (docs/api.md#superseded): one-tap failover between PayGrid's QR and SplashPay's
// TANQR after a 502, and a shopper switching method while an attempt is live. The old attempt stays
// recorded, never live beside the new one, and a late payment on it is still recorded and flagged.

async function rowOf(h: Harness, id: string) {
  const [row] = await h.database.db.select().from(payments).where(eq(payments.id, id));
  return row!;
}

async function rowByKey(h: Harness, key: string) {
  const [row] = await h.database.db.select().from(payments).where(eq(payments.idempotencyKey, key));
  return row!;
}

/** As POST /api/payments runs a failover: supersede the attempt named by failover_from, then create. */
async function failover(h: Harness, failedKey: string, body: unknown, key: string) {
  const command = edgeCommand(body, key);
  await failoverFrom(h.database.db, h.adapterFor, "register:test", failedKey, command);
  return createPayment({ db: h.database.db, adapter: h.adapterFor, ownerScope: "register:test" }, command);
}

const billing = tanqrSale().customer;

describe.each(testStores())("superseded attempts on $name", (store) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(store, { settings: { autoOutcomeDelaySeconds: 60 } });
  });
  afterAll(async () => h.close());

  it("fails over from a PayGrid 502 to TANQR: the PayGrid attempt is failed, flagged and never retried", async () => {
    await h.settings({ createUnavailable: true });
    try {
      const error = await rejection(h.create(qrSale({ amount: "1000" }), "fo-qr"));
      expect(error.code).toBe("PROVIDER_UNAVAILABLE");
    } finally {
      await h.settings({ createUnavailable: false });
    }
    expect((await rowByKey(h, "fo-qr")).status).toBe("creating");

    const body = tanqrSale({ phone: "0712345678", customer: { ...billing, firstname: "Asha" } });
    const { payment, created } = await failover(h, "fo-qr", body, "fo-tanqr");
    expect(created).toBe(true);
    expect(payment.provider).toBe("splashpay");
    expect(payment.status).toBe("pending");
    const old = await rowByKey(h, "fo-qr");
    expect(old.status).toBe("failed");
    expect(old.failureCode).toBe("PROVIDER_UNAVAILABLE");
    expect(old.supersededAt).not.toBeNull();

    // The same failover request again (a lost answer): the same TANQR, nothing new.
    const replay = await failover(h, "fo-qr", body, "fo-tanqr");
    expect(replay.payment.id).toBe(payment.id);
    expect(replay.created).toBe(false);
    // The superseded attempt can never be retried into a charge: its key now answers the failure.
    expect((await h.create(qrSale({ amount: "1000" }), "fo-qr")).payment.status).toBe("failed");
  });

  it("fails over from a SplashPay 502 to PayGrid's QR (magic phone, no client retries)", async () => {
    const error = await rejection(h.create(tanqrSale({ phone: "255700000502" }), "fo-splash"));
    expect(error.code).toBe("PROVIDER_UNAVAILABLE");
    const { payment } = await failover(h, "fo-splash", qrSale({ amount: "1000" }), "fo-paygrid");
    expect(payment.provider).toBe("paygrid");
    expect(payment.status).toBe("pending");
    expect((await rowByKey(h, "fo-splash")).supersededAt).not.toBeNull();
  });

  it("refuses a failover that changes the amount, the method, or names an attempt with an outcome", async () => {
    const { payment } = await h.create(qrSale({ amount: "2000" }), "fo-live");
    for (const [key, body] of [
      ["fo-live", tanqrSale({ amount: "3000" })],
      ["fo-live", qrSale({ amount: "2000" })],
      ["fo-live", tanqrSale({ amount: "2000" })],
      ["no-such-key", tanqrSale({ amount: "2000" })],
    ] as const) {
      const error = await rejection(
        failover(h, key, body, `fo-refused-${key}-${JSON.stringify(body).length}`),
      );
      expect(error.code).toBe("VALIDATION_ERROR");
    }
    expect((await rowOf(h, payment.id)).status).toBe("pending");
  });

  async function session(reference: string) {
    const { session } = await createCheckoutSession(
      h.database.db,
      "merchant",
      {
        amount: "1000",
        currency: "TZS",
        reference,
        success_url: "https://shop.example.com/thanks",
        cancel_url: "https://shop.example.com/cart",
      },
      null,
    );
    return session;
  }

  it("a shopper switches from mobile to QR: PayGrid's attempt is cancelled here and its late payment recorded", async () => {
    const cs = await session("ORDER-SWITCH");
    const mobile = {
      provider: "paygrid",
      method: "mobile",
      phone: "0712345678",
      customer: { firstname: "Neema", lastname: "Joseph", email: "neema@example.com" },
    };
    const first = await createSessionPayment(h.database.db, h.adapterFor, cs.id, mobile, "sw-1");
    expect(first.payment.status).toBe("pending");

    // Without naming the live attempt, another method resumes it (a reopened link), as before.
    const qr = { ...mobile, method: "dynamic-qr" };
    const resumed = await createSessionPayment(h.database.db, h.adapterFor, cs.id, qr, "sw-2");
    expect(resumed.payment.id).toBe(first.payment.id);

    const switched = await createSessionPayment(
      h.database.db,
      h.adapterFor,
      cs.id,
      { ...qr, supersedes: first.payment.id },
      "sw-3",
    );
    expect(switched.created).toBe(true);
    expect(switched.payment.method).toBe("dynamic-qr");
    expect(switched.payment.status).toBe("pending");
    const old = await rowOf(h, first.payment.id);
    expect([old.status, old.failureCode]).toEqual(["cancelled", "SUPERSEDED"]);
    expect(old.supersededAt).not.toBeNull();

    // PayGrid had no cancel: the customer approves the old prompt after all. It is recorded, flagged.
    expect((await h.control(first.payment.providerPaymentId!, "complete")).status).toBe(200);
    await expect
      .poll(async () => (await rowOf(h, first.payment.id)).status, { timeout: 10_000 })
      .toBe("completed");
    expect((await rowOf(h, first.payment.id)).supersededAt).not.toBeNull();
  });

  it("a shopper switches away from TANQR: the TANQR is cancelled at SplashPay first", async () => {
    const cs = await session("ORDER-SWITCH-2");
    const tanqr = { provider: "splashpay", method: "tanqr", phone: "0744123456", customer: billing };
    const first = await createSessionPayment(h.database.db, h.adapterFor, cs.id, tanqr, "sw2-1");
    expect(first.payment.status).toBe("pending");
    const qr = { provider: "paygrid", method: "dynamic-qr", phone: "0744123456", customer: billing };
    const switched = await createSessionPayment(
      h.database.db,
      h.adapterFor,
      cs.id,
      { ...qr, supersedes: first.payment.id },
      "sw2-2",
    );
    expect(switched.payment.provider).toBe("paygrid");
    expect((await rowOf(h, first.payment.id)).status).toBe("cancelled");
    const atSplash = await h.splashAdapter.fetchState(await rowOf(h, first.payment.id), { live: false });
    expect(atSplash.status).toBe("cancelled");
  });

  it("a paid attempt is never superseded", async () => {
    const cs = await session("ORDER-SWITCH-3");
    const mobile = {
      provider: "paygrid",
      method: "mobile",
      phone: "0712345678",
      customer: { firstname: "Neema", lastname: "Joseph", email: "neema@example.com" },
    };
    const first = await createSessionPayment(h.database.db, h.adapterFor, cs.id, mobile, "sw3-1");
    await h.control(first.payment.providerPaymentId!, "process");
    await expect
      .poll(async () => (await rowOf(h, first.payment.id)).status, { timeout: 10_000 })
      .toBe("processing");
    await h.control(first.payment.providerPaymentId!, "complete");
    await expect
      .poll(async () => (await rowOf(h, first.payment.id)).status, { timeout: 10_000 })
      .toBe("completed");
    const error = await rejection(
      createSessionPayment(
        h.database.db,
        h.adapterFor,
        cs.id,
        { ...mobile, method: "dynamic-qr", supersedes: first.payment.id },
        "sw3-2",
      ),
    );
    expect(error.code).toBe("FORBIDDEN");
  });
});
