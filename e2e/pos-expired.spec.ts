import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page, type TestInfo } from "@playwright/test";
import type { Payment } from "@/lib/api-contract";
import {
  charge,
  fillDetails,
  keepScreenshot,
  paymentIdFromUrl,
  readPayment,
  ringUp,
  signIn,
  useLanguage,
} from "./support/pos";

// The expired screen names what ran out and how to start again for the payment's own method, in Kiswahili
// as the counter reads it (docs/glossary.md). The sandboxes expire a payment made with the magic phone
// 255700000004 five seconds after it is created.

const EXPIRES_IN_5_S = "0700 000 004";
const BILLING = { address: "Mtaa wa Uhuru 5", city: "Arusha", state: "Arusha", postcode: "23101" };

interface Case {
  method: Payment["method"];
  amount: string;
  billing?: typeof BILLING;
  heading: string;
  again: string;
}

const CASES: Case[] = [
  {
    method: "mobile",
    amount: "2500",
    heading: "Ombi hili la PIN halifanyi kazi tena",
    again: "Tuma ombi tena",
  },
  {
    method: "card",
    amount: "15000",
    billing: BILLING,
    heading: "Kiungo hiki cha kadi hakifanyi kazi tena",
    again: "Kiungo kipya cha kadi",
  },
  {
    method: "tanqr",
    amount: "7000",
    billing: BILLING,
    heading: "TANQR hii haifanyi kazi tena",
    again: "TANQR mpya",
  },
];

const OTHER_AGAIN = ["QR mpya", "Tuma ombi tena", "Kiungo kipya cha kadi", "TANQR mpya"];

async function expiredScreen(page: Page, testInfo: TestInfo, c: Case): Promise<void> {
  const outcome = page.getByTestId("outcome-expired");
  await expect(outcome).toBeVisible({ timeout: 30_000 });
  await expect(outcome).toHaveAttribute("data-method", c.method);
  await expect(page.getByTestId("payment-status")).toHaveText("Muda wa kulipa umekwisha");
  await expect(outcome.getByRole("heading", { level: 2 })).toHaveText(c.heading);
  await expect(outcome).toContainText("malipo yaliyochelewa bado yataonekana hapa");
  await expect(outcome.getByRole("button", { name: c.again, exact: true })).toBeVisible();
  await expect(outcome.getByRole("button", { name: "Badili njia", exact: true })).toBeVisible();
  // Only this method's way to start again: never "New QR" on a PIN prompt or a card link.
  for (const label of OTHER_AGAIN.filter((l) => l !== c.again)) {
    await expect(page.getByRole("button", { name: label, exact: true })).toHaveCount(0);
  }
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.map((v) => v.id)).toEqual([]);
  await keepScreenshot(page, testInfo, `sw-outcome-expired-${c.method}`);
}

test.describe("the time to pay runs out, per method [sw]", () => {
  test.beforeEach(async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await useLanguage(page, "sw");
  });

  for (const c of CASES) {
    test(`${c.method}: names what ran out and starts the same method again`, async ({ page }, testInfo) => {
      test.setTimeout(90_000);
      await signIn(page);
      await ringUp(page, c.amount, c.method);
      await fillDetails(page, { phone: EXPIRES_IN_5_S, ...(c.billing ? { billing: c.billing } : {}) });
      const first = await charge(page);
      expect(first.method).toBe(c.method);

      await expiredScreen(page, testInfo, c);
      expect((await readPayment(page, first.id)).status).toBe("expired");

      await page.getByTestId("expired-again").click();
      await page.waitForURL((url) => !url.pathname.endsWith(first.id));
      const next = await readPayment(page, paymentIdFromUrl(page));
      expect(next.id).not.toBe(first.id);
      expect(next).toMatchObject({ method: c.method, amount: c.amount, phone: first.phone });
    });
  }
});
