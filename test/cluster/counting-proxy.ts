import http from "node:http";

// Sits between the instances and the PayGrid sandbox and counts what reaches the provider: status reads
// per provider payment id and creates per Idempotency-Key. Optionally holds reads back (a slow provider),
// so an instance can be caught holding leases.

export interface CountingProxy {
  url: string;
  reads: Map<string, number>;
  /**
   * Reads whose 2xx answer reached the instance in full. A read the instance gave up on (its timeout on a
   * loaded machine) or that failed may rightly be made again; a delivered one never should.
   */
  answeredReads: Map<string, number>;
  creates: Map<string, number>;
  /** Reads currently held back by the delay. */
  readsInFlight(): number;
  setReadDelayMs(ms: number): void;
  /** Holds back creates (POST /api/v1/payments) too: requests in flight at a shutdown. */
  setCreateDelayMs(ms: number): void;
  /** Creates currently held back. */
  createsInFlight(): number;
  reset(): void;
  close(): Promise<void>;
}

const READ = /^\/api\/v1\/payments\/([^/?]+)(?:\/refresh)?(?:\?.*)?$/;

export async function startCountingProxy(port: number, target: string): Promise<CountingProxy> {
  const reads = new Map<string, number>();
  const answeredReads = new Map<string, number>();
  const creates = new Map<string, number>();
  let delayMs = 0;
  let createDelayMs = 0;
  let inFlight = 0;
  let createsInFlight = 0;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", async () => {
      const read = READ.exec(req.url ?? "");
      if (read && req.method !== "DELETE") reads.set(read[1]!, (reads.get(read[1]!) ?? 0) + 1);
      const key = req.headers["idempotency-key"];
      if (req.method === "POST" && req.url === "/api/v1/payments" && typeof key === "string") {
        creates.set(key, (creates.get(key) ?? 0) + 1);
      }
      const create = req.method === "POST" && req.url === "/api/v1/payments";
      if (read) inFlight += 1;
      if (create) createsInFlight += 1;
      try {
        if (read && delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
        if (create && createDelayMs > 0) await new Promise((resolve) => setTimeout(resolve, createDelayMs));
        const headers = { ...req.headers } as Record<string, string>;
        delete headers.host;
        delete headers["content-length"];
        const answer = await fetch(`${target}${req.url}`, {
          method: req.method,
          headers,
          body: req.method === "GET" || req.method === "HEAD" ? undefined : Buffer.concat(chunks),
        });
        const body = Buffer.from(await answer.arrayBuffer());
        res.writeHead(answer.status, { "content-type": answer.headers.get("content-type") ?? "text/plain" });
        if (read && answer.ok) {
          const id = read[1]!;
          res.on("finish", () => answeredReads.set(id, (answeredReads.get(id) ?? 0) + 1));
        }
        res.end(body);
      } catch {
        res.writeHead(502).end();
      } finally {
        if (read) inFlight -= 1;
        if (create) createsInFlight -= 1;
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${port}`,
    reads,
    answeredReads,
    creates,
    readsInFlight: () => inFlight,
    setReadDelayMs: (ms) => void (delayMs = ms),
    setCreateDelayMs: (ms) => void (createDelayMs = ms),
    createsInFlight: () => createsInFlight,
    reset() {
      reads.clear();
      answeredReads.clear();
      creates.clear();
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** The merchant's webhook endpoint: counts deliveries per webhook-id. */
export async function startWebhookReceiver(port: number) {
  const deliveries = new Map<string, number>();
  const server = http.createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      const id = String(req.headers["webhook-id"] ?? "");
      deliveries.set(id, (deliveries.get(id) ?? 0) + 1);
      res.writeHead(200).end("ok");
    });
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    deliveries,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
