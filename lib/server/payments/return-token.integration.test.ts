import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testStores } from "@/test/databases";
import { startHarness, type Harness } from "@/test/payments-harness";
import { qrSale } from "@/test/sales";
import { paymentByReturnToken } from "./payment-by-return-token";

// A register payment carries the unguessable token of the shopper's public return page; the page finds
// it by that token alone and sees only what a shopper may see.

describe.each(testStores())("the shopper's return token on $name", (store) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(store);
  });
  afterAll(async () => h.close());

  it("is 192 random bits per register payment, and finds only its own payment", async () => {
    const a = await h.create(qrSale({ amount: "5100" }), "rt-a");
    const b = await h.create(qrSale({ amount: "5200" }), "rt-b");
    const tokenA = a.payment.returnToken!;
    expect(tokenA).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(Buffer.from(tokenA, "base64url")).toHaveLength(24);
    expect(b.payment.returnToken).not.toBe(tokenA);

    const view = await paymentByReturnToken(h.database.db, tokenA);
    expect(view).toEqual({
      status: "pending",
      amountMinor: 510_000,
      currency: "TZS",
      reference: a.payment.reference,
      method: "dynamic-qr",
      completedAt: null,
      receiptToken: a.payment.receiptToken,
    });
    expect(Object.keys(view!)).not.toContain("customer");
  });

  it("finds nothing for a wrong, short or malformed token", async () => {
    const { payment } = await h.create(qrSale({ amount: "5300" }), "rt-c");
    const token = payment.returnToken!;
    const flipped = `${token.slice(0, -1)}${token.endsWith("A") ? "B" : "A"}`;
    for (const wrong of [flipped, token.slice(1), `${token}x`, "", "' or 1=1 --", payment.id]) {
      expect(await paymentByReturnToken(h.database.db, wrong)).toBeNull();
    }
  });

  it("is not given to checkout-session payments, which return to the merchant's own URLs", async () => {
    const { payment } = await h.create(qrSale({ amount: "5400" }), "rt-d", "checkout:cs_test");
    expect(payment.returnToken).toBeNull();
  });
});
