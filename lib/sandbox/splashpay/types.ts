import type { Step } from "../common/step-timers";

// The six official statuses (docs/providers.md#splashpay-statuses, S20); the last four are terminal.
export const SPLASHPAY_STATUSES = [
  "pending",
  "processing",
  "success",
  "failed",
  "cancelled",
  "expired",
] as const;
export type SplashPayStatus = (typeof SPLASHPAY_STATUSES)[number];

export interface ScheduledStep extends Step {
  to: SplashPayStatus;
}

export interface SplashPayment {
  /** The merchant's reference: SplashPay's only payment key (check-status, cancel, webhooks). */
  reference: string;
  /** The API key that created it: other key pairs never see it (S8). */
  apiKey: string;
  status: SplashPayStatus;
  /** Hundredths of a shilling, like the PayGrid sandbox (lib/sandbox/common/amount.ts). */
  amount: number;
  fee: number;
  currency: "TZS";
  buyer: { name: string; email: string; phone: string };
  billing: Record<string, string>;
  /** S13: null until the customer pays. */
  providerReference: string | null;
  /** The TANQR text inside the PNG (S11); returned only with exposeQrPayload. */
  qrPayload: string;
  /** Base64 PNG without a data-URI prefix (S10). */
  qr: string;
  /** Magic phone 255700000503: every check-status answers 502. */
  checkStatusFails: boolean;
  createdAt: number;
  processingAt: number;
  completedAt?: number;
  schedule: ScheduledStep[];
}

export interface IdempotencyRecord {
  reference: string;
  bodyHash: string;
  /** The exact first answer, replayed byte for byte (same request_id) with replayIdenticalRequests. */
  response: string;
  createdAt: number;
}
