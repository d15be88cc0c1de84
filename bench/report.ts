import fs from "node:fs";
import os from "node:os";
import { BIG_STREAMS, FISCAL, STREAMS, WEBHOOK_RATE, type Store } from "./config";
import { percentile, sorted } from "./measure";
import type { measureRawSse } from "./scenarios/ceilings";
import type { measureManyStreams } from "./scenarios/many-streams";
import type { measureWebhookToSse } from "./scenarios/webhook-to-sse";

// One run's figures as the JSON saved in bench/results/, and the table printed at the end.

export interface Measured {
  store: Store;
  create: { ours: number[]; direct: number[] };
  sse: Awaited<ReturnType<typeof measureWebhookToSse>>;
  streams: { baseline: number; at1000: number };
  perSecond: number;
  many: Awaited<ReturnType<typeof measureManyStreams>>;
  /** What the figures are printed beside (scenarios/ceilings.ts). */
  ceilings: { emptyRoutePerSecond: number; rawSse: Awaited<ReturnType<typeof measureRawSse>> };
}

export function results({ store, create, sse, streams, perSecond, many, ceilings }: Measured) {
  const sortedLat = sorted(sse.latencies);
  const sortedOurs = sorted(create.ours);
  const sortedDirect = sorted(create.direct);
  const sortedMany = sorted(many.latencies);
  const sortedRaw = sorted(ceilings.rawSse.latencies);
  return {
    when: new Date().toISOString(),
    machine: {
      cpus: os.cpus().length,
      memoryGiB: Math.round(os.totalmem() / 2 ** 30),
      node: process.version,
    },
    store,
    fiscal_receipts: FISCAL,
    a_webhook_to_sse_ms: {
      streams: STREAMS,
      rate_per_s: WEBHOOK_RATE,
      samples: sse.latencies.length,
      lost: sse.lost,
      webhook_errors: sse.webhookErrors,
      ack_p50: percentile(sorted(sse.acks), 50),
      ack_p95: percentile(sorted(sse.acks), 95),
      // [ms since start, webhook answered after ms, frame arrived after ms] for every 50th webhook
      timeline_every_50th: sse.timeline.filter((_, i) => i % 50 === 0),
      p50: percentile(sortedLat, 50),
      p95: percentile(sortedLat, 95),
      p99: percentile(sortedLat, 99),
    },
    b_memory_per_stream_kib: {
      at_1000: (streams.at1000 - streams.baseline) / STREAMS,
    },
    c_webhooks_persisted_per_s: perSecond,
    c_ceiling_empty_route_per_s: ceilings.emptyRoutePerSecond,
    c_share_of_empty_route: perSecond / ceilings.emptyRoutePerSecond,
    a_ceiling_raw_sse_ms: {
      lost: ceilings.rawSse.lost,
      p50: percentile(sortedRaw, 50),
      p99: percentile(sortedRaw, 99),
    },
    e_many_streams: {
      streams: many.streams,
      kib_per_stream: many.kibPerStream,
      webhooks: many.latencies.length + many.lost,
      lost: many.lost,
      webhook_errors: many.webhookErrors,
      frame_p50_ms: percentile(sortedMany, 50),
      frame_p99_ms: percentile(sortedMany, 99),
    },
    d_create_ms: {
      through_malipo: {
        p50: percentile(sortedOurs, 50),
        p95: percentile(sortedOurs, 95),
        n: create.ours.length,
      },
      sandbox_direct: {
        p50: percentile(sortedDirect, 50),
        p95: percentile(sortedDirect, 95),
        n: create.direct.length,
      },
      overhead_p50: percentile(sortedOurs, 50) - percentile(sortedDirect, 50),
    },
  };
}

export type Results = ReturnType<typeof results>;

export function printTable(all: Results[]) {
  const f = (n: number) => n.toFixed(1);
  const rows: Record<string, Record<string, string>> = {};
  const row = (name: string, pick: (r: Results) => number) => {
    rows[name] = Object.fromEntries(all.map((r) => [r.store, f(pick(r))]));
  };
  row("(a) webhook → SSE p50 ms", (r) => r.a_webhook_to_sse_ms.p50);
  row("(a) webhook → SSE p95 ms", (r) => r.a_webhook_to_sse_ms.p95);
  row("(a) webhook → SSE p99 ms", (r) => r.a_webhook_to_sse_ms.p99);
  row(`(b) KiB per stream @${STREAMS}`, (r) => r.b_memory_per_stream_kib.at_1000);
  row("(a) ceiling: raw SSE write p50 ms", (r) => r.a_ceiling_raw_sse_ms.p50);
  row("(a) ceiling: raw SSE write p99 ms", (r) => r.a_ceiling_raw_sse_ms.p99);
  row("(c) webhooks persisted / s", (r) => r.c_webhooks_persisted_per_s);
  row("(c) ceiling: empty route handler / s", (r) => r.c_ceiling_empty_route_per_s);
  row("(c) webhooks / s as % of empty route", (r) => 100 * r.c_share_of_empty_route);
  row("(d) create via Malipo p50 ms", (r) => r.d_create_ms.through_malipo.p50);
  row("(d) create via Malipo p95 ms", (r) => r.d_create_ms.through_malipo.p95);
  row("(d) create direct p50 ms", (r) => r.d_create_ms.sandbox_direct.p50);
  row("(d) create direct p95 ms", (r) => r.d_create_ms.sandbox_direct.p95);
  row("(d) create overhead p50 ms (via − direct)", (r) => r.d_create_ms.overhead_p50);
  row(`(b) KiB per stream @${BIG_STREAMS}`, (r) => r.e_many_streams.kib_per_stream);
  row(`(b) webhook → SSE p50 ms @${BIG_STREAMS}`, (r) => r.e_many_streams.frame_p50_ms);
  row(`(b) webhook → SSE p99 ms @${BIG_STREAMS}`, (r) => r.e_many_streams.frame_p99_ms);
  console.log(
    `\nMalipo benchmark (production build, standalone PayGrid sandbox, ${STREAMS} streams at ${WEBHOOK_RATE} webhooks/s, fiscal receipts ${FISCAL ? "on" : "off"})\n`,
  );
  console.table(rows);
}

export function save(all: object[]): string {
  fs.mkdirSync("bench/results", { recursive: true });
  const file = `bench/results/${new Date().toISOString().replace(/[:.]/g, "-")}.json`;
  fs.writeFileSync(file, `${JSON.stringify(all, null, 2)}\n`);
  return file;
}
