import http from "node:http";
import type { AddressInfo } from "node:net";
import { startSandboxServer, type SandboxServer } from "@/lib/sandbox/node-server";
import { SANDBOX_PAYGRID_API_KEY, SANDBOX_PAYGRID_WEBHOOK_SIGNING_KEY } from "@/lib/sandbox-credentials";
import type { PayGridSandboxOptions } from "@/lib/sandbox/paygrid/handler";
import type { PayGridSandboxSettings } from "@/lib/sandbox/paygrid/settings";

// Shared by the sandbox's integration tests: a sandbox on an ephemeral port and a webhook receiver.

export const KEY = SANDBOX_PAYGRID_API_KEY;
export const SIGNING_KEY = SANDBOX_PAYGRID_WEBHOOK_SIGNING_KEY;

export interface ApiResult {
  status: number;
  headers: Headers;
  body: Record<string, unknown>;
  text: string;
}

export interface TestSandbox extends SandboxServer {
  call(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<ApiResult>;
  create(body: unknown, key?: string): Promise<ApiResult>;
}

/** Delays compressed so a whole suite runs in seconds. */
export const FAST: Partial<PayGridSandboxSettings> = {
  webhookRetryDelaysSeconds: [0.05, 0.05, 0.05, 0.05],
  webhookTimeoutSeconds: 2,
  autoOutcomeDelaySeconds: 0.1,
};

export async function startTestSandbox(
  settings: Partial<PayGridSandboxSettings> = {},
  extra: Omit<PayGridSandboxOptions, "publicUrl" | "settings"> = {},
): Promise<TestSandbox> {
  const server = await startSandboxServer({
    port: 0,
    paygrid: { settings: { ...FAST, ...settings }, ...extra },
  });
  const call: TestSandbox["call"] = (method, path, body, headers = {}) =>
    requestJson(`${server.url}${path}`, method, body, { authorization: `Bearer ${KEY}`, ...headers });
  return {
    ...server,
    call,
    create: (body, key = crypto.randomUUID()) =>
      call("POST", "/api/v1/payments", body, { "idempotency-key": key }),
  };
}

/** One request, its body as text and (when it is JSON) parsed; redirects are not followed. */
export async function requestJson(
  url: string,
  method: string,
  body: unknown,
  headers: Record<string, string>,
): Promise<ApiResult> {
  const res = await fetch(url, {
    method,
    headers: { ...(body === undefined ? {} : { "content-type": "application/json" }), ...headers },
    body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
    redirect: "manual",
  });
  const text = await res.text();
  let parsed: Record<string, unknown> = {};
  try {
    parsed = JSON.parse(text) as Record<string, unknown>;
  } catch {
    // HTML pages
  }
  return { status: res.status, headers: res.headers, body: parsed, text };
}

export function paymentBody(type: "mobile" | "card" | "dynamic-qr", overrides: Record<string, unknown> = {}) {
  const customer: Record<string, string> = {
    firstname: "Asha",
    lastname: "Mussa",
    email: "asha@example.com",
  };
  const base: Record<string, unknown> = {
    amount: 5000,
    currency: "TZS",
    type,
    phone: "0712345678",
    customer,
  };
  if (type === "card") {
    Object.assign(customer, {
      address: "1 Samora Ave",
      city: "Dar es Salaam",
      state: "Dar",
      postcode: "11101",
      country: "TZ",
    });
    base.redirect_url = "https://shop.example.com/ok";
    base.cancel_url = "https://shop.example.com/cancel";
  }
  return { ...base, ...overrides };
}

export interface Captured {
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
  json: Record<string, unknown>;
  receivedAt: number;
}

export interface Receiver {
  url: string;
  requests: Captured[];
  /** Decides the HTTP status of each request (default 200). */
  respond: (req: Captured, index: number) => number;
  waitFor(predicate: (all: Captured[]) => boolean, timeoutMs?: number): Promise<Captured[]>;
  close(): Promise<void>;
}

export async function startReceiver(): Promise<Receiver> {
  const requests: Captured[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      let json: Record<string, unknown> = {};
      try {
        json = JSON.parse(body) as Record<string, unknown>;
      } catch {
        // not JSON
      }
      const captured = { path: req.url ?? "/", headers: req.headers, body, json, receivedAt: Date.now() };
      requests.push(captured);
      res.writeHead(receiver.respond(captured, requests.length - 1));
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const receiver: Receiver = {
    url: `http://127.0.0.1:${port}`,
    requests,
    respond: () => 200,
    async waitFor(predicate, timeoutMs = 5000) {
      const deadline = Date.now() + timeoutMs;
      while (!predicate(requests)) {
        if (Date.now() > deadline)
          throw new Error(`receiver: condition not met; got ${requests.length} requests`);
        await sleep(20);
      }
      return requests;
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return receiver;
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function waitUntil<T>(fn: () => Promise<T | undefined>, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await fn();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error("waitUntil: timed out");
    await sleep(25);
  }
}
