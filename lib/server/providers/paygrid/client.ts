import "server-only";
import { z } from "zod";
import { readDocumentedShape } from "../documented-shape";
import { fetchOnce, type HttpClientOptions } from "../http-attempt";
import { isRecord, parseJson, retryAfterMs, retryOptions, withRetries } from "../http-retry";
import { assertIdempotencyKey } from "../idempotency-key";
import { redactSecrets } from "../redact-secrets";
import { PayGridError } from "./errors";
import {
  payGridErrorEnvelopeSchema,
  payGridListMetaSchema,
  payGridPaymentEventListSchema,
  payGridPaymentListSchema,
  payGridPaymentSchema,
  payGridRefundSchema,
  payGridSuccessEnvelopeSchema,
  type PayGridCreateBody,
  type PayGridListMeta,
  type PayGridPayment,
  type PayGridPaymentEvent,
  type PayGridRefund,
  type PayGridRefundBody,
} from "./schemas";

// The typed HTTP client for PayGrid's payments API (docs/providers.md#paygrid-endpoints). Every attempt has its own timeout;
// network errors, timeouts, 5xx and 429 are retried with backoff and, for creates, the SAME Idempotency-Key,
// so a retry can only replay the payment, never charge twice. 4xx answers are final.

export interface PayGridClientOptions extends HttpClientOptions {
  /** e.g. `https://meet.briq.tz/api/v1` */
  baseUrl: string;
  apiKey: string;
}

export interface PayGridListQuery {
  page?: number;
  perPage?: number;
}

export interface PayGridListResult {
  payments: PayGridPayment[];
  meta?: PayGridListMeta;
}

export interface PayGridClient {
  /** `replayed` is true when PayGrid answered 200: the key was seen before and no new charge was made. */
  createPayment(
    body: PayGridCreateBody,
    idempotencyKey: string,
  ): Promise<{ payment: PayGridPayment; replayed: boolean }>;
  getPayment(id: string): Promise<PayGridPayment>;
  listPayments(query?: PayGridListQuery): Promise<PayGridListResult>;
  /** Asks PayGrid to check upstream now (may fire webhooks); use sparingly. */
  refreshPayment(id: string): Promise<PayGridPayment>;
  getPaymentEvents(id: string): Promise<PayGridPaymentEvent[]>;
  /**
   * Gives money back on a completed payment (§12). Retried with the SAME Idempotency-Key, so a retry after
   * a timeout or a 502 replays the refund instead of making a second one; `replayed` as for createPayment.
   */
  createRefund(
    body: PayGridRefundBody,
    idempotencyKey: string,
  ): Promise<{ refund: PayGridRefund; replayed: boolean }>;
}

interface Answer {
  status: number;
  /** False for the older bare-object shape (§3), where a fresh create also answers 200. */
  enveloped: boolean;
  data: unknown;
  meta: unknown;
}

type Attempt = { answer: Answer } | { error: PayGridError; retryAfterMs?: number };

interface Call {
  method: "GET" | "POST";
  path: string;
  body?: unknown;
  idempotencyKey?: string;
}

// What `data` holds is checked per endpoint afterwards.
const anyEnvelope = payGridSuccessEnvelopeSchema(z.unknown());

/** Newer pages wrap everything in `{status, code, message, data, meta}`; older ones answer bare objects. */
function unwrap(status: number, body: unknown): Answer {
  const envelope = anyEnvelope.safeParse(body);
  if (envelope.success) {
    return { status, enveloped: true, data: envelope.data.data, meta: envelope.data.meta };
  }
  if (isRecord(body) && body.data !== undefined && body.data !== null) {
    return { status, enveloped: false, data: body.data, meta: body.meta };
  }
  return { status, enveloped: false, data: body, meta: undefined };
}

export function createPayGridClient(options: PayGridClientOptions): PayGridClient {
  const baseUrl = options.baseUrl.replace(/\/+$/, "");
  const apiKey = options.apiKey;
  const doFetch = options.fetch ?? globalThis.fetch;
  const timeoutMs = options.timeoutMs ?? 15_000;
  const retry = retryOptions(options);
  const userAgent = options.userAgent ?? "Malipo/0.1";

  const scrub = redactSecrets([apiKey]);
  const fail = (status: number, code: string, message: string, details?: PayGridError["details"]) =>
    new PayGridError(status, code, scrub(message), details);

  async function attempt(call: Call, timeLeftMs: number): Promise<Attempt> {
    const headers: Record<string, string> = {
      Authorization: `Bearer ${apiKey}`,
      Accept: "application/json",
      "User-Agent": userAgent,
    };
    if (call.body !== undefined) headers["Content-Type"] = "application/json";
    if (call.idempotencyKey !== undefined) headers["Idempotency-Key"] = call.idempotencyKey;

    const raw = await fetchOnce(doFetch, {
      provider: "PayGrid",
      url: `${baseUrl}${call.path}`,
      method: call.method,
      path: call.path,
      headers,
      body: call.body === undefined ? undefined : JSON.stringify(call.body),
      timeoutMs: Math.min(timeoutMs, timeLeftMs),
    });
    if ("code" in raw) return { error: fail(0, raw.code, raw.message) };
    const { status, text, retryAfter } = raw;

    const body = parseJson(text);
    if (status < 200 || status > 299 || (isRecord(body) && body.status === "error")) {
      const envelope = payGridErrorEnvelopeSchema.safeParse(body);
      const error = envelope.success
        ? fail(
            status,
            envelope.data.error_code,
            envelope.data.message ?? `PayGrid answered ${status} ${envelope.data.error_code}`,
            envelope.data.details,
          )
        : fail(
            status,
            "BAD_RESPONSE",
            `PayGrid answered ${call.method} ${call.path} with HTTP ${status} and no error body`,
          );
      return { error, retryAfterMs: retryAfterMs(retryAfter, Date.now()) };
    }
    if (body === undefined) {
      return {
        error: fail(
          status,
          "BAD_RESPONSE",
          `PayGrid answered ${call.method} ${call.path} with HTTP ${status} and no JSON`,
        ),
      };
    }
    return { answer: unwrap(status, body) };
  }

  function send(call: Call): Promise<Answer> {
    return withRetries(retry, (timeLeftMs) => attempt(call, timeLeftMs));
  }

  const read = <S extends z.ZodType>(answer: Answer, schema: S, what: string): z.infer<S> =>
    readDocumentedShape(schema, answer.data, (where) =>
      fail(
        answer.status,
        "BAD_RESPONSE",
        `PayGrid's ${what} did not match the documented shape at: ${where}`,
      ),
    );

  const paymentPath = (id: string) => `/payments/${encodeURIComponent(id)}`;

  return {
    async createPayment(body, idempotencyKey) {
      assertIdempotencyKey(idempotencyKey);
      const answer = await send({ method: "POST", path: "/payments", body, idempotencyKey });
      return {
        payment: read(answer, payGridPaymentSchema, "payment"),
        // Bare-object answers are the older docs' shape, where even a fresh create is a 200 (§3).
        replayed: answer.enveloped && answer.status === 200,
      };
    },

    async getPayment(id) {
      return read(await send({ method: "GET", path: paymentPath(id) }), payGridPaymentSchema, "payment");
    },

    async listPayments(query = {}) {
      const params = new URLSearchParams();
      if (query.page !== undefined) params.set("page", String(query.page));
      if (query.perPage !== undefined) params.set("per_page", String(query.perPage));
      const search = params.toString() ? `?${params.toString()}` : "";
      const answer = await send({ method: "GET", path: `/payments${search}` });
      const payments = read(answer, payGridPaymentListSchema, "payment list");
      // The docs do not name the pagination fields (§9): an unfamiliar meta is dropped, not fatal.
      const meta = payGridListMetaSchema.safeParse(answer.meta);
      return meta.success ? { payments, meta: meta.data } : { payments };
    },

    async refreshPayment(id) {
      const answer = await send({ method: "POST", path: `${paymentPath(id)}/refresh` });
      return read(answer, payGridPaymentSchema, "payment");
    },

    async createRefund(body, idempotencyKey) {
      assertIdempotencyKey(idempotencyKey);
      const answer = await send({ method: "POST", path: "/refunds", body, idempotencyKey });
      // The docs' example answer is `{}`: a bare empty object is a refund we know nothing more about.
      const data = isRecord(answer.data) ? answer.data : {};
      return {
        refund: read({ ...answer, data }, payGridRefundSchema, "refund"),
        replayed: answer.enveloped && answer.status === 200,
      };
    },

    async getPaymentEvents(id) {
      const answer = await send({ method: "GET", path: `${paymentPath(id)}/events` });
      return read(answer, payGridPaymentEventListSchema, "payment events");
    },
  };
}
