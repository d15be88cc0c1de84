import { randomUUID } from "node:crypto";
import { callbackBody, webhookBody } from "./notify";
import type { PayGridSandboxSettings } from "./settings";
import type { SandboxStore } from "./store";
import type { ActorType, SandboxPayment, SandboxStatus } from "./types";
import { StepTimers } from "../common/step-timers";
import type { WebhookDispatcher } from "../common/webhook-dispatcher";

// The provider's state machine (§8) plus the steps it takes by itself (expiry, magic-phone outcomes).
// Nothing leaves failed / cancelled / expired: unlike Malipo's own machine, PayGrid documents no late
// completion of an expired payment.

const NEXT: Record<SandboxStatus, readonly SandboxStatus[]> = {
  pending: ["processing", "completed", "failed", "cancelled", "expired"],
  processing: ["completed", "failed", "cancelled", "expired"],
  completed: ["partially_refunded", "refunded"],
  partially_refunded: ["refunded"],
  refunded: [],
  failed: [],
  cancelled: [],
  expired: [],
};

const NOTIFIED: ReadonlySet<SandboxStatus> = new Set([
  "processing",
  "completed",
  "failed",
  "cancelled",
  "expired",
]);
const CALLBACK: ReadonlySet<SandboxStatus> = new Set(["completed", "failed", "cancelled", "expired"]);

const MESSAGES: Record<SandboxStatus, string> = {
  pending: "Payment created",
  processing: "Payment is being processed",
  completed: "Payment completed",
  failed: "Payment failed",
  cancelled: "Payment cancelled",
  expired: "Payment expired",
  partially_refunded: "Payment partially refunded",
  refunded: "Payment refunded",
};

export interface EngineDeps {
  store: SandboxStore;
  dispatcher: WebhookDispatcher;
  settings: () => PayGridSandboxSettings;
  now: () => number;
}

export class PaymentEngine {
  private readonly timers: StepTimers;

  constructor(private readonly deps: EngineDeps) {
    this.timers = new StepTimers(deps.now);
  }

  canMove(from: SandboxStatus, to: SandboxStatus): boolean {
    return NEXT[from].includes(to);
  }

  addEvent(p: SandboxPayment, actorType: ActorType, message = MESSAGES[p.status]): void {
    this.deps.store.eventsFor(p.id).push({
      id: randomUUID(),
      transactionId: p.id,
      status: p.status,
      message,
      actorType,
      createdAt: this.deps.now(),
    });
  }

  /** Moves the payment if §8 allows it, records the event and sends webhook + callback. */
  transition(
    p: SandboxPayment,
    to: SandboxStatus,
    actorType: ActorType,
    options: { notify?: boolean } = {},
  ): boolean {
    if (!this.canMove(p.status, to)) return false;
    const previous = p.status;
    const now = this.deps.now();
    p.status = to;
    if (to === "completed") p.completedAt = now;
    if (CALLBACK.has(to)) {
      p.schedule.length = 0;
      this.timers.disarm(p.id);
    }
    this.addEvent(p, actorType);
    if (options.notify !== false && NOTIFIED.has(to)) this.notify(p, previous, now);
    this.deps.store.changed();
    return true;
  }

  notify(p: SandboxPayment, previous: SandboxStatus, now: number): void {
    const merchant = this.deps.store.merchant;
    const webhookUrl = p.webhookUrl ?? merchant.webhookUrl;
    if (webhookUrl) {
      const eventId = randomUUID();
      this.deps.dispatcher.enqueue({
        kind: "webhook",
        url: webhookUrl,
        body: webhookBody(p, eventId, previous, now),
        event: `payment.${p.status}`,
        eventId,
        transactionId: p.id,
      });
    }
    const callbackUrl = p.callbackUrl ?? merchant.callbackUrl;
    if (callbackUrl && CALLBACK.has(p.status)) {
      this.deps.dispatcher.enqueue({
        kind: "callback",
        url: callbackUrl,
        body: callbackBody(p, now),
        event: "transaction.callback",
        eventId: null,
        transactionId: p.id,
      });
    }
  }

  /**
   * Applies every scheduled step that is due, oldest first, then arms a timer for the next one. Reads
   * call this too, so a payment whose deadline passed while the process was stopped expires at once.
   */
  settle(p: SandboxPayment, actorOverride?: ActorType): void {
    const changed = this.timers.runDue(p.schedule, (step) =>
      this.transition(p, step.to, actorOverride ?? (step.to === "expired" ? "system" : "psp")),
    );
    if (changed) this.deps.store.changed();
    this.arm(p);
  }

  arm(p: SandboxPayment): void {
    this.timers.arm(p.id, p.schedule, () => {
      const current = this.deps.store.payments.get(p.id);
      if (current) this.settle(current);
    });
  }

  /** After loading persisted state: resume expiry and auto outcomes of unfinished payments. */
  armAll(): void {
    for (const p of this.deps.store.payments.values()) {
      if (p.schedule.length > 0) this.arm(p);
    }
  }

  close(): void {
    this.timers.close();
  }
}
