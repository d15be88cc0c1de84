import "server-only";
import { metrics } from "@/lib/server/metrics/registry";
import { describeNetworkError } from "./http-retry";

// One attempt of a provider call, the same for every provider: its own timeout (which also bounds reading
// the body), no redirects, no cache, and an answer that never arrived turned into a message for the log.

/** The transport knobs every provider client takes, beside its base URL and credentials. */
export interface HttpClientOptions {
  fetch?: typeof fetch;
  /** Per attempt. Default 15000. */
  timeoutMs?: number;
  /** The whole call, every attempt and wait between them included. Default 20000. */
  totalTimeoutMs?: number;
  /** Retries after the first attempt. Default 2. */
  maxRetries?: number;
  /** First backoff step; doubles per retry, with jitter. Default 300. */
  retryBaseDelayMs?: number;
  /** Upper bound for any wait between attempts, `Retry-After` included. Default 10000. */
  maxRetryDelayMs?: number;
  /** Default "Malipo/0.1". */
  userAgent?: string;
}

export interface HttpAttempt {
  /** Names the provider in messages, e.g. "PayGrid". */
  provider: string;
  url: string;
  method: "GET" | "POST";
  /** Named as the call is, e.g. "/payments": messages never carry the base URL. */
  path: string;
  headers: Record<string, string>;
  body?: string;
  timeoutMs: number;
}

export interface HttpAnswer {
  status: number;
  text: string;
  retryAfter: string | null;
}

/** No answer arrived: 0 is the status such a failure carries. */
export interface HttpFailure {
  code: "TIMEOUT" | "NETWORK_ERROR";
  message: string;
}

/** Metric labels: the provider in lower case, the path with ids folded so label values stay few. */
function labelsOf(call: HttpAttempt) {
  return {
    provider: call.provider.toLowerCase(),
    operation: `${call.method} ${call.path.split("?")[0]!.replace(/\/[^/]*\d[^/]*/g, "/:id")}`,
  };
}

export async function fetchOnce(doFetch: typeof fetch, call: HttpAttempt): Promise<HttpAnswer | HttpFailure> {
  const labels = labelsOf(call);
  const stopTimer = metrics.providerRequestSeconds.startTimer(labels);
  const answer = await fetchOnceUntimed(doFetch, call);
  stopTimer();
  if ("code" in answer) metrics.providerRequestErrors.inc({ ...labels, kind: answer.code });
  else if (answer.status >= 500) metrics.providerRequestErrors.inc({ ...labels, kind: "HTTP_5XX" });
  return answer;
}

async function fetchOnceUntimed(doFetch: typeof fetch, call: HttpAttempt): Promise<HttpAnswer | HttpFailure> {
  const signal = AbortSignal.timeout(call.timeoutMs);
  try {
    const response = await doFetch(call.url, {
      method: call.method,
      headers: call.headers,
      body: call.body,
      signal,
      // A redirect would carry the credentials to wherever it points; the provider APIs never redirect.
      redirect: "manual",
      cache: "no-store",
    });
    const retryAfter = response.headers.get("retry-after");
    // The same signal also bounds reading the body.
    return { status: response.status, text: await response.text(), retryAfter };
  } catch (error) {
    if (signal.aborted) {
      return {
        code: "TIMEOUT",
        message: `${call.provider} did not answer ${call.method} ${call.path} within ${call.timeoutMs} ms`,
      };
    }
    return {
      code: "NETWORK_ERROR",
      message: `${call.provider} ${call.method} ${call.path} failed: ${describeNetworkError(error)}`,
    };
  }
}
