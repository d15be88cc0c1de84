import "server-only";
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

// A register session is a signed, self-contained token: `<base64url(json)>.<base64url(hmac)>`.
// Nothing is stored server-side, so any app instance sharing SESSION_SECRET accepts it.

export const SESSION_COOKIE = "malipo_session";
export const SESSION_TTL_SECONDS = 12 * 60 * 60; // one long shift
/** Names the device's register across sign-ins, so its history is still there after signing in again. */
export const REGISTER_COOKIE = "malipo_register";
export const REGISTER_TTL_SECONDS = 365 * 24 * 60 * 60;

export interface RegisterSession {
  registerId: string;
  expiresAt: number; // unix seconds
}

function mac(data: string, secret: string): Buffer {
  return createHmac("sha256", secret).update(data).digest();
}

export function newRegisterId(): string {
  return `reg_${randomBytes(9).toString("base64url")}`;
}

export function signSession(session: RegisterSession, secret: string): string {
  const data = Buffer.from(JSON.stringify({ r: session.registerId, e: session.expiresAt })).toString(
    "base64url",
  );
  return `${data}.${mac(data, secret).toString("base64url")}`;
}

export function verifySession(
  token: string | undefined,
  secret: string,
  nowMs = Date.now(),
): RegisterSession | null {
  if (!token) return null;
  const [data, signature, extra] = token.split(".");
  if (!data || !signature || extra !== undefined) return null;
  const expected = mac(data, secret);
  const given = Buffer.from(signature, "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  try {
    const parsed = JSON.parse(Buffer.from(data, "base64url").toString("utf8")) as {
      r?: unknown;
      e?: unknown;
    };
    if (typeof parsed.r !== "string" || typeof parsed.e !== "number") return null;
    if (parsed.e * 1000 <= nowMs) return null;
    return { registerId: parsed.r, expiresAt: parsed.e };
  } catch {
    return null;
  }
}
