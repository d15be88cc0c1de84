import http from "node:http";
import { APP } from "./config";

// A live-status stream as the register's EventSource keeps it: on any end before a terminal frame it
// reconnects (after a short wait) with Last-Event-ID, and counts how often it had to.

const TERMINAL = new Set(["completed", "failed", "cancelled", "expired", "refunded", "partially_refunded"]);
const agent = new http.Agent({ keepAlive: false, maxSockets: Infinity });

export interface Stream {
  paymentId: string;
  lastId: number | undefined;
  reconnects: number;
  resumedWithLastEventId: number;
  finalStatus: string | undefined;
  done: Promise<void>;
  close(): void;
}

export function openStream(paymentId: string, cookie: () => string, giveUpMs: number): Stream {
  let closed = false;
  let current: http.ClientRequest | undefined;
  const stream: Stream = {
    paymentId,
    lastId: undefined,
    reconnects: 0,
    resumedWithLastEventId: 0,
    finalStatus: undefined,
    done: Promise.resolve(),
    close: () => {
      closed = true;
      current?.destroy();
    },
  };
  const deadline = Date.now() + giveUpMs;
  const connectOnce = () =>
    new Promise<void>((resolve) => {
      const headers: Record<string, string> = { cookie: cookie(), accept: "text/event-stream" };
      if (stream.lastId !== undefined) headers["last-event-id"] = String(stream.lastId);
      current = http.get(`${APP}/api/payments/${paymentId}/events`, { agent, headers }, (res) => {
        if (res.statusCode !== 200) {
          res.resume();
          res.on("end", resolve);
          return;
        }
        let buffer = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => {
          buffer += chunk;
          let at: number;
          while ((at = buffer.indexOf("\n\n")) >= 0) {
            const frame = buffer.slice(0, at);
            buffer = buffer.slice(at + 2);
            let id: number | undefined;
            let data: string | undefined;
            for (const line of frame.split("\n")) {
              if (line.startsWith("id: ")) id = Number(line.slice(4));
              if (line.startsWith("data: ")) data = line.slice(6);
            }
            if (id !== undefined) stream.lastId = id;
            if (data) {
              try {
                const status = (JSON.parse(data) as { status?: string }).status;
                if (status) stream.finalStatus = status;
              } catch {
                // not a payment frame
              }
            }
          }
        });
        res.on("end", resolve);
        res.on("error", () => resolve());
        res.on("close", () => resolve());
      });
      current.on("error", () => resolve());
    });
  stream.done = (async () => {
    for (;;) {
      await connectOnce();
      if (closed || (stream.finalStatus && TERMINAL.has(stream.finalStatus)) || Date.now() > deadline) return;
      stream.reconnects += 1;
      if (stream.lastId !== undefined) stream.resumedWithLastEventId += 1;
      await new Promise((r) => setTimeout(r, 500));
    }
  })();
  return stream;
}
