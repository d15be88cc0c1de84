import "server-only";
import type { PaymentRow } from "@/lib/server/db/schema";
import type { PaymentStatus } from "@/lib/payment-status";
import type { RefundReason } from "@/lib/refund-schema";

// What the payments core needs from a provider, whatever its API looks like. Each provider folder has one
// adapter that maps its client's shapes and errors onto this.

export interface ProviderPaymentState {
  providerPaymentId: string;
  status: PaymentStatus;
  providerReference?: string | null;
  qrCode?: string | null;
  qrImage?: string | null;
  paymentUrl?: string | null;
  phone?: string | null;
  network?: string | null;
  /** What the provider says is being paid: checked against the sale on every path (amount-check.ts). */
  amount?: number | string | null;
  currency?: string | null;
  /** When the provider says it settled; used to decide paid_after_expiry. */
  completedAt?: Date | null;
  /** The provider's fee and what it settles after it (SplashPay), as sent; kept for the day report. */
  fees?: ReportedFees;
}

export interface ReportedFees {
  fee?: number | string | null;
  net?: number | string | null;
}

export type ProviderFailureKind =
  | "declined" // the customer's side said no: shown as a decline, not an error
  | "duplicate_reference"
  | "invalid" // the provider rejected a field
  | "unavailable" // try again with the same key
  | "misconfigured"; // our credentials or setup: an operator must act

export class ProviderFailure extends Error {
  override name = "ProviderFailure";
  constructor(
    readonly kind: ProviderFailureKind,
    message: string,
    readonly extra: {
      code?: string;
      fields?: { path: string; message: string }[];
      providerPaymentId?: string;
    } = {},
  ) {
    super(message);
  }
}

export interface CreateUrls {
  webhookUrl: string;
  redirectUrl: string;
  cancelUrl: string;
}

export interface ProviderRefundRequest {
  amountMinor: number;
  reason: RefundReason;
  /** Stable per refund row, resent on every retry: the provider replays instead of refunding twice. */
  idempotencyKey: string;
}

export interface PaymentProviderAdapter {
  create(
    payment: PaymentRow,
    idempotencyKey: string,
    urls: CreateUrls,
  ): Promise<ProviderPaymentState & { replayed: boolean }>;
  /** Reads the provider's view; `live` asks the provider to check upstream (PayGrid refresh). */
  fetchState(payment: PaymentRow, options: { live: boolean }): Promise<ProviderPaymentState>;
  /**
   * For providers whose QR would stay payable past our window (SplashPay): called at our deadline, answers
   * the provider's state afterwards (cancelled, or whatever it settled as meanwhile). PayGrid expires its
   * payments itself and has none.
   */
  cancel?(payment: PaymentRow): Promise<ProviderPaymentState>;
  /**
   * Gives money back on a completed payment; answers the provider's refund id when it names one. Absent for
   * providers that document no refund (SplashPay): the refund service answers REFUND_NOT_SUPPORTED.
   */
  refund?(payment: PaymentRow, request: ProviderRefundRequest): Promise<{ providerRefundId: string | null }>;
}
