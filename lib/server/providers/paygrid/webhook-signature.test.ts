import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { signPayGridPayload, verifyPayGridSignature } from "./webhook-signature";

// docs/providers.md#paygrid-webhooks: the test vector computed independently in Python and Node.
const KEY = "test_signing_key";
const TS = "1767225600";
const NOW_MS = 1767225600000;
const BODY =
  '{"version":"1.0","event":"payment.completed","event_id":"11111111-1111-4111-8111-111111111111",' +
  '"transaction_id":"f5d238bd-f8ab-4379-9832-0f1ce6d65cbe","merchant_reference":"ORDER_123","data":{"amount":5000,' +
  '"currency":"TZS","status":"completed","previous_status":"pending","payment_type":"mobile",' +
  '"provider_reference":"ext_ref_123"},"metadata":{},"timestamp":"2026-01-01T00:00:00Z"}';
const SIGNATURE = "sha256=46da1209df3ee0d859a2c7073ec9f4fb5eb9e7729f77c57d4d3967ee9cfbf36f";
const HEX = SIGNATURE.slice("sha256=".length);

function verify(over: Partial<Parameters<typeof verifyPayGridSignature>[0]> = {}) {
  return verifyPayGridSignature({
    rawBody: BODY,
    timestamp: TS,
    signature: SIGNATURE,
    signingKey: KEY,
    nowMs: NOW_MS,
    ...over,
  });
}

const rejected = (reason: string) => ({ ok: false, reason });

describe("the §10.5 test vector", () => {
  it("is the documented 381-byte body", () => {
    expect(Buffer.byteLength(BODY, "utf8")).toBe(381);
  });

  it("is accepted", () => {
    expect(verify()).toEqual({ ok: true });
  });

  it("is reproduced by signPayGridPayload", () => {
    expect(signPayGridPayload(BODY, KEY, Number(TS))).toBe(SIGNATURE);
  });

  it("is accepted as raw bytes too", () => {
    expect(verify({ rawBody: new TextEncoder().encode(BODY) })).toEqual({ ok: true });
  });
});

describe("tampering", () => {
  it("refuses a changed body", () => {
    expect(verify({ rawBody: BODY.replace('"amount":5000', '"amount":5001') })).toEqual(
      rejected("bad_signature"),
    );
  });

  it("refuses a re-serialized body (whitespace differs)", () => {
    expect(verify({ rawBody: JSON.stringify(JSON.parse(BODY), null, 2) })).toEqual(rejected("bad_signature"));
  });

  it("refuses a body with a trailing newline", () => {
    expect(verify({ rawBody: `${BODY}\n` })).toEqual(rejected("bad_signature"));
  });

  it("refuses a changed timestamp that is still inside the window", () => {
    expect(verify({ timestamp: "1767225601" })).toEqual(rejected("bad_signature"));
  });

  it("refuses a changed signature", () => {
    const last = HEX.at(-1) === "0" ? "1" : "0";
    expect(verify({ signature: `sha256=${HEX.slice(0, -1)}${last}` })).toEqual(rejected("bad_signature"));
  });

  it("refuses the right signature made with another key (the api key never matches)", () => {
    expect(verify({ signingKey: "sk_test_malipo_sandbox" })).toEqual(rejected("bad_signature"));
  });

  it("refuses a body-only HMAC (the third-party mistake in §10.5)", () => {
    const bodyOnly = createHmac("sha256", KEY).update(BODY).digest("hex");
    expect(verify({ signature: `sha256=${bodyOnly}` })).toEqual(rejected("bad_signature"));
  });
});

describe("signature format", () => {
  it("accepts uppercase hex", () => {
    expect(verify({ signature: `sha256=${HEX.toUpperCase()}` })).toEqual({ ok: true });
  });

  it("refuses a bare hex value without the documented sha256= prefix", () => {
    expect(verify({ signature: HEX })).toEqual(rejected("bad_signature"));
  });

  it("refuses another algorithm's prefix", () => {
    expect(verify({ signature: `sha1=${HEX}` })).toEqual(rejected("bad_signature"));
  });

  it.each([
    ["one character short", `sha256=${HEX.slice(0, -1)}`],
    ["one character long", `sha256=${HEX}0`],
    ["empty after the prefix", "sha256="],
    ["a non-hex character", `sha256=${HEX.slice(0, -1)}g`],
    ["two signatures", `${SIGNATURE},${SIGNATURE}`],
  ])("refuses a signature %s", (_, signature) => {
    expect(verify({ signature })).toEqual(rejected("bad_signature"));
  });
});

describe("headers and timestamp", () => {
  it.each([
    ["no timestamp", { timestamp: null }],
    ["no signature", { signature: null }],
    ["an empty timestamp", { timestamp: "" }],
    ["an empty signature", { signature: "" }],
  ])("answers missing_headers for %s", (_, over) => {
    expect(verify(over)).toEqual(rejected("missing_headers"));
  });

  it.each([
    "1767225600.5",
    "-1767225600",
    "abc",
    " 1767225600",
    "1767225600 ",
    "1e9",
    "0x10",
    "1767225600000000",
  ])("answers bad_timestamp for %j", (timestamp) => {
    expect(verify({ timestamp })).toEqual(rejected("bad_timestamp"));
  });

  it("refuses a timestamp in milliseconds (the header is seconds)", () => {
    const ms = String(NOW_MS);
    expect(verify({ timestamp: ms })).toEqual(rejected("bad_timestamp"));
  });

  it("refuses a well-formed but far-off timestamp as stale", () => {
    expect(verify({ timestamp: "0" })).toEqual(rejected("stale_timestamp"));
  });

  it.each([-300, 300])("accepts a signature made %i s away from now", (offset) => {
    const ts = Number(TS) + offset;
    expect(verify({ timestamp: String(ts), signature: signPayGridPayload(BODY, KEY, ts) })).toEqual({
      ok: true,
    });
  });

  it.each([-301, 301])("refuses a correctly signed timestamp %i s away as stale", (offset) => {
    const ts = Number(TS) + offset;
    expect(verify({ timestamp: String(ts), signature: signPayGridPayload(BODY, KEY, ts) })).toEqual(
      rejected("stale_timestamp"),
    );
  });

  it("honours a custom tolerance", () => {
    const ts = Number(TS) - 61;
    const signature = signPayGridPayload(BODY, KEY, ts);
    expect(verify({ timestamp: String(ts), signature, toleranceSeconds: 60 })).toEqual(
      rejected("stale_timestamp"),
    );
    expect(verify({ timestamp: String(ts), signature, toleranceSeconds: 61 })).toEqual({ ok: true });
  });

  it("checks the window against the real clock by default", () => {
    const ts = Math.floor(Date.now() / 1000);
    const signature = signPayGridPayload(BODY, KEY, ts);
    expect(
      verifyPayGridSignature({ rawBody: BODY, timestamp: String(ts), signature, signingKey: KEY }),
    ).toEqual({
      ok: true,
    });
    expect(verify({ nowMs: undefined })).toEqual(rejected("stale_timestamp"));
  });
});

describe("keys", () => {
  it("uses the key's UTF-8 bytes", () => {
    const key = "ufunguo_wa_siri_ñ_€";
    const expected = createHmac("sha256", Buffer.from(key, "utf8")).update(`${TS}.${BODY}`).digest("hex");
    expect(signPayGridPayload(BODY, key, Number(TS))).toBe(`sha256=${expected}`);
    expect(verify({ signingKey: key, signature: `sha256=${expected}` })).toEqual({ ok: true });
  });

  it("refuses to work with an empty signing key rather than accept forgeable signatures", () => {
    const forged = `sha256=${createHmac("sha256", "").update(`${TS}.${BODY}`).digest("hex")}`;
    expect(() => verify({ signingKey: "", signature: forged })).toThrow(/signing key is empty/);
  });

  it("signs only whole, non-negative seconds", () => {
    expect(() => signPayGridPayload(BODY, KEY, 1767225600.5)).toThrow(RangeError);
    expect(() => signPayGridPayload(BODY, KEY, -1)).toThrow(RangeError);
  });
});
