import { inspect } from "node:util";
import { createPayGridClient, type PayGridClientOptions } from "@/lib/server/providers/paygrid/client";
import { PayGridError } from "@/lib/server/providers/paygrid/errors";
import type { PayGridCreateBody } from "@/lib/server/providers/paygrid/schemas";

// Shared by the PayGrid client's unit tests: a scripted fetch, the client over it, and PayGrid's
// documented bodies (docs/providers.md#paygrid-create, docs/providers.md#paygrid-errors).

export const BASE = "https://paygrid.test/api/v1";
export const API_KEY = "sk_test_unit_0123456789abcdef";
export const PAYMENT_ID = "f5d238bd-f8ab-4379-9832-0f1ce6d65cbe";

export type Reply =
  | { status: number; body?: unknown; text?: string; headers?: Record<string, string> }
  | { throws: Error }
  | "hang";

export interface Seen {
  url: string;
  method: string;
  headers: Headers;
  body: string | undefined;
  redirect: RequestRedirect | undefined;
}

/** A scripted fetch: answers the replies in order and records every request it saw. */
export function fakeFetch(...replies: Reply[]) {
  const calls: Seen[] = [];
  const fetch: typeof globalThis.fetch = async (input, init) => {
    calls.push({
      url: String(input),
      method: init?.method ?? "GET",
      headers: new Headers(init?.headers),
      body: typeof init?.body === "string" ? init.body : undefined,
      redirect: init?.redirect,
    });
    const reply = replies.shift();
    if (reply === undefined) throw new Error(`unexpected request ${calls.length}`);
    if (reply === "hang") {
      // Like a real fetch: only the abort signal ends it.
      return new Promise<Response>((_, reject) => {
        init?.signal?.addEventListener("abort", () => reject(init.signal?.reason));
      });
    }
    if ("throws" in reply) throw reply.throws;
    const text = reply.text ?? JSON.stringify(reply.body);
    return new Response(text, { status: reply.status, headers: reply.headers });
  };
  return { fetch, calls };
}

export function client(fake: ReturnType<typeof fakeFetch>, over: Partial<PayGridClientOptions> = {}) {
  return createPayGridClient({
    baseUrl: BASE,
    apiKey: API_KEY,
    fetch: fake.fetch,
    retryBaseDelayMs: 1,
    ...over,
  });
}

export const record = {
  id: PAYMENT_ID,
  reference: "ORDER_123",
  external_id: "EXT-20260609-001",
  amount: 5000,
  margin_amount: 150,
  total_amount: 5150,
  currency: "TZS",
  phone: "255712345678",
  network: "vodacom",
  payment_url: "https://pay.test/p/1",
  qr_code: "000201…",
  status: "pending",
  payment_token: "tok_1",
  created_at: "2026-06-09T10:00:00Z",
  completed_at: null,
};

export const envelope = (code: number, data: unknown, meta: unknown = {}) => ({
  status: code,
  body: { status: "success", code, message: "ok", data, meta },
});

export const errorReply = (
  code: number,
  errorCode: string,
  details?: unknown,
  message = "Provider says no",
) => ({
  status: code,
  body: {
    status: "error",
    code,
    error_code: errorCode,
    message,
    ...(details === undefined ? {} : { details }),
  },
});

export const createBody: PayGridCreateBody = {
  amount: 5000,
  currency: "TZS",
  type: "dynamic-qr",
  phone: "255712345678",
  customer: { firstname: "Asha", lastname: "Mushi", email: "asha@example.com" },
  reference: "ORDER_123",
  metadata: { malipo_payment_id: "pay_1" },
  webhook_url: "https://malipo.test/api/webhooks/paygrid",
};

export async function failure(promise: Promise<unknown>): Promise<PayGridError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof PayGridError)) throw new Error(`expected a PayGridError, got ${inspect(error)}`);
  return error;
}
