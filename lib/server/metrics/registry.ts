import "server-only";
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";

// The process's Prometheus metrics (README "Metrics"), served by /api/metrics. A low floor so any module
// can count what it does: import the metric and call inc()/observe()/set(). Kept on globalThis because
// Next.js may load this module once per route bundle and a metric name registers only once.

function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "malipo_" });
  const registers = [registry];
  return {
    registry,
    paymentsCreated: new Counter({
      name: "malipo_payments_created_total",
      help: "Payments created, by provider, method and outcome (created, failed, replayed)",
      labelNames: ["provider", "method", "outcome"] as const,
      registers,
    }),
    providerRequestSeconds: new Histogram({
      name: "malipo_provider_request_duration_seconds",
      help: "Time of each HTTP request to a payment provider",
      labelNames: ["provider", "operation"] as const,
      buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 20],
      registers,
    }),
    providerRequestErrors: new Counter({
      name: "malipo_provider_request_errors_total",
      help: "Provider requests that failed (network error, timeout or 5xx), by provider, operation and kind",
      labelNames: ["provider", "operation", "kind"] as const,
      registers,
    }),
    webhooks: new Counter({
      name: "malipo_webhooks_total",
      help: "Provider webhooks by result: received, verified, refused, duplicate, woken",
      labelNames: ["provider", "result"] as const,
      registers,
    }),
    webhookToNotifySeconds: new Histogram({
      name: "malipo_webhook_to_notify_seconds",
      help: "From a provider webhook's arrival to the commit of its status change (the NOTIFY)",
      labelNames: ["provider"] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers,
    }),
    openStreams: new Gauge({
      name: "malipo_sse_open_streams",
      help: "Live-status (SSE) streams open on this instance",
      registers,
    }),
    reconcilerLagSeconds: new Gauge({
      name: "malipo_reconciler_lag_seconds",
      help: "Age of the oldest open payment whose check is due (0 when none is waiting)",
      registers,
    }),
    outboxBacklog: new Gauge({
      name: "malipo_outbox_backlog",
      help: "Merchant webhooks waiting for delivery (neither delivered nor dead)",
      registers,
    }),
    outboxDead: new Gauge({
      name: "malipo_outbox_dead",
      help: "Merchant webhooks that gave up after every retry (see GET /api/webhook-deliveries?status=failed)",
      registers,
    }),
    outboxAttempts: new Counter({
      name: "malipo_outbox_attempts_total",
      help: "Merchant webhook delivery attempts by result: delivered, retrying, dead",
      labelNames: ["result"] as const,
      registers,
    }),
    signInThrottled: new Counter({
      name: "malipo_sign_in_throttled_total",
      help: "Sign-in attempts refused by throttling",
      labelNames: ["kind"] as const,
      registers,
    }),
  };
}

export type Metrics = ReturnType<typeof createMetrics>;

const holder = globalThis as typeof globalThis & { __malipoMetrics?: Metrics };

export const metrics: Metrics = (holder.__malipoMetrics ??= createMetrics());
