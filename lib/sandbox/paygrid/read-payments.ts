import { findPayment, recordResponse, type AuthInfo, type SandboxContext } from "./context";
import { failure, notFound, success, validationError, type FieldIssue } from "./envelope";
import { toEventRow, toRecord } from "./record";

// GET /payments/{id}, GET /payments, POST /payments/{id}/refresh, GET /payments/{id}/events (§9, S25, S29–S31).

const paymentNotFound = () => notFound("Payment not found");

export function getPayment(ctx: SandboxContext, auth: AuthInfo, id: string): Response {
  const p = findPayment(ctx, auth, id);
  if (!p) return paymentNotFound();
  return recordResponse(ctx, 200, "Payment retrieved successfully", p);
}

export function refreshPayment(ctx: SandboxContext, auth: AuthInfo, id: string): Response {
  const p = ctx.store.payments.get(id);
  if (!p || p.mode !== auth.mode) return paymentNotFound();
  if (p.refreshFails) {
    return failure(502, "PROVIDER_ERROR", "The live status check is temporarily unavailable");
  }
  // The live check is what notices a due expiry here, so the change is the poller's.
  ctx.engine.settle(p, "poller");
  return recordResponse(ctx, 200, "Payment refreshed successfully", p);
}

export function paymentEvents(ctx: SandboxContext, auth: AuthInfo, id: string): Response {
  const p = findPayment(ctx, auth, id);
  if (!p) return paymentNotFound();
  const rows = (ctx.store.events.get(p.id) ?? []).map(toEventRow);
  return success(200, "Payment events retrieved successfully", rows);
}

function positiveInt(url: URL, name: string, fallback: number, issues: FieldIssue[]): number {
  const raw = url.searchParams.get(name);
  if (raw === null || raw === "") return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < 1) {
    issues.push({ field: name, message: "must be a positive whole number" });
    return fallback;
  }
  return Number(raw);
}

export function listPayments(ctx: SandboxContext, auth: AuthInfo, request: Request): Response {
  const url = new URL(request.url);
  const issues: FieldIssue[] = [];
  const page = positiveInt(url, "page", 1, issues);
  const perPage = Math.min(100, positiveInt(url, "per_page", 20, issues));
  if (issues.length > 0) return validationError(issues);

  const mine = [...ctx.store.payments.values()].filter((p) => p.mode === auth.mode);
  for (const p of mine) ctx.engine.settle(p);
  // Newest first; the insertion order breaks ties between payments created in the same millisecond.
  const newestFirst = mine
    .map((p, i) => ({ p, i }))
    .sort((a, b) => b.p.createdAt - a.p.createdAt || b.i - a.i);
  const total = newestFirst.length;
  const data = newestFirst.slice((page - 1) * perPage, page * perPage).map(({ p }) => toRecord(p));
  return success(200, "Payments retrieved successfully", data, {
    page,
    per_page: perPage,
    total,
    total_pages: Math.ceil(total / perPage),
  });
}
