import http from "node:http";
import { agent } from "../bench/http";

// A small proxy between Malipo and the sandbox: it adds latency and 5xx answers to the provider APIs on
// demand (scenario 4, and random latency so a crash lands before, during or after the provider call), and
// counts the payments the provider really created per attempt reference (PayGrid answers 201 to the create
// that made a payment and 200 to every replay of its Idempotency-Key).

export interface ProviderFaults {
  latencyMs: number;
  /** Extra random latency 0..jitterMs. */
  jitterMs: number;
  /** Share 0..1 of API calls answered 503 without reaching the provider. */
  errorRate: number;
}

export interface FaultProxy {
  faults: ProviderFaults;
  /** Provider creates that made a payment, per reference sent. */
  createdPerReference: Map<string, number>;
  /** Every create answer's status per reference, for diagnosing a miscount. */
  answersPerReference: Map<string, number[]>;
  /** Calls waiting on the provider right now, and the most ever. */
  inFlight(): { now: number; max: number };
  resetMax(): void;
  close(): Promise<void>;
}

export async function startFaultProxy(port: number, target: string): Promise<FaultProxy> {
  const faults: ProviderFaults = { latencyMs: 0, jitterMs: 0, errorRate: 0 };
  const createdPerReference = new Map<string, number>();
  const answersPerReference = new Map<string, number[]>();
  let now = 0;
  let max = 0;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks);
      const isApi = /\/api\/v1\//.test(req.url ?? "");
      now += 1;
      max = Math.max(max, now);
      // Counted until answered or until the caller gave up (Malipo's timeout closes the socket).
      let counted = true;
      const done = () => {
        if (counted) now -= 1;
        counted = false;
      };
      res.on("close", done);
      const wait = isApi ? faults.latencyMs + Math.random() * faults.jitterMs : 0;
      setTimeout(() => {
        if (isApi && faults.errorRate > 0 && Math.random() < faults.errorRate) {
          done();
          res.writeHead(503, { "content-type": "application/json" });
          res.end(JSON.stringify({ status: "error", message: "injected outage" }));
          return;
        }
        const headers = { ...req.headers, host: new URL(target).host };
        const upstream = http.request(
          `${target}${req.url}`,
          { method: req.method, headers, agent },
          (answer) => {
            const out: Buffer[] = [];
            answer.on("data", (c: Buffer) => out.push(c));
            answer.on("end", () => {
              done();
              const text = Buffer.concat(out);
              if (req.method === "POST" && /\/api\/v1\/payments(\/dynamic-qr)?$/.test(req.url ?? "")) {
                countCreate(
                  createdPerReference,
                  answersPerReference,
                  req.url ?? "",
                  body,
                  answer.statusCode ?? 0,
                );
              }
              res.writeHead(answer.statusCode ?? 502, answer.headers);
              res.end(text);
            });
          },
        );
        upstream.on("error", () => {
          done();
          res.writeHead(502);
          res.end();
        });
        upstream.end(body);
      }, wait);
    });
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return {
    faults,
    createdPerReference,
    answersPerReference,
    inFlight: () => ({ now, max }),
    resetMax: () => (max = now),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function countCreate(
  counts: Map<string, number>,
  answers: Map<string, number[]>,
  url: string,
  body: Buffer,
  status: number,
): void {
  const reference = referenceOf(body);
  answers.set(reference, [...(answers.get(reference) ?? []), status]);
  // PayGrid: 201 only for the request that made the payment. SplashPay keys its payments by reference (a
  // replay of the same reference answers the same payment), so a reference has at most one there.
  const splashpay = url.includes("/splashpay/");
  const made = splashpay ? status >= 200 && status < 300 : status === 201;
  if (!made) return;
  counts.set(reference, splashpay ? 1 : (counts.get(reference) ?? 0) + 1);
}

function referenceOf(body: Buffer): string {
  try {
    return String((JSON.parse(body.toString()) as { reference?: unknown }).reference ?? "");
  } catch {
    return ""; // not JSON: not a create we can attribute
  }
}
