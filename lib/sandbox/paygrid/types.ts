import type { PaymentType, SandboxNetwork } from "./settings";

export type SandboxStatus =
  | "pending"
  | "processing"
  | "completed"
  | "failed"
  | "cancelled"
  | "expired"
  | "partially_refunded"
  | "refunded";

export type ActorType = "merchant" | "system" | "psp" | "poller" | "admin";

/** A step the simulated provider takes by itself (expiry, magic-phone outcomes), kept so a restart resumes it. */
export interface ScheduledStep {
  at: number;
  to: SandboxStatus;
}

export interface SandboxPayment {
  id: string;
  /** "test" | "live": test and live keys never see each other's payments (S13). */
  mode: KeyMode;
  type: PaymentType;
  status: SandboxStatus;
  /**
   * Hundredths of the currency unit. S5 allows 2 decimals for every currency, UGX included (ISO exponent 0),
   * so the sandbox keeps one integer scale rather than each currency's ISO minor unit.
   */
  amount: number;
  margin: number;
  refunded: number;
  currency: string;
  phone: string;
  network?: SandboxNetwork;
  reference?: string;
  externalId: string;
  paymentUrl?: string;
  qrCode?: string;
  paymentToken?: string;
  customer: Record<string, string>;
  metadata: Record<string, unknown>;
  webhookUrl?: string;
  callbackUrl?: string;
  redirectUrl?: string;
  cancelUrl?: string;
  /** Magic phone behaviour for refresh (255700000503). */
  refreshFails: boolean;
  createdAt: number;
  completedAt?: number;
  schedule: ScheduledStep[];
}

export type KeyMode = "test" | "live";

export interface SandboxEvent {
  id: string;
  transactionId: string;
  status: SandboxStatus;
  message: string;
  actorType: ActorType;
  createdAt: number;
}

export interface IdempotencyRecord {
  /** Payment id (payments) or refund id (refunds). */
  targetId: string;
  bodyHash: string;
  createdAt: number;
}

export interface SandboxRefund {
  id: string;
  transactionId: string;
  amount: number;
  reason: string;
  createdAt: number;
}

export interface MerchantProfile {
  id: string;
  webhookUrl: string | null;
  callbackUrl: string | null;
}
