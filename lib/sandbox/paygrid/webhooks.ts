import { createHmac, randomUUID } from "node:crypto";
import type { PayGridSandboxSettings } from "./settings";

// Webhook and callback delivery as paygrid.md §10 and §17.5 describe: signed per attempt, retried on
// non-2xx / timeout / connection error with the same body and event_id, invalid URLs dead-lettered, and
// optional faults (drop, duplicate, reorder, delay) so the receiver's dedupe and ordering can be tested.

export interface DeliveryJob {
  kind: "webhook" | "callback";
  url: string;
  /** The exact bytes sent on every attempt. */
  body: string;
  event: string;
  eventId: string | null;
  transactionId: string;
}

export type DeliveryOutcome = "delivered" | "retrying" | "failed" | "dead_lettered" | "dropped";

export interface DeliveryLogEntry {
  delivery_id: string | null;
  kind: DeliveryJob["kind"];
  event: string;
  event_id: string | null;
  transaction_id: string;
  url: string;
  attempt: number;
  status_code: number | null;
  error?: string;
  outcome: DeliveryOutcome;
  at: string;
}

export interface WebhookDispatcherOptions {
  fetch: typeof fetch;
  now: () => number;
  settings: () => PayGridSandboxSettings;
  random?: () => number;
}

const MAX_LOG = 2000;
/** How long a reordered delivery waits for a later one to overtake it before it goes out anyway. */
const REORDER_HOLD_MS = 1000;

export function signPayload(signingKey: string, timestamp: number, body: string): string {
  return `sha256=${createHmac("sha256", signingKey).update(`${timestamp}.${body}`).digest("hex")}`;
}

/** §10.1: deliveries to such URLs are dead-lettered, never retried. */
export function isDeliverableUrl(url: string): boolean {
  if (url.length > 2048) return false;
  try {
    const parsed = new URL(url);
    return parsed.protocol === "http:" || parsed.protocol === "https:";
  } catch {
    return false;
  }
}

export class WebhookDispatcher {
  private readonly entries: DeliveryLogEntry[] = [];
  private readonly timers = new Set<ReturnType<typeof setTimeout>>();
  private readonly inFlight = new Set<AbortController>();
  private held: DeliveryJob[] = [];
  private holdTimer: ReturnType<typeof setTimeout> | undefined;
  private closed = false;
  private readonly random: () => number;

  constructor(private readonly options: WebhookDispatcherOptions) {
    this.random = options.random ?? Math.random;
  }

  enqueue(job: DeliveryJob): void {
    if (this.closed) return;
    if (!isDeliverableUrl(job.url)) {
      this.record(job, {
        attempt: 0,
        delivery_id: null,
        status_code: null,
        outcome: "dead_lettered",
        error: "invalid URL",
      });
      return;
    }
    const faults = this.options.settings().webhookFaults;
    if (this.chance(faults.drop)) {
      this.record(job, { attempt: 0, delivery_id: null, status_code: null, outcome: "dropped" });
      return;
    }
    const copies = this.chance(faults.duplicate) ? 2 : 1;
    if (this.chance(faults.reorder)) {
      if (this.held.length === 0) {
        this.held.push(job);
        this.holdTimer = this.later(REORDER_HOLD_MS, () => this.releaseHeld());
        if (copies === 2) this.held.push(job);
        return;
      }
    }
    for (let i = 0; i < copies; i++) this.start(job);
    this.releaseHeld();
  }

  log(): DeliveryLogEntry[] {
    return [...this.entries];
  }

  clearLog(): void {
    this.entries.length = 0;
  }

  close(): void {
    this.closed = true;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    for (const c of this.inFlight) c.abort();
    this.inFlight.clear();
    this.held = [];
  }

  private chance(p: number): boolean {
    return p > 0 && (p >= 1 || this.random() < p);
  }

  private releaseHeld(): void {
    if (this.holdTimer) {
      clearTimeout(this.holdTimer);
      this.timers.delete(this.holdTimer);
      this.holdTimer = undefined;
    }
    const jobs = this.held;
    this.held = [];
    for (const job of jobs) this.start(job);
  }

  private start(job: DeliveryJob): void {
    const delayMs = this.options.settings().webhookFaults.delaySeconds * 1000;
    if (delayMs > 0) this.later(delayMs, () => void this.attempt(job, 1));
    else void this.attempt(job, 1);
  }

  private later(ms: number, fn: () => void): ReturnType<typeof setTimeout> {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      fn();
    }, ms);
    timer.unref?.();
    this.timers.add(timer);
    return timer;
  }

  private async attempt(job: DeliveryJob, attempt: number): Promise<void> {
    if (this.closed) return;
    const settings = this.options.settings();
    const timestamp = Math.floor(this.options.now() / 1000);
    const deliveryId = randomUUID();
    const controller = new AbortController();
    const timeout = setTimeout(() => controller.abort(), settings.webhookTimeoutSeconds * 1000);
    this.inFlight.add(controller);
    let statusCode: number | null = null;
    let error: string | undefined;
    try {
      const response = await this.options.fetch(job.url, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "user-agent": "MeetPay-Webhook/1.0",
          "x-meetpay-signature": signPayload(settings.webhookSigningKey, timestamp, job.body),
          "x-meetpay-timestamp": String(timestamp),
          "x-meetpay-delivery-id": deliveryId,
        },
        body: job.body,
        redirect: "manual",
        signal: controller.signal,
      });
      statusCode = response.status;
      await response.arrayBuffer().catch(() => undefined);
    } catch (e) {
      error = controller.signal.aborted ? "timeout" : e instanceof Error ? e.message : "connection error";
    } finally {
      clearTimeout(timeout);
      this.inFlight.delete(controller);
    }
    if (this.closed) return;
    const base = { attempt, delivery_id: deliveryId, status_code: statusCode, ...(error ? { error } : {}) };
    if (statusCode !== null && statusCode >= 200 && statusCode < 300) {
      this.record(job, { ...base, outcome: "delivered" });
      return;
    }
    const delays = settings.webhookRetryDelaysSeconds;
    const nextDelay = delays[attempt - 1];
    if (nextDelay === undefined) {
      this.record(job, { ...base, outcome: "failed" });
      return;
    }
    this.record(job, { ...base, outcome: "retrying" });
    this.later(nextDelay * 1000, () => void this.attempt(job, attempt + 1));
  }

  private record(
    job: DeliveryJob,
    entry: Pick<DeliveryLogEntry, "attempt" | "delivery_id" | "status_code" | "outcome" | "error">,
  ): void {
    this.entries.push({
      kind: job.kind,
      event: job.event,
      event_id: job.eventId,
      transaction_id: job.transactionId,
      url: job.url,
      at: new Date(this.options.now()).toISOString(),
      ...entry,
    });
    if (this.entries.length > MAX_LOG) this.entries.splice(0, this.entries.length - MAX_LOG);
  }
}
