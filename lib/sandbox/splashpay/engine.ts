import { createHmac, randomInt } from "node:crypto";
import { StepTimers } from "../common/step-timers";
import { WebhookDispatcher } from "../common/webhook-dispatcher";
import { webhookBody } from "./record";
import type { SplashPaySandboxSettings } from "./settings";
import type { SplashPayStore } from "./store";
import type { SplashPayment, SplashPayStatus } from "./types";

// SplashPay's state machine (§5.5, S20) plus the steps it takes by itself (expiry S15, magic phones §10.3),
// and its webhooks: one per terminal transition (S21), signed per attempt (S22), delivered = HTTP 200 (S24).

const NEXT: Record<SplashPayStatus, readonly SplashPayStatus[]> = {
  pending: ["processing", "success", "failed", "cancelled", "expired"],
  processing: ["success", "failed", "cancelled", "expired"],
  success: [],
  failed: [],
  cancelled: [],
  expired: [],
};

export const isTerminal = (status: SplashPayStatus): boolean => NEXT[status].length === 0;

export function signSplashPay(secret: string, timestamp: number, body: string): string {
  return createHmac("sha256", Buffer.from(secret, "utf8")).update(`${timestamp}.${body}`).digest("hex");
}

export function createSplashPayDispatcher(options: {
  fetch: typeof fetch;
  now: () => number;
  settings: () => SplashPaySandboxSettings;
}): WebhookDispatcher {
  return new WebhookDispatcher({
    ...options,
    delivered: (status) => status === 200,
    headers: (job, timestamp) => ({
      "x-splashpay-signature": signSplashPay(options.settings().webhookSecret, timestamp, job.body),
      "x-splashpay-timestamp": String(timestamp),
    }),
  });
}

export interface EngineDeps {
  store: SplashPayStore;
  dispatcher: WebhookDispatcher;
  settings: () => SplashPaySandboxSettings;
  now: () => number;
}

export class SplashPayEngine {
  private readonly timers: StepTimers;

  constructor(private readonly deps: EngineDeps) {
    this.timers = new StepTimers(deps.now);
  }

  /** Moves the payment if the machine allows it and sends the webhook of a terminal status. */
  transition(p: SplashPayment, to: SplashPayStatus): boolean {
    if (!NEXT[p.status].includes(to)) return false;
    const now = this.deps.now();
    p.status = to;
    if (to === "success") {
      p.completedAt = now;
      // S13: a 10-digit numeric upstream reference from the moment the customer pays.
      p.providerReference = String(randomInt(1_000_000_000, 9_999_999_999));
    }
    if (isTerminal(to)) {
      p.schedule.length = 0;
      this.timers.disarm(p.reference);
      const url = this.deps.settings().webhookUrl;
      if (url) {
        this.deps.dispatcher.enqueue({
          kind: "webhook",
          url,
          body: webhookBody(p, now),
          event: `payment.${to}`,
          eventId: null,
          transactionId: p.reference,
        });
      }
    }
    this.deps.store.changed();
    return true;
  }

  /** Applies every due step, then arms a timer for the next; reads call it too, so a restart catches up. */
  settle(p: SplashPayment): void {
    const changed = this.timers.runDue(p.schedule, (step) => this.transition(p, step.to));
    if (changed) this.deps.store.changed();
    this.arm(p);
  }

  arm(p: SplashPayment): void {
    this.timers.arm(p.reference, p.schedule, () => {
      const current = this.deps.store.payments.get(p.reference);
      if (current) this.settle(current);
    });
  }

  armAll(): void {
    for (const p of this.deps.store.payments.values()) if (p.schedule.length > 0) this.arm(p);
  }

  close(): void {
    this.timers.close();
  }
}
