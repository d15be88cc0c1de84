import { expect, test } from "@playwright/test";
import { e2eUrls } from "../playwright.config";
import { decodeQrFromScreen } from "./support/qr-decode";
import { approveQr, charge, customerActs, fillDetails, ringUp, signIn, useLanguage } from "./support/pos";

// A paid sale shows TRA's fiscal block at once, from the built-in VFD simulator (VFD_MODE sandbox): the
// receipt and Z numbers, the verification code, and a QR that decodes to TRA's verification link for that
// code, which the simulator's verification page answers.

for (const locale of ["en", "sw"] as const) {
  test(`fiscal receipt [${locale}]: a paid sale shows the fiscal block and its verification QR`, async ({
    page,
    request,
  }) => {
    await useLanguage(page, locale);
    await signIn(page);
    await ringUp(page, "5900", "dynamic-qr");
    await fillDetails(page);
    const payment = await charge(page);
    await customerActs(page, payment.payment_url!, approveQr);
    await expect(page.getByTestId("outcome-completed")).toBeVisible();

    const block = page.getByTestId("fiscal-block");
    await expect(block).toBeVisible({ timeout: 20_000 });
    await expect(block.getByRole("heading")).toHaveText(locale === "en" ? "Fiscal receipt" : "Risiti ya TRA");
    await expect(page.getByTestId("fiscal-total")).toHaveText("5900.00");
    const code = (await page.getByTestId("fiscal-verification-code").textContent())!.trim();
    expect(code).toMatch(/^[0-9A-F]{6}\d+$/);

    const decoded = await decodeQrFromScreen(page.getByTestId("fiscal-qr"));
    expect(decoded).toMatch(new RegExp(`^${e2eUrls.app}/sandbox/tra/verify/${code}_\\d{6}$`));

    // TRA acknowledges it shortly after; its verification page knows the receipt.
    await expect(page.getByTestId("fiscal-block")).toHaveAttribute("data-status", "acknowledged", {
      timeout: 20_000,
    });
    const verify = await request.get(decoded);
    expect(verify.status()).toBe(200);
    expect(await verify.text()).toContain(code);
  });
}
