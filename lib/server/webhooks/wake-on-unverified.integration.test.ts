import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/server/db/client";
import { paymentEvents, payments } from "@/lib/server/db/schema";
import type { PaymentProviderAdapter } from "@/lib/server/providers/adapter";
import { testStores } from "@/test/databases";
import { pendingPaymentRow } from "@/test/payment-row";
import { rejection } from "@/test/rejection";
import { receiveSplashPayWebhook } from "./receive-splashpay-webhook";
import { receiveOrWake, webhookCounts } from "./wake-on-unverified";

// A SplashPay webhook signed with a scheme we do not know (or forged): 401 and nothing applied from it,
// but the payment it names is checked with the provider once, and the provider's answer is what counts.

describe.each(testStores())("unverified webhooks wake a status check on $name", (store) => {
  let database: Database;
  let drop: () => Promise<void>;
  let asks = 0;
  const provider: PaymentProviderAdapter = {
    create: () => Promise.reject(new Error("not used")),
    fetchState: () => {
      asks += 1;
      return Promise.resolve({
        providerPaymentId: "SP-WAKE-1",
        status: "completed",
        amount: "5000.00",
        currency: "TZS",
      });
    },
  };

  beforeAll(async () => {
    ({ database, drop } = await store.open());
    await database.db.insert(payments).values(
      pendingPaymentRow("pay_wake", {
        provider: "splashpay",
        method: "tanqr",
        reference: "SP-WAKE-1",
        providerPaymentId: "SP-WAKE-1",
      }),
    );
  });
  afterAll(async () => drop());

  const forged = (amount: string) =>
    JSON.stringify({ event: "payment.success", data: { reference: "SP-WAKE-1", status: "success", amount } });
  const receive = (body: string) =>
    receiveOrWake(
      database.db,
      "splashpay",
      body,
      () => provider,
      () =>
        receiveSplashPayWebhook(database.db, body, new Headers({ "x-splashpay-signature": "bad" }), "secret"),
    );

  it("answers 401, applies nothing from the body, and asks the provider once per 5 s", async () => {
    const before = webhookCounts("splashpay");
    // The forged body claims a tiny amount; only the provider's own answer is applied.
    const error = await rejection(receive(forged("1.00")));
    expect(error.status).toBe(401);
    expect(asks).toBe(1);
    const [row] = await database.db.select().from(payments).where(eq(payments.id, "pay_wake"));
    expect(row?.status).toBe("completed");
    expect(row?.amountMismatch).toBe(false);
    const events = await database.db
      .select()
      .from(paymentEvents)
      .where(eq(paymentEvents.paymentId, "pay_wake"));
    expect(events.map((e) => e.source)).toEqual(["poll"]);

    // A flood of forged deliveries makes no more provider calls inside the window.
    for (let i = 0; i < 10; i += 1) await rejection(receive(forged("1.00")));
    expect(asks).toBe(1);
    const after = webhookCounts("splashpay");
    expect(after.refused - before.refused).toBe(11);
    expect(after.woken - before.woken).toBe(1);
  });

  it("does nothing for a body that names no payment we know", async () => {
    const body = JSON.stringify({ data: { reference: "NOT-OURS" } });
    expect((await rejection(receive(body))).status).toBe(401);
    expect((await rejection(receive("not json"))).status).toBe(401);
    expect(asks).toBe(1);
  });
});
