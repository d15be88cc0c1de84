import "server-only";
import type { z } from "zod";
import { readDocumentedShape } from "../documented-shape";
import { fetchOnce, type HttpClientOptions } from "../http-attempt";
import { isRecord, parseJson, retryAfterMs, retryOptions, withRetries } from "../http-retry";
import { assertIdempotencyKey } from "../idempotency-key";
import { redactSecrets } from "../redact-secrets";
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

// The typed HTTP client for SplashPay's Dynamic TANQR API (docs/providers.md#splashpay-endpoints). Every attempt has its own
// timeout; network errors, timeouts, 5xx and 429 are retried with backoff and, for creates, the SAME
// Idempotency-Key. 4xx answers are final — including DUPLICATE_REQUEST, which SplashPay sends instead of
// replaying (S7): the adapter decides what a duplicate means.

export interface SplashPayClientOptions extends HttpClientOptions {
  /** e.g. `https://api.splashpay.co.tz/api/v1` */
  baseUrl: string;
  apiKey: string;
  apiSecret: string;
}

export interface SplashPayClient {
  createDynamicQr(body: SplashPayDynamicQrBody, idempotencyKey: string): Promise<SplashPayCreated>;
  checkStatus(reference: string): Promise<SplashPayStatusRecord>;
  cancel(reference: string): Promise<SplashPayStatusRecord>;
}

interface Answer {
  status: number;
  data: unknown;
}

export function createSplashPayClient(options: SplashPayClientOptions): SplashPayClient {
  const baseUrl = options.baseUrl.replace(/\/+$/, "");
  const { apiKey, apiSecret } = options;
  const doFetch = options.fetch ?? globalThis.fetch;
  const timeoutMs = options.timeoutMs ?? 15_000;
  const retry = retryOptions(options);

  const scrub = redactSecrets([apiKey, apiSecret]);
  const fail = (status: number, code: string, message: string) =>
    new SplashPayError(status, code, scrub(message));

  type Attempt = { answer: Answer } | { error: SplashPayError; retryAfterMs?: number };

  async function attempt(
    path: string,
    body: unknown,
    timeLeftMs: number,
    idempotencyKey?: string,
  ): Promise<Attempt> {
    const headers: Record<string, string> = {
      "X-API-KEY": apiKey,
      "X-API-SECRET": apiSecret,
      Accept: "application/json",
      "Content-Type": "application/json",
      "User-Agent": options.userAgent ?? "Malipo/0.1",
    };
    if (idempotencyKey !== undefined) headers["Idempotency-Key"] = idempotencyKey;
    const raw = await fetchOnce(doFetch, {
      provider: "SplashPay",
      url: `${baseUrl}${path}`,
      method: "POST",
      path,
      headers,
      body: JSON.stringify(body),
      timeoutMs: Math.min(timeoutMs, timeLeftMs),
    });
    if ("code" in raw) return { error: fail(0, raw.code, raw.message) };
    const { status, text, retryAfter } = raw;

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

  const read = <S extends z.ZodType>(answer: Answer, schema: S, what: string): z.infer<S> =>
    readDocumentedShape(schema, answer.data, (where) =>
      fail(
        answer.status,
        "BAD_RESPONSE",
        `SplashPay's ${what} did not match the documented shape at: ${where}`,
      ),
    );

  return {
    async createDynamicQr(body, idempotencyKey) {
      assertIdempotencyKey(idempotencyKey);
      const answer = await withRetries(retry, (left) =>
        attempt("/payments/dynamic-qr", body, left, idempotencyKey),
      );
      return read(answer, splashPayCreatedSchema, "dynamic QR payment");
    },
    async checkStatus(reference) {
      const answer = await withRetries(retry, (left) =>
        attempt("/payments/check-status", { reference }, left),
      );
      return read(answer, splashPayStatusSchema, "payment status");
    },
    async cancel(reference) {
      // Cancelling twice is harmless (the second is PAYMENT_NOT_CANCELLABLE), so a retry is safe.
      const answer = await withRetries(retry, (left) => attempt("/payments/cancel", { reference }, left));
      return read(answer, splashPayStatusSchema, "cancelled payment");
    },
  };
}
