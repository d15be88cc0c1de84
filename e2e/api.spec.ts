import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { e2eUrls } from "../playwright.config";
import { signInByApi as signIn } from "./support/api-session";
import { OWNER, SENTINEL_KEY as sentinel } from "./support/e2e-env";

// The payments core through the production build: cashier session, create, live status, webhook
// rejection, security headers — and the sentinel provider key never appears in any answer.

const origin = e2eUrls.app;

const sale = {
  provider: "paygrid",
  method: "dynamic-qr",
  amount: "2500",
  currency: "TZS",
  phone: "0754123456",
  customer: { firstname: "Juma", lastname: "Ali", email: "juma@example.com" },
};

test("cashier endpoints need a session, and a wrong password is refused", async ({ request }) => {
  expect((await request.get("/api/payments")).status()).toBe(401);
  const wrong = await request.post("/api/session", {
    data: { email: OWNER.email, password: "not-the-password" },
    headers: { origin },
  });
  expect(wrong.status()).toBe(401);
  expect(await wrong.json()).toMatchObject({ error: { code: "UNAUTHENTICATED" } });
  // The retired access code is not a sign-in any more: a malformed body, with field errors.
  const retired = await request.post("/api/session", { data: { code: "000000" }, headers: { origin } });
  expect(retired.status()).toBe(400);
});

test("a cross-site write with the cashier cookie is refused", async ({ request }) => {
  await signIn(request);
  const response = await request.post("/api/payments", {
    data: sale,
    headers: { origin: "https://evil.example", "idempotency-key": randomUUID() },
  });
  expect(response.status()).toBe(403);
});

test("create, complete at the provider, and read the outcome over SSE", async ({ request }) => {
  await signIn(request);
  const key = randomUUID();
  const created = await request.post("/api/payments", {
    data: sale,
    headers: { origin, "idempotency-key": key },
  });
  expect(created.status()).toBe(201);
  const payment = (await created.json()) as {
    id: string;
    status: string;
    provider_payment_id: string;
    qr_code: string;
  };
  expect(payment.status).toBe("pending");
  expect(payment.qr_code).toMatch(/^000201/);
  const createdText = JSON.stringify(payment);
  expect(createdText).not.toContain(sentinel);

  const replay = await request.post("/api/payments", {
    data: sale,
    headers: { origin, "idempotency-key": key },
  });
  expect(replay.status()).toBe(200);
  expect(((await replay.json()) as { id: string }).id).toBe(payment.id);

  const control = await request.post(
    `${e2eUrls.sandbox}/control/payments/${payment.provider_payment_id}/complete`,
    {
      headers: { authorization: `Bearer ${sentinel}` },
    },
  );
  expect(control.status()).toBe(200);

  await expect
    .poll(
      async () =>
        ((await (await request.get(`/api/payments/${payment.id}`)).json()) as { status: string }).status,
    )
    .toBe("completed");
  const events = await request.get(`/api/payments/${payment.id}/events`);
  expect(events.headers()["content-type"]).toContain("text/event-stream");
  expect(events.headers()["cache-control"]).toContain("no-transform");
  const text = await events.text();
  expect(text.startsWith("retry: 3000\n\n")).toBe(true);
  expect(text).toMatch(/event: payment\ndata: .*"status":"completed"/);
  expect(text).not.toContain(sentinel);

  const list = await request.get("/api/payments?limit=5");
  expect(await list.text()).not.toContain(sentinel);
});

test("an unsigned webhook is refused with 401", async ({ request }) => {
  const response = await request.post("/api/webhooks/paygrid", {
    data: { event: "payment.completed" },
    headers: {
      "x-meetpay-timestamp": String(Math.floor(Date.now() / 1000)),
      "x-meetpay-signature": "sha256=00",
    },
  });
  expect(response.status()).toBe(401);
  expect(await response.text()).not.toContain(sentinel);
});

test("every answer carries the security headers", async ({ request }) => {
  const page = await request.get("/");
  const csp = page.headers()["content-security-policy"] ?? "";
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
  expect(page.headers()["x-content-type-options"]).toBe("nosniff");
  expect(page.headers()["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  const api = await request.get("/api/health");
  expect(api.headers()["content-security-policy"]).toContain("default-src 'none'");
  expect(api.headers()["x-content-type-options"]).toBe("nosniff");
});

test("the OpenAPI document is served to anyone, and to a signed-in cashier alike", async ({ request }) => {
  const anonymous = await request.get("/api/openapi.json");
  expect(anonymous.status()).toBe(200);
  const document = (await anonymous.json()) as { openapi: string; paths: Record<string, unknown> };
  expect(document.openapi).toBe("3.1.0");
  expect(Object.keys(document.paths)).toContain("/api/payments");
  expect(await anonymous.text()).not.toContain(sentinel);
  await signIn(request);
  expect(await (await request.get("/api/openapi.json")).json()).toEqual(document);
});
