import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";

// X-MeetPay-Signature: sha256=<hex(HMAC-SHA256(signing key, "{X-MeetPay-Timestamp}.{raw body}"))>
// (paygrid.md §10.5). PayGrid itself never rejects stale timestamps; the ±300 s window is ours to enforce.

export type SignatureFailure = "missing_headers" | "bad_timestamp" | "stale_timestamp" | "bad_signature";
export type SignatureVerdict = { ok: true } | { ok: false; reason: SignatureFailure };

export interface VerifyPayGridSignatureInput {
  /** The exact request body: re-serialized JSON would not match. */
  rawBody: string | Uint8Array;
  /** `X-MeetPay-Timestamp`: Unix seconds. */
  timestamp: string | null;
  /** `X-MeetPay-Signature`. */
  signature: string | null;
  /** The dedicated webhook signing key; the api_key and api_secret never match. */
  signingKey: string;
  nowMs?: number;
  toleranceSeconds?: number;
}

const PREFIX = "sha256=";
const HEX_SHA256 = /^[0-9a-f]{64}$/;
// Up to 12 digits covers every date until the year 33658 and keeps Number() exact.
const TIMESTAMP = /^\d{1,12}$/;

function digest(rawBody: string | Uint8Array, signingKey: string, timestamp: string): Buffer {
  // An empty key would make every forged signature computable: a configuration error, never a verdict.
  if (signingKey.length === 0) throw new Error("PayGrid webhook signing key is empty");
  // The docs do not say how the key is encoded; we use its UTF-8 bytes, as our sandbox does (§17.5).
  const body = typeof rawBody === "string" ? Buffer.from(rawBody, "utf8") : rawBody;
  return createHmac("sha256", Buffer.from(signingKey, "utf8"))
    .update(`${timestamp}.`, "utf8")
    .update(body)
    .digest();
}

/** The header value PayGrid would send for this body: for tests and the bench. */
export function signPayGridPayload(
  rawBody: string | Uint8Array,
  signingKey: string,
  timestampSeconds: number,
): string {
  if (!Number.isSafeInteger(timestampSeconds) || timestampSeconds < 0) {
    throw new RangeError("timestampSeconds must be whole Unix seconds");
  }
  return PREFIX + digest(rawBody, signingKey, String(timestampSeconds)).toString("hex");
}

export function verifyPayGridSignature(input: VerifyPayGridSignatureInput): SignatureVerdict {
  const { rawBody, timestamp, signature, signingKey } = input;
  if (!timestamp || !signature) return { ok: false, reason: "missing_headers" };
  if (!TIMESTAMP.test(timestamp)) return { ok: false, reason: "bad_timestamp" };

  const nowSeconds = (input.nowMs ?? Date.now()) / 1000;
  if (Math.abs(nowSeconds - Number(timestamp)) > (input.toleranceSeconds ?? 300)) {
    return { ok: false, reason: "stale_timestamp" };
  }

  // The header is documented as exactly `sha256=<hex>`, so a bare hex value is refused rather than guessed
  // at. The hex case is not documented: compare case-insensitively.
  if (!signature.startsWith(PREFIX)) return { ok: false, reason: "bad_signature" };
  const given = signature.slice(PREFIX.length).toLowerCase();
  if (!HEX_SHA256.test(given)) return { ok: false, reason: "bad_signature" };

  // The HMAC is over the header's own text, so a zero-padded timestamp signs as sent.
  const expected = digest(rawBody, signingKey, timestamp);
  const givenBytes = Buffer.from(given, "hex");
  // timingSafeEqual throws on a length mismatch; the regex already pins both to 32 bytes, checked again here.
  if (givenBytes.length !== expected.length || !timingSafeEqual(givenBytes, expected)) {
    return { ok: false, reason: "bad_signature" };
  }
  return { ok: true };
}
