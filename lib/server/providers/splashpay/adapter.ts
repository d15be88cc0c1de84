import "server-only";
import type { PaymentRow } from "@/lib/server/db/schema";
import { log } from "@/lib/server/log";
import type { PaymentStatus } from "@/lib/payment-status";
import { normalizeTzPhone, stripPhone } from "@/lib/phone";
import { parseAmount, toProviderNumber } from "@/lib/money";
import { ProviderFailure, type PaymentProviderAdapter, type ProviderPaymentState } from "../adapter";
import { createSplashPayClient, type SplashPayClient, type SplashPayClientOptions } from "./client";
import { SplashPayError } from "./errors";
import type { SplashPayDynamicQrBody } from "./schemas";

// Maps Malipo's TANQR payments onto SplashPay's Dynamic TANQR API (docs/providers.md#splashpay-create) and its answers and
// errors back. SplashPay knows a payment only by our reference, so that is its provider id too.

/** §5.5 plus the aliases third-party code maps defensively; unknown values read as still pending. */
const STATUS: Record<string, PaymentStatus> = {
  pending: "pending",
  processing: "processing",
  success: "completed",
  paid: "completed",
  failed: "failed",
  reject: "failed",
  rejected: "failed",
  cancelled: "cancelled",
  canceled: "cancelled",
  user_cancelled: "cancelled",
  expired: "expired",
};

export function mapSplashPayStatus(status: string): PaymentStatus | undefined {
  return STATUS[status.trim().toLowerCase()];
}

/** SplashPay wants 255XXXXXXXXX (no +, no leading 0, §6.3); other numbers are sent as digits. */
function tzPhone(phone: string): string {
  return normalizeTzPhone(phone) ?? stripPhone(phone);
}

export function toDynamicQrBody(payment: PaymentRow): SplashPayDynamicQrBody {
  const c = payment.customer;
  const phone = tzPhone(payment.phone);
  return {
    reference: payment.reference,
    buyer_name: `${c.firstname ?? ""} ${c.lastname ?? ""}`.trim(),
    buyer_email: c.email ?? "",
    buyer_phone: phone,
    amount: toProviderNumber(payment.amountMinor, "TZS"),
    currency: "TZS",
    billing_firstname: c.firstname ?? "",
    billing_lastname: c.lastname ?? "",
    billing_address: c.address ?? "",
    billing_city: c.city ?? "",
    billing_state: c.state ?? "",
    billing_postcode: c.postcode ?? "",
    billing_country: c.country ?? "",
    billing_phone: phone,
  };
}

function stateOf(
  reference: string,
  record: {
    status: string;
    amount?: string | number | null;
    fee?: string | number | null;
    net_amount?: string | number | null;
    currency?: string | null;
    provider_reference?: string | null;
    completed_at?: string | null;
  },
): ProviderPaymentState {
  return {
    providerPaymentId: reference,
    status: mapSplashPayStatus(record.status) ?? "pending",
    amount: record.amount ?? null,
    fees: { fee: record.fee, net: record.net_amount },
    currency: record.currency ?? null,
    providerReference: record.provider_reference ?? null,
    completedAt: record.completed_at ? new Date(record.completed_at) : null,
  };
}

/** SplashPayError → what the payments core understands. Never carries the credentials. */
export function toProviderFailure(error: SplashPayError): ProviderFailure {
  switch (error.code) {
    case "INVALID_REQUEST":
      // SplashPay says no more than this (S3): no field detail to pass on.
      return new ProviderFailure("invalid", "SplashPay refused the payment details.", { code: error.code });
    case "UNAUTHORIZED":
      return new ProviderFailure("misconfigured", "SplashPay refused our API credentials.", {
        code: error.code,
      });
    default:
      if (error.retryable) {
        return new ProviderFailure("unavailable", "SplashPay is not answering.", { code: error.code });
      }
      return new ProviderFailure("misconfigured", `SplashPay answered ${error.status} ${error.code}.`, {
        code: error.code,
      });
  }
}

export function createSplashPayAdapter(
  options: SplashPayClientOptions | { client: SplashPayClient },
): PaymentProviderAdapter {
  const client = "client" in options ? options.client : createSplashPayClient(options);
  const call = async <T>(work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (error) {
      throw error instanceof SplashPayError ? toProviderFailure(error) : error;
    }
  };

  /**
   * DUPLICATE_REQUEST: SplashPay already has this attempt (our earlier call landed but its answer was lost,
   * or the reference is taken) and, unlike PayGrid, never replays the answer (S7) — so the QR cannot be
   * had again. Our choice: look the reference up; a payment that is still open is cancelled there, so no
   * code we cannot show stays payable, and the attempt fails with a message telling the cashier to start a
   * new one (new key, new reference). Money that already arrived is recorded, never refused.
   */
  async function afterDuplicate(payment: PaymentRow): Promise<ProviderPaymentState & { replayed: boolean }> {
    const lost = () =>
      new ProviderFailure(
        "duplicate_reference",
        "SplashPay already has this payment attempt and cannot show its QR again. Start a new payment.",
        { code: "DUPLICATE_REQUEST" },
      );
    let record;
    try {
      record = await client.checkStatus(payment.reference);
    } catch (error) {
      if (error instanceof SplashPayError && error.code === "PAYMENT_NOT_FOUND") throw lost();
      throw error instanceof SplashPayError ? toProviderFailure(error) : error;
    }
    // Only our own earlier call may be cancelled: a record for another amount is someone else's payment
    // under a clashing reference, and is left alone.
    let sameAmount = false;
    try {
      sameAmount =
        record.amount !== null &&
        record.amount !== undefined &&
        parseAmount(record.amount, "TZS") === payment.amountMinor;
    } catch {
      sameAmount = false;
    }
    if (!sameAmount) {
      throw new ProviderFailure(
        "duplicate_reference",
        "SplashPay already has a payment with this reference.",
        {
          code: "DUPLICATE_REQUEST",
        },
      );
    }
    const status = mapSplashPayStatus(record.status);
    if (status === "completed") return { ...stateOf(payment.reference, record), replayed: true };
    if (status === "pending" || status === "processing") {
      try {
        await client.cancel(payment.reference);
      } catch (error) {
        // Not cancellable any more: it settled meanwhile; the reconciler reads the outcome.
        if (!(error instanceof SplashPayError && error.code === "PAYMENT_NOT_CANCELLABLE")) {
          throw error instanceof SplashPayError ? toProviderFailure(error) : error;
        }
      }
      log.warn("splashpay duplicate request: cancelled the attempt whose QR was lost", {
        paymentId: payment.id,
      });
    }
    throw lost();
  }

  return {
    async create(payment, idempotencyKey) {
      let created;
      try {
        created = await client.createDynamicQr(toDynamicQrBody(payment), idempotencyKey);
      } catch (error) {
        if (error instanceof SplashPayError && error.code === "DUPLICATE_REQUEST")
          return afterDuplicate(payment);
        throw error instanceof SplashPayError ? toProviderFailure(error) : error;
      }
      return {
        ...stateOf(created.reference, created),
        qrImage: `data:image/png;base64,${created.qr}`,
        replayed: false,
      };
    },
    async fetchState(payment) {
      const record = await call(() => client.checkStatus(payment.reference));
      return stateOf(payment.reference, record);
    },
    async cancel(payment) {
      try {
        return stateOf(payment.reference, await client.cancel(payment.reference));
      } catch (error) {
        // Settled meanwhile (success, failed, expired): report what SplashPay has instead.
        if (error instanceof SplashPayError && error.code === "PAYMENT_NOT_CANCELLABLE") {
          return stateOf(payment.reference, await call(() => client.checkStatus(payment.reference)));
        }
        throw error instanceof SplashPayError ? toProviderFailure(error) : error;
      }
    },
  };
}
