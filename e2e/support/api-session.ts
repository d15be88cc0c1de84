import { expect, type APIRequestContext } from "@playwright/test";
import { e2eUrls } from "../../playwright.config";
import { OWNER } from "./e2e-env";

// For specs that talk to the API directly rather than through the screens.

/** The owner signed in on `request`'s cookie jar (which that pairs as a register), as the sign-in form does. */
export async function signInByApi(request: APIRequestContext): Promise<void> {
  const response = await request.post("/api/session", {
    data: OWNER,
    headers: { origin: e2eUrls.app },
  });
  expect(response.status()).toBe(201);
}
