import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { payments } from "@/lib/server/db/schema";
import { testStores } from "@/test/databases";
import { rejection } from "@/test/rejection";
import { startHarness, type Harness } from "@/test/payments-harness";
import { qrSale, tanqrSale } from "@/test/sales";
import { cancelOpenPayment } from "./cancel-payment";

// The cashier withdraws an open TANQR (SplashPay cancel); PayGrid has none.

describe.each(testStores())("cancel an open payment on $name", (store) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(store);
  });
  afterAll(async () => h.close());

  it("cancels an open TANQR at SplashPay and records it; a settled one cannot be cancelled", async () => {
    const { payment } = await h.create(tanqrSale(), `cancel-${Math.random()}`);
    expect(payment.status).toBe("pending");
    const cancelled = await cancelOpenPayment(h.database.db, h.splashAdapter, payment);
    expect(cancelled.status).toBe("cancelled");
    const [row] = await h.database.db.select().from(payments).where(eq(payments.id, payment.id));
    expect(row?.status).toBe("cancelled");
    const again = await rejection(cancelOpenPayment(h.database.db, h.splashAdapter, row!));
    expect([again.status, again.code]).toEqual([409, "PAYMENT_NOT_CANCELLABLE"]);
  });

  it("refuses a PayGrid payment: PayGrid documents no cancel", async () => {
    const { payment } = await h.create(qrSale(), `cancel-pg-${Math.random()}`);
    const refused = await rejection(cancelOpenPayment(h.database.db, h.adapter, payment));
    expect([refused.status, refused.code]).toEqual([422, "CANCEL_NOT_SUPPORTED"]);
  });
});
