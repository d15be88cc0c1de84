import { expect, test, type Browser, type Page } from "@playwright/test";
import { e2eUrls } from "../playwright.config";
import { expectAccessible } from "./support/axe";
import { approveQr, charge, customerActs, fillDetails, ringUp, signIn, useLanguage } from "./support/pos";
import { decodeQrFromScreen } from "./support/qr-decode";

// The digital receipt: the paid screen shows its QR (and SMS / WhatsApp links); the customer's phone,
// reading that QR from the pixels, opens the public receipt with no sign-in, in their language.

const WORDS = {
  en: { title: "Receipt", notFiscal: "This is not a fiscal (EFD) receipt.", notFound: "Page not found" },
  sw: { title: "Risiti", notFiscal: "Hii si risiti ya TRA (EFD).", notFound: "" },
} as const;

async function customerPhone(browser: Browser, locale: "en" | "sw"): Promise<Page> {
  const context = await browser.newContext();
  await context.addCookies([{ name: "malipo-locale", value: locale, url: e2eUrls.app }]);
  return context.newPage();
}

// Long flows (a sale, a second browser, axe on several screens) on a machine that may be busy.
test.describe.configure({ timeout: 240_000 });

for (const locale of ["en", "sw"] as const) {
  test(`the receipt opened from the paid screen's QR [${locale}]`, async ({ page, browser }) => {
    await useLanguage(page, locale);
    await signIn(page);
    await ringUp(page, "6500", "dynamic-qr");
    await fillDetails(page);
    const payment = await charge(page);
    expect(payment.receipt_url).toBeNull();
    await customerActs(page, payment.payment_url!, approveQr);
    await expect(page.getByTestId("outcome-completed")).toBeVisible();

    const url = await decodeQrFromScreen(page.getByTestId("receipt-qr"));
    expect(url).toMatch(new RegExp(`^${e2eUrls.app}/r/[A-Za-z0-9_-]{32}$`));
    await expect(page.getByTestId("receipt-sms")).toHaveAttribute(
      "href",
      new RegExp(encodeURIComponent(url)),
    );
    await expect(page.getByTestId("receipt-whatsapp")).toHaveAttribute(
      "href",
      new RegExp(`^https://wa\\.me/\\?text=.*${encodeURIComponent(url)}`),
    );
    await expectAccessible(page, `paid screen with the receipt QR [${locale}]`);

    const phone = await customerPhone(browser, locale);
    const response = await phone.goto(url);
    expect(response?.status()).toBe(200);
    const headers = response!.headers();
    expect(headers["referrer-policy"]).toBe("no-referrer");
    expect(headers["x-robots-tag"]).toContain("noindex");
    expect(headers["content-security-policy"]).toContain("'nonce-");

    const receipt = phone.getByTestId("receipt");
    await expect(receipt).toContainText(WORDS[locale].title);
    await expect(phone.getByTestId("receipt-amount")).toContainText("6,500");
    await expect(phone.getByTestId("receipt-reference")).toHaveText(payment.reference);
    await expect(phone.getByTestId("receipt-payer")).toHaveText("2557•••5678");
    await expect(receipt).toContainText("123-456-789");
    await expect(receipt).toContainText("Kariakoo");
    // With fiscal receipts on (the sandbox's VFD simulator), TRA's block takes the place of the
    // "not a fiscal receipt" line once the receipt is issued, a second or so after the sale.
    const notFiscal = phone.getByTestId("receipt-not-fiscal");
    await expect(notFiscal.or(phone.getByTestId("fiscal-block"))).toBeVisible();
    if (await notFiscal.isVisible()) await expect(notFiscal).toHaveText(WORDS[locale].notFiscal);
    const html = await phone.content();
    for (const secret of ["255712345678", "0712345678", "asha@example.com", "Mushi"]) {
      expect(html).not.toContain(secret);
    }
    // 58 mm paper: the preview narrows to the roll.
    await phone.locator("[data-hydrated], body").first().waitFor();
    await phone.getByTestId("receipt-width-58").click();
    await expect(phone.getByTestId("receipt-paper")).toHaveAttribute("data-width", "58");
    await expectAccessible(phone, `receipt [${locale}]`);

    // A made-up token: the localised not-found page with a 404.
    const missing = await phone.goto(`/r/${"A".repeat(32)}`);
    expect(missing?.status()).toBe(404);
    await expect(phone.getByTestId("not-found")).toBeVisible();
    await phone.context().close();
  });
}
