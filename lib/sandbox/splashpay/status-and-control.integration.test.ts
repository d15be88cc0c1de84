import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sleep, waitUntil, type Receiver } from "@/test/paygrid-sandbox";
import { SANDBOX_SPLASHPAY_WEBHOOK_SECRET } from "@/lib/sandbox-credentials";
import { tanqrBody, type SplashTestSandbox } from "@/test/splashpay-sandbox";
import { dataOf, hooksOf, INVALID, startSplashWithReceiver } from "@/test/splashpay-sandbox-fixtures";

// The SplashPay sandbox after create: check-status, cancel, control moves, magic phones, expiry, settings and
// the simulated customer's page (docs/providers.md#splashpay-statuses, docs/providers.md#splashpay-sandbox).

describe("SplashPay sandbox: status, cancel, control, expiry, magic phones", () => {
  let sb: SplashTestSandbox;
  let receiver: Receiver;
  let stop: () => Promise<void>;
  const secret = SANDBOX_SPLASHPAY_WEBHOOK_SECRET;
  beforeAll(async () => {
    ({ sb, receiver, stop } = await startSplashWithReceiver());
  });
  afterAll(() => stop());

  const status = async (reference: unknown) =>
    dataOf((await sb.call("POST", "/api/v1/payments/check-status", { reference })).body).status;
  const hooksFor = (reference: unknown) => hooksOf(receiver, reference);

  it("check-status answers the §6.1 shape with string amounts and microsecond timestamps", async () => {
    const body = tanqrBody();
    await sb.create(body);
    const res = await sb.call("POST", "/api/v1/payments/check-status", { reference: body.reference });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      status: "success",
      code: "PAYMENT_STATUS_CHECKED",
      message: "Payment status checked",
      meta: [],
    });
    const data = dataOf(res.body);
    expect(Object.keys(data)).toEqual([
      "reference",
      "provider_reference",
      "amount",
      "currency",
      "status",
      "provider",
      "channel",
      "network",
      "created_at",
      "processing_at",
      "completed_at",
    ]);
    expect(data).toMatchObject({
      amount: "1000.00",
      status: "pending",
      channel: "tanqr",
      network: "SELCOMTANQR",
      completed_at: null,
    });
    expect(data.created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/);
    expect(data.processing_at).toMatch(/T\d\d:\d\d:\d\dZ$/);
  });

  it("check-status: 400 without a reference, 404 PAYMENT_NOT_FOUND for an unknown one", async () => {
    expect((await sb.call("POST", "/api/v1/payments/check-status", {})).body).toEqual(INVALID);
    const unknown = await sb.call("POST", "/api/v1/payments/check-status", { reference: "nope" });
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe("PAYMENT_NOT_FOUND");
  });

  it.each([
    ["process", "processing", null],
    ["fail", "failed", "payment.failed"],
    ["cancel", "cancelled", "payment.cancelled"],
    ["expire", "expired", "payment.expired"],
  ])("control %s → %s (webhook %s)", async (action, expected, event) => {
    const body = tanqrBody();
    await sb.create(body);
    const res = await sb.call("POST", `/control/payments/${String(body.reference)}/${action}`);
    expect(res.status).toBe(200);
    expect(dataOf(res.body).status).toBe(expected);
    expect(await status(body.reference)).toBe(expected);
    await sleep(150);
    expect(hooksFor(body.reference).map((h) => h.json.event)).toEqual(event ? [event] : []);
  });

  it("refuses to move a terminal payment: 409 INVALID_TRANSITION", async () => {
    const body = tanqrBody();
    await sb.create(body);
    await sb.call("POST", `/control/payments/${String(body.reference)}/fail`);
    const res = await sb.call("POST", `/control/payments/${String(body.reference)}/success`);
    expect(res.status).toBe(409);
    expect(res.body.code).toBe("INVALID_TRANSITION");
  });

  it("cancel: pending or processing → cancelled with a webhook; then 409 PAYMENT_NOT_CANCELLABLE", async () => {
    for (const start of ["pending", "processing"]) {
      const body = tanqrBody();
      await sb.create(body);
      if (start === "processing")
        await sb.call("POST", `/control/payments/${String(body.reference)}/process`);
      const res = await sb.call("POST", "/api/v1/payments/cancel", { reference: body.reference });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        code: "PAYMENT_CANCELLED",
        message: "Payment cancelled",
        data: { status: "cancelled" },
      });
      await receiver.waitFor(() =>
        hooksFor(body.reference).some((h) => h.json.event === "payment.cancelled"),
      );
      const again = await sb.call("POST", "/api/v1/payments/cancel", { reference: body.reference });
      expect(again.status).toBe(409);
      expect(again.body.code).toBe("PAYMENT_NOT_CANCELLABLE");
    }
    expect((await sb.call("POST", "/api/v1/payments/cancel", { reference: "nope" })).status).toBe(404);
    expect((await sb.call("POST", "/api/v1/payments/cancel", {})).status).toBe(400);
  });

  it.each([
    ["255700000001", ["success"]],
    ["255700000002", ["failed"]],
    ["255700000003", ["cancelled"]],
    ["255700000004", ["expired"]],
    ["255700000005", ["processing", "success"]],
  ])("magic buyer_phone %s → %j after the delay", async (phone, path) => {
    // A one-second step, so a loaded machine still sees each status before the next (0.1 s raced the polls).
    await sb.settings({ autoOutcomeDelaySeconds: 1 });
    try {
      const body = tanqrBody({ buyer_phone: phone });
      await sb.create(body);
      expect(await status(body.reference)).toBe("pending");
      if (path.length === 2)
        await waitUntil(async () => ((await status(body.reference)) === path[0] ? true : undefined));
      await waitUntil(async () => ((await status(body.reference)) === path.at(-1) ? true : undefined));
      await receiver.waitFor(() => hooksFor(body.reference).length === 1);
      expect(hooksFor(body.reference)[0]!.json.event).toBe(`payment.${path.at(-1)}`);
    } finally {
      await sb.settings({ autoOutcomeDelaySeconds: 0.1 });
    }
  });

  it("magic 255700000502: the first create with a key is a 502 and stores nothing; the retry succeeds", async () => {
    const key = crypto.randomUUID();
    const body = tanqrBody({ buyer_phone: "255700000502" });
    const first = await sb.create(body, key);
    expect(first.status).toBe(502);
    expect(first.body.code).toBe("PROVIDER_ERROR");
    expect(
      (await sb.call("POST", "/api/v1/payments/check-status", { reference: body.reference })).status,
    ).toBe(404);
    expect((await sb.create(body, key)).status).toBe(200);
  });

  it("magic 255700000503: create succeeds, every check-status is a 502", async () => {
    const body = tanqrBody({ buyer_phone: "255700000503" });
    expect((await sb.create(body)).status).toBe(200);
    const res = await sb.call("POST", "/api/v1/payments/check-status", { reference: body.reference });
    expect(res.status).toBe(502);
    expect(res.body.code).toBe("PROVIDER_ERROR");
  });

  it("expires after expirySeconds with a payment.expired webhook", async () => {
    await sb.settings({ expirySeconds: 0.3 });
    try {
      const body = tanqrBody();
      await sb.create(body);
      await receiver.waitFor(() => hooksFor(body.reference).length === 1);
      expect(hooksFor(body.reference)[0]!.json.event).toBe("payment.expired");
      expect(await status(body.reference)).toBe("expired");
    } finally {
      await sb.settings({ expirySeconds: 1800 });
    }
  });

  it("settings: GET redacts the credentials; PUT refuses unknown settings", async () => {
    const res = await sb.call("GET", "/control/settings");
    expect(res.status).toBe(200);
    expect(res.text).not.toContain("sk_test_malipo_sandbox");
    expect(res.text).not.toContain(secret);
    const bad = await sb.call("PUT", "/control/settings", { qrMode: "nonsense" });
    expect(bad.status).toBe(400);
    expect((await sb.call("PUT", "/control/settings", { nope: 1 })).status).toBe(400);
  });

  it("the customer's page shows QR, amount and merchant; Scan, Pay, Decline and Cancel move the payment", async () => {
    const body = tanqrBody({ amount: 12500 });
    const created = await sb.create(body);
    const ref = String(body.reference);
    const page = await fetch(`${sb.url}/splashpay/pay/${ref}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain(`data:image/png;base64,${String(dataOf(created.body).qr)}`);
    expect(html).toContain("TZS 12,500.00");
    expect(html).toContain("Malipo Demo Shop");
    for (const label of ["Scan", "Pay", "Decline", "Cancel"]) expect(html).toContain(`>${label}</button>`);
    const scan = await fetch(`${sb.url}/splashpay/pay/${ref}/scan`, { method: "POST", redirect: "manual" });
    expect(scan.status).toBe(303);
    expect(scan.headers.get("location")).toBe(`/splashpay/pay/${ref}`);
    expect(await status(ref)).toBe("processing");
    await fetch(`${sb.url}/splashpay/pay/${ref}/pay`, { method: "POST", redirect: "manual" });
    expect(await status(ref)).toBe("success");
    const late = await fetch(`${sb.url}/splashpay/pay/${ref}/decline`, {
      method: "POST",
      redirect: "manual",
    });
    expect(late.status).toBe(409);
    for (const [action, expected] of [
      ["decline", "failed"],
      ["cancel", "cancelled"],
    ] as const) {
      const other = tanqrBody();
      await sb.create(other);
      await fetch(`${sb.url}/splashpay/pay/${String(other.reference)}/${action}`, {
        method: "POST",
        redirect: "manual",
      });
      expect(await status(other.reference)).toBe(expected);
    }
    expect((await fetch(`${sb.url}/splashpay/pay/unknown-ref`)).status).toBe(404);
  });

  it("keeps PayGrid at the root of the same server", async () => {
    const res = await fetch(`${sb.url}/control/settings`, {
      headers: { authorization: "Bearer sk_test_malipo_sandbox" },
    });
    expect(res.status).toBe(200);
  });
});
