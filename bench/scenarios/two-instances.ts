import { execSync } from "node:child_process";
import { createdSale, sendWebhook, signIn, type Created } from "../../test/cluster/cluster-api";
import {
  SANDBOX_API_KEY,
  startInstance,
  startSandbox,
  stop,
  waitForStatus,
  type Child,
} from "../../test/cluster/processes";
import { openStream, type SseClient } from "../../test/cluster/sse-client";
import { APP_PORT, WEBHOOK_RATE } from "../config";
import { percentile, sleep, sorted } from "../measure";
import { assertPortsFree, BENCH_STREAM_CAPS, ensureStandalone, postgresAvailable } from "../servers";

// (g) Two production instances (the standalone server, as the image runs it) on one fresh PostgreSQL
// database, started with the cluster suite's helpers (test/cluster). Every payment's stream is open on A
// and on B; each webhook is posted to A. The frame on B crossed instances through LISTEN/NOTIFY; the frame
// on A, from the same webhook, is the single-instance figure measured beside it in the same run.

const PORT_BASE = Number(process.env.BENCH_TWO_PORT_BASE ?? APP_PORT + 20);
const WEBHOOKS = Number(process.env.BENCH_TWO_WEBHOOKS ?? 300);
// The single-instance figure (a) sends 100/s; a lower rate shows the hop between instances without the
// queue a busy machine builds in front of A.
const RATE = Number(process.env.BENCH_TWO_RATE ?? WEBHOOK_RATE);
const FRAME_TIMEOUT_MS = 30_000;

export type TwoInstances =
  | { skipped: string }
  | {
      webhooks: number;
      rate_per_s: number;
      webhook_errors: number;
      /** A's answer to the webhook (the event committed and notified), p50 / p99. */
      ack_ms: { p50: number; p99: number };
      same_instance_ms: { p50: number; p99: number; samples: number; lost: number };
      other_instance_ms: { p50: number; p99: number; samples: number; lost: number };
    };

/** When the stream saw the payment at "processing", or undefined. */
const processingAt = (stream: SseClient) => stream.frames.find((f) => f.data?.status === "processing")?.at;

function figures(streams: SseClient[], sentAt: number[]) {
  const latencies: number[] = [];
  streams.forEach((stream, i) => {
    const at = processingAt(stream);
    if (at !== undefined) latencies.push(at - sentAt[i]!);
  });
  const s = sorted(latencies);
  return {
    p50: percentile(s, 50),
    p99: percentile(s, 99),
    samples: s.length,
    lost: streams.length - s.length,
  };
}

async function measure(a: string, b: string): Promise<TwoInstances> {
  const cookie = await signIn(a);
  const payments: Created[] = [];
  for (let i = 0; i < WEBHOOKS; i++) payments.push(await createdSale(a, cookie, 1000 + i));
  const onA: SseClient[] = [];
  const onB: SseClient[] = [];
  for (let i = 0; i < payments.length; i += 50) {
    const batch = payments.slice(i, i + 50);
    onA.push(
      ...(await Promise.all(batch.map((p) => openStream(`${a}/api/payments/${p.id}/events`, { cookie })))),
    );
    onB.push(
      ...(await Promise.all(batch.map((p) => openStream(`${b}/api/payments/${p.id}/events`, { cookie })))),
    );
  }
  // Every stream has shown the payment's current state before the first webhook is sent.
  const all = [...onA, ...onB];
  while (all.some((stream) => !stream.frames.some((f) => f.data))) await sleep(50);

  const sentAt: number[] = [];
  const acks: number[] = [];
  let webhookErrors = 0;
  const answers: Promise<void>[] = [];
  const t0 = performance.now();
  for (let i = 0; i < payments.length; i++) {
    const wait = t0 + (i * 1000) / RATE - performance.now();
    if (wait > 0) await sleep(wait);
    const sent = performance.now();
    sentAt.push(sent);
    answers.push(
      sendWebhook(a, payments[i]!, "processing").then(
        async (response) => {
          await response.arrayBuffer();
          acks.push(performance.now() - sent);
          if (response.status !== 200) webhookErrors += 1;
        },
        () => {
          webhookErrors += 1;
        },
      ),
    );
  }
  await Promise.all(answers);
  const deadline = performance.now() + FRAME_TIMEOUT_MS;
  while (performance.now() < deadline && all.some((stream) => processingAt(stream) === undefined))
    await sleep(100);
  for (const stream of all) stream.close();
  return {
    webhooks: payments.length,
    rate_per_s: RATE,
    webhook_errors: webhookErrors,
    ack_ms: { p50: percentile(sorted(acks), 50), p99: percentile(sorted(acks), 99) },
    same_instance_ms: figures(onA, sentAt),
    other_instance_ms: figures(onB, sentAt),
  };
}

export async function measureTwoInstances(): Promise<TwoInstances> {
  if (!postgresAvailable()) return { skipped: "PostgreSQL is not reachable on 127.0.0.1:5432" };
  const urls = [0, 1, 2].map((i) => `http://127.0.0.1:${PORT_BASE + i}`);
  await assertPortsFree(urls);
  ensureStandalone();
  const name = `malipo_bench_two_${Date.now()}`;
  execSync(`createdb -h 127.0.0.1 -U postgres ${name}`);
  const children: Child[] = [];
  try {
    const sandbox = startSandbox(PORT_BASE + 2, urls.slice(0, 2));
    children.push(sandbox);
    await waitForStatus(`${sandbox.url}/control/settings`, 401);
    // The sandbox's own webhooks are dropped: every frame measured follows a webhook this bench sent.
    const settings = await fetch(`${sandbox.url}/control/settings`, {
      method: "PUT",
      headers: { "content-type": "application/json", authorization: `Bearer ${SANDBOX_API_KEY}` },
      body: JSON.stringify({ webhookFaults: { drop: 1 } }),
    });
    if (settings.status !== 200) throw new Error(`sandbox settings answered ${settings.status}`);
    for (const port of [PORT_BASE, PORT_BASE + 1]) {
      children.push(
        startInstance({
          port,
          databaseUrl: `postgres://postgres@127.0.0.1:5432/${name}`,
          paygridBaseUrl: `${sandbox.url}/api/v1`,
          extraEnv: { ...BENCH_STREAM_CAPS, LOG_LEVEL: "warn" },
        }),
      );
    }
    await Promise.all(children.slice(1).map((child) => waitForStatus(`${child.url}/api/ready`, 200)));
    return await measure(children[1]!.url, children[2]!.url);
  } finally {
    await Promise.all(children.map((child) => stop(child)));
    execSync(`dropdb -h 127.0.0.1 -U postgres --if-exists --force ${name}`);
  }
}

export function printTwoInstances(two: TwoInstances): void {
  if ("skipped" in two) {
    console.log(`\n(g) two instances: skipped, ${two.skipped}`);
    return;
  }
  const f = (n: number) => n.toFixed(1);
  console.log(
    `\n(g) two instances on one PostgreSQL: ${two.webhooks} webhooks posted to A at ${two.rate_per_s}/s, each payment's stream open on A and on B; A answered the webhooks in p50 ${f(two.ack_ms.p50)} ms / p99 ${f(two.ack_ms.p99)} ms (${two.webhook_errors} errors)\n`,
  );
  console.table({
    "webhook on A → frame on A (one instance)": {
      "p50 ms": f(two.same_instance_ms.p50),
      "p99 ms": f(two.same_instance_ms.p99),
      frames: two.same_instance_ms.samples,
      lost: two.same_instance_ms.lost,
    },
    "webhook on A → frame on B (two instances)": {
      "p50 ms": f(two.other_instance_ms.p50),
      "p99 ms": f(two.other_instance_ms.p99),
      frames: two.other_instance_ms.samples,
      lost: two.other_instance_ms.lost,
    },
  });
}
