import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { useLanguage } from "./support/pos";

// A URL with no page answers 404 with a page in the visitor's language and a way back.

const WORDS = {
  en: { title: "Page not found", back: "Back to the start" },
  sw: { title: "Ukurasa haupatikani", back: "Rudi mwanzo" },
} as const;

for (const locale of ["en", "sw"] as const) {
  test(`an unknown URL shows the localised not-found page with status 404 [${locale}]`, async ({ page }) => {
    await useLanguage(page, locale);
    const response = await page.goto("/no-such-page/at-all");
    expect(response?.status()).toBe(404);
    await expect(page.getByTestId("not-found")).toHaveText(WORDS[locale].title);
    await expect(page.locator("html")).toHaveAttribute("lang", locale);
    const { violations } = await new AxeBuilder({ page }).analyze();
    expect(violations.map((v) => v.id)).toEqual([]);

    await page.getByRole("link", { name: WORDS[locale].back }).click();
    await page.waitForURL((url) => url.pathname === "/");
  });
}
