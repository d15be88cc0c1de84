// A typed client for Malipo's merchant API (docs/api.md "Merchant API"), for a shop's backend on Node 18+
// or any runtime with fetch. Copy this folder into your project; it depends on nothing. The types are
// generated from docs/openapi.json (malipo-types.ts), and a test keeps the routes below in step with it.

import type {
  ApiErrorBody,
  CheckoutSession,
  CheckoutSessionList,
  CreateCheckoutSessionRequest,
  MerchantEvent,
  MerchantEventList,
  Payment,
  PaymentList,
} from "./malipo-types";

export type * from "./malipo-types";

/** The API version this client was written for; sent as Malipo-Version on every call. */
export const MALIPO_VERSION = "2026-12-01";

export interface MalipoClientOptions {
  /** https://pay.your-shop.example (PUBLIC_BASE_URL of your Malipo). */
  baseUrl: string;
  /** MERCHANT_API_KEY: mk_test_… against a sandbox Malipo, mk_live_… against a live one. */
  apiKey: string;
  fetch?: typeof fetch;
  /** Per request; 15 s by default. */
  timeoutMs?: number;
}

/** Every non-2xx answer: the one error shape, with the HTTP status. */
export class MalipoError extends Error {
  override name = "MalipoError";
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: { path: string; message: string }[] = [],
    readonly retryable = false,
  ) {
    super(message);
  }
}

export interface ListSessionsQuery {
  status?: CheckoutSession["status"];
  created_from?: string;
  created_to?: string;
  reference?: string;
  client_reference_id?: string;
  limit?: number;
  cursor?: string;
}

export interface ListPaymentsQuery {
  status?: Payment["status"];
  method?: Payment["method"];
  limit?: number;
  cursor?: string;
}

export interface ListEventsQuery {
  type?: string;
  checkout_session?: string;
  limit?: number;
  cursor?: string;
}

/** The routes this client calls, as docs/openapi.json names them (checked by the drift test). */
export const CLIENT_ROUTES = [
  ["post", "/api/checkout-sessions"],
  ["get", "/api/checkout-sessions"],
  ["get", "/api/checkout-sessions/{id}"],
  ["post", "/api/checkout-sessions/{id}/expire"],
  ["get", "/api/payments"],
  ["get", "/api/payments/{id}"],
  ["get", "/api/events"],
] as const;

type Query = Record<string, string | number | undefined>;

export class MalipoClient {
  private readonly send: typeof fetch;

  constructor(private readonly options: MalipoClientOptions) {
    this.send = options.fetch ?? fetch;
  }

  /** Idempotency-Key: resend the same key when retrying, and the first session comes back. */
  createCheckoutSession(
    body: CreateCheckoutSessionRequest,
    idempotencyKey?: string,
  ): Promise<CheckoutSession> {
    return this.request("POST", "/api/checkout-sessions", { body, idempotencyKey });
  }

  getCheckoutSession(id: string): Promise<CheckoutSession> {
    return this.request("GET", `/api/checkout-sessions/${encodeURIComponent(id)}`);
  }

  listCheckoutSessions(query: ListSessionsQuery = {}): Promise<CheckoutSessionList> {
    return this.request("GET", "/api/checkout-sessions", { query: { ...query } });
  }

  /** Every session matching `query`, page after page. */
  async *allCheckoutSessions(query: Omit<ListSessionsQuery, "cursor"> = {}): AsyncGenerator<CheckoutSession> {
    let cursor: string | undefined;
    do {
      const page = await this.listCheckoutSessions({ ...query, cursor });
      yield* page.data;
      cursor = page.next_cursor ?? undefined;
    } while (cursor);
  }

  /** Closes an open session now; a MalipoError 409 SESSION_NOT_OPEN when it is paid or expired. */
  expireCheckoutSession(id: string): Promise<CheckoutSession> {
    return this.request("POST", `/api/checkout-sessions/${encodeURIComponent(id)}/expire`);
  }

  listPayments(query: ListPaymentsQuery = {}): Promise<PaymentList> {
    return this.request("GET", "/api/payments", { query: { ...query } });
  }

  getPayment(id: string): Promise<Payment> {
    return this.request("GET", `/api/payments/${encodeURIComponent(id)}`);
  }

  /** The last 30 days of events, newest first: what your webhook endpoint should have received. */
  listEvents(query: ListEventsQuery = {}): Promise<MerchantEventList> {
    return this.request("GET", "/api/events", { query: { ...query } });
  }

  private async request<T>(
    method: "GET" | "POST",
    path: string,
    extra: { body?: unknown; query?: Query; idempotencyKey?: string } = {},
  ): Promise<T> {
    const url = new URL(path, this.options.baseUrl);
    for (const [key, value] of Object.entries(extra.query ?? {})) {
      if (value !== undefined) url.searchParams.set(key, String(value));
    }
    const headers: Record<string, string> = {
      authorization: `Bearer ${this.options.apiKey}`,
      "malipo-version": MALIPO_VERSION,
      accept: "application/json",
    };
    if (extra.body !== undefined) headers["content-type"] = "application/json";
    if (extra.idempotencyKey) headers["idempotency-key"] = extra.idempotencyKey;
    const response = await this.send(url, {
      method,
      headers,
      body: extra.body === undefined ? undefined : JSON.stringify(extra.body),
      signal: AbortSignal.timeout(this.options.timeoutMs ?? 15_000),
    });
    const text = await response.text();
    const json: unknown = text ? JSON.parse(text) : undefined;
    if (!response.ok) {
      const error = (json as ApiErrorBody | undefined)?.error;
      throw new MalipoError(
        response.status,
        error?.code ?? "HTTP_ERROR",
        error?.message ?? `Malipo answered ${response.status}`,
        error?.fields,
        error?.retryable,
      );
    }
    return json as T;
  }
}

/** For webhook handlers: the body, once verified with standardwebhooks, is one of these. */
export type WebhookEvent = MerchantEvent;
