import { expect, test, type Locator, type Page } from "@playwright/test";
import { E2E_BRAND_COLOR, e2eUrls } from "../playwright.config";
import { expectAccessible } from "./support/axe";
import { approveQr, charge, customerActs, fillDetails, ringUp, signIn } from "./support/pos";
import { decodeQrFromScreen } from "./support/qr-decode";

// The shop's brand beyond the hosted checkout (README "Branding"): the owner uploads a logo in the back
// office, and the customer display and the digital receipt then show it with the shop's colour; the
// printed receipt stays black. A file that only pretends to be an image is refused in words.

// A 1×1 PNG, and an SVG with a script (what a hostile upload would try).
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
  "base64",
);
const SVG = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');

const BRAND_RGB = `rgb(${[1, 3, 5].map((i) => parseInt(E2E_BRAND_COLOR.slice(i, i + 2), 16)).join(", ")})`;

test.describe.configure({ timeout: 240_000 });

/** The logo is on screen and really loaded: the page's CSP let it through and the bytes decoded. */
async function expectLogoLoaded(logo: Locator): Promise<void> {
  await expect(logo).toBeVisible();
  await expect(logo).toHaveAttribute("src", /^\/api\/brand\/logo\?v=[\w-]+$/);
  await expect.poll(() => logo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(1);
}

/** Picks the file (again, until the hydrated page has taken it and enabled Upload) and uploads it. */
async function upload(page: Page, name: string, mimeType: string, buffer: Buffer): Promise<void> {
  const button = page.getByTestId("branding-upload");
  await expect(async () => {
    await page.getByTestId("branding-file").setInputFiles({ name, mimeType, buffer });
    await expect(button).toBeEnabled({ timeout: 1_000 });
  }).toPass();
  await button.click();
}

test("the uploaded logo and the shop colour on the customer display and the receipt", async ({
  page,
  browser,
}) => {
  await signIn(page);
  try {
    await page.goto("/admin");
    const section = page.getByTestId("admin-branding");
    await expect(section).toContainText(E2E_BRAND_COLOR);

    await upload(page, "logo.png", "image/png", SVG);
    await expect(page.getByTestId("branding-problem")).toContainText("not a PNG, JPEG or WebP image");
    await upload(page, "logo.png", "image/png", PNG);
    await expectLogoLoaded(page.getByTestId("branding-logo"));
    await expect(page.getByTestId("branding-problem")).toHaveCount(0);

    // The customer display, linked from the register as a shop does it.
    await page.goto("/register");
    await page.getByTestId("customer-display-open").click();
    await page.getByTestId("customer-display-new").click();
    const displayUrl = await decodeQrFromScreen(page.getByTestId("customer-display-qr"));
    await page.keyboard.press("Escape");
    const display = await (await browser.newContext()).newPage();
    await display.goto(displayUrl);
    await expect(display.getByTestId("display-welcome")).toBeVisible();
    await expectLogoLoaded(display.getByTestId("brand-logo"));
    await expect(display.getByTestId("brand-logo")).toHaveAttribute("alt", /\S/);
    await expect(display.getByTestId("display-welcome").locator("h1")).toHaveCSS("color", BRAND_RGB);
    await expectAccessible(display, "customer display with the shop's logo and colour");

    // A paid sale's receipt, opened on the customer's phone.
    await page.goto("/register");
    await ringUp(page, "3100", "dynamic-qr");
    await fillDetails(page);
    const payment = await charge(page);
    await customerActs(page, payment.payment_url!, approveQr);
    await expect(page.getByTestId("outcome-completed")).toBeVisible();
    const receiptUrl = await decodeQrFromScreen(page.getByTestId("receipt-qr"));
    const phone = await (await browser.newContext()).newPage();
    await phone.goto(receiptUrl);
    await expectLogoLoaded(phone.getByTestId("brand-logo"));
    const name = phone.getByTestId("brand-name");
    await expect(name).toHaveCSS("color", BRAND_RGB);
    await expectAccessible(phone, "receipt with the shop's logo and colour");

    // On paper: the name in black, the logo in greyscale, for a one-colour thermal printer.
    await phone.emulateMedia({ media: "print" });
    await expect(name).toHaveCSS("color", "rgb(0, 0, 0)");
    await expect(phone.getByTestId("brand-logo")).toHaveCSS("filter", /grayscale/);
  } finally {
    // Other specs share this app: leave it without an uploaded logo.
    const removed = await page.request.delete("/api/brand/logo", { headers: { origin: e2eUrls.app } });
    expect(removed.status()).toBe(200);
  }
});
