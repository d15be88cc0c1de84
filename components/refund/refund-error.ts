import type { MessageKey } from "@/lib/i18n-base";

// An API refusal of a refund → the message key the dialog shows (messages/*.json "refund.errors").

export function refundErrorKey(status: number, code: string | undefined): MessageKey {
  switch (code) {
    case "FORBIDDEN":
      return "refund.errors.approval";
    case "RATE_LIMITED":
      return "refund.errors.locked";
    case "REFUND_EXCEEDS_BALANCE":
      return "refund.errors.exceeds";
    case "PAYMENT_NOT_REFUNDABLE":
      return "refund.errors.notRefundable";
    case "REFUND_NOT_SUPPORTED":
      return "refund.errors.notSupported";
    case "PROVIDER_UNAVAILABLE":
      return "refund.errors.unavailable";
    case "VALIDATION_ERROR":
      return "refund.errors.amount";
    default:
      return status >= 500 ? "refund.errors.unavailable" : "refund.errors.generic";
  }
}
