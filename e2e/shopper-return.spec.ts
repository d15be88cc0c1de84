import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { e2eUrls } from "../playwright.config";
import { charge, closeTab, fillDetails, payByCard, ringUp, signIn, useLanguage } from "./support/pos";

// A card sale made at the register: the customer pays on PayGrid's page on their own phone, and PayGrid
// returns that phone to a public page for this payment (by an unguessable token), never to a cashier page.

const BILLING = { address: "Mtaa wa Uhuru 5", city: "Arusha", state: "Arusha", postcode: "23101" };
const WORDS = {
  en: { paid: "Payment received", cancelled: "Payment cancelled", show: "Show this screen to the cashier." },
  sw: { paid: "Malipo yamepokelewa", cancelled: "Malipo yameghairiwa", show: "Mwonyeshe keshia skrini hii." },
} as const;

/** The customer's phone: a browser of its own, with no cashier cookie. */
async function customerPhone(browser: Browser, locale: "en" | "sw"): Promise<Page> {
  const context = await browser.newContext();
  await context.addCookies([{ name: "malipo-locale", value: locale, url: e2eUrls.app }]);
  return context.newPage();
}

for (const locale of ["en", "sw"] as const) {
  test(`a card paid from the register's link returns the customer's phone to the public page [${locale}]`, async ({
    page,
    browser,
  }) => {
    await useLanguage(page, locale);
    await signIn(page);
    await ringUp(page, "7000", "card");
    await fillDetails(page, { billing: BILLING });
    const payment = await charge(page);

    const phone = await customerPhone(browser, locale);
    await phone.goto(payment.payment_url!);
    await payByCard(phone);
    await phone.waitForURL(/\/return\/[A-Za-z0-9_-]{32}\?result=success/);
    const token = /\/return\/([A-Za-z0-9_-]+)/.exec(phone.url())![1]!;
    expect(Buffer.from(token, "base64url").length).toBeGreaterThanOrEqual(16);

    const heading = phone.getByTestId("shopper-return");
    await expect(heading).toHaveAttribute("data-view", "paid", { timeout: 15_000 });
    await expect(heading).toContainText(WORDS[locale].paid);
    await expect(phone.getByTestId("shopper-return-amount")).toContainText("7,000");
    await expect(phone.getByText(WORDS[locale].show)).toBeVisible();
    // Not the cashier's sign-in, and nothing of the register's: no cashier navigation, no customer details.
    expect(phone.url()).not.toContain("/sign-in");
    await expect(phone.locator("nav")).toHaveCount(0);
    await expect(phone.locator("body")).not.toContainText("asha@example.com");
    const { violations } = await new AxeBuilder({ page: phone }).analyze();
    expect(violations.map((v) => v.id)).toEqual([]);
    await closeTab(phone);

    await expect(page.getByTestId("outcome-completed")).toBeVisible();
  });
}

test("a cancelled card page returns to the public page, which says so; a made-up token is a 404", async ({
  page,
  browser,
}) => {
  await useLanguage(page, "en");
  await signIn(page);
  await ringUp(page, "8000", "card");
  await fillDetails(page, { billing: BILLING });
  const payment = await charge(page);

  const phone = await customerPhone(browser, "en");
  await phone.goto(payment.payment_url!);
  await phone.getByRole("button", { name: "Cancel payment" }).click();
  await phone.waitForURL(/\/return\/[A-Za-z0-9_-]{32}\?result=cancel/);
  await expect(phone.getByTestId("shopper-return")).toContainText(WORDS.en.cancelled);
  await closeTab(phone);

  const stranger = await customerPhone(browser, "en");
  const response = await stranger.goto(`/return/${"A".repeat(32)}`);
  expect(response?.status()).toBe(404);
  await expect(stranger.getByTestId("not-found")).toBeVisible();
  await closeTab(stranger);
});
