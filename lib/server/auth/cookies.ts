import "server-only";
import { getEnv } from "@/lib/server/env";

// Two typed cookies: the person's session (12 hours) and the device's register pairing (a year). Each
// holds a random token whose row in auth_sessions has a `kind`; one is never accepted for the other.

export const SESSION_COOKIE = "malipo_session";
export const REGISTER_COOKIE = "malipo_register";
export const SESSION_TTL_SECONDS = 12 * 60 * 60; // one long shift
export const REGISTER_TTL_SECONDS = 365 * 24 * 60 * 60;

function cookie(name: string, value: string, maxAge: number): string {
  const secure = getEnv().publicBaseUrl.startsWith("https://") ? "; Secure" : "";
  return `${name}=${value}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${maxAge}${secure}`;
}

export function sessionCookieHeader(token: string): string {
  return cookie(SESSION_COOKIE, token, SESSION_TTL_SECONDS);
}

export function registerCookieHeader(token: string): string {
  return cookie(REGISTER_COOKIE, token, REGISTER_TTL_SECONDS);
}

export function clearedCookieHeader(name: string): string {
  return cookie(name, "", 0);
}
