import { PNG } from "pngjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseEmv } from "@/lib/emv-qr";
import { decodeQrImage } from "@/lib/decode-qr-png";
import { startSplashSandbox, tanqrBody, type SplashTestSandbox } from "@/test/splashpay-sandbox";
import { dataOf } from "@/test/splashpay-sandbox-fixtures";

// The SplashPay sandbox's answer to a dynamic TANQR create: the envelope, the PNG and the payload inside
// it (docs/providers.md#splashpay-create, docs/providers.md#tanqr-sandbox-payload).

const T6 =
  "00020101021226390014tz.go.bot.tips01050100102081234567852045814530383454071000.005802TZ5914YN RESTAURANTS6006DODOMA61054100062380308001123490513CIR-6723e8ss60705110026304BE6B";

describe("SplashPay sandbox: create response", () => {
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

  it("reproduces the golden vector T6 exactly (docs/providers.md#tanqr-sandbox-payload)", async () => {
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
});
