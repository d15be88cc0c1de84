import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { e2eUrls } from "../playwright.config";
import { tanqrSale } from "@/test/sales";
import { signInByApi as signIn } from "./support/api-session";
import { SENTINEL_KEY as sentinel } from "./support/e2e-env";

// SplashPay Dynamic TANQR through the production build and the standalone sandbox (SplashPay under
// /splashpay): create, a PNG QR, completion at the provider, the outcome over GET. API level only.

const origin = e2eUrls.app;

const sale = tanqrSale();

test("a TANQR payment shows SplashPay's PNG and completes from the provider's webhook", async ({
  request,
}) => {
  await signIn(request);
  const created = await request.post("/api/payments", {
    data: sale,
    headers: { origin, "idempotency-key": randomUUID() },
  });
  expect(created.status()).toBe(201);
  const payment = (await created.json()) as {
    id: string;
    status: string;
    reference: string;
    qr_image: string | null;
    qr_code: string | null;
    qr_mismatch: boolean;
  };
  expect(payment.status).toBe("pending");
  expect(payment.qr_mismatch).toBe(false);
  expect(payment.qr_code).toBeNull();
  expect(payment.qr_image).toMatch(/^data:image\/png;base64,iVBORw0KGgo/);
  expect(JSON.stringify(payment)).not.toContain(sentinel);

  const control = await request.post(
    `${e2eUrls.sandbox}/splashpay/control/payments/${encodeURIComponent(payment.reference)}/success`,
    { headers: { "x-api-key": `pk_test_${sentinel}`, "x-api-secret": sentinel } },
  );
  expect(control.status()).toBe(200);

  await expect
    .poll(
      async () =>
        ((await (await request.get(`/api/payments/${payment.id}`)).json()) as { status: string }).status,
    )
    .toBe("completed");
});
