import "server-only";
import { metrics } from "@/lib/server/metrics/registry";
import { and, eq, isNull, lt, or } from "drizzle-orm";
import type { Db } from "@/lib/server/db/client";
import { idempotencyRecords, payments, type PaymentRow } from "@/lib/server/db/schema";
import { getEnv } from "@/lib/server/env";
import { ApiError } from "@/lib/server/http/api-error";
import { log } from "@/lib/server/log";
import { ProviderFailure, type PaymentProviderAdapter } from "@/lib/server/providers/adapter";
import { requireProviderConfigured } from "@/lib/server/providers/availability";
import type { PaymentRequest } from "@/lib/payment-schema";
import { applyProviderEvent } from "./apply-provider-event";
import { checkProviderQr } from "./check-provider-qr";
import { attemptReference, newPaymentId, newReturnToken } from "./ids";
import { requestHash } from "./idempotency";
import { openShiftIdQuery } from "./open-shift";
import { providerStateEvent } from "./provider-state-event";

// Two-layer idempotency (docs/architecture.md#never-charge-twice):
//  1. our store keeps (scope, Idempotency-Key) → request hash + payment id, written with the payment row
//     *before* the provider is called;
//  2. the same key goes to the provider, so a retry after a crash, a timeout or a 502 replays there too.
// Concurrent requests with one key make one provider call: one in-process flight per key, and across
// instances a short lease on the payment row that only one caller can take.

export interface CreatePaymentContext {
  db: Db;
  adapter: (provider: string) => PaymentProviderAdapter;
  /** Who owns the payment: `register:<id>` or `checkout:<cs_id>`. */
  ownerScope: string;
  /** Who took the sale on which register (staff/attribution.ts); absent for a shopper's checkout. */
  seller?: { staffId: string; staffName: string; registerId: string };
  checkoutSessionId?: string;
  /** A payment link made at a register: its sale belongs to that register (and its open shift). */
  linkRegisterId?: string;
  /** For checkout sessions: where the card page sends the shopper back to. */
  returnBaseUrl?: string;
  /** Requests in flight in this instance; tests pass their own map to act as separate instances. */
  flights?: Map<string, Promise<CreatePaymentResult>>;
}

/**
 * One payment attempt, already validated at the edge: POST /api/payments parses the body with
 * createPaymentSchema, the checkout path builds it from the session row (paymentCommandSchema).
 */
export type CreatePaymentCommand = PaymentRequest & {
  /** The attempt's Idempotency-Key (requireIdempotencyKey). */
  idempotencyKey: string;
};

export interface CreatePaymentResult {
  payment: PaymentRow;
  created: boolean; // false: a replay of an earlier request with the same key
}

const instanceFlights = new Map<string, Promise<CreatePaymentResult>>();

export async function createPayment(
  ctx: CreatePaymentContext,
  command: CreatePaymentCommand,
): Promise<CreatePaymentResult> {
  const labels = { provider: command.provider, method: command.method };
  try {
    const result = await createPaymentOnce(ctx, command);
    const outcome = !result.created ? "replayed" : result.payment.status === "failed" ? "failed" : "created";
    metrics.paymentsCreated.inc({ ...labels, outcome });
    return result;
  } catch (error) {
    metrics.paymentsCreated.inc({ ...labels, outcome: "failed" });
    throw error;
  }
}

async function createPaymentOnce(
  ctx: CreatePaymentContext,
  command: CreatePaymentCommand,
): Promise<CreatePaymentResult> {
  const { idempotencyKey: key, ...rest } = command;
  const input: PaymentRequest = rest;
  // An unconfigured provider is refused before anything is written (docs/api.md "all or nothing").
  requireProviderConfigured(input.provider);
  const flightKey = `${ctx.ownerScope}\u0000${key}`;
  const inFlight = ctx.flights ?? instanceFlights;
  const running = inFlight.get(flightKey);
  if (running) {
    // Same key already in flight here: wait for it, then answer from the stored record like any replay.
    await running.catch(() => undefined);
    const replay = await createOnce(ctx, input, key);
    return { ...replay, created: false };
  }
  const flight = createOnce(ctx, input, key).finally(() => inFlight.delete(flightKey));
  inFlight.set(flightKey, flight);
  return flight;
}

export function reusedKey(): ApiError {
  return new ApiError(
    "IDEMPOTENCY_KEY_REUSED",
    "This Idempotency-Key was already used for a different payment request. Use a new key for a new attempt.",
  );
}

async function createOnce(
  ctx: CreatePaymentContext,
  input: PaymentRequest,
  key: string,
): Promise<CreatePaymentResult> {
  const env = getEnv();
  const hash = requestHash(input);
  const id = newPaymentId();
  const now = new Date();

  const registerId = ctx.seller?.registerId ?? ctx.linkRegisterId ?? null;
  // One transaction before the provider call: the key and the "creating" row, written together.
  const inserted = await ctx.db.transaction(async (tx): Promise<PaymentRow | undefined> => {
    const claimed = await tx
      .insert(idempotencyRecords)
      .values({ scope: ctx.ownerScope, key, requestHash: hash, paymentId: id })
      .onConflictDoNothing()
      .returning({ paymentId: idempotencyRecords.paymentId });
    if (claimed.length === 0) return undefined;
    const [row] = await tx
      .insert(payments)
      .values({
        id,
        provider: input.provider,
        method: input.method,
        status: "creating",
        amountMinor: input.amountMinor,
        currency: input.currency,
        reference: attemptReference(input.provider, input.reference),
        customer: input.customer,
        phone: input.phone,
        network: input.network ?? null,
        metadata: input.metadata ?? null,
        idempotencyKey: key,
        ownerScope: ctx.ownerScope,
        staffId: ctx.seller?.staffId ?? null,
        staffName: ctx.seller?.staffName ?? null,
        registerId,
        shiftId: openShiftIdQuery(registerId),
        checkoutSessionId: ctx.checkoutSessionId ?? null,
        // The provider returns the customer's phone to a public page, never to a cashier page.
        returnToken: ctx.ownerScope.startsWith("register:") ? newReturnToken() : null,
        expiresAt: new Date(now.getTime() + env.paymentTtlSeconds * 1000),
        leaseUntil: new Date(now.getTime() + getEnv().timing.createLeaseSeconds * 1000),
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    return row;
  });

  if (!inserted) {
    const [record] = await ctx.db
      .select()
      .from(idempotencyRecords)
      .where(and(eq(idempotencyRecords.scope, ctx.ownerScope), eq(idempotencyRecords.key, key)));
    if (!record) throw new Error("idempotency record vanished");
    if (record.requestHash !== hash) throw reusedKey();
    return resume(ctx, record.paymentId);
  }
  return { payment: await callProvider(ctx, inserted, key), created: true };
}

/** A repeated key: return the payment, or finish the provider call an earlier attempt could not. */
async function resume(ctx: CreatePaymentContext, paymentId: string): Promise<CreatePaymentResult> {
  for (let waited = 0; ; waited += 250) {
    const [row] = await ctx.db.select().from(payments).where(eq(payments.id, paymentId));
    if (!row) throw new Error(`payment ${paymentId} missing for its idempotency record`);
    if (row.status !== "creating") {
      replayFailure(row);
      return { payment: row, created: false };
    }
    // Still "creating": take the lease, or wait for whoever holds it (another instance mid-call).
    const now = new Date();
    const [leased] = await ctx.db
      .update(payments)
      .set({ leaseUntil: new Date(now.getTime() + getEnv().timing.createLeaseSeconds * 1000) })
      .where(
        and(
          eq(payments.id, paymentId),
          eq(payments.status, "creating"),
          or(isNull(payments.leaseUntil), lt(payments.leaseUntil, now)),
        ),
      )
      .returning();
    if (leased) return { payment: await callProvider(ctx, leased, leased.idempotencyKey), created: false };
    if (waited > (getEnv().timing.createLeaseSeconds + 5) * 1000) {
      throw new ApiError("PROVIDER_UNAVAILABLE", "The payment is still being created. Try again shortly.", {
        retryable: true,
      });
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** A replayed attempt that failed for good answers as it did the first time. */
function replayFailure(row: PaymentRow): void {
  if (row.status !== "failed" || !row.failureCode) return;
  if (row.failureCode === "DUPLICATE_REFERENCE") {
    throw new ApiError("DUPLICATE_REFERENCE", row.failureMessage ?? "This reference is already in use.");
  }
  if (row.failureCode === "VALIDATION_ERROR") {
    throw new ApiError(
      "VALIDATION_ERROR",
      row.failureMessage ?? "The provider rejected the payment details.",
    );
  }
}

function callbackUrls(ctx: CreatePaymentContext, payment: PaymentRow) {
  const base = getEnv().publicBaseUrl;
  const back =
    ctx.returnBaseUrl ??
    (payment.returnToken ? `${base}/return/${payment.returnToken}` : `${base}/payments/${payment.id}`);
  return {
    webhookUrl: `${base}/api/webhooks/${payment.provider}`,
    redirectUrl: `${back}?result=success`,
    cancelUrl: `${back}?result=cancel`,
  };
}

async function callProvider(ctx: CreatePaymentContext, row: PaymentRow, key: string): Promise<PaymentRow> {
  try {
    const state = await ctx.adapter(row.provider).create(row, key, callbackUrls(ctx, row));
    const qr = checkProviderQr(row, state);
    const event = providerStateEvent(row.id, state, "api", {
      providerPaymentId: state.providerPaymentId,
      patch: {
        qrCode: state.qrCode ?? null,
        qrImage: state.qrImage ?? null,
        paymentUrl: state.paymentUrl ?? null,
        qrMismatch: !qr.ok,
        ...(state.phone ? { phone: state.phone } : {}),
        ...(state.network ? { network: state.network } : {}),
      },
      detail: qr.ok ? undefined : { qrCheck: qr },
    });
    const result = await applyProviderEvent(ctx.db, event);
    return result.payment ?? row;
  } catch (error) {
    if (!(error instanceof ProviderFailure)) {
      await releaseLease(ctx.db, row.id);
      throw error;
    }
    return handleFailure(ctx, row, error);
  }
}

async function releaseLease(db: Db, id: string): Promise<void> {
  await db.update(payments).set({ leaseUntil: null }).where(eq(payments.id, id));
}

async function handleFailure(
  ctx: CreatePaymentContext,
  row: PaymentRow,
  failure: ProviderFailure,
): Promise<never> {
  log.warn("provider refused a payment", {
    paymentId: row.id,
    provider: row.provider,
    kind: failure.kind,
    errorCode: failure.extra.code,
  });
  switch (failure.kind) {
    case "unavailable":
      // Nothing is final: the row stays "creating" and the next request with the same key retries.
      await releaseLease(ctx.db, row.id);
      throw new ApiError(
        "PROVIDER_UNAVAILABLE",
        "The payment provider is not answering. Try again: it is safe.",
        {
          retryable: true,
        },
      );
    case "declined":
      await fail(ctx.db, row, failure, "PAYMENT_DECLINED");
      throw new ApiError("PAYMENT_DECLINED", "The payment was declined. No money was taken.");
    case "duplicate_reference":
      await fail(ctx.db, row, failure, "DUPLICATE_REFERENCE");
      // The adapter words it: PayGrid's live reference, or SplashPay's lost first answer (S7).
      throw new ApiError("DUPLICATE_REFERENCE", failure.message);
    case "invalid":
      await fail(ctx.db, row, failure, "VALIDATION_ERROR");
      throw new ApiError("VALIDATION_ERROR", failure.message, { fields: failure.extra.fields });
    case "misconfigured":
      await releaseLease(ctx.db, row.id);
      throw new Error(`provider ${row.provider} is misconfigured: ${failure.extra.code ?? failure.kind}`);
  }
}

async function fail(db: Db, row: PaymentRow, failure: ProviderFailure, code: string): Promise<void> {
  await applyProviderEvent(db, {
    paymentId: row.id,
    status: "failed",
    source: "api",
    providerPaymentId: failure.extra.providerPaymentId ?? null,
    failure: { code, message: failure.message },
  });
}
