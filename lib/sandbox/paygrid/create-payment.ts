import { randomBytes, randomUUID } from "node:crypto";
import { findPayment, recordResponse, type AuthInfo, type SandboxContext } from "./context";
import { failure, validationError } from "./envelope";
import { percentOf } from "../common/amount";
import { hashBody, liveIdempotencyRecord } from "../common/idempotency";
import { stepsAfter } from "../common/step-timers";
import { buildQrCode } from "./qr";
import type { SandboxPayment, SandboxStatus } from "./types";
import { validateCreate, type ValidCreate } from "./validate-create";

// POST /api/v1/payments in the order S11 fixes: auth and test mode (router) → Idempotency-Key → replay →
// body validation → type rules → duplicate reference → magic outcomes → create.
//
// Same-key concurrency (S14): everything after the body has been read runs synchronously, so on one
// event loop the lookup and the insert of the idempotency record cannot interleave — the first request
// to get here creates (201) and every later one replays (200).

export const MAGIC = {
  complete: "255700000001",
  fail: "255700000002",
  cancel: "255700000003",
  expire: "255700000004",
  processThenComplete: "255700000005",
  decline: "255700000402",
  block: "255700000403",
  unavailable: "255700000502",
  refreshFails: "255700000503",
} as const;

const LIVE_REFERENCE: ReadonlySet<SandboxStatus> = new Set([
  "pending",
  "processing",
  "completed",
  "partially_refunded",
  "refunded",
]);

export function readIdempotencyKey(request: Request): string | Response {
  const key = request.headers.get("idempotency-key")?.trim();
  if (!key) return failure(400, "IDEMPOTENCY_KEY_REQUIRED", "The Idempotency-Key header is required");
  if (key.length > 255) {
    return validationError([{ field: "Idempotency-Key", message: "must be at most 255 characters" }]);
  }
  return key;
}

/** Live idempotency record for this scope, forgetting it once the TTL has passed (S13). */
export function lookupIdempotency(ctx: SandboxContext, scope: string) {
  const ttl = ctx.settings().idempotencyTtlSeconds;
  return liveIdempotencyRecord(ctx.store.idempotency, scope, ttl, ctx.now(), () => ctx.store.changed());
}

function nextExternalId(ctx: SandboxContext, at: number): string {
  const day = new Date(at).toISOString().slice(0, 10).replaceAll("-", "");
  const n = (ctx.store.externalIdCounters.get(day) ?? 0) + 1;
  ctx.store.externalIdCounters.set(day, n);
  return `EXT-${day}-${String(n).padStart(3, "0")}`;
}

const OUTCOMES: Partial<Record<string, readonly SandboxStatus[]>> = {
  [MAGIC.complete]: ["completed"],
  [MAGIC.fail]: ["failed"],
  [MAGIC.cancel]: ["cancelled"],
  [MAGIC.expire]: ["expired"],
  [MAGIC.processThenComplete]: ["processing", "completed"],
};

function buildPayment(
  ctx: SandboxContext,
  auth: AuthInfo,
  v: ValidCreate,
  declined: boolean,
): SandboxPayment {
  const settings = ctx.settings();
  const now = ctx.now();
  const id = randomUUID();
  const externalId = nextExternalId(ctx, now);
  const hosted = v.type !== "mobile";
  const paymentUrl = hosted ? `${ctx.publicUrl}/pay/${id}` : undefined;
  const p: SandboxPayment = {
    id,
    mode: auth.mode,
    type: v.type,
    status: declined ? "failed" : "pending",
    amount: v.amount,
    margin: percentOf(v.amount, settings.marginRate),
    refunded: 0,
    currency: v.currency,
    phone: v.phone,
    network: v.network,
    reference: v.reference,
    externalId,
    paymentUrl,
    qrCode:
      v.type === "dynamic-qr" && paymentUrl
        ? buildQrCode(
            { amount: v.amount, currency: v.currency, reference: v.reference ?? externalId, paymentUrl },
            settings,
          )
        : undefined,
    paymentToken: hosted ? `tok_${randomBytes(12).toString("hex")}` : undefined,
    customer: v.customer,
    metadata: v.metadata,
    webhookUrl: v.webhookUrl,
    callbackUrl: v.callbackUrl,
    redirectUrl: v.redirectUrl,
    cancelUrl: v.cancelUrl,
    refreshFails: v.phone === MAGIC.refreshFails,
    createdAt: now,
    schedule: declined
      ? []
      : [
          { at: now + (settings.expirySeconds + settings.expiryGraceSeconds) * 1000, to: "expired" },
          ...stepsAfter(now, settings.autoOutcomeDelaySeconds * 1000, OUTCOMES[v.phone]),
        ],
  };
  // JSON persistence drops undefined keys anyway; dropping them now keeps memory and file identical.
  const loose = p as unknown as Record<string, unknown>;
  for (const key of Object.keys(loose)) if (loose[key] === undefined) delete loose[key];
  return p;
}

export async function createPayment(
  ctx: SandboxContext,
  auth: AuthInfo,
  request: Request,
): Promise<Response> {
  const key = readIdempotencyKey(request);
  if (key instanceof Response) return key;
  const text = await request.text();

  const scope = `${auth.apiKey}\u0000payments\u0000${key}`;
  const settings = ctx.settings();
  const bodyHash = hashBody(text);
  const existing = lookupIdempotency(ctx, scope);
  if (existing) {
    const p = findPayment(ctx, auth, existing.targetId);
    if (p) {
      if (settings.rejectKeyReuseWithDifferentBody && existing.bodyHash !== bodyHash) {
        return failure(
          422,
          "IDEMPOTENCY_KEY_REUSED",
          "This Idempotency-Key was used with a different request body",
        );
      }
      return recordResponse(ctx, 200, "Payment retrieved successfully", p);
    }
  }

  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return validationError([{ field: "body", message: "must be a JSON object" }]);
  }
  const checked = validateCreate(body, settings);
  if (!checked.ok) return checked.response;
  const v = checked.value;

  if (v.reference !== undefined) {
    for (const other of ctx.store.payments.values()) {
      if (other.mode !== auth.mode || other.reference !== v.reference) continue;
      ctx.engine.settle(other);
      if (!LIVE_REFERENCE.has(other.status)) continue;
      return failure(
        409,
        "DUPLICATE_REFERENCE",
        "A payment with this reference already exists for this merchant",
        {
          existing_transaction_id: other.id,
          existing_status: other.status,
          reference: v.reference,
        },
      );
    }
  }

  if (v.phone === MAGIC.block) {
    return failure(403, "TRANSACTION_BLOCKED", "The transaction was blocked by risk screening");
  }
  if (ctx.settings().createUnavailable) {
    return failure(502, "PROVIDER_UNAVAILABLE", "The payment provider is temporarily unavailable");
  }
  if (v.phone === MAGIC.unavailable && !ctx.store.providerFailedKeys.has(scope)) {
    // Only the first attempt with a key fails, so "retry with the same key" can be tested end to end.
    ctx.store.providerFailedKeys.add(scope);
    ctx.store.changed();
    return failure(
      502,
      "PROVIDER_UNAVAILABLE",
      "The payment provider is temporarily unavailable; retry with the same Idempotency-Key",
    );
  }

  const declined = v.phone === MAGIC.decline;
  const p = buildPayment(ctx, auth, v, declined);
  ctx.store.payments.set(p.id, p);
  ctx.store.idempotency.set(scope, { targetId: p.id, bodyHash, createdAt: p.createdAt });
  if (declined) {
    // S23: the declined attempt exists as a failed record (replayable, readable), normally without webhooks.
    p.status = "pending";
    ctx.engine.addEvent(p, "merchant");
    p.status = "failed";
    ctx.engine.addEvent(p, "psp", "Payment declined by the provider");
    if (settings.webhookOnSyncDecline) ctx.engine.notify(p, "pending", p.createdAt);
    ctx.store.changed();
    return failure(402, "PAYMENT_DECLINED", "The payment was declined by the provider", {
      transaction_id: p.id,
      status: "failed",
      reference: p.reference ?? null,
    });
  }
  ctx.engine.addEvent(p, "merchant");
  ctx.engine.arm(p);
  ctx.store.changed();
  return recordResponse(ctx, 201, "Payment created successfully", p);
}
