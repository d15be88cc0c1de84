import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PNG } from "pngjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseEmv } from "@/lib/emv-qr";
import { decodeQrImage } from "@/lib/decode-qr-png";
import { sleep, startReceiver, waitUntil, type Receiver } from "@/test/paygrid-sandbox";
import { SANDBOX_SPLASHPAY_WEBHOOK_SECRET } from "@/lib/sandbox-credentials";
import { STRING_FIELDS } from "./validate-create";
import {
  expectedSignature,
  startSplashSandbox,
  tanqrBody,
  type SplashTestSandbox,
} from "@/test/splashpay-sandbox";

// The SplashPay sandbox over HTTP, as splashpay.md §10 specifies it.

const T6 =
  "00020101021226390014tz.go.bot.tips01050100102081234567852045814530383454071000.005802TZ5914YN RESTAURANTS6006DODOMA61054100062380308001123490513CIR-6723e8ss60705110026304BE6B";

const INVALID = { status: "error", code: "INVALID_REQUEST", message: "The request payload is invalid." };

type Data = Record<string, unknown>;
const dataOf = (body: Record<string, unknown>) => body.data as Data;

describe("SplashPay sandbox: create", () => {
  let sb: SplashTestSandbox;
  beforeAll(async () => {
    sb = await startSplashSandbox();
  });
  afterAll(async () => sb.close());

  it("answers the documented success envelope with a Base64 PNG of a real dynamic TANQR", async () => {
    const body = tanqrBody();
    const res = await sb.create(body);
    expect(res.status).toBe(200);
    expect(Object.keys(res.body)).toEqual(["status", "code", "message", "data", "meta", "request_id"]);
    expect(res.body).toMatchObject({
      status: "success",
      code: "PAYMENT_INITIATED",
      message: "Payment initiated",
      meta: [],
    });
    expect(res.body.request_id).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    const data = dataOf(res.body);
    expect(Object.keys(data)).toEqual([
      "merchant_id",
      "customer_name",
      "customer_email",
      "customer_phone",
      "reference",
      "amount",
      "fee",
      "net_amount",
      "currency",
      "source",
      "payment_method",
      "provider",
      "provider_reference",
      "qr",
      "status",
      "metadata",
      "created_at",
      "processing_at",
    ]);
    expect(data).toMatchObject({
      merchant_id: 2,
      customer_name: "John Doe",
      customer_email: "john.doe@example.com",
      customer_phone: "255744123456",
      reference: body.reference,
      amount: "1000.00",
      fee: 10,
      net_amount: 990,
      currency: "TZS",
      source: "api",
      payment_method: "tanqr",
      provider: "selcom",
      provider_reference: null,
      status: "pending",
      metadata: null,
    });
    expect(data.created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(data.processing_at).toBe(data.created_at);
    const qr = data.qr as string;
    expect(qr.startsWith("data:")).toBe(false);
    expect(Buffer.from(qr, "base64").subarray(1, 4).toString("latin1")).toBe("PNG");
    const payload = decodeQrImage(qr)!;
    const parsed = parseEmv(payload);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.get("01")).toBe("12");
    expect(parsed.get("54")).toBe("1000.00");
    expect(parsed.get("53")).toBe("834");
    expect(parsed.get("58")).toBe("TZ");
    expect(parsed.get("26.00")).toBe("tz.go.bot.tips");
    expect(parsed.get("62.05")).toBe(String(body.reference).slice(0, 25));
  });

  it("draws black on white with a 4-module quiet zone", async () => {
    const res = await sb.create(tanqrBody());
    const png = PNG.sync.read(Buffer.from(dataOf(res.body).qr as string, "base64"));
    const pixel = (x: number, y: number) => png.data.readUInt32BE((y * png.width + x) * 4);
    const colours = new Set<number>();
    for (let i = 0; i < png.width * png.height; i++) colours.add(png.data.readUInt32BE(i * 4));
    expect([...colours].sort()).toEqual([0x000000ff, 0xffffffff]);
    // The top-left finder pattern's top edge is a dark run 7 modules long, starting after the quiet zone.
    let x0 = 0;
    while (pixel(x0, x0) === 0xffffffff) x0 += 1;
    let run = 0;
    while (pixel(x0 + run, x0) === 0x000000ff) run += 1;
    const moduleSize = run / 7;
    expect(Number.isInteger(moduleSize)).toBe(true);
    expect(x0 / moduleSize).toBe(4);
  });

  it("reproduces the golden vector T6 exactly (tanqr.md §8.1)", async () => {
    await sb.settings({ qrMerchant: { name: "YN RESTAURANTS" }, exposeQrPayload: true });
    try {
      const res = await sb.create(tanqrBody({ reference: "CIR-6723e8ss6" }));
      expect(dataOf(res.body).qr_payload).toBe(T6);
      expect(decodeQrImage(dataOf(res.body).qr as string)).toBe(T6);
    } finally {
      await sb.settings({ qrMerchant: { name: "Malipo Demo Shop" }, exposeQrPayload: false });
    }
  });

  it("does not expose the payload by default", async () => {
    const res = await sb.create(tanqrBody());
    expect(dataOf(res.body)).not.toHaveProperty("qr_payload");
  });

  it("wrong-amount mode encodes amount + 1 with a valid CRC", async () => {
    await sb.settings({ qrMode: "wrong-amount" });
    try {
      const res = await sb.create(tanqrBody({ amount: 2500.5 }));
      expect(dataOf(res.body).amount).toBe("2500.50");
      const parsed = parseEmv(decodeQrImage(dataOf(res.body).qr as string)!);
      expect(parsed.ok && parsed.get("54")).toBe("2501.50");
    } finally {
      await sb.settings({ qrMode: "tanqr" });
    }
  });

  it("refuses bad or missing credentials with the documented 401", async () => {
    const variants: Record<string, string>[] = [
      { "x-api-key": "pk_test_wrong" },
      { "x-api-secret": "sk_test_wrong" },
      { "x-api-key": "", "x-api-secret": "" },
    ];
    for (const headers of variants) {
      const res = await sb.create(tanqrBody(), undefined, headers);
      expect(res.status).toBe(401);
      expect(res.body).toEqual({
        status: "error",
        code: "UNAUTHORIZED",
        message: "Invalid API credentials.",
      });
    }
    const control = await sb.call("GET", "/control/settings", undefined, { "x-api-secret": "nope" });
    expect(control.status).toBe(401);
  });

  it.each(STRING_FIELDS.map((f) => [f]))(
    "refuses a missing %s with INVALID_REQUEST and no detail",
    async (field) => {
      const body = tanqrBody();
      delete body[field];
      const res = await sb.create(body);
      expect(res.status).toBe(400);
      expect(res.body).toEqual(INVALID);
    },
  );

  const badValues: [string, unknown][] = [
    ["reference", ""],
    ["reference", "x".repeat(256)],
    ["buyer_name", "   "],
    ["buyer_name", 42],
    ["buyer_email", "not-an-email"],
    ["buyer_phone", "+255744123456"],
    ["buyer_phone", "0744123456"],
    ["buyer_phone", "25574412345"],
    ["billing_phone", "12345678"],
    ["billing_phone", "2557441234567890"],
    ["billing_country", "tz"],
    ["billing_country", "TZA"],
    ["currency", "USD"],
    ["billing_address", "a".repeat(256)],
    ["amount", undefined],
    ["amount", "1000"],
    ["amount", 0],
    ["amount", -5],
    ["amount", 10.005],
    ["amount", 10_000_000_000],
  ];
  it.each(badValues)("refuses %s = %j with INVALID_REQUEST", async (field, value) => {
    const body = tanqrBody({ [field]: value });
    if (value === undefined) delete body[field];
    const res = await sb.create(body);
    expect(res.status).toBe(400);
    expect(res.body).toEqual(INVALID);
  });

  it("accepts the largest amount that fits tag 54 and a 255-character field", async () => {
    const res = await sb.create(tanqrBody({ amount: 9_999_999_999.99, billing_address: "a".repeat(255) }));
    expect(res.status).toBe(200);
    expect(dataOf(res.body).amount).toBe("9999999999.99");
  });

  it("enforces minAmount when set", async () => {
    await sb.settings({ minAmount: 500 });
    try {
      expect((await sb.create(tanqrBody({ amount: 499.99 }))).status).toBe(400);
      expect((await sb.create(tanqrBody({ amount: 500 }))).status).toBe(200);
    } finally {
      await sb.settings({ minAmount: 0 });
    }
  });

  it("refuses a body that is not a JSON object", async () => {
    for (const raw of ["not json", "[1]", "null"]) {
      const res = await sb.call("POST", "/api/v1/payments/dynamic-qr", raw, {
        "idempotency-key": crypto.randomUUID(),
      });
      expect(res.status).toBe(400);
      expect(res.body).toEqual(INVALID);
    }
  });

  it("requires an Idempotency-Key of at most 255 characters", async () => {
    const missing = await sb.call("POST", "/api/v1/payments/dynamic-qr", tanqrBody());
    expect(missing.status).toBe(400);
    expect(missing.body).toEqual(INVALID);
    const long = await sb.create(tanqrBody(), "k".repeat(256));
    expect(long.status).toBe(400);
  });

  it("answers a reused key with 409 DUPLICATE_REQUEST, whatever the body", async () => {
    const key = crypto.randomUUID();
    const body = tanqrBody();
    expect((await sb.create(body, key)).status).toBe(200);
    for (const again of [body, tanqrBody(), { nonsense: true }]) {
      const res = await sb.create(again, key);
      expect(res.status).toBe(409);
      expect(res.body).toEqual({
        status: "error",
        code: "DUPLICATE_REQUEST",
        message: "A request with this Idempotency-Key has already been processed.",
      });
    }
  });

  it("answers a reused reference under a new key with 409 DUPLICATE_REQUEST", async () => {
    const body = tanqrBody();
    expect((await sb.create(body)).status).toBe(200);
    const res = await sb.create(body);
    expect(res.status).toBe(409);
    expect(res.body).toEqual({
      status: "error",
      code: "DUPLICATE_REQUEST",
      message: "A payment with this reference already exists.",
    });
  });

  it("only a 200 binds a key: a refused request can be retried with the same key", async () => {
    const key = crypto.randomUUID();
    expect((await sb.create(tanqrBody({ buyer_phone: "bad" }), key)).status).toBe(400);
    expect((await sb.create(tanqrBody(), key)).status).toBe(200);
  });

  it("with replayIdenticalRequests replays an identical body byte for byte, still refusing a different one", async () => {
    await sb.settings({ replayIdenticalRequests: true });
    try {
      const key = crypto.randomUUID();
      const body = tanqrBody();
      const first = await sb.create(body, key);
      const replay = await sb.create(body, key);
      expect(replay.status).toBe(200);
      expect(replay.text).toBe(first.text);
      expect(replay.body.request_id).toBe(first.body.request_id);
      expect((await sb.create({ ...body, amount: 2000 }, key)).status).toBe(409);
    } finally {
      await sb.settings({ replayIdenticalRequests: false });
    }
  });

  it("gives every success its own request_id", async () => {
    const a = await sb.create(tanqrBody());
    const b = await sb.create(tanqrBody());
    expect(a.body.request_id).not.toBe(b.body.request_id);
  });

  it("emits the legacy error shape when asked", async () => {
    await sb.settings({ errorShape: "legacy" });
    try {
      const res = await sb.create(tanqrBody({ currency: "KES" }));
      expect(res.status).toBe(400);
      expect(res.body).toEqual({
        success: false,
        code: "INVALID_REQUEST",
        message: "The request payload is invalid.",
      });
    } finally {
      await sb.settings({ errorShape: "status" });
    }
  });

  it("does not simulate other products", async () => {
    for (const p of ["/api/v1/payments/mobile-money", "/api/v1/payments/card", "/api/v1/disbursements"]) {
      const res = await sb.call("POST", p, {});
      expect(res.status).toBe(404);
      expect(res.body.code).toBe("NOT_FOUND");
    }
  });

  it("rate-limits with 429 and Retry-After when set", async () => {
    await sb.settings({ rateLimitPerMinute: 1 });
    try {
      await sb.call("POST", "/api/v1/payments/check-status", { reference: "x" });
      const res = await sb.call("POST", "/api/v1/payments/check-status", { reference: "x" });
      expect(res.status).toBe(429);
      expect(res.body.code).toBe("RATE_LIMITED");
      expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
    } finally {
      await sb.settings({ rateLimitPerMinute: 0 });
    }
  });

  it("keeps key pairs apart: another pair cannot see a payment", async () => {
    await sb.settings({
      apiKeys: [
        { key: "pk_test_malipo_sandbox", secret: "sk_test_malipo_sandbox" },
        { key: "pk_test_other", secret: "sk_test_other" },
      ],
    });
    const body = tanqrBody();
    await sb.create(body);
    const other = await sb.call(
      "POST",
      "/api/v1/payments/check-status",
      { reference: body.reference },
      {
        "x-api-key": "pk_test_other",
        "x-api-secret": "sk_test_other",
      },
    );
    expect(other.status).toBe(404);
  });
});

describe("SplashPay sandbox: status, cancel, control, expiry, magic phones, webhooks", () => {
  let sb: SplashTestSandbox;
  let receiver: Receiver;
  const secret = SANDBOX_SPLASHPAY_WEBHOOK_SECRET;
  beforeAll(async () => {
    receiver = await startReceiver();
    sb = await startSplashSandbox({ webhookUrl: `${receiver.url}/api/webhooks/splashpay` });
  });
  afterAll(async () => {
    await sb.close();
    await receiver.close();
  });

  const status = async (reference: unknown) =>
    dataOf((await sb.call("POST", "/api/v1/payments/check-status", { reference })).body).status;
  const hooksFor = (reference: unknown) =>
    receiver.requests.filter((r) => (r.json.data as Data)?.reference === reference);

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

  it("signs every webhook: lowercase hex HMAC of timestamp.body, Unix seconds, TANQR shape", async () => {
    const body = tanqrBody();
    await sb.create(body);
    expect((await sb.call("POST", `/control/payments/${String(body.reference)}/success`)).status).toBe(200);
    const [hook] = await receiver
      .waitFor(() => hooksFor(body.reference).length === 1)
      .then(() => hooksFor(body.reference));
    expect(hook!.path).toBe("/api/webhooks/splashpay");
    expect(hook!.headers["content-type"]).toBe("application/json");
    const ts = hook!.headers["x-splashpay-timestamp"] as string;
    expect(ts).toMatch(/^\d{10}$/);
    expect(Math.abs(Number(ts) - Date.now() / 1000)).toBeLessThan(5);
    expect(hook!.headers["x-splashpay-signature"]).toBe(expectedSignature(secret, ts, hook!.body));
    expect(hook!.headers["x-splashpay-signature"]).toMatch(/^[0-9a-f]{64}$/);
    expect(hook!.json).toMatchObject({ event: "payment.success" });
    expect(Object.keys(hook!.json.data as Data)).toEqual([
      "reference",
      "amount",
      "fee",
      "net_amount",
      "currency",
      "status",
      "customer_name",
      "customer_email",
      "customer_phone",
      "payment_method",
      "provider",
      "provider_reference",
      "metadata",
    ]);
    expect(hook!.json.data).toMatchObject({
      amount: "1000.00",
      fee: "10.00",
      net_amount: "990.00",
      status: "success",
      payment_method: "tanqr",
      metadata: null,
    });
    expect((hook!.json.data as Data).provider_reference).toMatch(/^\d{10}$/);
    const checked = dataOf(
      (await sb.call("POST", "/api/v1/payments/check-status", { reference: body.reference })).body,
    );
    expect(checked.completed_at).toMatch(/\.\d{6}Z$/);
    expect(checked.provider_reference).toBe((hook!.json.data as Data).provider_reference);
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
    const body = tanqrBody({ buyer_phone: phone });
    await sb.create(body);
    expect(await status(body.reference)).toBe("pending");
    if (path.length === 2)
      await waitUntil(async () => ((await status(body.reference)) === path[0] ? true : undefined));
    await waitUntil(async () => ((await status(body.reference)) === path.at(-1) ? true : undefined));
    await receiver.waitFor(() => hooksFor(body.reference).length === 1);
    expect(hooksFor(body.reference)[0]!.json.event).toBe(`payment.${path.at(-1)}`);
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

  it("retries a delivery until it is answered 200 (a 204 does not count), re-signing each attempt", async () => {
    const body = tanqrBody();
    let seen = 0;
    receiver.respond = (req) =>
      (req.json.data as Data)?.reference === body.reference && seen++ < 2 ? (seen === 1 ? 500 : 204) : 200;
    try {
      await sb.create(body);
      await sb.call("POST", `/control/payments/${String(body.reference)}/fail`);
      await receiver.waitFor(() => hooksFor(body.reference).length === 3);
      const hooks = hooksFor(body.reference);
      expect(new Set(hooks.map((h) => h.body)).size).toBe(1);
      for (const h of hooks) {
        expect(h.headers["x-splashpay-signature"]).toBe(
          expectedSignature(secret, h.headers["x-splashpay-timestamp"] as string, h.body),
        );
      }
      const log = (await sb.call("GET", `/control/deliveries?reference=${String(body.reference)}`)).body
        .data as Data[];
      expect(log.map((e) => [e.attempt, e.status_code, e.outcome])).toEqual([
        [1, 500, "retrying"],
        [2, 204, "retrying"],
        [3, 200, "delivered"],
      ]);
    } finally {
      receiver.respond = () => 200;
    }
  });

  it("faults: duplicate sends the same body twice; drop sends nothing", async () => {
    await sb.settings({ webhookFaults: { duplicate: 1 } });
    const dup = tanqrBody();
    await sb.create(dup);
    await sb.call("POST", `/control/payments/${String(dup.reference)}/success`);
    await receiver.waitFor(() => hooksFor(dup.reference).length === 2);
    expect(hooksFor(dup.reference)[0]!.body).toBe(hooksFor(dup.reference)[1]!.body);
    await sb.settings({ webhookFaults: { duplicate: 0, drop: 1 } });
    const dropped = tanqrBody();
    await sb.create(dropped);
    await sb.call("POST", `/control/payments/${String(dropped.reference)}/success`);
    await sleep(200);
    expect(hooksFor(dropped.reference)).toHaveLength(0);
    await sb.settings({ webhookFaults: { drop: 0 } });
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

describe("SplashPay sandbox: persistence", () => {
  it("keeps payments and idempotency keys across a restart", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "splash-state-"));
    const stateFile = path.join(dir, "splashpay.json");
    try {
      const key = crypto.randomUUID();
      const body = tanqrBody();
      const first = await startSplashSandbox({}, { stateFile });
      await first.create(body, key);
      await first.call("POST", `/control/payments/${String(body.reference)}/process`);
      await first.close();
      const second = await startSplashSandbox({}, { stateFile });
      try {
        const res = await second.call("POST", "/api/v1/payments/check-status", { reference: body.reference });
        expect(dataOf(res.body).status).toBe("processing");
        expect((await second.create(tanqrBody(), key)).status).toBe(409);
      } finally {
        await second.close();
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
