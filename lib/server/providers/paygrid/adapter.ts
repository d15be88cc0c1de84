import "server-only";
import type { PaymentRow } from "@/lib/server/db/schema";
import { isPaymentStatus, type PaymentStatus } from "@/lib/payment-status";
import { toProviderNumber, type Currency } from "@/lib/money";
import { ProviderFailure, type PaymentProviderAdapter, type ProviderPaymentState } from "../adapter";
import { createPayGridClient, type PayGridClient, type PayGridClientOptions } from "./client";
import { PayGridError } from "./errors";
import type { PayGridCreateBody, PayGridPayment } from "./schemas";

// Maps Malipo payments onto PayGrid's API (docs/providers.md#paygrid-create) and PayGrid's answers and errors back.

function state(payment: PayGridPayment): ProviderPaymentState {
  const status: PaymentStatus = isPaymentStatus(payment.status) ? payment.status : "pending";
  return {
    providerPaymentId: payment.id,
    status,
    providerReference: payment.external_id ?? null,
    qrCode: payment.qr_code ?? null,
    paymentUrl: payment.payment_url ?? null,
    phone: payment.phone ?? null,
    network: payment.network ?? null,
    amount: payment.amount ?? null,
    currency: payment.currency ?? null,
    completedAt: payment.completed_at ? new Date(payment.completed_at) : null,
  };
}

function fieldsOf(error: PayGridError): { path: string; message: string }[] | undefined {
  return Array.isArray(error.details)
    ? error.details.map((d) => ({ path: d.field, message: d.message }))
    : undefined;
}

/** PayGridError → what the payments core understands. Never carries the API key. */
export function toProviderFailure(error: PayGridError): ProviderFailure {
  const providerPaymentId =
    !Array.isArray(error.details) && typeof error.details?.transaction_id === "string"
      ? error.details.transaction_id
      : undefined;
  switch (error.errorCode) {
    case "PAYMENT_DECLINED":
    case "TRANSACTION_BLOCKED":
    case "RISK_CHECK_FAILED":
      return new ProviderFailure("declined", "The payment was declined.", {
        code: error.errorCode,
        providerPaymentId,
      });
    case "DUPLICATE_REFERENCE":
      return new ProviderFailure(
        "duplicate_reference",
        "A live payment already uses this reference. Use another reference.",
        {
          code: error.errorCode,
        },
      );
    case "VALIDATION_ERROR":
    case "PAYMENT_FAILED":
    case "IDEMPOTENCY_KEY_REQUIRED":
      return new ProviderFailure("invalid", `PayGrid refused the payment details: ${error.message}`, {
        code: error.errorCode,
        fields: fieldsOf(error),
      });
    default:
      if (error.retryable) {
        return new ProviderFailure("unavailable", "PayGrid is not answering.", { code: error.errorCode });
      }
      return new ProviderFailure("misconfigured", `PayGrid answered ${error.status} ${error.errorCode}.`, {
        code: error.errorCode,
      });
  }
}

export function createPayGridAdapter(
  options: PayGridClientOptions | { client: PayGridClient },
): PaymentProviderAdapter {
  const client = "client" in options ? options.client : createPayGridClient(options);
  const call = async <T>(work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (error) {
      throw error instanceof PayGridError ? toProviderFailure(error) : error;
    }
  };

  return {
    async create(payment: PaymentRow, idempotencyKey, urls) {
      const customer = payment.customer;
      const body: PayGridCreateBody = {
        amount: toProviderNumber(payment.amountMinor, payment.currency as Currency),
        currency: payment.currency as PayGridCreateBody["currency"],
        type: payment.method as PayGridCreateBody["type"],
        phone: payment.phone,
        customer: {
          firstname: customer.firstname ?? "",
          lastname: customer.lastname ?? "",
          email: customer.email ?? "",
          ...(payment.method === "card"
            ? {
                address: customer.address,
                city: customer.city,
                state: customer.state,
                postcode: customer.postcode,
                country: customer.country,
              }
            : {}),
        },
        reference: payment.reference,
        ...(payment.network ? { network: payment.network } : {}),
        ...(payment.metadata ? { metadata: payment.metadata } : {}),
        metadata: { ...(payment.metadata ?? {}), malipo_payment_id: payment.id },
        webhook_url: urls.webhookUrl,
        ...(payment.method === "card" ? { redirect_url: urls.redirectUrl, cancel_url: urls.cancelUrl } : {}),
      };
      const { payment: created, replayed } = await call(() => client.createPayment(body, idempotencyKey));
      return { ...state(created), replayed };
    },
    async refund(payment, request) {
      const id = payment.providerPaymentId;
      if (!id) throw new Error(`payment ${payment.id} has no PayGrid id`);
      const { refund } = await call(() =>
        client.createRefund(
          {
            transaction_id: id,
            amount: toProviderNumber(request.amountMinor, payment.currency as Currency),
            reason: request.reason,
          },
          request.idempotencyKey,
        ),
      );
      return { providerRefundId: refund.id ?? null };
    },
    async fetchState(payment, { live }) {
      const id = payment.providerPaymentId;
      if (!id) throw new Error(`payment ${payment.id} has no PayGrid id yet`);
      const record = await call(() => (live ? client.refreshPayment(id) : client.getPayment(id)));
      return state(record);
    },
  };
}
