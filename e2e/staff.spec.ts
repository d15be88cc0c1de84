import { expect, test, type Page } from "@playwright/test";
import { expectAccessible } from "./support/axe";
import { approveQr, charge, customerActs, fillDetails, ringUp, signIn, useLanguage } from "./support/pos";

// The merchant's day with staff: the owner adds two cashiers and a register in the back office on one
// device; the register (another browser context) pairs with the code; a cashier signs in with a PIN and
// sells, hands over with Switch cashier, and the history names who took each sale. In both languages.

const TEXT = {
  sw: { whoIsSelling: "Nani anauza?", switch: "Badilisha keshia", cashier: "Keshia" },
  en: { whoIsSelling: "Who is selling?", switch: "Switch cashier", cashier: "Cashier" },
} as const;

async function pinSignIn(page: Page, name: string, pin: string): Promise<void> {
  const pad = page.locator("form[data-hydrated=true]").filter({ has: page.locator("#pin") });
  await expect(pad).toBeVisible();
  await pad.locator(`[data-staff-name="${name}"]`).click();
  await pad.locator("#pin").fill(pin);
  await pad.locator("button[type=submit]").click();
  await page.waitForURL("**/register");
  await expect(page.getByTestId("signed-in-as")).toContainText(name);
}

for (const locale of ["sw", "en"] as const) {
  test(`owner pairs a register, two cashiers sell and the history names them [${locale}]`, async ({
    browser,
  }) => {
    test.setTimeout(150_000);
    const stamp = Date.now().toString(36).slice(-4);
    const first = `Amina ${locale}${stamp}`;
    const second = `Baraka ${locale}${stamp}`;
    const tillName = `Till ${locale}${stamp}`;

    // The owner's phone: the back office.
    const ownerContext = await browser.newContext();
    const owner = await ownerContext.newPage();
    await useLanguage(owner, locale);
    await signIn(owner);
    await owner.goto("/admin");
    const staff = owner.getByTestId("admin-staff");
    for (const [name, pin] of [
      [first, "1357"],
      [second, "24680"],
    ] as const) {
      await staff.locator("#new-staff-name").fill(name);
      await staff.locator("#new-staff-pin").fill(pin);
      await staff.locator("form button[type=submit]").click();
      await expect(staff.locator(`[data-staff-row="${name}"]`)).toBeVisible();
    }
    const registers = owner.getByTestId("admin-registers");
    await registers.locator("#new-register-name").fill(tillName);
    await registers.locator("form button[type=submit]").click();
    const code = (await owner.getByTestId("pairing-code").textContent())?.trim() ?? "";
    expect(code).toMatch(/^[A-Z2-9]{10}$/);
    await expect(owner.getByTestId("pairing").locator("svg")).toBeVisible();
    await expectAccessible(owner, `${locale} back office with a pairing code`);

    // The register: a fresh device pairs with the code, then shows the PIN pad with the shop's staff.
    const tillContext = await browser.newContext();
    const till = await tillContext.newPage();
    await useLanguage(till, locale);
    await till.goto("/sign-in");
    const pair = till.locator("[data-testid=pair-device][data-hydrated=true]");
    await expect(pair).toBeVisible();
    await expectAccessible(till, `${locale} pairing`);
    await pair.locator("#pairing-code").fill(code);
    await pair.locator("form button[type=submit]").click();
    await expect(till.getByRole("heading", { level: 1 })).toHaveText(TEXT[locale].whoIsSelling);
    await expect(till.getByTestId("register-name")).toContainText(tillName);
    await expect(till.locator(`[data-staff-name="${first}"]`)).toBeVisible();
    await expectAccessible(till, `${locale} PIN pad`);

    // The code worked once: the owner's page shows the register paired.
    await owner.reload();
    await expect(owner.getByTestId("admin-registers")).toContainText(tillName);

    // First cashier sells; the receipt names her.
    await pinSignIn(till, first, "1357");
    await ringUp(till, "1500", "dynamic-qr");
    await fillDetails(till);
    const sale = await charge(till);
    expect(sale.staff?.name).toBe(first);
    await customerActs(till, sale.payment_url!, approveQr);
    await expect(till.getByTestId("outcome-completed")).toBeVisible();
    await expect(till.getByTestId("completed-details")).toContainText(`${TEXT[locale].cashier}`);
    await expect(till.getByTestId("completed-details")).toContainText(first);

    // Switch cashier: back to the PIN pad on the same register; a wrong PIN is refused.
    await till.getByRole("button", { name: TEXT[locale].switch }).click();
    await till.waitForURL("**/sign-in**");
    const pad = till.locator("form[data-hydrated=true]").filter({ has: till.locator("#pin") });
    await pad.locator(`[data-staff-name="${second}"]`).click();
    await pad.locator("#pin").fill("1111");
    await pad.locator("button[type=submit]").click();
    await expect(till.getByTestId("error-pin")).toBeVisible();
    await pinSignIn(till, second, "24680");
    await ringUp(till, "2500", "dynamic-qr");
    await fillDetails(till);
    expect((await charge(till)).staff?.name).toBe(second);

    // The register's history names both cashiers.
    await till.goto("/history");
    const names = till.getByTestId("history-cashier");
    await expect(names.filter({ hasText: first })).toHaveCount(1);
    await expect(names.filter({ hasText: second })).toHaveCount(1);
    await expectAccessible(till, `${locale} history with cashiers`);

    await tillContext.close();
    await ownerContext.close();
  });
}
