import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { e2eUrls } from "../playwright.config";
import { childEnv } from "./support/e2e-env";
import { closeTab } from "./support/pos";

// examples/shop runs as a shop would run it, against the e2e app: a shopper buys on the shop, pays on
// Malipo's hosted checkout through the PayGrid sandbox, returns to the shop, and the shop has marked the
// order paid from the signed webhook (checkout.session.completed) alone.

// Beside the app's port, so E2E_PORT_OFFSET moves it too.
const SHOP_PORT = Number(new URL(e2eUrls.app).port) + 1100;
const shopUrl = `http://127.0.0.1:${SHOP_PORT}`;
let shop: ChildProcess | undefined;

test.beforeAll(async () => {
  shop = spawn(
    process.execPath,
    [path.join(process.cwd(), "node_modules/tsx/dist/cli.mjs"), "examples/shop/shop.ts"],
    {
      env: childEnv({
        PORT: String(SHOP_PORT),
        SHOP_URL: shopUrl,
        MALIPO_URL: e2eUrls.app,
        MALIPO_API_KEY: "mk_test_e2e_merchant_key_0001",
        MALIPO_WEBHOOK_SECRET: "whsec_ZTJlLXdlYmhvb2stc2VjcmV0LTAwMDAwMDAw",
      }),
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("the example shop did not start")), 30_000);
    shop!.stdout!.on("data", (chunk: Buffer) => {
      if (chunk.toString().includes("shop listening")) {
        clearTimeout(timer);
        resolve();
      }
    });
  });
});

test.afterAll(() => {
  shop?.kill();
});

test.setTimeout(120_000);

test("the example shop sells, the shopper pays through the sandbox, the webhook marks the order paid", async ({
  page,
}) => {
  await page.goto(shopUrl);
  await page.getByRole("button", { name: "Buy" }).click();
  await page.waitForURL(/\/checkout\/cs_/);
  await expect(page.locator("[data-hydrated=true]").first()).toBeVisible();
  await expect(page.getByTestId("checkout-total")).toContainText("12,500");

  await page.locator('[data-method="dynamic-qr"]').click();
  await expect(page.getByTestId("customer-form")).toBeVisible();
  await page.locator("#firstname").fill("Neema");
  await page.locator("#lastname").fill("Joseph");
  await page.locator("#email").fill("neema@example.com");
  await page.locator("#phone").fill("0712345678");
  await page.getByTestId("charge").click();
  await expect(page.getByTestId("payment-status")).toHaveAttribute("data-status", "pending");

  const [provider] = await Promise.all([
    page.waitForEvent("popup"),
    page.getByTestId("open-payment-page").click(),
  ]);
  await provider.getByRole("button", { name: "Approve payment" }).click();
  await closeTab(provider);
  await expect(page.getByTestId("payment-status")).toHaveAttribute("data-status", "completed");

  // Back on the shop's success_url; the order turns paid once the webhook arrives (about a second).
  await page.waitForURL(new RegExp(`^${shopUrl}/orders/ord_`), { timeout: 15_000 });
  await expect
    .poll(
      async () => {
        await page.reload();
        return page.locator("[data-order-status]").getAttribute("data-order-status");
      },
      { timeout: 20_000 },
    )
    .toBe("paid");
});
