import "server-only";
import { timestampedHmac, verifyTimestampedHmac, type SignatureVerdict } from "../hmac-signature";

// X-MeetPay-Signature: sha256=<hex(HMAC-SHA256(signing key, "{X-MeetPay-Timestamp}.{raw body}"))>
// (docs/providers.md#paygrid-webhooks), verified by the shared timestamped-HMAC check.

export type { SignatureFailure, SignatureVerdict } from "../hmac-signature";

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

/** The header is documented as exactly `sha256=<hex>`, so a bare hex value is refused rather than guessed at. */
const PREFIX = "sha256=";

/** The header value PayGrid would send for this body: for tests and the bench. */
export function signPayGridPayload(
  rawBody: string | Uint8Array,
  signingKey: string,
  timestampSeconds: number,
): string {
  if (!Number.isSafeInteger(timestampSeconds) || timestampSeconds < 0) {
    throw new RangeError("timestampSeconds must be whole Unix seconds");
  }
  return PREFIX + timestampedHmac(rawBody, signingKey, String(timestampSeconds)).toString("hex");
}

export function verifyPayGridSignature(input: VerifyPayGridSignatureInput): SignatureVerdict {
  const { signingKey, ...rest } = input;
  return verifyTimestampedHmac({ ...rest, secret: signingKey, prefix: PREFIX });
}
