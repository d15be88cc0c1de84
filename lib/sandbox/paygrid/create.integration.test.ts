import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { paymentBody, startTestSandbox, type TestSandbox } from "@/test/paygrid-sandbox";
import { fields } from "@/test/paygrid-sandbox-fixtures";

// POST /api/v1/payments over real HTTP, per type: the record shape (S16–S19), type rules, magic phones,
// phones and networks (S8–S10) (docs/providers.md#paygrid-create, docs/providers.md#paygrid-sandbox).

let sb: TestSandbox;
beforeAll(async () => {
  sb = await startTestSandbox({ autoOutcomeDelaySeconds: 60 });
});
afterAll(async () => {
  await sb.close();
});

const TYPES = ["mobile", "card", "dynamic-qr"] as const;

describe.each(TYPES)("create %s", (type) => {
  it("201 with exactly the §6 fields", async () => {
    const res = await sb.create(paymentBody(type, { reference: `REC-${type}` }));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: "success", code: 201, message: "Payment created successfully" });
    const data = res.body.data as Record<string, unknown>;
    const expected = [
      "id",
      "reference",
      "external_id",
      "amount",
      "margin_amount",
      "total_amount",
      "currency",
      "phone",
    ];
    expected.push("network");
    if (type !== "mobile") expected.push("payment_url");
    if (type === "dynamic-qr") expected.push("qr_code");
    expected.push("status");
    if (type !== "mobile") expected.push("payment_token");
    expected.push("created_at", "completed_at");
    expect(Object.keys(data)).toEqual(expected);
    expect(data).toMatchObject({
      amount: 5000,
      margin_amount: 150,
      total_amount: 5150,
      currency: "TZS",
      phone: "255712345678",
      network: "tigo",
      status: "pending",
      completed_at: null,
    });
    expect(data.external_id).toMatch(/^EXT-\d{8}-\d{3}$/);
    expect(data.created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    if (type !== "mobile") {
      expect(data.payment_url).toBe(`${sb.url}/pay/${String(data.id)}`);
      expect(data.payment_token).toMatch(/^tok_/);
    }
  });

  it.each([
    ["amount as a string", { amount: "5000" }, ["amount"]],
    ["zero amount", { amount: 0 }, ["amount"]],
    ["three decimals", { amount: 10.005 }, ["amount"]],
    ["unsupported currency", { currency: "EUR" }, ["currency"]],
    ["unknown type", { type: "crypto" }, ["type"]],
    ["bad email", { customer: { firstname: "A", lastname: "B", email: "nope" } }, ["customer.email"]],
    [
      "missing customer",
      { customer: undefined },
      ["customer.email", "customer.firstname", "customer.lastname"],
    ],
    ["missing phone", { phone: undefined }, ["phone"]],
    ["short phone", { phone: "1234" }, ["phone"]],
    ["unknown network", { network: "safaricom" }, ["network"]],
    ["bad webhook_url", { webhook_url: "ftp://x" }, ["webhook_url"]],
    ["bad callback_url", { callback_url: "not a url" }, ["callback_url"]],
    ["long reference", { reference: "r".repeat(256) }, ["reference"]],
    ["everything at once", { amount: -1, currency: "EUR", phone: "x" }, ["amount", "currency", "phone"]],
  ])("%s → 400 VALIDATION_ERROR naming every bad field", async (_name, overrides, expected) => {
    const res = await sb.create(paymentBody(type, overrides));
    expect(res.status).toBe(400);
    expect(res.body.error_code).toBe("VALIDATION_ERROR");
    expect(fields(res.body)).toEqual([...expected].sort());
  });

  it("a 402 magic phone declines with a failed record that replays as 200", async () => {
    const key = crypto.randomUUID();
    const res = await sb.create(paymentBody(type, { phone: "255700000402", reference: `DEC-${type}` }), key);
    expect(res.status).toBe(402);
    expect(res.body.error_code).toBe("PAYMENT_DECLINED");
    const details = res.body.details as Record<string, unknown>;
    expect(details).toMatchObject({ status: "failed", reference: `DEC-${type}` });
    const got = await sb.call("GET", `/api/v1/payments/${String(details.transaction_id)}`);
    expect((got.body.data as Record<string, unknown>).status).toBe("failed");
    const replay = await sb.create(paymentBody(type, { phone: "255700000402" }), key);
    expect(replay.status).toBe(200);
    expect((replay.body.data as Record<string, unknown>).id).toBe(details.transaction_id);
    // A failed attempt does not block its reference.
    const again = await sb.create(paymentBody(type, { reference: `DEC-${type}` }));
    expect(again.status).toBe(201);
  });

  it("403 magic phone → TRANSACTION_BLOCKED, key not bound", async () => {
    const key = crypto.randomUUID();
    const res = await sb.create(paymentBody(type, { phone: "255700000403" }), key);
    expect(res.status).toBe(403);
    expect(res.body.error_code).toBe("TRANSACTION_BLOCKED");
    const retry = await sb.create(paymentBody(type), key);
    expect(retry.status).toBe(201);
  });

  it("502 magic phone fails once per key; the retry with the same key creates", async () => {
    const key = crypto.randomUUID();
    const body = paymentBody(type, { phone: "255700000502" });
    const first = await sb.create(body, key);
    expect(first.status).toBe(502);
    expect(first.body.error_code).toBe("PROVIDER_UNAVAILABLE");
    const second = await sb.create(body, key);
    expect(second.status).toBe(201);
    const third = await sb.create(body, key);
    expect(third.status).toBe(200);
    expect((third.body.data as Record<string, unknown>).id).toBe(
      (second.body.data as Record<string, unknown>).id,
    );
  });
});

describe("type rules → 400 PAYMENT_FAILED", () => {
  it("card without redirect_url, cancel_url and billing address", async () => {
    const res = await sb.create(
      paymentBody("card", {
        redirect_url: undefined,
        cancel_url: undefined,
        customer: { firstname: "A", lastname: "B", email: "a@b.co", city: "Dar" },
      }),
    );
    expect(res.status).toBe(400);
    expect(res.body.error_code).toBe("PAYMENT_FAILED");
    expect(fields(res.body)).toEqual(
      [
        "cancel_url",
        "customer.address",
        "customer.country",
        "customer.postcode",
        "customer.state",
        "redirect_url",
      ].sort(),
    );
  });

  it("mobile TZS below 500, but not card or QR", async () => {
    const low = await sb.create(paymentBody("mobile", { amount: 499 }));
    expect(low.status).toBe(400);
    expect(low.body.error_code).toBe("PAYMENT_FAILED");
    expect((await sb.create(paymentBody("mobile", { amount: 500 }))).status).toBe(201);
    expect((await sb.create(paymentBody("dynamic-qr", { amount: 1 }))).status).toBe(201);
  });

  it("VALIDATION_ERROR wins over PAYMENT_FAILED (S11)", async () => {
    const res = await sb.create(paymentBody("card", { redirect_url: undefined, amount: "x" }));
    expect(res.body.error_code).toBe("VALIDATION_ERROR");
  });
});

describe("phones and networks (§5.4, §5.5, S8, S9)", () => {
  it.each([
    [{ type: "mobile", phone: "+255 712-345-678" }, "255712345678", "tigo"],
    [{ type: "mobile", phone: "754123456" }, "255754123456", "vodacom"],
    [{ type: "mobile", phone: "0684000000", network: "MPESA" }, "255684000000", "vodacom"],
    [{ type: "mobile", phone: "0654000000", network: " Mixx " }, "255654000000", "tigo"],
    [{ type: "mobile", phone: "254712345678", currency: "KES" }, "254712345678", undefined],
    [{ type: "card", phone: "+44 20 7946 0958" }, "442079460958", undefined],
    [{ type: "dynamic-qr", phone: "0784000000" }, "255784000000", "airtel"],
  ])("%o → %s %s", async (overrides, phone, network) => {
    const res = await sb.create(paymentBody(overrides.type as "mobile", overrides));
    expect(res.status).toBe(201);
    const data = res.body.data as Record<string, unknown>;
    expect(data.phone).toBe(phone);
    expect(data.network).toBe(network);
  });

  it.each<[Record<string, unknown>, string]>([
    [{ phone: "0812345678" }, "TZS mobile must be 255[67]…"],
    [{ phone: "12345", currency: "USD" }, "non-TZS mobile needs 10–15 digits"],
  ])("%o → 400 phone (%s)", async (overrides) => {
    const res = await sb.create(paymentBody("mobile", overrides));
    expect(res.status).toBe(400);
    expect(fields(res.body)).toEqual(["phone"]);
  });

  it("amounts with two decimals are kept exactly, margin rounds half-up", async () => {
    const res = await sb.create(paymentBody("dynamic-qr", { amount: 10.05, currency: "USD" }));
    expect(res.body.data).toMatchObject({ amount: 10.05, margin_amount: 0.3, total_amount: 10.35 });
    const odd = await sb.create(paymentBody("dynamic-qr", { amount: 0.5, currency: "USD" }));
    expect(odd.body.data).toMatchObject({ amount: 0.5, margin_amount: 0.02 });
  });
});
