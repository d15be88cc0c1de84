import { randomUUID } from "node:crypto";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { e2eUrls } from "../playwright.config";

// SplashPay Dynamic TANQR through the production build and the standalone sandbox (SplashPay under
// /splashpay): create, a PNG QR, completion at the provider, the outcome over GET. API level only.

const sentinel = process.env.MALIPO_SENTINEL_KEY ?? "sk_test_sentinel_local_do_not_ship";
const origin = e2eUrls.app;

async function signIn(request: APIRequestContext) {
  const response = await request.post("/api/session", { data: { code: "246810" }, headers: { origin } });
  expect(response.status()).toBe(201);
}

const sale = {
  provider: "splashpay",
  method: "tanqr",
  amount: "1000",
  currency: "TZS",
  phone: "0744123456",
  customer: {
    firstname: "John",
    lastname: "Doe",
    email: "john.doe@example.com",
    address: "Bwawani, Mkonze",
    city: "Dodoma",
    state: "Dodoma",
    postcode: "67116",
    country: "TZ",
  },
};

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
