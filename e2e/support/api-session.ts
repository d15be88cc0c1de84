import { expect, type APIRequestContext } from "@playwright/test";
import { e2eUrls } from "../../playwright.config";
import { ACCESS_CODE } from "./e2e-env";

// For specs that talk to the API directly rather than through the screens.

/** A cashier session on `request`'s cookie jar, opened the way the sign-in form does (same origin). */
export async function signInByApi(request: APIRequestContext): Promise<void> {
  const response = await request.post("/api/session", {
    data: { code: ACCESS_CODE },
    headers: { origin: e2eUrls.app },
  });
  expect(response.status()).toBe(201);
}
