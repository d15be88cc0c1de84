import "server-only";
import { getEnv } from "@/lib/server/env";
import { readCookie } from "./cashier";

// Two typed cookies: the person's session (12 hours) and the device's register pairing (a year). Each
// holds a random token whose row in auth_sessions has a `kind`; one is never accepted for the other.
// Over https they are `__Host-` cookies: the browser then insists on Secure, Path=/ and no Domain, so a
// sibling subdomain or a plain-http page can neither plant nor overwrite them.

export const SESSION_COOKIE = "malipo_session";
export const REGISTER_COOKIE = "malipo_register";
export const SESSION_TTL_SECONDS = 12 * 60 * 60; // one long shift
export const REGISTER_TTL_SECONDS = 365 * 24 * 60 * 60;

function overHttps(): boolean {
  return getEnv().publicBaseUrl.startsWith("https://");
}

/** The name a cookie is set under: `__Host-` prefixed over https. */
export function cookieName(base: string): string {
  return overHttps() ? `__Host-${base}` : base;
}

/**
 * The token a request carries: under the current name, else under the plain name (a device paired before
 * the shop moved to https keeps its pairing; the next sign-in sets the prefixed cookie).
 */
export function readAuthCookie(
  lookup: (name: string) => string | undefined,
  base: string,
): string | undefined {
  return lookup(cookieName(base)) || lookup(base) || undefined;
}

/** readAuthCookie for a request's Cookie header. */
export function requestAuthCookie(request: Request, base: string): string | undefined {
  return readAuthCookie((name) => readCookie(request, name), base);
}

function cookie(name: string, value: string, maxAge: number): string {
  const secure = overHttps() ? "; Secure" : "";
  return `${name}=${value}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${maxAge}${secure}`;
}

export function sessionCookieHeader(token: string): string {
  return cookie(cookieName(SESSION_COOKIE), token, SESSION_TTL_SECONDS);
}

export function registerCookieHeader(token: string): string {
  return cookie(cookieName(REGISTER_COOKIE), token, REGISTER_TTL_SECONDS);
}

/** Clears a cookie under both names it may have, so nothing is left to sign in with. */
export function clearedCookieHeaders(base: string): string[] {
  return [...new Set([cookieName(base), base])].map((name) => cookie(name, "", 0));
}
