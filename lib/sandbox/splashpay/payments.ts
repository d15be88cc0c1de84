import { fail, findPayment, type ApiKey, type SplashPayContext } from "./context";
import { MESSAGES, parseJsonObject, success } from "./envelope";
import { statusData } from "./record";
import type { SplashPayment } from "./types";

// POST /payments/check-status and POST /payments/cancel, both `{ "reference" }` without an idempotency key
// (S18, S19).

async function byReference(
  ctx: SplashPayContext,
  apiKey: ApiKey,
  request: Request,
): Promise<SplashPayment | Response> {
  const body = parseJsonObject(await request.text());
  const reference = body?.reference;
  if (typeof reference !== "string" || reference.trim() === "") {
    return fail(ctx, 400, "INVALID_REQUEST", MESSAGES.INVALID_REQUEST);
  }
  return (
    findPayment(ctx, apiKey, reference) ?? fail(ctx, 404, "PAYMENT_NOT_FOUND", MESSAGES.PAYMENT_NOT_FOUND)
  );
}

export async function checkStatus(
  ctx: SplashPayContext,
  apiKey: ApiKey,
  request: Request,
): Promise<Response> {
  const p = await byReference(ctx, apiKey, request);
  if (p instanceof Response) return p;
  if (p.checkStatusFails) return fail(ctx, 502, "PROVIDER_ERROR", MESSAGES.PROVIDER_ERROR);
  return success("PAYMENT_STATUS_CHECKED", "Payment status checked", statusData(p));
}

export async function cancelPayment(
  ctx: SplashPayContext,
  apiKey: ApiKey,
  request: Request,
): Promise<Response> {
  const p = await byReference(ctx, apiKey, request);
  if (p instanceof Response) return p;
  if (!ctx.engine.transition(p, "cancelled")) {
    return fail(ctx, 409, "PAYMENT_NOT_CANCELLABLE", MESSAGES.PAYMENT_NOT_CANCELLABLE);
  }
  return success("PAYMENT_CANCELLED", "Payment cancelled", statusData(p));
}
