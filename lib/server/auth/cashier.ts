import "server-only";
import { timingSafeEqual, createHash } from "node:crypto";
import { getEnv } from "@/lib/server/env";
import { ApiError } from "@/lib/server/http/api-error";

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
