import { randomUUID } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { SENTINEL_KEY as sentinel } from "./support/e2e-env";
import { e2eUrls } from "../playwright.config";
import { closeTab } from "./support/pos";

// The shopper's hosted checkout on a phone: a merchant's backend makes a session, the shopper pays on
// /checkout/:id by QR or card on the PayGrid sandbox, and lands back on the shop's success_url with the
// session id; cancel goes to cancel_url; a reopened link resumes its live attempt; Kiswahili and English.

const app = e2eUrls.app;
const merchantAuth = { authorization: "Bearer mk_test_e2e_merchant_key_0001" };
const LOCALES = ["en", "sw"] as const;
type Locale = (typeof LOCALES)[number];
/** The browser's language, as a phone set to it sends it (Accept-Language). */
const browserLocale = (locale: Locale) => (locale === "sw" ? "sw-TZ" : "en-GB");

test.use({
  viewport: { width: 390, height: 844 },
  isMobile: true,
  hasTouch: true,
  locale: browserLocale("en"),
});

interface Session {
  id: string;
  url: string;
  status: string;
  payments?: { id: string; status: string; provider_payment_id: string | null }[];
}

let counter = 0;
async function createSession(request: APIRequestContext): Promise<Session> {
  counter += 1;
  const response = await request.post("/api/checkout-sessions", {
    headers: { ...merchantAuth, "idempotency-key": randomUUID() },
    data: {
      amount: "12500",
      currency: "TZS",
      reference: `WEB-${Date.now().toString(36)}-${counter}`,
      description: "Two kanga, Zanzibar print",
      line_items: [{ name: "Kanga", quantity: 2, unit_amount: "6250" }],
      success_url: `${app}/checkout/thanks?shop=1`,
      cancel_url: `${app}/checkout/thanks?shop=1&cancelled=1`,
      customer: {
        firstname: "Neema",
        lastname: "Joseph",
        email: "neema@example.com",
        phone: "0712345678",
      },
    },
  });
  expect(response.status()).toBe(201);
  return (await response.json()) as Session;
}

async function readSession(request: APIRequestContext, id: string): Promise<Session> {
  const response = await request.get(`/api/checkout-sessions/${id}`, { headers: merchantAuth });
  expect(response.ok()).toBe(true);
  return (await response.json()) as Session;
}

async function open(page: Page, url: string) {
  await page.goto(url);
  await expect(page.locator("[data-hydrated=true]").first()).toBeVisible();
}

async function shot(page: Page, name: string, locale: Locale) {
  await page.screenshot({ path: `test-results/screens/${name}-${locale}.png`, fullPage: true });
}

async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  expect(
    results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`),
  ).toEqual([]);
}

const thanksUrl = (id: string) =>
  new RegExp(`/checkout/thanks\\?shop=1&checkout_session_id=${id.replace(/[-_]/g, "\\$&")}$`);

async function choose(page: Page, method: string) {
  await page.locator(`[data-method="${method}"]`).tap();
  await expect(page.getByTestId("customer-form")).toBeVisible();
}

async function fillBilling(page: Page) {
  await page.locator("#address").fill("Mtaa wa Uhuru 12");
  await page.locator("#city").fill("Dar es Salaam");
  await page.locator("#state").fill("Dar es Salaam");
  await page.locator("#postcode").fill("11101");
}

/** Opens the session, pays by card up to the pay view, and hands back the card page's address. */
async function startCardPayment(page: Page, session: Session, screens?: Locale): Promise<string> {
  await open(page, session.url);
  await choose(page, "card");
  await fillBilling(page);
  if (screens) await shot(page, "06-details-card", screens);
  await page.getByTestId("charge").tap();
  await expect(page.getByTestId("payment-status")).toHaveAttribute("data-status", "pending");
  const href = await page.getByTestId("open-payment-page").getAttribute("href");
  expect(href).toMatch(new RegExp(`^${e2eUrls.sandbox}/pay/`));
  return href!;
}

for (const locale of LOCALES) {
  test.describe(`shopper in ${locale}`, () => {
    test.use({ locale: browserLocale(locale) });

    test(`(a) pays by QR and lands on the shop's success_url [${locale}]`, async ({ page, request }) => {
      const refused: string[] = [];
      page.on("console", (message) => {
        if (message.type() === "error" && /Content Security Policy|Refused to/i.test(message.text())) {
          refused.push(message.text());
        }
      });
      const session = await createSession(request);
      await open(page, session.url);
      await expect(page.getByTestId("checkout-summary")).toContainText("Kanga");
      await expect(page.getByTestId("checkout-total")).toContainText("12,500");
      await shot(page, "01-choose", locale);

      await choose(page, "dynamic-qr");
      // Prefilled from the session's customer.
      await expect(page.locator("#firstname")).toHaveValue("Neema");
      await expect(page.locator("#phone")).toHaveValue("0712345678");
      await shot(page, "02-details-qr", locale);
      await page.getByTestId("charge").tap();

      await expect(page.getByTestId("payment-status")).toHaveAttribute("data-status", "pending");
      await expect(page.getByTestId("payment-qr")).toBeVisible();
      await shot(page, "03-pay-qr", locale);
      await expectNoAxeViolations(page);

      // The sandbox customer approves on the payment page, opened from the shopper's phone.
      const [provider] = await Promise.all([
        page.waitForEvent("popup"),
        page.getByTestId("open-payment-page").tap(),
      ]);
      await provider.getByRole("button", { name: "Approve payment" }).click();
      await closeTab(provider);

      await expect(page.getByTestId("payment-status")).toHaveAttribute("data-status", "completed");
      await expect(page.getByTestId("outcome-completed")).toContainText(
        locale === "sw" ? "Asante — malipo yamepokelewa" : "Thank you — payment received",
      );
      await expect(page.getByTestId("return-to-shop")).toBeVisible();
      await shot(page, "04-completed", locale);

      await page.waitForURL(thanksUrl(session.id), { timeout: 10_000 });
      await expect(page.getByTestId("thanks-title")).toHaveText(
        locale === "sw" ? "Asante — malipo yamepokelewa" : "Thank you — payment received",
      );
      await shot(page, "05-thanks", locale);
      expect((await readSession(request, session.id)).status).toBe("completed");
      // The QR, the live stream and the redirect all run under the page's nonce CSP.
      expect(refused).toEqual([]);
    });

    test(`(c) Cancel returns to cancel_url, and a cancelled card payment can be retried [${locale}]`, async ({
      page,
      request,
    }) => {
      const session = await createSession(request);
      const cardPage = await startCardPayment(page, session, locale);
      await shot(page, "07-pay-card", locale);

      // On the card page the shopper cancels: PayGrid sends them back to this checkout.
      await page.goto(cardPage);
      await page.getByRole("button", { name: "Cancel payment" }).click();
      await page.waitForURL(/\/checkout\/cs_[^?]+\?result=cancel$/);
      await expect(page.getByTestId("payment-status")).toHaveAttribute("data-status", "cancelled");
      await expect(page.getByTestId("try-again")).toBeVisible();
      await shot(page, "08-cancelled", locale);

      // Try again: a new attempt with a new key, not the cancelled one replayed.
      const first = (await readSession(request, session.id)).payments!;
      expect(first).toHaveLength(1);
      await page.getByTestId("try-again").tap();
      await expect(page.getByTestId("payment-status")).toHaveAttribute("data-status", "pending");
      const second = (await readSession(request, session.id)).payments!;
      expect(second).toHaveLength(2);
      expect(second[0]!.id).not.toBe(first[0]!.id);

      await page.getByTestId("checkout-cancel").tap();
      await page.waitForURL(`${app}/checkout/thanks?shop=1&cancelled=1`);
      await expect(page.getByTestId("thanks-title")).toHaveText(
        locale === "sw" ? "Malipo yameghairiwa" : "Payment cancelled",
      );
      await shot(page, "09-thanks-cancelled", locale);
    });

    test(`(f) a paid session reopened says it is already paid [${locale}]`, async ({ page, request }) => {
      const session = await createSession(request);
      const created = await request.post(`/api/checkout-sessions/${session.id}/payments`, {
        headers: { origin: app, "idempotency-key": randomUUID() },
        data: {
          provider: "paygrid",
          method: "dynamic-qr",
          phone: "0712345678",
          customer: { firstname: "Neema", lastname: "Joseph", email: "neema@example.com" },
        },
      });
      expect(created.status()).toBe(201);
      const payment = (await created.json()) as { provider_payment_id: string };
      const control = await request.post(
        `${e2eUrls.sandbox}/control/payments/${payment.provider_payment_id}/complete`,
        { headers: { authorization: `Bearer ${sentinel}` } },
      );
      expect(control.status()).toBe(200);
      await expect.poll(async () => (await readSession(request, session.id)).status).toBe("completed");

      await open(page, session.url);
      await expect(page.getByTestId("checkout-paid")).toContainText(
        locale === "sw" ? "Agizo hili tayari limelipwa." : "This order is already paid.",
      );
      await expect(page.getByTestId("return-to-shop")).toHaveAttribute(
        "href",
        `${app}/checkout/thanks?shop=1&checkout_session_id=${session.id}`,
      );
      await expect(page.getByTestId("method-choice")).toHaveCount(0);
      await shot(page, "10-already-paid", locale);
      await expectNoAxeViolations(page);
    });

    test(`(e) method choice, details and pay views have no axe violations, light and dark [${locale}]`, async ({
      page,
      request,
    }) => {
      const session = await createSession(request);
      await open(page, session.url);
      await expect(page.locator("html")).toHaveAttribute("lang", locale);
      await expect(page.locator("#checkout-title")).toHaveText(
        locale === "sw" ? "Lipa Malipo Demo Shop" : "Pay Malipo Demo Shop",
      );
      await expectNoAxeViolations(page);

      await choose(page, "mobile");
      await expectNoAxeViolations(page);
      await shot(page, "11-details-mobile", locale);
      // The form's own errors are checked too.
      await page.locator("#email").fill("not-an-email");
      await page.getByTestId("charge").tap();
      await expect(page.getByTestId("error-email")).toBeVisible();
      await expectNoAxeViolations(page);
      await page.locator("#email").fill("neema@example.com");
      await page.getByTestId("charge").tap();

      await expect(page.getByTestId("mobile-prompt")).toBeVisible();
      await expect(page.getByTestId("mobile-prompt")).toContainText(
        locale === "sw" ? "Weka PIN yako" : "Enter your PIN",
      );
      // Cashier-only controls are not on the shopper's screen.
      await expect(page.getByTestId("send-again")).toHaveCount(0);
      await expect(page.getByTestId("new-sale")).toHaveCount(0);
      await expectNoAxeViolations(page);
      await shot(page, "12-pay-mobile", locale);

      await page.emulateMedia({ colorScheme: "dark" });
      await expectNoAxeViolations(page);
      await shot(page, "13-pay-mobile-dark", locale);
      await page.goto(`${app}/checkout/cs_not_a_real_session_0000`);
      await expectNoAxeViolations(page);
      await shot(page, "14-not-found-dark", locale);
      await page.emulateMedia({ colorScheme: "light" });
    });
  });
}

test("(b) pays by card on the sandbox card page and returns through ?result=success", async ({
  page,
  request,
}) => {
  const session = await createSession(request);
  const cardPage = await startCardPayment(page, session);
  await expectNoAxeViolations(page);

  // On a phone the shopper follows "Open payment page"; the card page returns them here.
  await page.goto(cardPage);
  await page.getByLabel("Card number").fill("4242 4242 4242 4242");
  await page.getByLabel("Expiry (MM/YY)").fill("12/34");
  await page.getByLabel("CVC").fill("123");
  await page.getByRole("button", { name: "Pay now" }).click();

  await page.waitForURL(/\/checkout\/cs_[^?]+\?result=success$/);
  await expect(page.getByTestId("outcome-completed")).toContainText("Thank you — payment received");
  await page.waitForURL(thanksUrl(session.id), { timeout: 10_000 });
  await expect(page.getByTestId("thanks-title")).toHaveText("Thank you — payment received");
});

test("(d) reopening the link mid-payment resumes the same payment", async ({ page, context, request }) => {
  const session = await createSession(request);
  await open(page, session.url);
  await choose(page, "dynamic-qr");
  await page.getByTestId("charge").tap();
  await expect(page.getByTestId("payment-status")).toHaveAttribute("data-status", "pending");
  const [payment] = (await readSession(request, session.id)).payments!;
  expect(payment).toBeDefined();

  // The same link in a reload and in a second tab: straight to the pay view, no method choice.
  await page.reload();
  await expect(page.getByTestId("checkout-flow")).toHaveAttribute("data-step", "pay");
  await expect(page.getByTestId("payment-status")).toHaveAttribute("data-status", "pending");
  const again = await context.newPage();
  await open(again, session.url);
  await expect(again.getByTestId("checkout-flow")).toHaveAttribute("data-step", "pay");
  await expect(again.getByTestId("method-choice")).toHaveCount(0);

  const after = (await readSession(request, session.id)).payments!;
  expect(after.map((p) => p.id)).toEqual([payment!.id]);

  // The language switch keeps the shopper where they are.
  await again.getByTestId("language-switch").tap();
  await expect(again.locator("html")).toHaveAttribute("lang", "sw");
  await expect(again.getByTestId("payment-status")).toHaveText("Inasubiri malipo yako…");
  await expect(again.getByTestId("checkout-flow")).toHaveAttribute("data-step", "pay");
  await closeTab(again);
});

test("an unknown checkout link is a friendly 404", async ({ page }) => {
  const response = await page.goto("/checkout/cs_not_a_real_session_0000");
  expect(response?.status()).toBe(404);
  await expect(page.getByTestId("checkout-not-found")).toHaveText("This payment link is not valid.");
});

test.describe("on a 1280 px screen", () => {
  test.use({ viewport: { width: 1280, height: 800 }, isMobile: false });

  test("the checkout fits and stays accessible", async ({ page, request }) => {
    const session = await createSession(request);
    await open(page, session.url);
    await shot(page, "15-choose-1280", "en");
    await expectNoAxeViolations(page);
    await choose(page, "card");
    await shot(page, "16-details-card-1280", "en");
    await expectNoAxeViolations(page);
  });
});

test("a second tab that was left on the form learns the checkout is already paid, and nothing is charged", async ({
  page,
  context,
  request,
}) => {
  const session = await createSession(request);
  const stale = await context.newPage();
  await open(stale, session.url);
  await choose(stale, "dynamic-qr");

  // The shopper pays in the first tab…
  await open(page, session.url);
  await choose(page, "dynamic-qr");
  await page.getByTestId("charge").tap();
  await expect(page.getByTestId("payment-status")).toHaveAttribute("data-status", "pending");
  const pay = (await readSession(request, session.id)).payments![0]!;
  const approve = await request.post(
    `${e2eUrls.sandbox}/control/payments/${pay.provider_payment_id}/complete`,
    {
      headers: { authorization: `Bearer ${sentinel}` },
    },
  );
  expect(approve.status()).toBe(200);
  await expect(page.getByTestId("payment-status")).toHaveAttribute("data-status", "completed");

  // …then taps Pay in the forgotten tab.
  await stale.getByTestId("charge").tap();
  await expect(stale.getByTestId("create-closed")).toBeVisible();
  expect((await readSession(request, session.id)).payments).toHaveLength(1);
  await closeTab(stale);
});
