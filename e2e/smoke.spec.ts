import { expect, test } from "@playwright/test";

test("the built app serves its home page with the sandbox ribbon, and its scripts pass the CSP", async ({
  page,
}) => {
  const problems: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(message.text());
  });
  page.on("pageerror", (error) => problems.push(error.message));
  await page.goto("/");
  await expect(page.getByTestId("sandbox-ribbon")).toBeVisible();
  await page.waitForLoadState("networkidle");
  // Next.js's own scripts carry the per-request nonce; a CSP refusal would show up here.
  expect(problems.filter((p) => /Content Security Policy|Refused to/i.test(p))).toEqual([]);
});

test("health says only that the app answers, nothing about its mode", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ status: "ok" });
});
