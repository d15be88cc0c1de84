import "server-only";
import type { Db } from "@/lib/server/db/client";
import type { PaymentRow } from "@/lib/server/db/schema";
import { log } from "@/lib/server/log";
import type { PaymentProviderAdapter } from "@/lib/server/providers/adapter";
import { applyProviderEvent } from "@/lib/server/payments/apply-provider-event";
import { providerStateEvent } from "@/lib/server/payments/provider-state-event";
import { liveAttempt } from "./one-live-attempt";

/**
 * Ends a session's live attempt because the session itself is closing (the shop expired it). Where the
 * provider can cancel (SplashPay) it is asked to, and its answer is recorded as it stands: money that
 * already landed stays a success. PayGrid has no cancel and expires its QR on its own, so the attempt is
 * closed here as expired — a late payment still completes it (expired → completed, paid_after_expiry).
 * All through the one apply path, so screens, the event log and the merchant's events follow.
 *
 * Not payments/supersede-attempt.ts, which ends an attempt so another can start for the same sale: that one
 * must be sure the old attempt is over (it throws when the provider cannot cancel or it was paid, and marks
 * superseded_at); here the session is closing whatever the provider says, so a failed cancel is logged
 * and the attempt ends as expired with session_expired, the outcome the shop's events report.
 */
export async function supersedeLiveAttempt(
  db: Db,
  adapter: (provider: string) => PaymentProviderAdapter,
  sessionId: string,
): Promise<PaymentRow | undefined> {
  const live = await liveAttempt(db, sessionId);
  if (!live) return undefined;
  const provider = adapter(live.provider);
  const detail = { reason: "session_expired" };
  if (provider.cancel && live.providerPaymentId) {
    try {
      const state = await provider.cancel(live);
      const result = await applyProviderEvent(db, providerStateEvent(live.id, state, "system", { detail }));
      return result.payment ?? live;
    } catch (error) {
      // The provider did not answer; our own close below still stops the screen offering the code.
      log.warn("cancel at the provider failed while expiring a session", {
        paymentId: live.id,
        error: String(error),
      });
    }
  }
  const result = await applyProviderEvent(db, {
    paymentId: live.id,
    status: "expired",
    source: "system",
    failure: { code: "session_expired", message: "The shop closed this checkout." },
    detail,
  });
  return result.payment ?? live;
}
