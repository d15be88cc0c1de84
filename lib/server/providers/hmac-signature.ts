import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";

// Both providers sign webhooks as hex(HMAC-SHA256(secret, "{timestamp}.{raw body}")) with the timestamp in
// Unix seconds in its own header (docs/providers.md#paygrid-webhooks, #splashpay-webhooks); only the header names and a prefix
// differ. Neither provider rejects stale timestamps itself: the ±300 s window is ours to enforce.

export type SignatureFailure = "missing_headers" | "bad_timestamp" | "stale_timestamp" | "bad_signature";
export type SignatureVerdict = { ok: true } | { ok: false; reason: SignatureFailure };

export interface VerifyTimestampedHmacInput {
  /** The exact request body: re-serialized JSON would not match. */
  rawBody: string | Uint8Array;
  timestamp: string | null;
  signature: string | null;
  /** The dedicated webhook secret, used as its UTF-8 bytes. */
  secret: string;
  /** A literal the header value must start with (PayGrid: "sha256="); none for SplashPay. */
  prefix?: string;
  nowMs?: number;
  toleranceSeconds?: number;
}

const HEX_SHA256 = /^[0-9a-f]{64}$/;
// Up to 12 digits covers every date until the year 33658 and keeps Number() exact.
const TIMESTAMP = /^\d{1,12}$/;

export function timestampedHmac(rawBody: string | Uint8Array, secret: string, timestamp: string): Buffer {
  // An empty secret would make every forged signature computable: a configuration error, never a verdict.
  if (secret.length === 0) throw new Error("webhook signing key is empty");
  const body = typeof rawBody === "string" ? Buffer.from(rawBody, "utf8") : rawBody;
  return createHmac("sha256", Buffer.from(secret, "utf8"))
    .update(`${timestamp}.`, "utf8")
    .update(body)
    .digest();
}

export function verifyTimestampedHmac(input: VerifyTimestampedHmacInput): SignatureVerdict {
  const { rawBody, timestamp, signature, secret, prefix = "" } = input;
  if (!timestamp || !signature) return { ok: false, reason: "missing_headers" };
  if (!TIMESTAMP.test(timestamp)) return { ok: false, reason: "bad_timestamp" };

  const nowSeconds = (input.nowMs ?? Date.now()) / 1000;
  if (Math.abs(nowSeconds - Number(timestamp)) > (input.toleranceSeconds ?? 300)) {
    return { ok: false, reason: "stale_timestamp" };
  }

  if (!signature.startsWith(prefix)) return { ok: false, reason: "bad_signature" };
  // The hex case is not documented by either provider: compare case-insensitively.
  const given = signature.slice(prefix.length).toLowerCase();
  if (!HEX_SHA256.test(given)) return { ok: false, reason: "bad_signature" };

  // The HMAC is over the header's own text, so a zero-padded timestamp signs as sent.
  const expected = timestampedHmac(rawBody, secret, timestamp);
  const givenBytes = Buffer.from(given, "hex");
  // timingSafeEqual throws on a length mismatch; the regex already pins both to 32 bytes, checked again here.
  if (givenBytes.length !== expected.length || !timingSafeEqual(givenBytes, expected)) {
    return { ok: false, reason: "bad_signature" };
  }
  return { ok: true };
}
