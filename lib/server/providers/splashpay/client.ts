import "server-only";
import { z } from "zod";
import {
  describeNetworkError,
  isRecord,
  parseJson,
  retryAfterMs,
  withRetries,
  type RetryOptions,
} from "../http-retry";
import { SplashPayError } from "./errors";
import {
  splashPayCreatedSchema,
  splashPayErrorEnvelopeSchema,
  splashPayStatusSchema,
  splashPaySuccessEnvelopeSchema,
  type SplashPayCreated,
  type SplashPayDynamicQrBody,
  type SplashPayStatusRecord,
} from "./schemas";

// The typed HTTP client for SplashPay's Dynamic TANQR API (splashpay.md §2–§6). Every attempt has its own
// timeout; network errors, timeouts, 5xx and 429 are retried with backoff and, for creates, the SAME
// Idempotency-Key. 4xx answers are final — including DUPLICATE_REQUEST, which SplashPay sends instead of
// replaying (S7): the adapter decides what a duplicate means.

export interface SplashPayClientOptions {
  /** e.g. `https://api.splashpay.co.tz/api/v1` */
  baseUrl: string;
  apiKey: string;
  apiSecret: string;
  fetch?: typeof fetch;
  /** Per attempt. Default 15000. */
  timeoutMs?: number;
  /** Retries after the first attempt. Default 2. */
  maxRetries?: number;
  retryBaseDelayMs?: number;
  maxRetryDelayMs?: number;
  userAgent?: string;
}

export interface SplashPayClient {
  createDynamicQr(body: SplashPayDynamicQrBody, idempotencyKey: string): Promise<SplashPayCreated>;
  checkStatus(reference: string): Promise<SplashPayStatusRecord>;
  cancel(reference: string): Promise<SplashPayStatusRecord>;
}

const IDEMPOTENCY_KEY_MAX = 255;

interface Answer {
  status: number;
  data: unknown;
}

export function createSplashPayClient(options: SplashPayClientOptions): SplashPayClient {
  const baseUrl = options.baseUrl.replace(/\/+$/, "");
  const { apiKey, apiSecret } = options;
  const doFetch = options.fetch ?? globalThis.fetch;
  const timeoutMs = options.timeoutMs ?? 15_000;
  const retry: RetryOptions = {
    maxRetries: Math.max(0, options.maxRetries ?? 2),
    retryBaseDelayMs: options.retryBaseDelayMs ?? 300,
    maxRetryDelayMs: options.maxRetryDelayMs ?? 10_000,
  };

  // Error messages end up in logs: scrub both credentials in case anything on the way ever repeats them.
  const scrub = (message: string): string =>
    [apiKey, apiSecret].reduce((m, s) => (s ? m.split(s).join("[redacted]") : m), message);
  const fail = (status: number, code: string, message: string) =>
    new SplashPayError(status, code, scrub(message));

  type Attempt = { answer: Answer } | { error: SplashPayError; retryAfterMs?: number };

  async function attempt(path: string, body: unknown, idempotencyKey?: string): Promise<Attempt> {
    const headers: Record<string, string> = {
      "X-API-KEY": apiKey,
      "X-API-SECRET": apiSecret,
      Accept: "application/json",
      "Content-Type": "application/json",
      "User-Agent": options.userAgent ?? "Malipo/0.1",
    };
    if (idempotencyKey !== undefined) headers["Idempotency-Key"] = idempotencyKey;
    const signal = AbortSignal.timeout(timeoutMs);
    let status: number;
    let text: string;
    let retryAfter: string | null;
    try {
      const response = await doFetch(`${baseUrl}${path}`, {
        method: "POST",
        headers,
        body: JSON.stringify(body),
        signal,
        // A redirect would carry the credentials to wherever it points; the API never redirects.
        redirect: "manual",
        cache: "no-store",
      });
      status = response.status;
      retryAfter = response.headers.get("retry-after");
      text = await response.text();
    } catch (error) {
      if (signal.aborted) {
        return { error: fail(0, "TIMEOUT", `SplashPay did not answer POST ${path} within ${timeoutMs} ms`) };
      }
      return {
        error: fail(0, "NETWORK_ERROR", `SplashPay POST ${path} failed: ${describeNetworkError(error)}`),
      };
    }

    const parsed = parseJson(text);
    const refused = isRecord(parsed) && (parsed.status === "error" || parsed.success === false);
    if (status < 200 || status > 299 || refused) {
      const envelope = splashPayErrorEnvelopeSchema.safeParse(parsed);
      const error = envelope.success
        ? fail(
            status,
            envelope.data.code,
            envelope.data.message ?? `SplashPay answered ${status} ${envelope.data.code}`,
          )
        : fail(
            status,
            "BAD_RESPONSE",
            `SplashPay answered POST ${path} with HTTP ${status} and no error body`,
          );
      return { error, retryAfterMs: retryAfterMs(retryAfter, Date.now()) };
    }
    const envelope = splashPaySuccessEnvelopeSchema.safeParse(parsed);
    if (!envelope.success) {
      return {
        error: fail(status, "BAD_RESPONSE", `SplashPay answered POST ${path} without a success envelope`),
      };
    }
    return { answer: { status, data: envelope.data.data } };
  }

  function read<S extends z.ZodType>(answer: Answer, schema: S, what: string): z.infer<S> {
    const parsed = schema.safeParse(answer.data);
    if (parsed.success) return parsed.data;
    const where = [...new Set(parsed.error.issues.map((issue) => issue.path.join(".") || "(root)"))].join(
      ", ",
    );
    throw fail(
      answer.status,
      "BAD_RESPONSE",
      `SplashPay's ${what} did not match the documented shape at: ${where}`,
    );
  }

  return {
    async createDynamicQr(body, idempotencyKey) {
      if (idempotencyKey.length === 0 || idempotencyKey.length > IDEMPOTENCY_KEY_MAX) {
        throw new TypeError(`Idempotency-Key must be 1–${IDEMPOTENCY_KEY_MAX} characters`);
      }
      const answer = await withRetries(retry, () => attempt("/payments/dynamic-qr", body, idempotencyKey));
      return read(answer, splashPayCreatedSchema, "dynamic QR payment");
    },
    async checkStatus(reference) {
      const answer = await withRetries(retry, () => attempt("/payments/check-status", { reference }));
      return read(answer, splashPayStatusSchema, "payment status");
    },
    async cancel(reference) {
      // Cancelling twice is harmless (the second is PAYMENT_NOT_CANCELLABLE), so a retry is safe.
      const answer = await withRetries(retry, () => attempt("/payments/cancel", { reference }));
      return read(answer, splashPayStatusSchema, "cancelled payment");
    },
  };
}
