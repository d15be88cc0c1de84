import { expect, type Page, type TestInfo } from "@playwright/test";
import type { Payment } from "@/lib/api-contract";
import { e2eUrls } from "../../playwright.config";
import { OWNER, SENTINEL_KEY as sentinel } from "./e2e-env";

// The cashier's moves, as a cashier makes them: through the screens, in whichever language is on.

export async function useLanguage(page: Page, locale: "sw" | "en", baseURL = e2eUrls.app): Promise<void> {
  await page.context().addCookies([{ name: "malipo-locale", value: locale, url: baseURL }]);
}

/** The owner signs in with a password: a fresh browser context is an unpaired device, which that pairs. */
export async function signIn(page: Page): Promise<void> {
  await page.goto("/sign-in");
  const form = page.locator("[data-testid=password-sign-in][data-hydrated=true]");
  await expect(form).toBeVisible();
  await form.locator("#email").fill(OWNER.email);
  await form.locator("#password").fill(OWNER.password);
  await form.locator("button[type=submit]").click();
  await page.waitForURL("**/register");
  await expect(page.locator("[data-hydrated=true]")).toBeVisible();
}

/** Types the amount on the on-screen keypad and picks the method. */
export async function ringUp(page: Page, amount: string, method: Payment["method"]): Promise<void> {
  for (const key of amount) await page.locator(`[data-key="${key}"]`).click();
  await page.locator(`[data-method="${method}"]`).click();
  await expect(page.getByTestId("customer-form")).toBeVisible();
}

export interface Details {
  firstname?: string;
  lastname?: string;
  email?: string;
  phone?: string;
  billing?: { address: string; city: string; state: string; postcode: string; country?: string };
}

export async function fillDetails(page: Page, details: Details = {}): Promise<void> {
  await page.locator("#firstname").fill(details.firstname ?? "Asha");
  await page.locator("#lastname").fill(details.lastname ?? "Mushi");
  await page.locator("#email").fill(details.email ?? "asha@example.com");
  await page.locator("#phone").fill(details.phone ?? "0712 345 678");
  if (details.billing) {
    await page.locator("#address").fill(details.billing.address);
    await page.locator("#city").fill(details.billing.city);
    await page.locator("#state").fill(details.billing.state);
    await page.locator("#postcode").fill(details.billing.postcode);
    if (details.billing.country) await page.locator("#country").fill(details.billing.country);
  }
}

/** Charge, land on the payment screen, and return the payment as the API sees it. */
export async function charge(page: Page): Promise<Payment> {
  await page.getByTestId("charge").click();
  await page.waitForURL(/\/payments\/pay_/);
  await expect(page.locator("section[data-hydrated=true]")).toBeVisible();
  return readPayment(page, paymentIdFromUrl(page));
}

export function paymentIdFromUrl(page: Page): string {
  const id = /\/payments\/(pay_[^/?#]+)/.exec(page.url())?.[1];
  if (!id) throw new Error(`not on a payment screen: ${page.url()}`);
  return id;
}

export async function readPayment(page: Page, id: string): Promise<Payment> {
  const response = await page.request.get(`/api/payments/${id}`);
  expect(response.status()).toBe(200);
  return (await response.json()) as Payment;
}

/**
 * Closes a tab, waiting at most a few seconds: Chromium can hang closing a tab whose form post is still
 * settling, and the context's teardown closes it anyway.
 */
export async function closeTab(tab: Page): Promise<void> {
  await tab.waitForLoadState("load").catch(() => undefined);
  await Promise.race([tab.close(), new Promise((resolve) => setTimeout(resolve, 5_000))]).catch(
    () => undefined,
  );
}

/** The simulated customer acts on PayGrid's hosted page, in a tab of its own. */
export async function customerActs(
  page: Page,
  paymentUrl: string,
  act: (customer: Page) => Promise<void>,
): Promise<void> {
  const customer = await page.context().newPage();
  await customer.goto(paymentUrl);
  await act(customer);
  await closeTab(customer);
}

export const approveQr = (customer: Page) =>
  customer.getByRole("button", { name: "Approve payment" }).click();
export const cancelAtProvider = (customer: Page) =>
  customer.getByRole("button", { name: "Cancel payment" }).click();
export async function enterPin(customer: Page): Promise<void> {
  await customer.getByLabel("Enter wallet PIN").fill("1234");
  await customer.getByRole("button", { name: "Confirm payment" }).click();
}
export async function payByCard(customer: Page, number = "4242 4242 4242 4242"): Promise<void> {
  await customer.getByLabel("Card number").fill(number);
  await customer.getByLabel("Expiry (MM/YY)").fill("12/34");
  await customer.getByLabel("CVC").fill("123");
  await customer.getByRole("button", { name: "Pay now" }).click();
}

/** Payments the sandbox "provider" holds with this reference: proves how many were really made. */
export async function sandboxPaymentsWithReference(page: Page, reference: string): Promise<unknown[]> {
  const response = await page.request.get(`${e2eUrls.sandbox}/api/v1/payments?per_page=100`, {
    headers: { authorization: `Bearer ${sentinel}` },
  });
  expect(response.status()).toBe(200);
  const body = (await response.json()) as { data?: unknown };
  const list = (Array.isArray(body.data) ? body.data : ((body.data as { data?: unknown[] })?.data ?? [])) as {
    reference?: string;
  }[];
  return list.filter((p) => p.reference === reference);
}

export async function status(page: Page): Promise<string | null> {
  return page.getByTestId("payment-status").getAttribute("data-status");
}

/** Keeps a screenshot as a test artefact, named by screen, language and width. */
export async function keepScreenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const width = page.viewportSize()?.width ?? 0;
  const path = testInfo.outputPath(`${name}-${width}px.png`);
  await page.screenshot({ path, fullPage: true });
}
