import { WEBHOOK_RATE } from "../config";
import type { Created } from "./create";
import { sendWebhook } from "./paygrid-webhook";
import type { Streams } from "./streams";

// (a) 100 webhooks/s, each moving one payment to "processing"; latency until its stream shows it.

export async function measureWebhookToSse(streams: Streams, payments: Created[]) {
  const latencies: number[] = [];
  const acks: number[] = [];
  const timeline: [number, number, number][] = [];
  let lost = 0;
  let webhookErrors = 0;
  const pending: Promise<void>[] = [];
  const t0 = performance.now();
  for (let i = 0; i < payments.length; i++) {
    const due = t0 + (i * 1000) / WEBHOOK_RATE;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const p = payments[i]!;
    const sent = performance.now();
    pending.push(
      new Promise<void>((resolve) => {
        let ack = Number.NaN;
        const timer = setTimeout(() => {
          lost += 1;
          resolve();
        }, 30_000);
        streams.arrivals.set(p.id, () => {
          // Only the first frame after this webhook counts; later frames (phase c) belong to other events.
          streams.arrivals.delete(p.id);
          const latency = performance.now() - sent;
          latencies.push(latency);
          timeline.push([Math.round(sent - t0), Math.round(ack), Math.round(latency)]);
          clearTimeout(timer);
          resolve();
        });
        sendWebhook(p, "processing").then(
          () => {
            ack = performance.now() - sent;
            acks.push(ack);
          },
          () => {
            webhookErrors += 1;
          },
        );
      }),
    );
  }
  await Promise.all(pending);
  return { latencies, acks, timeline, lost, webhookErrors };
}
