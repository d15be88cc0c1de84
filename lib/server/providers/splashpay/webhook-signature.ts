import "server-only";
import { timestampedHmac, verifyTimestampedHmac, type SignatureVerdict } from "../hmac-signature";

// X-SPLASHPAY-SIGNATURE = lowercase hex(HMAC-SHA256(webhook secret, "{X-SPLASHPAY-TIMESTAMP}.{raw body}")),
// no prefix (docs/providers.md#splashpay-webhooks, S22); ±300 s (S23). The sandbox re-signs every retry, so the window holds.

export interface VerifySplashPaySignatureInput {
  rawBody: string | Uint8Array;
  /** `X-SPLASHPAY-TIMESTAMP`: Unix seconds. */
  timestamp: string | null;
  /** `X-SPLASHPAY-SIGNATURE`. */
  signature: string | null;
  /** SPLASHPAY_WEBHOOK_SECRET — the webhook secret, not the API secret. */
  secret: string;
  nowMs?: number;
  toleranceSeconds?: number;
}

export function signSplashPayPayload(
  rawBody: string | Uint8Array,
  secret: string,
  timestampSeconds: number,
): string {
  if (!Number.isSafeInteger(timestampSeconds) || timestampSeconds < 0) {
    throw new RangeError("timestampSeconds must be whole Unix seconds");
  }
  return timestampedHmac(rawBody, secret, String(timestampSeconds)).toString("hex");
}

export function verifySplashPaySignature(input: VerifySplashPaySignatureInput): SignatureVerdict {
  return verifyTimestampedHmac(input);
}
