import "server-only";
import { desc, eq } from "drizzle-orm";
import type { DisplayState } from "@/lib/customer-display-contract";
import { customerDisplayActive } from "@/lib/server/auth/customer-displays";
import type { Db } from "@/lib/server/db/client";
import { payments } from "@/lib/server/db/schema";
import { log } from "@/lib/server/log";
import { displaySaleJson } from "@/lib/server/wire/display-json";
import { isPaymentStatus, isTerminal } from "@/lib/payment-status";
import { ALL_PAYMENTS, type ListenHub } from "./listen-hub";
import { SSE_PING, SSE_RETRY, sseFrame } from "./sse";

// GET /api/display/{token}/events (docs/api.md "Customer display"): the register's current sale as a
// snapshot on every change. A payment's notification carries its id only, so any payment's wake-up makes
// the stream re-read the register's newest payment (one indexed query, coalesced while one is running)
// and send it only when what the customer sees changed. The stream ends with a `revoked` frame once the
// display or its register is revoked, checked on every wake and ping, so it holds on every instance.

const PING_MS = 15_000;
/** How long the outcome stays on the display before the welcome screen returns. */
export const OUTCOME_SECONDS = 60;

const open = new Set<() => void>();

/** SIGTERM: end every open display stream so the process can exit promptly. */
export function closeAllDisplayStreams(): number {
  const count = open.size;
  for (const close of [...open]) close();
  return count;
}

/** The register's sale as the customer display shows it now: the newest payment, or the welcome screen. */
export async function displayState(db: Db, registerId: string, now = new Date()): Promise<DisplayState> {
  const [row] = await db
    .select()
    .from(payments)
    .where(eq(payments.registerId, registerId))
    .orderBy(desc(payments.createdAt))
    .limit(1);
  const settled = row && isPaymentStatus(row.status) && isTerminal(row.status);
  const stale = settled && now.getTime() - row.updatedAt.getTime() > OUTCOME_SECONDS * 1000;
  return { sale: row && !stale ? displaySaleJson(row) : null, server_time: now.toISOString() };
}

export function displayEventStream(
  db: Db,
  hub: ListenHub,
  display: { id: string; registerId: string },
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let closed = false;
  let pumping = false;
  let dirty = false;
  let seq = 0;
  let last = "";
  let cleanup: () => void = () => {};
  return new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (text: string) => {
        if (!closed) controller.enqueue(encoder.encode(text));
      };
      const close = () => {
        if (closed) return;
        closed = true;
        cleanup();
        try {
          controller.close();
        } catch {
          // the reader already went away
        }
      };
      const pump = async (): Promise<void> => {
        if (pumping) {
          dirty = true;
          return;
        }
        pumping = true;
        try {
          do {
            dirty = false;
            if (!(await customerDisplayActive(db, display.id))) {
              send(sseFrame("revoked", (seq += 1), {}));
              close();
              return;
            }
            const state = await displayState(db, display.registerId);
            // server_time changes every read; only what the customer sees decides whether to send.
            const seen = JSON.stringify(state.sale);
            if (seen !== last) {
              last = seen;
              send(sseFrame("state", (seq += 1), state));
            }
          } while (dirty && !closed);
        } catch (error) {
          log.error("display stream read failed", { displayId: display.id, error: String(error) });
          close();
        } finally {
          pumping = false;
        }
      };
      const ping = setInterval(() => {
        send(SSE_PING);
        void pump();
      }, PING_MS);
      let unsubscribe: () => void = () => {};
      cleanup = () => {
        clearInterval(ping);
        unsubscribe();
        open.delete(close);
      };
      open.add(close);
      send(SSE_RETRY);
      await pump();
      if (closed) return;
      unsubscribe = await hub.subscribe(ALL_PAYMENTS, () => void pump());
      if (closed) unsubscribe();
      // Anything that changed while subscribing.
      else await pump();
    },
    cancel() {
      closed = true;
      cleanup();
    },
  });
}
