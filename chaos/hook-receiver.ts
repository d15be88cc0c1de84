import http from "node:http";

// Stands in for the merchant's webhook endpoint: records each delivery's webhook-id under the notice it
// carries (session, event type and payment), so duplicates (two different webhook-ids for one notice) can
// be counted. A session rightly gets several notices (checkout.payment.completed, then
// checkout.session.completed); Standard Webhooks retries keep their webhook-id, so a retry is not one.

export interface HookReceiver {
  /** "session type payment" → distinct webhook-ids received for that one notice. */
  byNotice: Map<string, Set<string>>;
  /** Sessions that received anything. */
  sessions(): number;
  deliveries(): number;
  close(): Promise<void>;
}

export async function startHookReceiver(port: number): Promise<HookReceiver> {
  const byNotice = new Map<string, Set<string>>();
  const sessions = new Set<string>();
  let deliveries = 0;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      deliveries += 1;
      try {
        const body = JSON.parse(Buffer.concat(chunks).toString()) as {
          type?: string;
          data?: { checkout_session_id?: string; payment?: { id?: string; status?: string } };
        };
        const session = body.data?.checkout_session_id ?? "?";
        const payment = body.data?.payment;
        // A refund notice repeats per refund step (partially_refunded, then refunded): the status is part of it.
        const notice = [session, body.type, payment?.id ?? "", payment?.status ?? ""].join(" ");
        const ids = byNotice.get(notice) ?? new Set<string>();
        ids.add(String(req.headers["webhook-id"] ?? ""));
        byNotice.set(notice, ids);
        sessions.add(session);
      } catch {
        // counted, not attributed
      }
      res.writeHead(204);
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return {
    byNotice,
    sessions: () => sessions.size,
    deliveries: () => deliveries,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
