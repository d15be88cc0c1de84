import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { I18nProvider } from "@/components/i18n/i18n-provider";
import type { Locale } from "@/lib/i18n";
import { checkoutSessions, payments, refunds } from "@/lib/server/db/schema";
import { applyProviderEvent } from "@/lib/server/payments/apply-provider-event";
import { receiptByToken } from "@/lib/server/payments/receipt";
import { paymentJson } from "@/lib/server/wire/payment-json";
import { eq } from "drizzle-orm";
import { testStores } from "@/test/databases";
import { startHarness, type Harness } from "@/test/payments-harness";
import { qrSale } from "@/test/sales";

// The public digital receipt (/r/{token}): a token on every payment row, published (receipt_url) and found
// only once the payment is paid; the page shows the sale, its refunds and the shop's details, and never the
// customer's name, email or full phone number.

const state = vi.hoisted(() => ({ locale: "en", db: undefined as unknown }));
vi.mock("next/headers", () => ({
  cookies: async () => ({ get: () => ({ value: state.locale }) }),
  headers: async () => new Headers(),
}));
vi.mock("@/lib/server/db/database", () => ({ getDatabase: async () => state.db }));

const { default: ReceiptPage } = await import("./[token]/page");

async function renderReceipt(token: string, locale: Locale): Promise<string> {
  state.locale = locale;
  const element = await ReceiptPage({ params: Promise.resolve({ token }) });
  // The provider's children arrive as createElement's third argument; its prop type wants them named.
  const provider = I18nProvider as (props: { locale: Locale; children?: React.ReactNode }) => React.ReactNode;
  return renderToStaticMarkup(createElement(provider, { locale }, element));
}

describe.each(testStores())("digital receipts on $name", (store) => {
  let h: Harness;
  beforeAll(async () => {
    vi.stubEnv("MERCHANT_ADDRESS", "Kariakoo, Mtaa wa Congo 12, Dar es Salaam");
    vi.stubEnv("MERCHANT_TIN", "123-456-789");
    h = await startHarness(store);
    state.db = h.database;
  });
  afterAll(async () => {
    await h.close();
    vi.unstubAllEnvs();
  });

  async function paidSale(amount: string, key: string) {
    const { payment } = await h.create(qrSale({ amount, phone: "0712345678" }), key);
    await applyProviderEvent(h.database.db, {
      paymentId: payment.id,
      status: "completed",
      source: "webhook",
      money: { amount, currency: "TZS" },
    });
    const [row] = await h.database.db.select().from(payments).where(eq(payments.id, payment.id));
    return row!;
  }

  it("gives every payment a 192-bit token at insert, but a receipt_url only once it is paid", async () => {
    const { payment } = await h.create(qrSale({ amount: "5100" }), "rc-a");
    expect(payment.receiptToken).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(Buffer.from(payment.receiptToken!, "base64url")).toHaveLength(24);
    expect(paymentJson(payment).receipt_url).toBeNull();
    expect(await receiptByToken(h.database.db, payment.receiptToken!)).toBeNull();

    const paid = await paidSale("5200", "rc-b");
    expect(paid.receiptToken).not.toBe(payment.receiptToken);
    expect(paymentJson(paid).receipt_url).toMatch(new RegExp(`/r/${paid.receiptToken}$`));
    expect((await receiptByToken(h.database.db, paid.receiptToken!))?.amountMinor).toBe(520_000);

    const { payment: checkout } = await h.create(qrSale({ amount: "5300" }), "rc-c", "checkout:cs_receipt");
    expect(checkout.receiptToken).toMatch(/^[A-Za-z0-9_-]{32}$/);
  });

  it("answers not found for an unknown, malformed or unpaid token", async () => {
    const { payment } = await h.create(qrSale({ amount: "5400" }), "rc-d");
    const paid = await paidSale("5500", "rc-e");
    const token = paid.receiptToken!;
    const flipped = `${token.slice(0, -1)}${token.endsWith("A") ? "B" : "A"}`;
    for (const wrong of [flipped, token.slice(1), "", "' or 1=1 --", paid.id, payment.receiptToken!]) {
      expect(await receiptByToken(h.database.db, wrong)).toBeNull();
      await expect(renderReceipt(wrong, "en")).rejects.toThrow(/NEXT_HTTP_ERROR_FALLBACK;404/);
    }
  });

  it("shows the sale, the shop, line items and succeeded refunds; no name, email or full phone", async () => {
    const paid = await paidSale("6000", "rc-f");
    await h.database.db.insert(checkoutSessions).values({
      id: "cs_receipt_items",
      status: "completed",
      amountMinor: 600_000,
      currency: "TZS",
      reference: "ORDER-1",
      lineItems: [
        { name: "Chai ya tangawizi", quantity: 2, unit_amount: "1500" },
        { name: "Maandazi", quantity: 3, unit_amount: "1000" },
      ],
      successUrl: "https://shop.example/ok",
      cancelUrl: "https://shop.example/no",
      createdBy: "merchant",
      expiresAt: new Date(Date.now() + 3_600_000),
    });
    await h.database.db
      .update(payments)
      .set({
        checkoutSessionId: "cs_receipt_items",
        staffName: "Neema Joseph Mollel",
        providerReference: "MPX123",
      })
      .where(eq(payments.id, paid.id));
    const refund = (id: string, amountMinor: number, status: string) => ({
      id,
      paymentId: paid.id,
      amountMinor,
      currency: "TZS",
      reason: "customer_request",
      status,
      idempotencyKey: `k-${id}`,
    });
    await h.database.db
      .insert(refunds)
      .values([refund("rf_ok", 150_000, "succeeded"), refund("rf_failed", 200_000, "failed")]);
    await h.database.db
      .update(payments)
      .set({ status: "partially_refunded" })
      .where(eq(payments.id, paid.id));

    for (const locale of ["en", "sw"] as const) {
      const html = await renderReceipt(paid.receiptToken!, locale);
      expect(html).toContain("Kariakoo, Mtaa wa Congo 12");
      expect(html).toContain("123-456-789");
      expect(html).toContain(paid.reference);
      expect(html).toContain("MPX123");
      expect(html).toContain("Chai ya tangawizi");
      expect(html).toContain(">Neema<");
      expect(html).not.toContain("Mollel");
      expect(html).toContain(locale === "en" ? "not a fiscal (EFD) receipt" : "si risiti ya TRA (EFD)");
      expect(html).toContain("2557•••5678");
      // One succeeded refund of 1,500 is listed; the failed one is not.
      expect(html.match(/data-testid="receipt-refunds"/g)).toHaveLength(1);
      expect(html).toMatch(/1,500/);
      expect(html).not.toMatch(/2,000\.?0*</);
      for (const secret of ["255712345678", "0712345678", "712345678", "asha@example.com", "Asha", "Mushi"]) {
        expect(html).not.toContain(secret);
      }
    }
  });
});
