import { expect, test } from "@playwright/test";
import { e2eUrls } from "../playwright.config";
import { signInByApi } from "./support/api-session";
import {
  charge,
  fillDetails,
  ringUp,
  sandboxPaymentsWithReference,
  signIn,
  useLanguage,
} from "./support/pos";

// PayGrid's rules before any provider call: 500 TZS at least on every PayGrid method, and a network
// sent for mobile money only, and only when the number's prefix tells it.

const REASON = { en: "PayGrid takes at least TSh 500", sw: "PayGrid inapokea angalau TSh 500" } as const;

for (const locale of ["en", "sw"] as const) {
  test(`below 500 TZS every PayGrid method says why it is unavailable; TANQR stays [${locale}]`, async ({
    page,
  }) => {
    await useLanguage(page, locale);
    await signIn(page);
    for (const key of "499") await page.locator(`[data-key="${key}"]`).click();
    for (const method of ["dynamic-qr", "mobile", "card"]) {
      const button = page.locator(`[data-method="${method}"]`);
      await expect(button).toBeDisabled();
      await expect(button).toContainText(REASON[locale]);
    }
    await expect(page.locator('[data-method="tanqr"]')).toBeEnabled();
    await page.locator('[data-key="0"]').click();
    await expect(page.locator('[data-method="dynamic-qr"]')).toBeEnabled();
  });
}

test("the server refuses 499 TZS by card with a field error and calls no provider", async ({ page }) => {
  const request = page.request;
  await signInByApi(request);
  const reference = `MIN-${Date.now()}`;
  const response = await request.post("/api/payments", {
    headers: { origin: e2eUrls.app, "idempotency-key": `min-${Date.now()}` },
    data: {
      provider: "paygrid",
      method: "card",
      amount: "499",
      currency: "TZS",
      reference,
      phone: "0712345678",
      customer: {
        firstname: "Asha",
        lastname: "Mushi",
        email: "asha@example.com",
        address: "Plot 12",
        city: "Dar es Salaam",
        state: "Dar es Salaam",
        postcode: "11101",
        country: "TZ",
      },
    },
  });
  expect(response.status()).toBe(400);
  const body = (await response.json()) as { error: { code: string; fields?: { path: string }[] } };
  expect(body.error.code).toBe("VALIDATION_ERROR");
  expect(body.error.fields?.map((f) => f.path)).toContain("amount");
  expect(await sandboxPaymentsWithReference(page, reference)).toHaveLength(0);
});

test("mobile money: an unknown prefix is 'not detected', no network is sent, PayGrid detects it", async ({
  page,
}) => {
  await useLanguage(page, "en");
  await signIn(page);
  await page.locator("#reference").fill(`NET-${Date.now()}`);
  const reference = await page.locator("#reference").inputValue();
  await ringUp(page, "1500", "mobile");
  await fillDetails(page, { phone: "0700 000 001" });
  await expect(page.locator("#network-hint")).toContainText("not detected");
  await expect(page.locator("#network option").first()).toHaveText("Not detected");

  let sentNetwork: unknown = "unset";
  page.on("request", (request) => {
    if (request.url().endsWith("/api/payments") && request.method() === "POST") {
      sentNetwork = (JSON.parse(request.postData() ?? "{}") as { network?: unknown }).network;
    }
  });
  const payment = await charge(page);
  expect(sentNetwork).toBeUndefined();
  // What PayGrid holds: no network from us, so the one on record is PayGrid's own detection.
  const held = (await sandboxPaymentsWithReference(page, reference)) as { network?: string }[];
  expect(held).toHaveLength(1);
  expect(payment.phone).toBe("255700000001");
});
