import "server-only";
import { isRetryableStatus } from "../http-retry";
import type { PayGridErrorDetails } from "./schemas";

/**
 * The `error_code`s PayGrid documents (docs/providers.md#paygrid-errors; the lowercase pair is the auth layer's), the ones our
 * sandbox invents for gaps in the docs (NOT_FOUND, RATE_LIMITED, §17.2), and the client's own for answers
 * that never arrived or made no sense (NETWORK_ERROR, TIMEOUT, BAD_RESPONSE).
 */
export const PAYGRID_ERROR_CODES = [
  "VALIDATION_ERROR",
  "PAYMENT_FAILED",
  "IDEMPOTENCY_KEY_REQUIRED",
  "PAYMENT_DECLINED",
  "DUPLICATE_REFERENCE",
  "PROVIDER_UNAVAILABLE",
  "PROVIDER_ERROR",
  "TRANSACTION_BLOCKED",
  "RISK_CHECK_FAILED",
  "TEST_MODE_UNAVAILABLE",
  "unauthorized",
  "invalid_api_key",
  "UNAUTHORIZED",
  "MERCHANT_NOT_FOUND",
  "NOT_FOUND",
  "RATE_LIMITED",
  "METHOD_NOT_ALLOWED",
  "INTERNAL_ERROR",
  "NETWORK_ERROR",
  "TIMEOUT",
  "BAD_RESPONSE",
] as const;
export type KnownPayGridErrorCode = (typeof PAYGRID_ERROR_CODES)[number];
/** Open-ended: PayGrid may add codes; `string & {}` keeps editor completion for the known ones. */
export type PayGridErrorCode = KnownPayGridErrorCode | (string & {});

export class PayGridError extends Error {
  override name = "PayGridError";
  readonly retryable: boolean;

  /**
   * @param status the HTTP status, or 0 when no answer arrived (NETWORK_ERROR, TIMEOUT)
   * @param message never carries the API key: the client scrubs it before constructing the error
   */
  constructor(
    readonly status: number,
    readonly errorCode: PayGridErrorCode,
    message: string,
    readonly details?: PayGridErrorDetails,
  ) {
    super(message);
    this.retryable = isRetryableStatus(status);
  }
}
