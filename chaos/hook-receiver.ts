import http from "node:http";

// Stands in for the merchant's webhook endpoint: records each delivery's webhook-id and session, so
// duplicates (two different webhook-ids for one session's outcome) can be counted. Standard Webhooks
// retries keep their webhook-id, so a retried delivery is not a duplicate.

export interface HookReceiver {
  /** Session id → distinct webhook-ids received for it. */
  bySession: Map<string, Set<string>>;
  deliveries(): number;
  close(): Promise<void>;
}

export async function startHookReceiver(port: number): Promise<HookReceiver> {
  const bySession = new Map<string, Set<string>>();
  let deliveries = 0;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      deliveries += 1;
      try {
        const body = JSON.parse(Buffer.concat(chunks).toString()) as {
          data?: { checkout_session_id?: string };
        };
        const session = body.data?.checkout_session_id ?? "?";
        const ids = bySession.get(session) ?? new Set<string>();
        ids.add(String(req.headers["webhook-id"] ?? ""));
        bySession.set(session, ids);
      } catch {
        // counted, not attributed
      }
      res.writeHead(204);
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return {
    bySession,
    deliveries: () => deliveries,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
