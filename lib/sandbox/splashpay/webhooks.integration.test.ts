import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sleep, type Receiver } from "@/test/paygrid-sandbox";
import { SANDBOX_SPLASHPAY_WEBHOOK_SECRET } from "@/lib/sandbox-credentials";
import { expectedSignature, tanqrBody, type SplashTestSandbox } from "@/test/splashpay-sandbox";
import { type Data, dataOf, hooksOf, startSplashWithReceiver } from "@/test/splashpay-sandbox-fixtures";

// The SplashPay sandbox's webhook deliveries: signature, body, retries and faults
// (docs/providers.md#splashpay-webhooks).

describe("SplashPay sandbox: webhooks", () => {
  let sb: SplashTestSandbox;
  let receiver: Receiver;
  let stop: () => Promise<void>;
  const secret = SANDBOX_SPLASHPAY_WEBHOOK_SECRET;
  beforeAll(async () => {
    ({ sb, receiver, stop } = await startSplashWithReceiver());
  });
  afterAll(() => stop());

  const hooksFor = (reference: unknown) => hooksOf(receiver, reference);

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
});
