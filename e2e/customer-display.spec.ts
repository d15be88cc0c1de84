import { expect, test, type Browser, type Page } from "@playwright/test";
import { e2eUrls } from "../playwright.config";
import { expectAccessible } from "./support/axe";
import { approveQr, charge, customerActs, fillDetails, ringUp, signIn, useLanguage } from "./support/pos";
import { decodeQrFromScreen } from "./support/qr-decode";

// The customer-facing display: a second device scans the register's pairing QR and then follows the sale
// live — the welcome screen, the amount and QR, then "paid" — in its own language, with no cashier controls;
// disconnected from the register, it says so.

const WORDS = {
  en: {
    welcome: "Welcome",
    paid: "Paid — thank you!",
    revoked: "This display is disconnected",
    close: "Close",
  },
  sw: { welcome: "Karibu", paid: "Umelipa — asante!", revoked: "Skrini hii imetenganishwa", close: "Funga" },
} as const;

async function secondScreen(browser: Browser, locale: "en" | "sw"): Promise<Page> {
  const context = await browser.newContext();
  await context.addCookies([{ name: "malipo-locale", value: locale, url: e2eUrls.app }]);
  return context.newPage();
}

// Long flows (a sale, a second browser, axe on several screens) on a machine that may be busy.
test.describe.configure({ timeout: 240_000 });

for (const locale of ["en", "sw"] as const) {
  test(`the customer display follows the register's sale to paid [${locale}]`, async ({ page, browser }) => {
    await useLanguage(page, locale);
    await signIn(page);
    await page.getByTestId("customer-display-open").click();
    await page.getByTestId("customer-display-new").click();
    const qr = page.getByTestId("customer-display-qr");
    await expect(qr).toBeVisible();
    const url = await decodeQrFromScreen(qr);
    expect(url).toMatch(new RegExp(`^${e2eUrls.app}/display/[A-Za-z0-9_-]{43}$`));
    await expectAccessible(page, `customer display dialog [${locale}]`);
    await page
      .getByTestId("customer-display-dialog")
      .getByRole("button", { name: WORDS[locale].close, exact: true })
      .click();

    const display = await secondScreen(browser, locale);
    const response = await display.goto(url);
    expect(response?.headers()["referrer-policy"]).toBe("no-referrer");
    await expect(display.getByTestId("display-welcome")).toContainText(WORDS[locale].welcome);
    await expect(display.locator("nav")).toHaveCount(0);
    await expectAccessible(display, `customer display, welcome [${locale}]`);

    await ringUp(page, "4200", "dynamic-qr");
    await fillDetails(page);
    const payment = await charge(page);
    await expect(display.getByTestId("display-amount")).toContainText("4,200", { timeout: 15_000 });
    expect(await decodeQrFromScreen(display.getByTestId("display-qr"))).toBe(payment.qr_code);
    await expect(display.getByTestId("countdown")).toBeVisible();
    await expect(display.locator("body")).not.toContainText("asha@example.com");
    await expectAccessible(display, `customer display, sale [${locale}]`);

    await customerActs(page, payment.payment_url!, approveQr);
    await expect(page.getByTestId("outcome-completed")).toBeVisible();
    const outcome = display.getByTestId("display-outcome");
    await expect(outcome).toHaveAttribute("data-status", "paid", { timeout: 15_000 });
    await expect(outcome).toContainText(WORDS[locale].paid);
    await expectAccessible(display, `customer display, paid [${locale}]`);

    // The register disconnects it: the display says so at its next check (a wake or the 15 s ping).
    await page.getByTestId("customer-display-open").click();
    const dialog = page.getByTestId("customer-display-dialog");
    await expect(dialog.getByRole("listitem")).not.toHaveCount(0);
    for (const button of await dialog.getByRole("listitem").getByRole("button").all()) await button.click();
    await expect(display.getByTestId("display-revoked")).toContainText(WORDS[locale].revoked, {
      timeout: 25_000,
    });
    await display.context().close();
  });
}
