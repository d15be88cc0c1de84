import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { PNG } from "pngjs";
import { signIn, useLanguage } from "./support/pos";

// The register installs to a tablet's home screen and opens full screen at /register; when the network
// drops it says so and the sale being typed stays.

interface Manifest {
  name: string;
  short_name: string;
  start_url: string;
  display: string;
  theme_color: string;
  background_color: string;
  icons: { src: string; sizes: string; type: string; purpose?: string }[];
}

test("the web app manifest is served, valid, and its icons are real PNGs of the sizes it names", async ({
  page,
  request,
}) => {
  await page.goto("/");
  const href = await page.locator('link[rel="manifest"]').getAttribute("href");
  expect(href).toBeTruthy();
  await expect(page.locator('meta[name="theme-color"]')).toHaveAttribute("content", "#0b6654");
  await expect(page.locator('link[rel="apple-touch-icon"]')).toHaveAttribute("href", /apple-touch-icon\.png/);

  const response = await request.get(href!);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toMatch(/application\/manifest\+json/);
  const manifest = (await response.json()) as Manifest;
  expect(manifest).toMatchObject({ short_name: "Malipo", start_url: "/register", display: "standalone" });
  expect(manifest.name).toContain("Malipo");
  expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/i);
  expect(manifest.background_color).toMatch(/^#[0-9a-f]{6}$/i);
  const kinds = new Set(manifest.icons.map((i) => `${i.sizes}/${i.purpose ?? "any"}`));
  for (const kind of ["192x192/any", "512x512/any", "192x192/maskable", "512x512/maskable"]) {
    expect(kinds.has(kind), kind).toBe(true);
  }
  for (const icon of [...manifest.icons, { src: "/apple-touch-icon.png", sizes: "180x180" }]) {
    const png = await request.get(icon.src);
    expect(png.status(), icon.src).toBe(200);
    const image = PNG.sync.read(await png.body());
    expect(`${image.width}x${image.height}`, icon.src).toBe(icon.sizes);
  }

  // Chromium's own verdict: the manifest parses without errors and nothing stops installation.
  const cdp = await page.context().newCDPSession(page);
  const parsed = (await cdp.send("Page.getAppManifest")) as { errors: unknown[]; url: string };
  expect(parsed.errors).toEqual([]);
  expect(parsed.url).toContain("/manifest.webmanifest");
  const { installabilityErrors } = (await cdp.send("Page.getInstallabilityErrors")) as {
    installabilityErrors: { errorId: string }[];
  };
  // Playwright's contexts are incognito profiles, where Chromium never offers installation; every other
  // criterion (manifest fields, icons, start URL, display mode, secure origin) must hold.
  expect(installabilityErrors.map((e) => e.errorId).filter((id) => id !== "in-incognito")).toEqual([]);
});

for (const locale of ["en", "sw"] as const) {
  test(`the register says when the network drops and keeps the sale being typed [${locale}]`, async ({
    page,
    context,
  }) => {
    await useLanguage(page, locale);
    await signIn(page);
    for (const key of "12") await page.locator(`[data-key="${key}"]`).click();
    await expect(page.getByTestId("offline-notice")).toHaveCount(0);

    await context.setOffline(true);
    const notice = page.getByTestId("offline-notice");
    await expect(notice).toBeVisible();
    await expect(notice).toContainText(locale === "en" ? "No network" : "Hakuna mtandao");
    for (const key of "500") await page.locator(`[data-key="${key}"]`).click();
    await expect(page.getByTestId("amount-display")).toContainText("12,500");
    const { violations } = await new AxeBuilder({ page }).analyze();
    expect(violations.map((v) => v.id)).toEqual([]);

    await context.setOffline(false);
    await expect(notice).toHaveCount(0);
    await expect(page.getByTestId("amount-display")).toContainText("12,500");
  });
}
