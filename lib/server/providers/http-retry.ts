import "server-only";

// The outgoing-HTTP habits every provider client shares (docs/architecture.md#outgoing-http): a timeout per
// attempt, retries only for answers that may not have landed (network errors, timeouts, 5xx, 429) with
// backoff and jitter, `Retry-After` honoured, and bodies read tolerantly.

export interface RetryOptions {
  /** Retries after the first attempt. */
  maxRetries: number;
  /** First backoff step; doubles per retry, with jitter. */
  retryBaseDelayMs: number;
  /** Upper bound for any wait between attempts, `Retry-After` included. */
  maxRetryDelayMs: number;
  /**
   * The whole call's budget, every attempt and wait included: a provider that stops answering costs a
   * register one wait, not three timeouts in a row (the chaos suite's "provider down" found 45 s answers).
   */
  totalTimeoutMs: number;
}

/**
 * The client options' retry knobs with every provider's defaults: 2 retries, 300 ms first step, 10 s cap,
 * 20 s for the whole call.
 */
export function retryOptions(options: Partial<RetryOptions>): RetryOptions {
  return {
    maxRetries: Math.max(0, options.maxRetries ?? 2),
    retryBaseDelayMs: options.retryBaseDelayMs ?? 300,
    maxRetryDelayMs: options.maxRetryDelayMs ?? 10_000,
    totalTimeoutMs: options.totalTimeoutMs ?? 20_000,
  };
}

/** A retry with less time than this left is not worth starting: the call fails with what it knows. */
export const MIN_ATTEMPT_MS = 1000;

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** `Retry-After` as delta-seconds or an HTTP date (RFC 9110 §10.2.3); undefined when absent or unusable. */
export function retryAfterMs(header: string | null, nowMs: number): number | undefined {
  if (!header) return undefined;
  const value = header.trim();
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
}

export function parseJson(text: string): unknown {
  if (text.trim() === "") return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

export function backoffMs(options: RetryOptions, retry: number, retryAfter: number | undefined): number {
  if (retryAfter !== undefined) return Math.min(retryAfter, options.maxRetryDelayMs);
  // Equal jitter: half the exponential step fixed, half random, so simultaneous callers spread out.
  const step = options.retryBaseDelayMs * 2 ** retry;
  return Math.min(step / 2 + Math.random() * (step / 2), options.maxRetryDelayMs);
}

/** Safe to repeat with the same Idempotency-Key: the request may not have landed, or the provider asks us to. */
export function isRetryableStatus(status: number): boolean {
  return status === 0 || status === 429 || status >= 500;
}

/** undici reports "fetch failed" and puts the useful part (ECONNREFUSED, …) in the cause. */
export function describeNetworkError(error: unknown): string {
  const reason = error instanceof Error ? error.message : String(error);
  const cause =
    error instanceof Error && isRecord(error.cause) && typeof error.cause.code === "string"
      ? ` (${error.cause.code})`
      : "";
  return `${reason}${cause}`;
}

/**
 * Runs `attempt` until it answers, fails for good, or the retries or the call's time budget are used up.
 * `attempt` gets the time left, to cap its own timeout with.
 */
export async function withRetries<T, E extends { retryable: boolean }>(
  options: RetryOptions,
  attempt: (timeLeftMs: number) => Promise<{ answer: T } | { error: E; retryAfterMs?: number }>,
  now: () => number = Date.now,
): Promise<T> {
  const deadline = now() + options.totalTimeoutMs;
  for (let retry = 0; ; retry += 1) {
    const result = await attempt(Math.max(deadline - now(), MIN_ATTEMPT_MS));
    if ("answer" in result) return result.answer;
    if (!result.error.retryable || retry >= options.maxRetries) throw result.error;
    const wait = backoffMs(options, retry, result.retryAfterMs);
    if (deadline - now() - wait < MIN_ATTEMPT_MS) throw result.error;
    await sleep(wait);
  }
}
