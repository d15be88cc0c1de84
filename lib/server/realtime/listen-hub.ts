import "server-only";
import type { Database } from "@/lib/server/db/client";
import { getDatabase } from "@/lib/server/db/database";
import { PAYMENT_CHANNEL } from "@/lib/server/db/payment-notify";
import { log } from "@/lib/server/log";

// One LISTEN per app instance feeds every open SSE stream. Notifications carry a payment id only and are
// wake-ups: a woken stream re-reads the event log, so a lost or coalesced notification loses nothing.

type Wake = () => void;

/** Subscribes to every payment's wake-ups (a customer display follows a register, not one payment). */
export const ALL_PAYMENTS = "*";

export interface ListenHub {
  /**
   * Subscribes to wake-ups for one payment (or ALL_PAYMENTS); resolves once the LISTEN is live. Returns
   * unsubscribe.
   */
  subscribe(paymentId: string, wake: Wake): Promise<() => void>;
  subscriberCount(): number;
  /** True while the LISTEN connection is up (readiness); false before the first subscription too. */
  isListening(): boolean;
  /** Starts the LISTEN now instead of at the first subscription (start() does, so readiness can tell). */
  ensureStarted(): Promise<void>;
  stop(): Promise<void>;
}

export function createListenHub(database: Database): ListenHub {
  const subscribers = new Map<string, Set<Wake>>();
  let started: Promise<void> | undefined;
  let unlisten: (() => Promise<void>) | undefined;
  let listening = false;

  const wakeAll = () => {
    for (const set of subscribers.values()) for (const wake of set) wake();
  };
  const ensureStarted = () => {
    started ??= database
      .listen(
        PAYMENT_CHANNEL,
        (paymentId) => {
          for (const wake of subscribers.get(paymentId) ?? []) wake();
          for (const wake of subscribers.get(ALL_PAYMENTS) ?? []) wake();
        },
        () => {
          listening = true;
          log.info("payment event listener reconnected");
          wakeAll();
        },
        () => {
          listening = false;
          log.warn("payment event listener lost its connection; reconnecting");
        },
      )
      .then((stop) => {
        unlisten = stop;
        listening = true;
        // Anything committed while the LISTEN was being set up: every stream re-reads once.
        wakeAll();
      })
      .catch((error: unknown) => {
        started = undefined;
        log.error("payment event listener failed to start", { error: String(error) });
        throw error;
      });
    return started;
  };

  return {
    async subscribe(paymentId, wake) {
      let set = subscribers.get(paymentId);
      if (!set) subscribers.set(paymentId, (set = new Set()));
      set.add(wake);
      await ensureStarted();
      return () => {
        set.delete(wake);
        if (set.size === 0) subscribers.delete(paymentId);
      };
    },
    isListening: () => listening,
    ensureStarted,
    subscriberCount() {
      let total = 0;
      for (const set of subscribers.values()) total += set.size;
      return total;
    },
    async stop() {
      const stop = unlisten;
      unlisten = undefined;
      started = undefined;
      listening = false;
      if (stop) await stop().catch(() => {});
    },
  };
}

// The app's own hub, on the shared database, kept on globalThis (Next.js may load this module twice).
const holder = globalThis as typeof globalThis & { __malipoListenHub?: Promise<ListenHub> };

export function getListenHub(): Promise<ListenHub> {
  holder.__malipoListenHub ??= getDatabase().then(createListenHub);
  return holder.__malipoListenHub;
}
