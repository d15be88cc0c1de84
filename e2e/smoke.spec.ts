import { expect, test } from "@playwright/test";

test("the built app serves its home page with the sandbox ribbon", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "Malipo" })).toBeVisible();
  await expect(page.getByTestId("sandbox-ribbon")).toBeVisible();
  await expect(page.getByTestId("paygrid-mode")).toHaveText(/sandbox|majaribio/);
});

test("health reports the database and sandbox mode", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ status: "ok", db: "ok", sandbox: true });
});
