import "server-only";
import type { Db } from "@/lib/server/db/client";
import type { RefundRow } from "@/lib/server/db/schema";
import { verifyManagerApproval } from "@/lib/server/auth/manager-approval";
import { ApiError } from "@/lib/server/http/api-error";
import { log } from "@/lib/server/log";
import { ProviderFailure, type PaymentProviderAdapter } from "@/lib/server/providers/adapter";
import { AmountError, type Currency } from "@/lib/money";
import { parseRefundAmount, type CreateRefundBody } from "@/lib/refund-schema";
import { loadPaymentForRefund } from "./refund-payment";
import type { RefundRequester } from "./refund-requester";
import { reserveRefund } from "./reserve-refund";
import { settleRefund } from "./settle-refund";

// POST /api/payments/:id/refunds (docs/api.md#refunds). Bad input is refused before anything is written or
// sent; then the amount is reserved under the payment's row lock (reserve-refund.ts), the provider is asked
// with the refund's own id as its Idempotency-Key, and the answer is recorded (settle-refund.ts). A provider
// that does not answer leaves the refund pending: the same request again (same key) asks again with the
// same provider key, which replays at the provider, so money is never given back twice.

/** Cash is Malipo's own: given back from the drawer, no provider involved. */
const LOCAL_PROVIDERS = new Set(["cash"]);
/** SplashPay's documentation describes no refund at all. */
const NO_REFUNDS = new Set(["splashpay"]);

export interface RefundContext {
  db: Db;
  adapter: (provider: string) => PaymentProviderAdapter;
}

export interface CreateRefundCommand {
  paymentId: string;
  body: CreateRefundBody;
  idempotencyKey: string;
  requester: RefundRequester;
}

export interface CreateRefundResult {
  refund: RefundRow;
  /** false: a replay of an earlier request with the same key. */
  created: boolean;
}

export async function createRefund(
  ctx: RefundContext,
  command: CreateRefundCommand,
): Promise<CreateRefundResult> {
  const { requester, body } = command;
  const needsApproval = requester.kind === "staff" && requester.role === "cashier";
  if (needsApproval && !body.approval) {
    throw new ApiError(
      "FORBIDDEN",
      "A refund needs a manager: ask a manager to enter their PIN or password.",
    );
  }
  const payment = await loadPaymentForRefund(ctx.db, command.paymentId, requester);
  const amountMinor = refundAmount(body.amount, payment.currency as Currency);
  if (NO_REFUNDS.has(payment.provider)) {
    throw new ApiError(
      "REFUND_NOT_SUPPORTED",
      "SplashPay offers no refunds: give the money back another way (for example in cash).",
    );
  }
  const adapter = LOCAL_PROVIDERS.has(payment.provider) ? null : ctx.adapter(payment.provider);
  if (adapter && !adapter.refund) {
    throw new ApiError("REFUND_NOT_SUPPORTED", "This payment's provider offers no refunds.");
  }
  const approver =
    needsApproval && body.approval && requester.kind === "staff"
      ? await verifyManagerApproval(ctx.db, body.approval, requester)
      : null;

  const { refund, replay } = await reserveRefund(ctx.db, {
    paymentId: payment.id,
    amountMinor,
    reason: body.reason,
    note: body.note || null,
    idempotencyKey: command.idempotencyKey,
    staff:
      requester.kind === "staff"
        ? { id: requester.staffId, name: requester.staffName, registerId: requester.registerId }
        : null,
    approvedBy: approver?.id ?? null,
  });
  if (refund.status !== "pending") return { refund, created: false };
  if (!adapter)
    return {
      refund: await settleRefund(ctx.db, refund.id, { ok: true, providerRefundId: null }),
      created: !replay,
    };

  try {
    const answer = await adapter.refund!(payment, {
      amountMinor: refund.amountMinor,
      reason: body.reason,
      idempotencyKey: refund.id,
    });
    const settled = await settleRefund(ctx.db, refund.id, {
      ok: true,
      providerRefundId: answer.providerRefundId,
    });
    log.info("refund given back", { paymentId: payment.id, refundId: refund.id, provider: payment.provider });
    return { refund: settled, created: !replay };
  } catch (error) {
    if (!(error instanceof ProviderFailure)) throw error;
    return refused(ctx.db, refund, error);
  }
}

function refundAmount(amount: string, currency: Currency): number {
  try {
    return parseRefundAmount(amount, currency);
  } catch (error) {
    const message = error instanceof AmountError ? error.message : "Enter a valid amount.";
    throw new ApiError("VALIDATION_ERROR", message, { fields: [{ path: "amount", message }] });
  }
}

async function refused(db: Db, refund: RefundRow, failure: ProviderFailure): Promise<never> {
  log.warn("provider refused a refund", {
    paymentId: refund.paymentId,
    refundId: refund.id,
    kind: failure.kind,
    errorCode: failure.extra.code,
  });
  if (failure.kind === "unavailable") {
    // Nothing is final: the refund stays pending (its amount held) and the same request asks again.
    throw new ApiError(
      "PROVIDER_UNAVAILABLE",
      "The payment provider is not answering. Try again: it is safe.",
      {
        retryable: true,
      },
    );
  }
  // A definite no: the refund failed and its amount is free again.
  await settleRefund(db, refund.id, { ok: false, failureCode: failure.extra.code ?? failure.kind });
  if (failure.kind === "misconfigured") {
    throw new Error(`refund provider misconfigured: ${failure.extra.code ?? failure.kind}`);
  }
  throw new ApiError(
    "PAYMENT_NOT_REFUNDABLE",
    "The payment provider refused this refund. No money was given back.",
  );
}
