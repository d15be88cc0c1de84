import { percentOf } from "../common/amount";
import { hashBody, liveIdempotencyRecord } from "../common/idempotency";
import { stepsAfter } from "../common/step-timers";
import { fail, type ApiKey, type SplashPayContext } from "./context";
import { jsonText, MESSAGES, parseJsonObject, successText } from "./envelope";
import { buildTanqrPng } from "./qr";
import { createdData } from "./record";
import type { IdempotencyRecord, SplashPayment, SplashPayStatus } from "./types";
import { validateCreate } from "./validate-create";

// POST /api/v1/payments/dynamic-qr in this order: auth (router) → Idempotency-Key (S6) → key reuse (S7) →
// body (S3–S5) → reference reuse (S7) → magic 502 → create (S9).
//
// Only a 200 binds a key (S8). Building the PNG is the one await after the body is read; the key and the
// reference are checked again after it, synchronously with the insert, so on one event loop two racing
// requests cannot both create.

export const MAGIC = {
  success: "255700000001",
  fail: "255700000002",
  cancel: "255700000003",
  expire: "255700000004",
  processThenSuccess: "255700000005",
  unavailable: "255700000502",
  checkStatusFails: "255700000503",
} as const;

const OUTCOMES: Partial<Record<string, readonly SplashPayStatus[]>> = {
  [MAGIC.success]: ["success"],
  [MAGIC.fail]: ["failed"],
  [MAGIC.cancel]: ["cancelled"],
  [MAGIC.expire]: ["expired"],
  [MAGIC.processThenSuccess]: ["processing", "success"],
};

function liveRecord(ctx: SplashPayContext, scope: string): IdempotencyRecord | undefined {
  const ttl = ctx.settings().idempotencyTtlSeconds;
  return liveIdempotencyRecord(ctx.store.idempotency, scope, ttl, ctx.now(), () => ctx.store.changed());
}

/** A reused key: the stored first answer for an identical body when allowed, else 409 (S7). */
function reusedKey(ctx: SplashPayContext, record: IdempotencyRecord, bodyHash: string): Response {
  if (ctx.settings().replayIdenticalRequests && record.bodyHash === bodyHash) {
    return jsonText(record.response);
  }
  return fail(ctx, 409, "DUPLICATE_REQUEST", MESSAGES.DUPLICATE_KEY);
}

export async function createPayment(
  ctx: SplashPayContext,
  apiKey: ApiKey,
  request: Request,
): Promise<Response> {
  const invalid = () => fail(ctx, 400, "INVALID_REQUEST", MESSAGES.INVALID_REQUEST);
  const key = request.headers.get("idempotency-key")?.trim();
  if (!key || key.length > 255) return invalid();
  const text = await request.text();
  const scope = `${apiKey}\u0000${key}`;
  const bodyHash = hashBody(text);
  const earlier = liveRecord(ctx, scope);
  if (earlier) return reusedKey(ctx, earlier, bodyHash);

  const body = parseJsonObject(text);
  if (!body) return invalid();
  const checked = validateCreate(body, ctx.settings().minAmount);
  if (!checked.ok) return invalid();
  const v = checked.value;
  if (ctx.store.payments.has(v.reference)) {
    return fail(ctx, 409, "DUPLICATE_REQUEST", MESSAGES.DUPLICATE_REFERENCE);
  }
  if (v.buyer.phone === MAGIC.unavailable && !ctx.store.providerFailedKeys.has(scope)) {
    // Only the first attempt with a key fails, so "retry with the same key" can be tested end to end.
    ctx.store.providerFailedKeys.add(scope);
    ctx.store.changed();
    return fail(ctx, 502, "PROVIDER_ERROR", MESSAGES.PROVIDER_ERROR);
  }

  const settings = ctx.settings();
  const qr = await buildTanqrPng({ amount: v.amount, reference: v.reference }, settings);
  const raced = liveRecord(ctx, scope);
  if (raced) return reusedKey(ctx, raced, bodyHash);
  if (ctx.store.payments.has(v.reference)) {
    return fail(ctx, 409, "DUPLICATE_REQUEST", MESSAGES.DUPLICATE_REFERENCE);
  }

  const now = ctx.now();
  const p: SplashPayment = {
    reference: v.reference,
    apiKey,
    status: "pending",
    amount: v.amount,
    fee: percentOf(v.amount, settings.feeRate),
    currency: "TZS",
    buyer: v.buyer,
    billing: v.billing,
    providerReference: null,
    qrPayload: qr.payload,
    qr: qr.png,
    checkStatusFails: v.buyer.phone === MAGIC.checkStatusFails,
    createdAt: now,
    processingAt: now,
    schedule: [
      { at: now + (settings.expirySeconds + settings.expiryGraceSeconds) * 1000, to: "expired" },
      ...stepsAfter(now, settings.autoOutcomeDelaySeconds * 1000, OUTCOMES[v.buyer.phone]),
    ],
  };
  const response = successText("PAYMENT_INITIATED", "Payment initiated", createdData(p, settings));
  ctx.store.payments.set(p.reference, p);
  ctx.store.idempotency.set(scope, { reference: p.reference, bodyHash, response, createdAt: now });
  ctx.engine.arm(p);
  ctx.store.changed();
  return jsonText(response);
}
