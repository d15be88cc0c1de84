import "server-only";
import { ApiError } from "./api-error";

// Live-status streams hold a connection and a LISTEN subscription each, and a checkout link is public. So
// this instance keeps at most N streams per payment and M per client address (429 RATE_LIMITED beyond),
// and ends every stream after a maximum lifetime with a retry hint: the browser's EventSource reconnects on
// its own with Last-Event-ID and misses nothing (docs/api.md "Live status").

/** The same hint the stream opens with (realtime/sse.ts): reconnect after 3 s. */
const RETRY_HINT = "retry: 3000\n\n";

export interface StreamLimits {
  maxPerPayment: number;
  maxPerClient: number;
  maxLifetimeSeconds: number;
}

const perPayment = new Map<string, number>();
const perClient = new Map<string, number>();

function bump(map: Map<string, number>, key: string, by: number): void {
  const next = (map.get(key) ?? 0) + by;
  if (next <= 0) map.delete(key);
  else map.set(key, next);
}

/** Takes a stream slot or throws 429; the returned release must run exactly once when the stream ends. */
export function acquireStreamSlot(paymentId: string, client: string, limits: StreamLimits): () => void {
  if ((perPayment.get(paymentId) ?? 0) >= limits.maxPerPayment) {
    throw new ApiError("RATE_LIMITED", "Too many live views of this payment are open. Close one and retry.", {
      headers: { "Retry-After": "10" },
    });
  }
  if ((perClient.get(client) ?? 0) >= limits.maxPerClient) {
    throw new ApiError(
      "RATE_LIMITED",
      "Too many live views are open from this address. Close some and retry.",
      {
        headers: { "Retry-After": "10" },
      },
    );
  }
  bump(perPayment, paymentId, 1);
  bump(perClient, client, 1);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    bump(perPayment, paymentId, -1);
    bump(perClient, client, -1);
  };
}

/** Passes `source` through until it ends, the reader leaves, or the lifetime is up (then: a retry hint). */
export function boundedStream(
  source: ReadableStream<Uint8Array>,
  lifetimeMs: number,
  release: () => void,
): ReadableStream<Uint8Array> {
  const reader = source.getReader();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let done = false;
  const finish = () => {
    if (done) return false;
    done = true;
    clearTimeout(timer);
    release();
    return true;
  };
  return new ReadableStream<Uint8Array>({
    start(controller) {
      timer = setTimeout(() => {
        if (!finish()) return;
        controller.enqueue(new TextEncoder().encode(RETRY_HINT));
        controller.close();
        void reader.cancel().catch(() => {});
      }, lifetimeMs);
    },
    async pull(controller) {
      try {
        const { value, done: ended } = await reader.read();
        if (done) return;
        if (ended) {
          finish();
          controller.close();
        } else {
          controller.enqueue(value);
        }
      } catch (error) {
        if (finish()) controller.error(error);
      }
    },
    cancel() {
      finish();
      return reader.cancel().catch(() => {});
    },
  });
}
