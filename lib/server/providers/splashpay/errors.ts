import "server-only";
import { isRetryableStatus } from "../http-retry";

/**
 * The codes SplashPay documents (docs/providers.md#splashpay-errors), the ones our sandbox invents for the docs' gaps
 * (PAYMENT_NOT_FOUND, PAYMENT_CANCELLED's refusal, PROVIDER_ERROR, RATE_LIMITED, §10.2), and the client's
 * own for answers that never arrived or made no sense.
 */
export const SPLASHPAY_ERROR_CODES = [
  "INVALID_REQUEST",
  "UNAUTHORIZED",
  "DUPLICATE_REQUEST",
  "PAYMENT_NOT_CANCELLABLE",
  "PAYMENT_NOT_FOUND",
  "PROVIDER_ERROR",
  "RATE_LIMITED",
  "NOT_FOUND",
  "NETWORK_ERROR",
  "TIMEOUT",
  "BAD_RESPONSE",
] as const;
/** Open-ended: SplashPay may add codes; `string & {}` keeps editor completion for the known ones. */
export type SplashPayErrorCode = (typeof SPLASHPAY_ERROR_CODES)[number] | (string & {});

export class SplashPayError extends Error {
  override name = "SplashPayError";
  readonly retryable: boolean;

  /**
   * @param status the HTTP status, or 0 when no answer arrived (NETWORK_ERROR, TIMEOUT)
   * @param message never carries the API key or secret: the client scrubs them first
   */
  constructor(
    readonly status: number,
    readonly code: SplashPayErrorCode,
    message: string,
  ) {
    super(message);
    this.retryable = isRetryableStatus(status);
  }
}
