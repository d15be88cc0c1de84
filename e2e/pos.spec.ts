import { expect, test, type Page } from "@playwright/test";
import { parseEmv } from "@/lib/emv-qr";
import { e2eUrls } from "../playwright.config";
import { decodeQrFromScreen } from "./support/qr-decode";
import {
  approveQr,
  cancelAtProvider,
  charge,
  customerActs,
  enterPin,
  fillDetails,
  payByCard,
  paymentIdFromUrl,
  readPayment,
  ringUp,
  sandboxPaymentsWithReference,
  signIn,
  status,
  useLanguage,
} from "./support/pos";

// The cashier's day at the counter, per PayGrid method and failure path, against the production build
// and the standalone sandbox. Assertions read what the cashier sees; the API only confirms it.

const BILLING = {
  address: "Plot 12, Samora Avenue",
  city: "Dar es Salaam",
  state: "Dar es Salaam",
  postcode: "11101",
};

/** Marks the document so a later check can prove the outcome arrived without a reload. */
async function markDocument(page: Page): Promise<void> {
  await page.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));
}
async function expectSameDocument(page: Page): Promise<void> {
  expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(
    true,
  );
}

test("the QR shows on the register the moment the payment is created, before its page has loaded", async ({
  page,
}) => {
  await signIn(page);
  await ringUp(page, "4200", "dynamic-qr");
  await fillDetails(page);
  // Hold the navigation to the payment's page: what the cashier sees meanwhile is the create answer's QR.
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  const paymentPage = /\/payments\/pay_[^/?]+\?_rsc=/;
  await page.route(paymentPage, async (route) => {
    await held;
    await route.continue();
  });
  await page.getByTestId("charge").click();
  const preview = page.getByTestId("created-qr-preview");
  await expect(preview.getByTestId("payment-qr")).toBeVisible();
  await expect(page).toHaveURL(/\/register/);
  const shown = await decodeQrFromScreen(preview.getByTestId("payment-qr"));
  const emv = parseEmv(shown);
  expect(emv.ok && emv.get("54")).toBe("4200.00");

  release();
  await page.waitForURL(/\/payments\/pay_/);
  await page.unroute(paymentPage);
  await expect(page.locator("section[data-hydrated=true]")).toBeVisible();
  // The same code as the payment's own page shows, live.
  const payment = await readPayment(page, paymentIdFromUrl(page));
  expect(shown).toBe(payment.qr_code);
  expect(await decodeQrFromScreen(page.getByTestId("payment-qr"))).toBe(shown);
});

for (const locale of ["en", "sw"] as const) {
  test(`QR [${locale}]: keypad → details → pay → the customer approves → completed, live`, async ({
    page,
  }) => {
    await useLanguage(page, locale);
    await signIn(page);
    await ringUp(page, "5000", "dynamic-qr");
    await expect(page.getByTestId("details-sale")).toContainText("5,000");
    await fillDetails(page);
    const payment = await charge(page);
    expect(payment).toMatchObject({
      method: "dynamic-qr",
      status: "pending",
      amount: "5000",
      currency: "TZS",
    });

    // The code on screen, read from pixels, is the provider's payload, and it asks for the sale's amount.
    const decoded = await decodeQrFromScreen(page.getByTestId("payment-qr"));
    expect(decoded).toBe(payment.qr_code);
    const emv = parseEmv(decoded);
    expect(emv.ok).toBe(true);
    if (emv.ok) {
      expect(emv.get("54")).toBe("5000.00");
      expect(emv.get("53")).toBe("834");
    }
    await expect(page.getByTestId("countdown")).toHaveAttribute("data-state", "quiet");
    await expect(page.getByTestId("open-payment-page")).toHaveAttribute("href", payment.payment_url!);

    await markDocument(page);
    await customerActs(page, payment.payment_url!, approveQr);
    await expect(page.getByTestId("outcome-completed")).toBeVisible();
    expect(await status(page)).toBe("completed");
    await expect(page.getByTestId("completed-details")).toContainText("5,000");
    await expect(page.getByTestId("completed-details")).toContainText("2557•••5678");
    await expectSameDocument(page);

    await page.getByTestId("new-sale").click();
    await page.waitForURL("**/register");
    await expect(page.getByTestId("amount-display")).toContainText("0");
  });
}

test("mobile money: the number is normalised with its network, the prompt view, the PIN on the phone → completed", async ({
  page,
}) => {
  await signIn(page);
  await ringUp(page, "2500", "mobile");
  await page.locator("#phone").fill("0754 123 456");
  await expect(page.locator("#phone-hint")).toContainText("255754123456");
  await expect(page.locator("#network-hint")).toContainText("Vodacom M-Pesa");
  await page.locator("#network").selectOption("airtel"); // the cashier overrides the detected network
  await fillDetails(page, { phone: "0754 123 456" });
  const payment = await charge(page);
  expect(payment).toMatchObject({ method: "mobile", phone: "255754123456", network: "airtel" });
  await expect(page.getByTestId("mobile-prompt")).toContainText("2557•••3456");
  await expect(page.getByTestId("payment-qr")).toHaveCount(0);

  await markDocument(page);
  // No payment page for a USSD push: the customer's phone is the sandbox's prompt for this payment.
  expect(payment.payment_url).toBeNull();
  await customerActs(page, `${e2eUrls.sandbox}/pay/${payment.provider_payment_id}`, enterPin);
  await expect(page.getByTestId("outcome-completed")).toBeVisible();
  await expectSameDocument(page);
});

test("card: billing address, the hosted card page by QR or link → completed", async ({ page }) => {
  await signIn(page);
  await ringUp(page, "12000", "card");
  await fillDetails(page, { billing: BILLING });
  await expect(page.locator("#country")).toHaveValue("TZ");
  const payment = await charge(page);
  expect(payment.customer).toMatchObject({ address: BILLING.address, city: BILLING.city, country: "TZ" });
  // For card the link is the main path: its QR opens PayGrid's page on the shopper's phone.
  expect(await decodeQrFromScreen(page.getByTestId("link-qr"))).toBe(payment.payment_url);

  await markDocument(page);
  await customerActs(page, payment.payment_url!, (customer) => payByCard(customer));
  await expect(page.getByTestId("outcome-completed")).toBeVisible();
  await expectSameDocument(page);
});

test("a declined card shows a decline with Try again (a new attempt) and Change method", async ({ page }) => {
  await signIn(page);
  await ringUp(page, "3000", "card");
  await fillDetails(page, { billing: BILLING });
  const first = await charge(page);
  await customerActs(page, first.payment_url!, (customer) => payByCard(customer, "4000 0000 0000 0002"));
  await expect(page.getByTestId("outcome-failed")).toBeVisible();
  await page.getByTestId("try-again").click();
  await page.waitForURL((url) => !url.pathname.endsWith(first.id));
  const second = await readPayment(page, paymentIdFromUrl(page));
  expect(second.id).not.toBe(first.id);
  expect(second).toMatchObject({ status: "pending", method: "card", amount: "3000" });
});

test("a provider decline at creation (402) is shown as a decline and starts nothing", async ({ page }) => {
  await signIn(page);
  await ringUp(page, "4000", "dynamic-qr");
  await fillDetails(page, { phone: "255700000402" });
  await page.getByTestId("charge").click();
  await expect(page.getByTestId("create-declined")).toBeVisible();
  expect(page.url()).toContain("/register");
  // A decline is final for that attempt: the button is free for a new one.
  await expect(page.getByTestId("charge")).toBeEnabled();
});

test("provider unavailable: automatic retries with the same key, then Retry → one payment at the provider", async ({
  page,
}) => {
  await signIn(page);
  await ringUp(page, "7000", "dynamic-qr");
  await fillDetails(page);
  const keys: string[] = [];
  let calls = 0;
  // The first attempt reaches the provider, but its answer is lost; then PayGrid "stops answering".
  // Every retry must carry the first key, so the one provider payment is replayed, never doubled.
  await page.route("**/api/payments", async (route) => {
    if (route.request().method() !== "POST") return route.continue();
    keys.push(route.request().headers()["idempotency-key"] ?? "");
    calls += 1;
    if (calls === 1) await route.fetch();
    if (calls <= 4) {
      return route.fulfill({
        status: 502,
        contentType: "application/json",
        body: JSON.stringify({
          error: {
            code: "PROVIDER_UNAVAILABLE",
            message: "The payment provider is not answering.",
            retryable: true,
          },
        }),
      });
    }
    return route.continue();
  });
  await page.getByTestId("charge").click();
  await expect(page.getByTestId("create-retrying")).toBeVisible();
  await expect(page.getByTestId("create-unavailable")).toBeVisible({ timeout: 15_000 });
  await page.getByTestId("create-unavailable").getByRole("button").click();
  await page.waitForURL(/\/payments\/pay_/);
  expect(calls).toBe(5);
  expect(new Set(keys).size).toBe(1);
  const payment = await readPayment(page, paymentIdFromUrl(page));
  expect(await sandboxPaymentsWithReference(page, payment.reference)).toHaveLength(1);
});

test("the customer cancels on their phone → cancelled, with Try again and Change method", async ({
  page,
}) => {
  await signIn(page);
  await ringUp(page, "1500", "dynamic-qr");
  await fillDetails(page);
  const payment = await charge(page);
  await customerActs(page, payment.payment_url!, cancelAtProvider);
  await expect(page.getByTestId("outcome-failed")).toBeVisible();
  expect(await status(page)).toBe("cancelled");
  await page.getByRole("button", { name: "Change method" }).click();
  await page.waitForURL("**/register?resume=1");
  await expect(page.getByTestId("amount-display")).toContainText("1,500");
});

test("the stream is cut mid-payment and the outcome still appears", async ({ page }) => {
  await page.route("**/api/payments/*/events*", (route) => route.abort());
  await signIn(page);
  await ringUp(page, "2200", "dynamic-qr");
  await fillDetails(page);
  const payment = await charge(page);
  await expect(page.getByTestId("reconnecting")).toBeVisible();
  await customerActs(page, payment.payment_url!, approveQr);
  await expect(page.getByTestId("outcome-completed")).toBeVisible({ timeout: 20_000 });
});

test("invalid fields are caught in the browser and the server's field errors land on the same fields", async ({
  page,
}) => {
  await signIn(page);
  await ringUp(page, "900", "mobile");
  await page.getByTestId("charge").click();
  await expect(page.getByTestId("error-firstname")).toBeVisible();
  await expect(page.getByTestId("error-email")).toBeVisible();
  await expect(page.getByTestId("error-phone")).toBeVisible();
  await fillDetails(page, { phone: "0812 000 000" });
  await page.getByTestId("charge").click();
  await expect(page.getByTestId("error-phone")).toContainText("Tanzanian");
  await expect(page.getByTestId("error-firstname")).toHaveCount(0);

  // The server checks again: a body changed after the browser's check is refused field by field.
  await fillDetails(page, { phone: "0754 000 111" });
  await page.route("**/api/payments", async (route) => {
    const body = JSON.parse(route.request().postData() ?? "{}") as { customer: { email: string } };
    body.customer.email = "not-an-email";
    await route.continue({ postData: JSON.stringify(body) });
  });
  await page.getByTestId("charge").click();
  await expect(page.getByTestId("error-email")).toBeVisible();
  expect(page.url()).toContain("/register");
});

test("a double tap on Charge makes one payment, and a recent customer can be picked again", async ({
  page,
}) => {
  await signIn(page);
  const before = (await (await page.request.get("/api/payments?limit=100")).json()) as { data: unknown[] };
  await ringUp(page, "1800", "dynamic-qr");
  await fillDetails(page, {
    firstname: "Neema",
    lastname: "Kweka",
    email: "neema@example.com",
    phone: "0688 111 222",
  });
  await page.getByTestId("charge").dblclick();
  await page.waitForURL(/\/payments\/pay_/);
  const after = (await (await page.request.get("/api/payments?limit=100")).json()) as { data: unknown[] };
  expect(after.data.length - before.data.length).toBe(1);

  await page.goto("/register");
  await ringUp(page, "1800", "dynamic-qr");
  await page.getByRole("button", { name: "Use Neema Kweka" }).click();
  await expect(page.locator("#email")).toHaveValue("neema@example.com");
  await expect(page.locator("#phone")).toHaveValue("0688 111 222");
});

test("a payment link from the register opens the shopper's checkout for exactly that sale", async ({
  page,
  browser,
}) => {
  await signIn(page);
  for (const key of "8800") await page.locator(`[data-key="${key}"]`).click();
  await page.locator("#reference").fill("TABLE 7");
  await page.getByTestId("payment-link").click();
  await page.getByTestId("create-link").click();
  const url = (await page.getByTestId("link-url").textContent()) ?? "";
  expect(url).toMatch(/\/checkout\/cs_/);
  await expect(page.getByRole("button", { name: "Copy link" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Send on WhatsApp" })).toHaveAttribute(
    "href",
    new RegExp(
      `^https://wa\\.me/\\?text=.*${encodeURIComponent(url).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`,
    ),
  );

  const shopperPhone = await browser.newContext(); // no cashier cookie: the link is enough
  const shopper = await shopperPhone.newPage();
  await shopper.goto(url);
  await expect(shopper.getByText("TSh 8,800").first()).toBeVisible();
  const session = (await (
    await page.request.get(`/api/checkout-sessions/${url.split("/checkout/")[1]}`)
  ).json()) as { amount: string; reference: string };
  expect(session).toMatchObject({ amount: "8800", reference: "TABLE-7" });
  await shopperPhone.close();
});

test("Send again and Switch to QR start new attempts that keep the cashier's note, numbered", async ({
  page,
}) => {
  await signIn(page);
  for (const key of "2600") await page.locator(`[data-key="${key}"]`).click();
  await page.locator("#reference").fill("TABLE 9");
  await page.locator('[data-method="mobile"]').click();
  await fillDetails(page, { phone: "0754 222 333" });
  const first = await charge(page);
  expect(first.reference).toBe("TABLE 9");

  await page.getByTestId("send-again").click();
  await page.waitForURL((url) => !url.pathname.endsWith(first.id));
  await expect(page.locator("section[data-hydrated=true]")).toBeVisible();
  const second = await readPayment(page, paymentIdFromUrl(page));
  expect(second).toMatchObject({
    method: "mobile",
    status: "pending",
    reference: "TABLE 9-2",
    phone: "255754222333",
  });

  await page.getByTestId("switch-to-qr").click();
  await page.waitForURL((url) => !url.pathname.endsWith(second.id));
  const third = await readPayment(page, paymentIdFromUrl(page));
  expect(third).toMatchObject({ method: "dynamic-qr", status: "pending", reference: "TABLE 9-3" });
  await expect(page.getByTestId("payment-qr")).toBeVisible();
});

test("the paid screen prints as a receipt, and the outcome sound choice is remembered", async ({ page }) => {
  await signIn(page);
  await ringUp(page, "4200", "dynamic-qr");
  await fillDetails(page);
  const payment = await charge(page);
  await customerActs(page, payment.payment_url!, approveQr);
  await expect(page.getByTestId("outcome-completed")).toBeVisible();

  const sound = page.getByRole("checkbox", { name: "Sound on outcome" });
  await expect(sound).not.toBeChecked(); // off until the cashier turns it on
  await sound.check();
  await page.reload();
  await expect(page.getByRole("checkbox", { name: "Sound on outcome" })).toBeChecked();

  // On paper: the sale and the shop, none of the screen's chrome or buttons.
  await page.emulateMedia({ media: "print" });
  await expect(page.getByText("Receipt", { exact: true })).toBeVisible();
  await expect(page.getByTestId("completed-details")).toContainText("4,200");
  await expect(page.getByTestId("new-sale")).toBeHidden();
  await expect(page.getByRole("navigation")).toBeHidden();
  await expect(page.getByTestId("sandbox-ribbon")).toBeHidden();
});
