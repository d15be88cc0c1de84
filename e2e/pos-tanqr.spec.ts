import { expect, test, type APIRequestContext } from "@playwright/test";
import { parseEmv } from "@/lib/emv-qr";
import { SENTINEL_KEY as sentinel } from "./support/e2e-env";
import { e2eUrls } from "../playwright.config";
import { decodeQrFromScreen } from "./support/qr-decode";
import { charge, customerActs, fillDetails, ringUp, signIn, status } from "./support/pos";

// TANQR (SplashPay) at the counter: the PNG on screen is a national QR for exactly this sale, the
// customer's banking app pays it, and the outcome appears live. A QR for another amount is refused.

const splashAuth = { "x-api-key": `pk_test_${sentinel}`, "x-api-secret": sentinel };
const paygridAuth = { authorization: `Bearer ${sentinel}` };
const BILLING = { address: "Bwawani, Mkonze", city: "Dodoma", state: "Dodoma", postcode: "67116" };

async function splashSettings(request: APIRequestContext, data: object): Promise<void> {
  const put = await request.put(`${e2eUrls.sandbox}/splashpay/control/settings`, {
    headers: splashAuth,
    data,
  });
  expect(put.status()).toBe(200);
}

test("TANQR: the PNG on screen decodes to a TANQR for the sale's amount; the customer pays; completed, live", async ({
  page,
}) => {
  await signIn(page);
  await ringUp(page, "4500", "tanqr");
  await fillDetails(page, { phone: "0744 123 456", billing: BILLING });
  const payment = await charge(page);
  expect(payment).toMatchObject({ provider: "splashpay", method: "tanqr", status: "pending", qr_code: null });

  const emv = parseEmv(await decodeQrFromScreen(page.getByTestId("payment-qr")));
  expect(emv.ok).toBe(true);
  if (emv.ok) {
    expect(emv.get("01")).toBe("12"); // dynamic: one payment, one amount
    expect(emv.get("54")).toBe("4500.00");
    expect(emv.get("53")).toBe("834");
    expect(emv.get("58")).toBe("TZ");
    expect(emv.get("62.05")).toBe(payment.reference);
  }
  await expect(page.getByTestId("countdown")).toBeVisible();

  // The customer's banking app: scan, then pay.
  await customerActs(
    page,
    `${e2eUrls.sandbox}/splashpay/pay/${encodeURIComponent(payment.reference)}`,
    async (app) => {
      await app.getByRole("button", { name: "Scan" }).click();
      await app.getByRole("button", { name: "Pay" }).click();
    },
  );
  await expect(page.getByTestId("outcome-completed")).toBeVisible();
  expect(await status(page)).toBe("completed");
});

test.describe("a provider QR for the wrong amount", () => {
  test.afterEach(async ({ request }) => {
    await splashSettings(request, { qrMode: "tanqr" });
    await request.put(`${e2eUrls.sandbox}/control/settings`, {
      headers: paygridAuth,
      data: { qrMode: "tanqr" },
    });
  });

  test("is never shown: TANQR and PayGrid QR both give the cashier a clear warning instead", async ({
    page,
    request,
  }) => {
    await signIn(page);
    await splashSettings(request, { qrMode: "wrong-amount" });
    await ringUp(page, "2000", "tanqr");
    await fillDetails(page, { phone: "0744 123 456", billing: BILLING });
    const tanqr = await charge(page);
    expect(tanqr.qr_mismatch).toBe(true);
    expect(tanqr.qr_image).toBeNull();
    await expect(page.getByTestId("qr-mismatch")).toBeVisible();
    await expect(page.getByTestId("payment-qr")).toHaveCount(0);

    const put = await request.put(`${e2eUrls.sandbox}/control/settings`, {
      headers: paygridAuth,
      data: { qrMode: "wrong-amount" },
    });
    expect(put.status()).toBe(200);
    await page.goto("/register");
    await ringUp(page, "2000", "dynamic-qr");
    await fillDetails(page);
    const qr = await charge(page);
    expect(qr.qr_mismatch).toBe(true);
    await expect(page.getByTestId("qr-mismatch")).toBeVisible();
    await expect(page.getByTestId("payment-qr")).toHaveCount(0);
  });
});
