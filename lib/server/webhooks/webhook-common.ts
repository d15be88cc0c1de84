import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/lib/server/db/client";
import { payments, type PaymentRow } from "@/lib/server/db/schema";
import { ApiError } from "@/lib/server/http/api-error";
import { handleRouteError } from "@/lib/server/http/handle-route-error";
import { readRawBody } from "@/lib/server/http/read-json";
import { log } from "@/lib/server/log";
import { metrics } from "@/lib/server/metrics/registry";
import type { ApplyResult } from "@/lib/server/payments/apply-provider-event";
import type { SignatureVerdict } from "@/lib/server/providers/hmac-signature";

// The steps every provider's webhook receiver shares: raw body → verify (401, nothing stored) → parse only
// then → match the payment → apply through applyProviderEvent, in a group commit (dedupe, forward-only, event log, notify).
// Providers retry non-2xx answers, so every verified event is acknowledged, even one we ignore.

export interface WebhookAnswer {
  received: true;
  outcome: ApplyResult["outcome"] | "ignored";
}

export const IGNORED: WebhookAnswer = { received: true, outcome: "ignored" };

/** Throws the 401 of an unverified delivery, after logging why (never the signature itself). */
export function requireVerified(
  provider: string,
  verdict: SignatureVerdict,
  context: Record<string, unknown> = {},
): void {
  if (verdict.ok) return;
  log.warn(`${provider} webhook refused`, { reason: verdict.reason, ...context });
  throw new ApiError("UNAUTHENTICATED", "The webhook signature is not valid.");
}

export function parseWebhookJson(rawBody: string): unknown {
  try {
    return JSON.parse(rawBody) as unknown;
  } catch {
    throw new ApiError("VALIDATION_ERROR", "The webhook body is not JSON.");
  }
}

/** The merchant reference is ours; the newest row wins if a cashier reused one. */
export async function newestPaymentByReference(
  db: Db,
  provider: string,
  reference: string,
): Promise<PaymentRow | undefined> {
  const [payment] = await db
    .select()
    .from(payments)
    .where(and(eq(payments.provider, provider), eq(payments.reference, reference)))
    .orderBy(sql`${payments.createdAt} desc`)
    .limit(1);
  return payment;
}

/** The body of a thin webhook route: 404 when the provider is off, else the raw body to `receive`. */
export async function webhookRoute(
  request: Request,
  provider: string,
  enabled: boolean,
  receive: (rawBody: string) => Promise<WebhookAnswer>,
): Promise<Response> {
  const arrived = performance.now();
  try {
    if (!enabled) throw new ApiError("NOT_FOUND", `${provider} is not configured.`);
    metrics.webhooks.inc({ provider: provider.toLowerCase(), result: "received" });
    // The signature covers the exact bytes: read them raw, verify, and only then parse.
    const answer = await receive(await readRawBody(request));
    // An applied event committed its status change and NOTIFY before receive() returned.
    if (answer.outcome === "applied") {
      metrics.webhookToNotifySeconds.observe(
        { provider: provider.toLowerCase() },
        (performance.now() - arrived) / 1000,
      );
    }
    return Response.json(answer);
  } catch (error) {
    return handleRouteError(error);
  }
}
