import { expect, test, type Page } from "@playwright/test";
import { e2eUrls } from "../playwright.config";
import { expectAccessible } from "./support/axe";
import { charge, customerActs, enterPin, fillDetails, ringUp, signIn, useLanguage } from "./support/pos";

// The shop's day at one register: open a shift with a float, sell by mobile money (confirmed by the
// provider's webhook) and in cash with change, close the shift with the counted cash and read the Z
// report per channel, in both languages.

const TEXT = {
  sw: { mpesa: "M-Pesa", cash: "Pesa taslimu" },
  en: { mpesa: "M-Pesa", cash: "Cash" },
} as const;

/** The shift screen with no open shift (a shift left open by an earlier run of this register is closed). */
async function freshShift(page: Page): Promise<void> {
  await page.goto("/shift");
  const none = page.getByTestId("shift-none");
  const open = page.getByTestId("shift-open");
  await expect(none.or(open)).toBeVisible();
  if (await open.isVisible()) {
    await page.locator("#shift-amount").fill("0");
    await page.getByTestId("shift-submit").click();
    await expect(page.getByTestId("shift-closed")).toBeVisible();
    await page.goto("/shift");
    await expect(none).toBeVisible();
  }
}

for (const locale of ["sw", "en"] as const) {
  test(`a shift: mobile money and cash sales, then the Z report [${locale}]`, async ({ page }) => {
    // About 20 s on a quiet machine; the margin is for a shared CI box.
    test.setTimeout(150_000);
    await useLanguage(page, locale);
    await signIn(page);
    await freshShift(page);
    await page.locator("#shift-amount").fill("10000");
    await page.getByTestId("shift-submit").click();
    await expect(page.getByTestId("shift-open")).toBeVisible();
    await expectAccessible(page, `${locale} open shift`);

    // Mobile money, paid on the customer's phone: the webhook confirms it.
    await page.goto("/register");
    await expect(page.locator("[data-hydrated=true]")).toBeVisible();
    await ringUp(page, "2500", "mobile");
    await fillDetails(page, { phone: "0754 123 456" });
    const mobile = await charge(page);
    expect(mobile.shift_id).toBeTruthy();
    await customerActs(page, `${e2eUrls.sandbox}/pay/${mobile.provider_payment_id}`, enterPin);
    await expect(page.getByTestId("outcome-completed")).toBeVisible();

    // Cash with change: recorded at once.
    await page.goto("/register");
    await expect(page.locator("[data-hydrated=true]")).toBeVisible();
    for (const key of "3000") await page.locator(`[data-key="${key}"]`).click();
    await page.locator(`[data-method="cash"]`).click();
    await page.locator("#tendered").fill("5000");
    await expect(page.getByTestId("change-due")).toContainText("2,000");
    await expectAccessible(page, `${locale} cash sale`);
    await page.getByTestId("record-cash").click();
    await page.waitForURL(/\/payments\/pay_/);
    await expect(page.getByTestId("outcome-completed")).toBeVisible();

    // Close with the counted cash: float 10,000 + cash sales 3,000 = 13,000 expected.
    await page.goto("/shift");
    await expect(page.getByTestId("shift-open")).toBeVisible();
    await page.locator("#shift-amount").fill("13000");
    await page.getByTestId("shift-submit").click();
    await expect(page.getByTestId("shift-closed")).toBeVisible();
    const totals = page.getByTestId("totals-TZS");
    const mpesa = totals.locator("tr[data-channel=mpesa]");
    await expect(mpesa).toContainText(TEXT[locale].mpesa);
    await expect(mpesa).toContainText("2,500");
    const cash = totals.locator("tr[data-channel=cash]");
    await expect(cash).toContainText(TEXT[locale].cash);
    await expect(cash).toContainText("3,000");
    await expect(page.getByTestId("total-TZS")).toContainText("5,500");
    await expect(page.getByTestId("report.expected")).toContainText("13,000");
    await expect(page.getByTestId("report.difference")).toContainText("0");
    await expect(page.getByTestId("print-z")).toBeVisible();
    await expectAccessible(page, `${locale} Z report`);
  });
}
