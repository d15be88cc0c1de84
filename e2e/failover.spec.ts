import { randomUUID } from "node:crypto";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import type { Payment } from "@/lib/api-contract";
import { SENTINEL_KEY as sentinel } from "./support/e2e-env";
import { e2eUrls } from "../playwright.config";
import { expectAccessible } from "./support/axe";
import { approveQr, customerActs, fillDetails, ringUp, signIn, status, useLanguage } from "./support/pos";

// Superseded attempts (docs/api.md#superseded), in both languages:
//  - one-tap failover: PayGrid is down (every create answers 502), the register offers TANQR for the same
//    sale, asks only for the billing address, and the TANQR completes; the PayGrid attempt stays recorded
//    as failed and superseded;
//  - a shopper on a checkout link switches from a live mobile-money prompt to a QR and pays the QR; the
//    prompt is cancelled here (PayGrid has no cancel) and flagged superseded.

const paygridAuth = { authorization: `Bearer ${sentinel}` };
const merchantAuth = { authorization: "Bearer mk_test_e2e_merchant_key_0001" };
const BILLING = { address: "Bwawani, Mkonze", city: "Dodoma", state: "Dodoma", postcode: "67116" };
const LOCALES = ["en", "sw"] as const;
const WORDS = {
  en: { useTanqr: "Use TANQR instead", useQr: "Use QR instead" },
  sw: { useTanqr: "Tumia TANQR badala yake", useQr: "Tumia QR badala yake" },
};

async function paygridDown(request: APIRequestContext, down: boolean): Promise<void> {
  const put = await request.put(`${e2eUrls.sandbox}/control/settings`, {
    headers: paygridAuth,
    data: { createUnavailable: down },
  });
  expect(put.status()).toBe(200);
}

async function listPayments(page: Page, method: string): Promise<Payment[]> {
  const response = await page.request.get(`/api/payments?method=${method}&limit=100`);
  expect(response.status()).toBe(200);
  return ((await response.json()) as { data: Payment[] }).data;
}

for (const locale of LOCALES) {
  test.describe(`failover [${locale}]`, () => {
    test.afterEach(async ({ request }) => paygridDown(request, false));

    test(`a PayGrid 502 on a QR sale: Use TANQR instead completes the same sale [${locale}]`, async ({
      page,
      request,
    }) => {
      test.setTimeout(120_000);
      await useLanguage(page, locale);
      await signIn(page);
      await paygridDown(request, true);
      const reference = `FO-${locale}-${Date.now().toString(36)}`;
      await page.locator("#reference").fill(reference);
      await ringUp(page, "5000", "dynamic-qr");
      // 255700000001: SplashPay's sandbox pays it five seconds after it is created.
      await fillDetails(page, { phone: "0700 000 001" });
      await page.getByTestId("charge").click();

      // The register's automatic retries (same key) run out; the offer appears beside Retry.
      const offer = page.getByTestId("failover-offer");
      await expect(offer).toBeVisible({ timeout: 45_000 });
      await expect(page.getByTestId("create-unavailable")).toBeVisible();
      await expect(page.getByTestId("failover")).toHaveText(WORDS[locale].useTanqr);
      await expectAccessible(page, `failover offer ${locale}`);
      await page.getByTestId("failover").click();

      // TANQR needs the billing address: what was typed is kept, only the rest is asked for.
      await expect(page.getByTestId("failover-details")).toBeVisible();
      await expect(page.locator("#firstname")).toHaveValue("Asha");
      await expect(page.locator("#phone")).toHaveValue(/0700 ?000 ?001/);
      await page.locator("#address").fill(BILLING.address);
      await page.locator("#city").fill(BILLING.city);
      await page.locator("#state").fill(BILLING.state);
      await page.locator("#postcode").fill(BILLING.postcode);
      await page.getByTestId("charge").click();
      await page.waitForURL(/\/payments\/pay_/);

      await expect(page.getByTestId("outcome-completed")).toBeVisible({ timeout: 30_000 });
      expect(await status(page)).toBe("completed");
      const [tanqr] = (await listPayments(page, "tanqr")).filter((p) => p.reference.startsWith(reference));
      expect(tanqr).toMatchObject({ provider: "splashpay", status: "completed", amount: "5000" });

      // The PayGrid attempt stays on record: failed, superseded, never charged by us.
      const paygrid = (await listPayments(page, "dynamic-qr")).filter((p) =>
        p.reference.startsWith(reference),
      );
      expect(paygrid).toHaveLength(1);
      expect(paygrid[0]).toMatchObject({ status: "failed", failure_code: "PROVIDER_UNAVAILABLE" });
      expect(paygrid[0]?.superseded_at).not.toBeNull();
    });
  });

  test.describe(`shopper switch [${locale}]`, () => {
    test.use({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
      locale: locale === "sw" ? "sw-TZ" : "en-GB",
    });

    test(`a shopper switches from a live mobile prompt to QR and pays the QR [${locale}]`, async ({
      page,
      request,
    }) => {
      const created = await request.post("/api/checkout-sessions", {
        headers: { ...merchantAuth, "idempotency-key": randomUUID() },
        data: {
          amount: "12500",
          currency: "TZS",
          reference: `SW-${locale}-${Date.now().toString(36)}`,
          success_url: `${e2eUrls.app}/checkout/thanks?shop=1`,
          cancel_url: `${e2eUrls.app}/checkout/thanks?shop=1&cancelled=1`,
          customer: {
            firstname: "Neema",
            lastname: "Joseph",
            email: "neema@example.com",
            phone: "0712345678",
          },
        },
      });
      expect(created.status()).toBe(201);
      const session = (await created.json()) as { id: string; url: string };

      await page.goto(session.url);
      await expect(page.locator("[data-hydrated=true]").first()).toBeVisible();
      await page.locator(`[data-method="mobile"]`).tap();
      await expect(page.getByTestId("customer-form")).toBeVisible();
      await page.getByTestId("charge").tap();
      await expect(page.getByTestId("mobile-prompt")).toBeVisible();
      await expectAccessible(page, `live mobile prompt ${locale}`);

      const switchButton = page.getByTestId("switch-to-qr");
      await expect(switchButton).toHaveText(WORDS[locale].useQr);
      await switchButton.tap();
      await expect(page.getByTestId("payment-qr")).toBeVisible();
      await expect(page.getByTestId("payment-status")).toHaveAttribute("data-status", "pending");

      const read = await request.get(`/api/checkout-sessions/${session.id}`, { headers: merchantAuth });
      const body = (await read.json()) as { payments: Payment[] };
      const mobile = body.payments.find((p) => p.method === "mobile");
      const qr = body.payments.find((p) => p.method === "dynamic-qr");
      expect(mobile).toMatchObject({ status: "cancelled", failure_code: "SUPERSEDED" });
      expect(mobile?.superseded_at).not.toBeNull();
      expect(qr).toMatchObject({ status: "pending", superseded_at: null });

      await customerActs(page, qr!.payment_url!, approveQr);
      await expect(page.getByTestId("outcome-completed")).toBeVisible({ timeout: 20_000 });
    });
  });
}
