import type { RateLimiter } from "../common/rate-limiter";
import type { AuthInfo } from "./context";
import { failure } from "./envelope";
import type { PayGridSandboxSettings } from "./settings";

// S27: the two lowercase auth codes PayGrid documents, never with `details`.
export function authenticate(request: Request, settings: PayGridSandboxSettings): AuthInfo | Response {
  const header = request.headers.get("authorization");
  if (!header || header.trim() === "") return failure(401, "unauthorized", "Authorization header is missing");
  const match = /^Bearer +(\S+)$/.exec(header.trim());
  if (!match) return failure(401, "unauthorized", "Authorization header must use the Bearer scheme");
  const apiKey = match[1]!;
  if (!settings.apiKeys.includes(apiKey)) return failure(401, "invalid_api_key", "Invalid API key");
  return { apiKey, mode: apiKey.startsWith("sk_live_") ? "live" : "test" };
}

/** S26: test keys may move (simulated) money only while test mode is on. */
export function testModeBlocked(auth: AuthInfo, settings: PayGridSandboxSettings): Response | undefined {
  if (auth.mode === "test" && !settings.testModeEnabled) {
    return failure(403, "TEST_MODE_UNAVAILABLE", "Test mode is not enabled for this merchant");
  }
  return undefined;
}

/** S35: the shared one-minute window, answered in PayGrid's error shape. */
export function rateLimited(
  limiter: RateLimiter,
  apiKey: string,
  limit: number,
  now: number,
): Response | undefined {
  const retryAfter = limiter.check(apiKey, limit, now);
  if (retryAfter === undefined) return undefined;
  return failure(429, "RATE_LIMITED", "Too many requests", undefined, { "retry-after": String(retryAfter) });
}
