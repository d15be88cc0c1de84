import { APP, BIG_STREAMS, WEBHOOK_RATE } from "../config";
import { rssKb, settle } from "../measure";
import type { Servers } from "../servers";
import { atRate, openSse, type SseStream } from "../sse-client";
import { createMore } from "./create";
import { sendWebhook } from "./paygrid-webhook";

// (b) BIG_STREAMS (10,000) streams held by one instance: server memory per stream, and webhook → SSE frame
// latency while they are all open (a webhook a payment at the bench's rate; a frame counts when every
// stream of that payment has it). Streams per payment stay within SSE_MAX_STREAMS_PER_PAYMENT's default (8).

const PER_PAYMENT = 8;

export async function measureManyStreams(servers: Servers) {
  const more = await createMore(servers, Math.ceil(BIG_STREAMS / PER_PAYMENT));
  await settle();
  const before = rssKb(servers.app.pid!);
  const byPayment = new Map<string, SseStream[]>();
  for (let i = 0; i < BIG_STREAMS; i += 100) {
    const batch = Array.from({ length: Math.min(100, BIG_STREAMS - i) }, async (_, j) => {
      const payment = more[(i + j) % more.length]!;
      const stream = await openSse(`${APP}/api/payments/${payment.id}/events`, { cookie: servers.cookie });
      byPayment.set(payment.id, [...(byPayment.get(payment.id) ?? []), stream]);
    });
    await Promise.all(batch);
  }
  await settle();
  const after = rssKb(servers.app.pid!);
  let webhookErrors = 0;
  const frames = await atRate(more.length, WEBHOOK_RATE, (i, done) => {
    const streams = byPayment.get(more[i]!.id) ?? [];
    let waiting = streams.length;
    for (const stream of streams)
      stream.onFrame = () => {
        stream.onFrame = undefined;
        if (--waiting === 0) done();
      };
    // A refused or reset delivery is counted, not fatal: its frames never come and count as lost.
    sendWebhook(more[i]!, "processing").catch(() => (webhookErrors += 1));
  });
  for (const streams of byPayment.values()) for (const stream of streams) stream.request.destroy();
  return { streams: BIG_STREAMS, kibPerStream: (after - before) / BIG_STREAMS, webhookErrors, ...frames };
}
