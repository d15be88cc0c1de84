import { randomUUID } from "node:crypto";

// Webhook delivery shared by the simulated providers: signed afresh on every attempt (the provider supplies
// the headers), retried on failure / timeout / connection error with the very same body, invalid URLs
// dead-lettered, and optional faults (drop, duplicate, reorder, delay) so the receiver's dedupe and
// ordering can be tested.

export interface WebhookFaults {
  /** Probability 0..1 that a delivery is silently never sent. */
  drop: number;
  /** Probability 0..1 that a delivery is sent twice (same body). */
  duplicate: number;
  /** Probability 0..1 that a delivery is held back until the next one has been sent. */
  reorder: number;
  /** Extra wait before the first attempt of a delivery… */
  delaySeconds: number;
  /** …for this share 0..1 of deliveries (absent: every delivery). */
  delay?: number;
}

/** The delivery knobs every sandbox's settings carry. */
export interface DeliverySettings {
  webhookTimeoutSeconds: number;
  webhookRetryDelaysSeconds: number[];
  webhookFaults: WebhookFaults;
}

export interface DeliveryJob {
  /** "webhook", or another kind of notification the provider sends (PayGrid's "callback"). */
  kind: string;
  url: string;
  /** The exact bytes sent on every attempt. */
  body: string;
  event: string;
  eventId: string | null;
  /** The provider's payment key the delivery is about (PayGrid: transaction id; SplashPay: reference). */
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
  settings: () => DeliverySettings;
  /** The provider's headers for one attempt, signature included; content-type is added. */
  headers: (job: DeliveryJob, timestampSeconds: number, deliveryId: string) => Record<string, string>;
  /** Which answers count as delivered; default any 2xx. */
  delivered?: (status: number) => boolean;
  random?: () => number;
}

const MAX_LOG = 2000;
/** How long a reordered delivery waits for a later one to overtake it before it goes out anyway. */
const REORDER_HOLD_MS = 1000;

/** Deliveries to such URLs are dead-lettered, never retried. */
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
    const faults = this.options.settings().webhookFaults;
    const delayMs = faults.delaySeconds * 1000;
    if (delayMs > 0 && this.chance(faults.delay ?? 1)) this.later(delayMs, () => void this.attempt(job, 1));
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
          ...this.options.headers(job, timestamp, deliveryId),
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
    const delivered = this.options.delivered ?? ((s: number) => s >= 200 && s < 300);
    if (statusCode !== null && delivered(statusCode)) {
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
