import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/lib/server/db/client";
import { payments, type PaymentRow } from "@/lib/server/db/schema";
import { ApiError } from "@/lib/server/http/api-error";
import { log } from "@/lib/server/log";
import { metrics } from "@/lib/server/metrics/registry";
import { refreshPayment } from "@/lib/server/payments/refresh-payment";
import { claimProviderAsk } from "@/lib/server/payments/throttled-refresh";
import type { PaymentProviderAdapter } from "@/lib/server/providers/adapter";
import { newestPaymentByReference, type WebhookAnswer } from "./webhook-common";

// A webhook that cannot be verified is a wake-up, never a fact. SplashPay documents no signature scheme
// (ours comes from third-party code, docs/providers), so a live scheme mismatch would refuse every webhook.
// The unverified body is still answered 401 and changes nothing, but if it names a payment we know, we ask
// the provider ourselves (authenticated, at most once per payment per 5 s across instances) and apply its
// answer through the normal path. Counts go to the log so an operator sees a mismatch on day one.

type Provider = "paygrid" | "splashpay";

const counts: Record<Provider, { verified: number; refused: number; woken: number }> = {
  paygrid: { verified: 0, refused: 0, woken: 0 },
  splashpay: { verified: 0, refused: 0, woken: 0 },
};

export function webhookCounts(provider: Provider) {
  return { ...counts[provider] };
}

/** The payment an unverified body names, read defensively: nothing in it is trusted beyond the lookup. */
async function namedPayment(db: Db, provider: Provider, rawBody: string): Promise<PaymentRow | undefined> {
  let body: Record<string, unknown>;
  try {
    const parsed = JSON.parse(rawBody) as unknown;
    if (!parsed || typeof parsed !== "object") return undefined;
    body = parsed as Record<string, unknown>;
  } catch {
    return undefined;
  }
  const text = (v: unknown) => (typeof v === "string" && v.length > 0 && v.length <= 200 ? v : undefined);
  if (provider === "paygrid") {
    const transactionId = text(body.transaction_id);
    if (transactionId) {
      const [row] = await db
        .select()
        .from(payments)
        .where(and(eq(payments.provider, "paygrid"), eq(payments.providerPaymentId, transactionId)));
      if (row) return row;
    }
    const reference = text(body.merchant_reference) ?? text(body.reference);
    return reference ? newestPaymentByReference(db, "paygrid", reference) : undefined;
  }
  const data = body.data && typeof body.data === "object" ? (body.data as Record<string, unknown>) : {};
  const reference = text(data.reference);
  return reference ? newestPaymentByReference(db, "splashpay", reference) : undefined;
}

export async function receiveOrWake(
  db: Db,
  provider: Provider,
  rawBody: string,
  adapter: (provider: string) => PaymentProviderAdapter,
  receive: () => Promise<WebhookAnswer>,
): Promise<WebhookAnswer> {
  try {
    const answer = await receive();
    counts[provider].verified += 1;
    metrics.webhooks.inc({ provider, result: answer.outcome === "duplicate" ? "duplicate" : "verified" });
    return answer;
  } catch (error) {
    if (!(error instanceof ApiError) || error.code !== "UNAUTHENTICATED") throw error;
    counts[provider].refused += 1;
    metrics.webhooks.inc({ provider, result: "refused" });
    const payment = await namedPayment(db, provider, rawBody).catch(() => undefined);
    if (payment && (await claimProviderAsk(db, payment.id))) {
      counts[provider].woken += 1;
      metrics.webhooks.inc({ provider, result: "woken" });
      try {
        await refreshPayment(db, adapter(provider), payment, { live: false });
      } catch (cause) {
        log.warn(`${provider} wake-up status check failed`, { paymentId: payment.id, error: String(cause) });
      }
    }
    log.warn(`${provider} webhook counts`, { ...counts[provider], paymentKnown: Boolean(payment) });
    throw error;
  }
}
