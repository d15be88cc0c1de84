import { expect, test, type Page } from "@playwright/test";
import { e2eUrls } from "../playwright.config";
import { expectAccessible } from "./support/axe";
import { approveQr, charge, customerActs, fillDetails, ringUp, signIn, useLanguage } from "./support/pos";

// A manager gives back part of a paid sale from its payment screen: the dialog offers what is left, the
// sandbox provider refunds it, and the screen shows the payment partially refunded. In both languages.

const TEXT = {
  sw: { partial: "Sehemu ya pesa imerejeshwa", done: "imerejeshwa" },
  en: { partial: "Partially refunded", done: "was given back" },
} as const;

/** A manager made by the owner through the API, signed in with their password on a fresh device. */
async function managerPage(owner: Page, page: Page, suffix: string): Promise<void> {
  const email = `meneja-${suffix}@e2e.malipo.local`;
  const password = "e2e-manager-password";
  const made = await owner.request.post("/api/staff", {
    data: { name: `Meneja ${suffix}`, role: "manager", email, password, pin: "2468" },
    headers: { origin: e2eUrls.app },
  });
  expect(made.status()).toBe(201);
  await page.goto("/sign-in");
  const form = page.locator("[data-testid=password-sign-in][data-hydrated=true]");
  await form.locator("#email").fill(email);
  await form.locator("#password").fill(password);
  await form.locator("button[type=submit]").click();
  await page.waitForURL("**/register");
}

for (const locale of ["sw", "en"] as const) {
  test(`a manager refunds part of a paid QR sale [${locale}]`, async ({ browser }) => {
    // About 15 s on a quiet machine; the margin is for a shared CI box.
    test.setTimeout(150_000);
    const ownerContext = await browser.newContext();
    const owner = await ownerContext.newPage();
    await signIn(owner);
    const context = await browser.newContext();
    const page = await context.newPage();
    await useLanguage(page, locale);
    await managerPage(owner, page, `${locale}${Date.now().toString(36).slice(-5)}`);

    await ringUp(page, "5000", "dynamic-qr");
    await fillDetails(page);
    const payment = await charge(page);
    await customerActs(page, payment.payment_url!, approveQr);
    await expect(page.getByTestId("outcome-completed")).toBeVisible();

    await page.getByTestId("refund-open").click();
    const dialog = page.getByTestId("refund-dialog");
    await expect(dialog).toBeVisible();
    await expect(dialog.getByTestId("refund-amount")).toHaveValue("5000");
    await expect(dialog.getByTestId("refund-approver")).toHaveCount(0); // a manager approves themselves
    await expectAccessible(page, `${locale} refund dialog`);
    await dialog.getByTestId("refund-amount").fill("2000");
    await dialog.getByTestId("refund-submit").click();

    await expect(dialog).toBeHidden();
    await expect(page.getByTestId("payment-status")).toHaveText(TEXT[locale].partial);
    await expect(page.getByTestId("refund-done")).toContainText(TEXT[locale].done);
    await expect(page.getByTestId("refund-list")).toContainText("2,000");
    const after = await page.request.get(`/api/payments/${payment.id}`);
    expect(await after.json()).toMatchObject({ status: "partially_refunded", amount_refunded: "2000" });
    await context.close();
    await ownerContext.close();
  });
}
