import "server-only";
import { timingSafeEqual, createHash } from "node:crypto";
import { getEnv } from "@/lib/server/env";
import { ApiError } from "@/lib/server/http/api-error";
import { SESSION_COOKIE, verifySession, type RegisterSession } from "./session-token";

export function readCookie(request: Request, name: string): string | undefined {
  for (const part of (request.headers.get("cookie") ?? "").split(";")) {
    const [k, ...v] = part.trim().split("=");
    if (k === name) return v.join("=");
  }
  return undefined;
}

/** Compares secrets in constant time whatever their lengths (hashing first evens the lengths). */
export function secretEquals(given: string, expected: string): boolean {
  const a = createHash("sha256").update(given).digest();
  const b = createHash("sha256").update(expected).digest();
  return timingSafeEqual(a, b);
}

export function cashierSession(request: Request): RegisterSession | null {
  return verifySession(readCookie(request, SESSION_COOKIE), getEnv().sessionSecret);
}

/**
 * Cookie-authenticated writes must come from our own pages: a browser always sends Origin on a
 * cross-site POST, so a foreign Origin (or Sec-Fetch-Site: cross-site) is refused.
 */
export function assertSameOrigin(request: Request): void {
  if (request.method === "GET" || request.method === "HEAD") return;
  const origin = request.headers.get("origin");
  if (request.headers.get("sec-fetch-site") === "cross-site") {
    throw new ApiError("FORBIDDEN", "Cross-site requests are not allowed.");
  }
  if (!origin) return;
  const allowed = new Set([new URL(getEnv().publicBaseUrl).origin, new URL(request.url).origin]);
  const host = request.headers.get("host");
  if (host) allowed.add(`${new URL(request.url).protocol}//${host}`);
  if (!allowed.has(origin)) throw new ApiError("FORBIDDEN", "This request did not come from Malipo's pages.");
}

/** The register session of the request, or 401. Checks Origin on writes. */
export function requireCashier(request: Request): RegisterSession {
  const session = cashierSession(request);
  if (!session) throw new ApiError("UNAUTHENTICATED", "Sign in to the register first.");
  assertSameOrigin(request);
  return session;
}
