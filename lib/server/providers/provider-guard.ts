import "server-only";
import { ProviderFailure, type PaymentProviderAdapter } from "./adapter";

// A bound on what one provider's trouble can cost us (docs/architecture.md#outgoing-http): at most
// `maxInFlight` calls waiting on it at once, and a circuit breaker that, after `failureThreshold` calls in a
// row found it unavailable (timeouts, connection errors, 5xx after the client's retries), answers
// "unavailable" at once for `openMs` instead of letting every register wait out the timeouts. Then one
// probe call is let through; its success closes the breaker. Both refusals are ordinary "unavailable"
// failures, so a create keeps its row in "creating" and the retry with the same key is safe.

export interface ProviderGuardOptions {
  maxInFlight: number;
  failureThreshold: number;
  openMs: number;
  now?: () => number;
}

export const DEFAULT_GUARD_OPTIONS: ProviderGuardOptions = {
  maxInFlight: 32,
  failureThreshold: 5,
  openMs: 10_000,
};

export type BreakerState = "closed" | "open" | "half_open";

/** A snapshot for health pages and metrics. */
export interface ProviderGuardState {
  provider: string;
  breaker: BreakerState;
  inFlight: number;
  maxInFlight: number;
  consecutiveFailures: number;
  /** Calls refused without asking the provider, since start. */
  refusedBusy: number;
  refusedOpen: number;
  /** Times the breaker opened, since start. */
  opened: number;
}

export class ProviderGuard {
  private inFlight = 0;
  private failures = 0;
  private openUntil = 0;
  private probing = false;
  private refusedBusy = 0;
  private refusedOpen = 0;
  private opened = 0;
  private readonly now: () => number;

  constructor(
    readonly provider: string,
    private readonly options: ProviderGuardOptions = DEFAULT_GUARD_OPTIONS,
  ) {
    this.now = options.now ?? Date.now;
  }

  state(): ProviderGuardState {
    return {
      provider: this.provider,
      breaker: this.breaker(),
      inFlight: this.inFlight,
      maxInFlight: this.options.maxInFlight,
      consecutiveFailures: this.failures,
      refusedBusy: this.refusedBusy,
      refusedOpen: this.refusedOpen,
      opened: this.opened,
    };
  }

  private breaker(): BreakerState {
    if (this.failures < this.options.failureThreshold) return "closed";
    return this.now() < this.openUntil ? "open" : "half_open";
  }

  async run<T>(call: () => Promise<T>): Promise<T> {
    const breaker = this.breaker();
    if (breaker === "open" || (breaker === "half_open" && this.probing)) {
      this.refusedOpen += 1;
      throw new ProviderFailure(
        "unavailable",
        `${this.provider} failed ${this.failures} times in a row; not asking it again for a few seconds`,
        { code: "CIRCUIT_OPEN" },
      );
    }
    if (this.inFlight >= this.options.maxInFlight) {
      this.refusedBusy += 1;
      throw new ProviderFailure(
        "unavailable",
        `${this.provider} already has ${this.inFlight} calls waiting; try again shortly`,
        { code: "TOO_MANY_IN_FLIGHT" },
      );
    }
    const probe = breaker === "half_open";
    if (probe) this.probing = true;
    this.inFlight += 1;
    try {
      const result = await call();
      this.failures = 0;
      return result;
    } catch (error) {
      // Only "not answering" counts: a decline or a validation error is the provider answering fine.
      if (error instanceof ProviderFailure && error.kind === "unavailable") this.recordFailure();
      else this.failures = 0;
      throw error;
    } finally {
      this.inFlight -= 1;
      if (probe) this.probing = false;
    }
  }

  private recordFailure(): void {
    this.failures += 1;
    if (this.failures >= this.options.failureThreshold) {
      if (this.now() >= this.openUntil) this.opened += 1;
      this.openUntil = this.now() + this.options.openMs;
    }
  }
}

/** The adapter with every call going through the guard. */
export function guardAdapter(adapter: PaymentProviderAdapter, guard: ProviderGuard): PaymentProviderAdapter {
  const cancel = adapter.cancel?.bind(adapter);
  const refund = adapter.refund?.bind(adapter);
  return {
    create: (payment, key, urls) => guard.run(() => adapter.create(payment, key, urls)),
    fetchState: (payment, options) => guard.run(() => adapter.fetchState(payment, options)),
    ...(cancel ? { cancel: (payment) => guard.run(() => cancel(payment)) } : {}),
    ...(refund ? { refund: (payment, request) => guard.run(() => refund(payment, request)) } : {}),
  };
}
