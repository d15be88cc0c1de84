"use client";

import { useQuery, useQueryClient, type QueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useRef, useState } from "react";
import type { Payment } from "@/lib/api-contract";
import { isTerminal } from "@/lib/payment-status";
import { readPayment, wirePayment } from "@/lib/wire-read";

// A payment's live status (docs/architecture.md#never-lose-a-status, docs/ux.md#live-status): server-sent events write
// each frame into the react-query cache; while the stream is down the hook polls with backoff, and a
// tab coming back to the foreground or back online checks at once. The newest state always wins, so a
// slow poll can never put an older status back on screen.

const POLL_FIRST_MS = 3_000;
const POLL_MAX_MS = 30_000;
const RECONNECT_MAX_MS = 30_000;
const EXPIRED_POLL_MS = 10_000;

export type Connection = "connecting" | "live" | "reconnecting" | "done";

export function paymentQueryKey(id: string) {
  return ["payment", id] as const;
}

function newer(a: Payment | undefined, b: Payment): Payment {
  if (!a) return b;
  return Date.parse(b.updated_at) >= Date.parse(a.updated_at) ? b : a;
}

function store(client: QueryClient, payment: Payment): void {
  client.setQueryData<Payment>(paymentQueryKey(payment.id), (current) => newer(current, payment));
}

export function usePaymentLive(initial: Payment, sessionId?: string) {
  const client = useQueryClient();
  const id = initial.id;
  const scope = sessionId ? `session=${encodeURIComponent(sessionId)}` : "";
  const [streamState, setConnection] = useState<Exclude<Connection, "done">>("connecting");
  const polls = useRef(0);
  const streamDown = useRef(false);
  const reconnectNow = useRef<() => void>(() => undefined);

  const query = useQuery({
    queryKey: paymentQueryKey(id),
    initialData: initial,
    queryFn: async () => {
      const response = await fetch(`/api/payments/${id}${scope ? `?${scope}` : ""}`, { cache: "no-store" });
      if (!response.ok) throw new Error(`payment read answered ${response.status}`);
      const fresh = readPayment(await response.json());
      if (streamDown.current) polls.current += 1;
      return newer(client.getQueryData<Payment>(paymentQueryKey(id)), fresh);
    },
    // Polling only while the stream is down: 3 s, then slower (×1.5) up to 30 s.
    refetchInterval: (q) => {
      const status = q.state.data?.status;
      // The stream ends at "expired", but money can still land late: keep asking, gently.
      if (status === "expired") return EXPIRED_POLL_MS;
      if (streamState !== "reconnecting" || (status && isTerminal(status))) return false;
      // Pure: react-query re-reads this on every render and restarts its timer when the value changes.
      return Math.min(POLL_FIRST_MS * 1.5 ** polls.current, POLL_MAX_MS);
    },
    refetchIntervalInBackground: false,
  });
  const payment = query.data;
  const terminal = isTerminal(payment.status);
  const connection: Connection = terminal ? "done" : streamState;

  useEffect(() => {
    if (terminal) return;
    let source: EventSource | null = null;
    let lastEventId = "";
    let timer: ReturnType<typeof setTimeout> | undefined;
    let failures = 0;
    let stopped = false;

    const open = () => {
      clearTimeout(timer);
      source?.close();
      const params = [scope, lastEventId ? `lastEventId=${encodeURIComponent(lastEventId)}` : ""].filter(
        Boolean,
      );
      source = new EventSource(`/api/payments/${id}/events${params.length ? `?${params.join("&")}` : ""}`);
      source.addEventListener("open", () => {
        failures = 0;
        polls.current = 0;
        streamDown.current = false;
        setConnection("live");
      });
      source.addEventListener("payment", (event) => {
        const frame = event as MessageEvent<string>;
        if (frame.lastEventId) lastEventId = frame.lastEventId;
        // A frame that does not fit the contract is skipped; the poller reads the payment again.
        const data = wirePayment(JSON.parse(frame.data));
        if (!data) return;
        store(client, data);
        if (isTerminal(data.status)) {
          stopped = true;
          source?.close();
        }
      });
      source.addEventListener("error", () => {
        if (stopped) return;
        streamDown.current = true;
        setConnection("reconnecting");
        // CONNECTING: the browser retries by itself and resends Last-Event-ID. CLOSED: it gave up
        // (an HTTP error or an aborted request), so we reconnect with backoff, carrying the last id.
        if (source?.readyState === EventSource.CLOSED) {
          failures += 1;
          timer = setTimeout(open, Math.min(1_000 * 2 ** (failures - 1), RECONNECT_MAX_MS));
        }
      });
    };
    reconnectNow.current = () => {
      if (!stopped && source?.readyState !== EventSource.OPEN) open();
    };
    open();
    return () => {
      stopped = true;
      clearTimeout(timer);
      source?.close();
    };
  }, [id, scope, client, terminal]);

  useEffect(() => {
    const recheck = () => {
      if (document.visibilityState !== "visible") return;
      void query.refetch();
      reconnectNow.current();
    };
    document.addEventListener("visibilitychange", recheck);
    window.addEventListener("online", recheck);
    return () => {
      document.removeEventListener("visibilitychange", recheck);
      window.removeEventListener("online", recheck);
    };
  }, [query]);

  const [checking, setChecking] = useState(false);
  /** "Check status now": asks the provider through our server and shows the answer. */
  const checkNow = useCallback(async () => {
    setChecking(true);
    try {
      const response = await fetch(`/api/payments/${id}/refresh${scope ? `?${scope}` : ""}`, {
        method: "POST",
      });
      if (response.ok) store(client, readPayment(await response.json()));
      else await query.refetch();
    } catch {
      // offline: the poller and the stream keep trying
    } finally {
      setChecking(false);
    }
  }, [id, scope, client, query]);

  return { payment, connection, checkNow, checking };
}
