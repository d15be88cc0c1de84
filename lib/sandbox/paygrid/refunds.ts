import { randomUUID } from "node:crypto";
import { testModeBlocked } from "./auth";
import { findPayment, type AuthInfo, type SandboxContext } from "./context";
import { hashBody } from "../common/idempotency";
import { lookupIdempotency, readIdempotencyKey } from "./create-payment";
import { notFound, success, validationError, type FieldIssue, parseJsonObject } from "./envelope";
import { parseJsonAmount, toJsonAmount } from "../common/amount";
import { toRefundRow } from "./record";

// POST /api/v1/refunds (§12, S32). The docs give no response schema or rules; these are ours.

const REASONS = ["customer_request", "fraud", "duplicate", "other"];

export async function createRefund(ctx: SandboxContext, auth: AuthInfo, request: Request): Promise<Response> {
  const blocked = testModeBlocked(auth, ctx.settings());
  if (blocked) return blocked;
  const key = readIdempotencyKey(request);
  if (key instanceof Response) return key;
  const text = await request.text();

  const scope = `${auth.apiKey}\u0000refunds\u0000${key}`;
  const existing = lookupIdempotency(ctx, scope);
  const replayed = existing && ctx.store.refunds.get(existing.targetId);
  if (replayed) return success(200, "Refund retrieved successfully", toRefundRow(replayed));

  const input = parseJsonObject(text);
  if (input instanceof Response) return input;
  const issues: FieldIssue[] = [];
  const transactionId = typeof input.transaction_id === "string" ? input.transaction_id : undefined;
  if (!transactionId) issues.push({ field: "transaction_id", message: "is required" });
  const amount = parseJsonAmount(input.amount);
  if (typeof amount === "string") issues.push({ field: "amount", message: amount });
  const reason =
    typeof input.reason === "string" && REASONS.includes(input.reason) ? input.reason : undefined;
  if (!reason) issues.push({ field: "reason", message: `must be one of ${REASONS.join(", ")}` });
  if (issues.length > 0 || !transactionId || typeof amount === "string" || !reason)
    return validationError(issues);

  const p = findPayment(ctx, auth, transactionId);
  if (!p) return notFound("Payment not found");
  if (p.status !== "completed" && p.status !== "partially_refunded") {
    return validationError([
      { field: "transaction_id", message: `only completed payments can be refunded (status: ${p.status})` },
    ]);
  }
  const remaining = p.amount - p.refunded;
  if (amount > remaining) {
    return validationError([
      { field: "amount", message: `must be at most the remaining ${toJsonAmount(remaining)}` },
    ]);
  }

  const refund = { id: randomUUID(), transactionId: p.id, amount, reason, createdAt: ctx.now() };
  ctx.store.refunds.set(refund.id, refund);
  ctx.store.idempotency.set(scope, {
    targetId: refund.id,
    bodyHash: hashBody(text),
    createdAt: refund.createdAt,
  });
  p.refunded += amount;
  const to = p.refunded === p.amount ? "refunded" : "partially_refunded";
  // Refund statuses fire no webhook (§8); a second partial refund is not a transition, only an event row.
  if (!ctx.engine.transition(p, to, "merchant"))
    ctx.engine.addEvent(p, "merchant", "Payment partially refunded");
  ctx.store.changed();
  return success(201, "Refund created successfully", toRefundRow(refund));
}
