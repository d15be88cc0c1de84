import "server-only";
import { and, asc, desc, eq, gt } from "drizzle-orm";
import type { Db } from "@/lib/server/db/client";
import { paymentEvents, payments } from "@/lib/server/db/schema";
import { paymentJson } from "@/lib/server/wire/payment-json";
import { log } from "@/lib/server/log";
import { metrics } from "@/lib/server/metrics/registry";
import { isPaymentStatus, isTerminal } from "@/lib/payment-status";
import type { ListenHub } from "./listen-hub";
import { SSE_PING, SSE_RETRY, SSE_SHUTDOWN, sseFrame } from "./sse";

// GET /api/payments/:id/events (docs/api.md#live-status): a retry hint, the current state at once (or a replay
// after Last-Event-ID), then a frame per logged event, a ping every 15 s, and the end after a terminal frame.

const PING_MS = 15_000;
type Close = (finalText?: string) => void;
// On globalThis: start()'s shutdown and the route handlers may hold different copies of this module.
const holder = globalThis as typeof globalThis & { __malipoOpenStreams?: Set<Close> };
const open = (holder.__malipoOpenStreams ??= new Set<Close>());
// One encoder for every stream: it holds no state between calls, and 10,000 streams need not carry 10,000.
const encoder = new TextEncoder();

// Streams of one payment (a cashier's tab, the customer display, the shopper's phone…) are woken together
// by one NOTIFY: they share one read of the log instead of each asking the database. A stream joins only
// a read that began after its wake-up, so no stream can be handed rows read before the change it was woken
// for. `clock` orders wake-ups and read starts.
type EventRow = typeof paymentEvents.$inferSelect;
const reads = new Map<string, { startedAt: number; rows: Promise<EventRow[]> }>();
let clock = 0;

function eventsAfter(db: Db, paymentId: string, afterSeq: number, wokenAt: number): Promise<EventRow[]> {
  const key = `${paymentId}\u0000${afterSeq}`;
  const shared = reads.get(key);
  if (shared && shared.startedAt > wokenAt) return shared.rows;
  const entry = {
    startedAt: ++clock,
    rows: db
      .select()
      .from(paymentEvents)
      .where(and(eq(paymentEvents.paymentId, paymentId), gt(paymentEvents.seq, afterSeq)))
      .orderBy(asc(paymentEvents.seq))
      .limit(100),
  };
  reads.set(key, entry);
  const forget = () => {
    if (reads.get(key) === entry) reads.delete(key);
  };
  entry.rows.then(forget, forget);
  return entry.rows;
}

/** SIGTERM: end every open stream with a short retry hint so clients reconnect to another instance. */
export function closeAllStreams(): number {
  const count = open.size;
  for (const close of [...open]) close(SSE_SHUTDOWN);
  return count;
}

export function openStreamCount(): number {
  return open.size;
}

export function paymentEventStream(
  db: Db,
  hub: ListenHub,
  paymentId: string,
  lastEventId: number | undefined,
): ReadableStream<Uint8Array> {
  let lastSeq = lastEventId ?? 0;
  let closed = false;
  let pumping = false;
  let dirty = false;
  let wokenAt = 0;
  let cleanup: () => void = () => {};

  return new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (text: string) => {
        if (!closed) controller.enqueue(encoder.encode(text));
      };
      const close: Close = (finalText) => {
        if (closed) return;
        if (finalText) send(finalText);
        closed = true;
        cleanup();
        try {
          controller.close();
        } catch {
          // the reader already went away
        }
      };

      // Reads the log past lastSeq and sends each event; serialized so frames never interleave.
      const pump = async (): Promise<void> => {
        if (pumping) {
          dirty = true;
          return;
        }
        pumping = true;
        try {
          do {
            dirty = false;
            const rows = await eventsAfter(db, paymentId, lastSeq, wokenAt);
            for (const row of rows) {
              if (closed) return;
              const snapshot = row.detail?.payment ?? (await currentJson());
              send(sseFrame("payment", row.seq, snapshot));
              lastSeq = row.seq;
              if (isPaymentStatus(row.status) && isTerminal(row.status)) {
                close();
                return;
              }
            }
            if (rows.length === 100) dirty = true;
          } while (dirty && !closed);
        } catch (error) {
          log.error("payment stream read failed", { paymentId, error: String(error) });
          close();
        } finally {
          pumping = false;
        }
      };

      const currentJson = async () => {
        const [row] = await db.select().from(payments).where(eq(payments.id, paymentId));
        return row ? paymentJson(row) : null;
      };

      const ping = setInterval(() => send(SSE_PING), PING_MS);
      let unsubscribe: () => void = () => {};
      cleanup = () => {
        clearInterval(ping);
        unsubscribe();
        if (open.delete(close)) metrics.openStreams.dec();
      };
      open.add(close);
      metrics.openStreams.inc();
      send(SSE_RETRY);

      if (lastEventId === undefined) {
        const [row] = await db.select().from(payments).where(eq(payments.id, paymentId));
        if (!row) return close();
        const [latest] = await db
          .select({ seq: paymentEvents.seq })
          .from(paymentEvents)
          .where(eq(paymentEvents.paymentId, paymentId))
          .orderBy(desc(paymentEvents.seq))
          .limit(1);
        lastSeq = latest?.seq ?? 0;
        send(sseFrame("payment", lastSeq, paymentJson(row)));
        if (isPaymentStatus(row.status) && isTerminal(row.status)) return close();
      }
      // The pump starts a microtask later: every stream of the payment is stamped by the same NOTIFY
      // before the first of them starts the read the others then join.
      const wake = () => {
        wokenAt = ++clock;
        queueMicrotask(() => void pump());
      };
      unsubscribe = await hub.subscribe(paymentId, wake);
      if (closed) return unsubscribe();
      // Anything logged between the snapshot and the subscription is picked up here.
      wokenAt = ++clock;
      await pump();
    },
    cancel() {
      closed = true;
      cleanup();
    },
  });
}
