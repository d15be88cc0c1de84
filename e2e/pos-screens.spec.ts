import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page, type TestInfo } from "@playwright/test";
import { SENTINEL_KEY as sentinel } from "./support/e2e-env";
import { e2eUrls, SHORT_TTL_SECONDS } from "../playwright.config";
import {
  approveQr,
  cancelAtProvider,
  charge,
  customerActs,
  fillDetails,
  keepScreenshot,
  readPayment,
  paymentIdFromUrl,
  ringUp,
  signIn,
  useLanguage,
} from "./support/pos";

// Every cashier screen in both languages: no axe violations, and screenshots at a 360 px phone and a
// 1280 px POS display kept as test artefacts. Then the payment window running out, on an app whose
// window is compressed to seconds.

const BILLING = { address: "Mtaa wa Uhuru 5", city: "Arusha", state: "Arusha", postcode: "23101" };

async function checkScreen(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(
    violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`),
    `axe on ${name}`,
  ).toEqual([]);
  await keepScreenshot(page, testInfo, name);
  await page.setViewportSize({ width: 360, height: 740 });
  await keepScreenshot(page, testInfo, name);
  // Nothing may force a sideways scroll on a small phone.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await page.setViewportSize({ width: 1280, height: 800 });
}

for (const locale of ["sw", "en"] as const) {
  test.describe(`every cashier screen [${locale}]: accessible, and captured at 360 and 1280 px`, () => {
    test.beforeEach(async ({ page }) => {
      test.setTimeout(120_000);
      await page.setViewportSize({ width: 1280, height: 800 });
      await useLanguage(page, locale);
    });

    test("sign-in, register, details with errors, mobile money prompt, cancelled", async ({
      page,
    }, testInfo) => {
      await page.goto("/sign-in");
      await expect(page.locator("html")).toHaveAttribute("lang", locale);
      await expect(page.locator("form[data-hydrated=true]")).toBeVisible();
      await checkScreen(page, testInfo, `${locale}-sign-in`);
      await signIn(page);
      for (const key of "15000") await page.locator(`[data-key="${key}"]`).click();
      await checkScreen(page, testInfo, `${locale}-register`);

      await page.locator('[data-method="card"]').click();
      await page.getByTestId("charge").click(); // empty form: the field errors are part of the screen
      await expect(page.getByTestId("error-firstname")).toBeVisible();
      await checkScreen(page, testInfo, `${locale}-details-card-errors`);
      await page.getByRole("button", { name: locale === "sw" ? "Rudi" : "Back" }).click();

      await page.locator('[data-method="mobile"]').click();
      await fillDetails(page, { phone: "0655 123 456" });
      await checkScreen(page, testInfo, `${locale}-details-mobile`);
      const mobile = await charge(page);
      await expect(page.getByTestId("mobile-prompt")).toBeVisible();
      await checkScreen(page, testInfo, `${locale}-pay-mobile`);
      await customerActs(page, `${e2eUrls.sandbox}/pay/${mobile.provider_payment_id}`, cancelAtProvider);
      await expect(page.getByTestId("outcome-failed")).toBeVisible();
      await checkScreen(page, testInfo, `${locale}-outcome-cancelled`);
    });

    test("QR, paid, card and TANQR pay views", async ({ page }, testInfo) => {
      await signIn(page);
      await ringUp(page, "15000", "dynamic-qr");
      await fillDetails(page);
      const qr = await charge(page);
      await expect(page.getByTestId("payment-qr")).toBeVisible();
      await checkScreen(page, testInfo, `${locale}-pay-qr`);
      await customerActs(page, qr.payment_url!, approveQr);
      await expect(page.getByTestId("outcome-completed")).toBeVisible();
      await checkScreen(page, testInfo, `${locale}-outcome-completed`);

      await page.goto("/register");
      await ringUp(page, "15000", "card");
      await fillDetails(page, { billing: BILLING });
      await charge(page);
      await expect(page.getByTestId("link-qr")).toBeVisible();
      await checkScreen(page, testInfo, `${locale}-pay-card`);

      await page.goto("/register");
      await ringUp(page, "15000", "tanqr");
      await fillDetails(page, { phone: "0744 123 456", billing: BILLING });
      await charge(page);
      await expect(page.getByTestId("payment-qr")).toBeVisible();
      await checkScreen(page, testInfo, `${locale}-pay-tanqr`);
    });
  });
}

test.describe("a payment window that runs out", () => {
  test.use({ baseURL: e2eUrls.shortTtlApp });

  test.beforeAll(async ({ request }) => {
    const put = await request.put(`${e2eUrls.sandbox}/control/settings`, {
      headers: { authorization: `Bearer ${sentinel}` },
      data: { expirySeconds: SHORT_TTL_SECONDS },
    });
    expect(put.status()).toBe(200);
  });
  test.afterAll(async ({ request }) => {
    await request.put(`${e2eUrls.sandbox}/control/settings`, {
      headers: { authorization: `Bearer ${sentinel}` },
      data: { expirySeconds: 1800 },
    });
  });

  test("the countdown turns prominent, the QR is hidden at the deadline, expired offers a new QR", async ({
    page,
  }, testInfo) => {
    test.setTimeout(120_000);
    await useLanguage(page, "en", e2eUrls.shortTtlApp);
    await signIn(page);
    await ringUp(page, "3000", "dynamic-qr");
    await fillDetails(page);
    const payment = await charge(page);
    const window = Date.parse(payment.expires_at) - Date.parse(payment.created_at);
    expect(window).toBe(SHORT_TTL_SECONDS * 1000);
    await expect(page.getByTestId("countdown")).toHaveAttribute("data-state", "loud");
    await expect(page.getByTestId("countdown")).toContainText(/0:\d\d/);

    // A reload does not restart the clock: it counts to the server's expires_at.
    await page.reload();
    await expect(page.getByTestId("payment-qr")).toBeVisible();
    await expect(page.getByTestId("countdown")).toHaveAttribute("data-state", "loud");

    await expect(page.getByTestId("payment-qr")).toHaveCount(0, { timeout: 30_000 });
    await expect(page.getByTestId("outcome-expired")).toBeVisible({ timeout: 30_000 });
    await keepScreenshot(page, testInfo, "en-outcome-expired");
    const { violations } = await new AxeBuilder({ page }).analyze();
    expect(violations.map((v) => v.id)).toEqual([]);

    await page.getByRole("button", { name: "New QR" }).click();
    await page.waitForURL((url) => !url.pathname.endsWith(payment.id));
    const next = await readPayment(page, paymentIdFromUrl(page));
    expect(next).toMatchObject({ status: "pending", method: "dynamic-qr", amount: "3000" });
    await expect(page.getByTestId("payment-qr")).toBeVisible();
  });
});

test.describe("money that lands after our window closed", () => {
  test.use({ baseURL: e2eUrls.shortTtlApp });

  test("is recorded as paid after expiry, never dropped, and the history shows it", async ({ page }) => {
    test.setTimeout(120_000);
    await useLanguage(page, "en", e2eUrls.shortTtlApp);
    await signIn(page);
    await ringUp(page, "6100", "dynamic-qr");
    await fillDetails(page);
    const payment = await charge(page);
    // Our 20-second window closes while PayGrid still holds the payment open.
    await expect(page.getByTestId("countdown")).toHaveAttribute("data-state", "over", { timeout: 30_000 });
    await expect(page.getByTestId("payment-qr")).toHaveCount(0);
    await customerActs(page, payment.payment_url!, approveQr);
    await expect(page.getByTestId("outcome-completed")).toBeVisible({ timeout: 30_000 });
    expect((await readPayment(page, payment.id)).paid_after_expiry).toBe(true);
    await expect(page.getByTestId("paid-after-expiry")).toBeVisible();

    await page.goto("/history?status=completed");
    const row = page.locator(`[data-testid=history] a[href="/payments/${payment.id}"]`);
    await expect(row).toContainText("late payment");
    await expect(row).toHaveAttribute("data-status", "completed");
  });
});
