import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { payments } from "@/lib/server/db/schema";
import { testStores } from "@/test/databases";
import { startHarness, type Harness } from "@/test/payments-harness";
import { createCheckoutSession, createSessionPayment } from "@/test/checkout-calls";

// Twenty shoppers' requests (or one impatient shopper on twenty tabs) with twenty different keys on one
// checkout link: the database lets exactly one become the live attempt, so one provider payment exists.

const shopper = {
  provider: "paygrid",
  method: "dynamic-qr",
  phone: "0712345678",
  customer: { firstname: "Neema", lastname: "Joseph", email: "neema@example.com" },
};

describe.each(testStores())("one live attempt per checkout session on $name", (store) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(store);
  });
  afterAll(async () => h.close());

  it("20 parallel attempts with different keys make exactly one provider payment", async () => {
    const { session } = await createCheckoutSession(
      h.database.db,
      "merchant",
      {
        amount: "7000",
        currency: "TZS",
        reference: "ORDER-RACE",
        success_url: "https://shop.example.com/thanks",
        cancel_url: "https://shop.example.com/cart",
      },
      null,
    );
    const before = h.providerCreates();
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        createSessionPayment(h.database.db, () => h.adapter, session.id, shopper, `race-key-${i}`),
      ),
    );
    expect(h.providerCreates() - before).toBe(1);
    expect(new Set(answers.map((a) => a.payment.id)).size).toBe(1);
    expect(answers.filter((a) => a.created)).toHaveLength(1);
    const rows = await h.database.db
      .select()
      .from(payments)
      .where(eq(payments.checkoutSessionId, session.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]?.status).toBe("pending");
  });
});
