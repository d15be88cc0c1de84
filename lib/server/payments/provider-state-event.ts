import "server-only";
import type { ProviderPaymentState } from "@/lib/server/providers/adapter";
import type { EventSource, ProviderEvent } from "./apply-provider-event";

/**
 * What a provider answered about a payment (create, status read or cancel), as the event the one apply
 * path takes. `extra` adds what only that caller knows: the QR check, the create answer's fields, why.
 */
export function providerStateEvent(
  paymentId: string,
  state: ProviderPaymentState,
  source: EventSource,
  extra: Pick<ProviderEvent, "providerPaymentId" | "patch" | "detail"> = {},
): ProviderEvent {
  return {
    paymentId,
    status: state.status,
    source,
    providerReference: state.providerReference ?? null,
    occurredAt: state.completedAt ?? undefined,
    // Every path carries what the provider said was paid, so the amount check runs on all of them.
    money: { amount: state.amount, currency: state.currency },
    fees: state.fees,
    ...extra,
  };
}
