import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { charge, fillDetails, ringUp, signIn, useLanguage } from "./support/pos";

// The payment window is a real countdown from the first second: mm:ss ticking down from ~30:00 beside
// a draining ring and the clock time it ends at, in either language.

function seconds(clock: string): number {
  const [m, s] = clock.split(":").map(Number);
  return m! * 60 + s!;
}

for (const locale of ["en", "sw"] as const) {
  test(`the pay screen counts down mm:ss from the first second [${locale}]`, async ({ page }) => {
    await useLanguage(page, locale);
    await signIn(page);
    await ringUp(page, "2500", "dynamic-qr");
    await fillDetails(page);
    await charge(page);

    const clock = page.getByTestId("countdown-clock");
    await expect(clock).toHaveText(/^\d\d:\d\d$/, { timeout: 1_000 });
    await expect(page.getByTestId("countdown")).toHaveAttribute("data-state", "quiet");
    const first = seconds((await clock.textContent())!);
    expect(first).toBeGreaterThan(29 * 60 - 30);
    expect(first).toBeLessThanOrEqual(30 * 60);
    await expect(page.getByTestId("countdown-until")).toContainText(/\d\d:\d\d/);
    await expect(page.getByTestId("countdown-until")).toContainText(
      locale === "en" ? "The time to pay ends at" : "Muda wa kulipa unaisha saa",
    );

    // It ticks: a couple of seconds later it reads less, and the ring has drained a little.
    await expect
      .poll(async () => seconds((await clock.textContent())!), { timeout: 5_000 })
      .toBeLessThan(first);
    const fraction = Number(await page.getByTestId("countdown-ring").getAttribute("data-fraction"));
    expect(fraction).toBeGreaterThan(0.9);
    expect(fraction).toBeLessThan(1);

    const { violations } = await new AxeBuilder({ page }).include("[data-testid=countdown]").analyze();
    expect(violations.map((v) => v.id)).toEqual([]);
  });
}
