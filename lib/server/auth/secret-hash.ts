import "server-only";
import { createHmac, randomBytes, scrypt, timingSafeEqual } from "node:crypto";

// Passwords and PINs: scrypt with a random salt per record (N=2^14, r=8, p=1, 32 bytes), stored as
// `scrypt$N$r$p$salt$hash`. Random tokens (session ids, pairing codes) carry enough entropy for a keyed
// fast hash; the key is SESSION_SECRET, so a copied database alone cannot be matched against cookies.

const N = 16_384;
const R = 8;
const P = 1;
const KEY_LENGTH = 32;

function derive(secret: string, salt: Buffer, n: number, r: number, p: number): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(secret, salt, KEY_LENGTH, { N: n, r, p, maxmem: 64 * 1024 * 1024 }, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
}

export async function hashSecret(secret: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(secret, salt, N, R, P);
  return `scrypt$${N}$${R}$${P}$${salt.toString("base64url")}$${key.toString("base64url")}`;
}

// A stored hash of a secret nobody knows: checking against it costs what a real check costs, so a
// missing account or staff member cannot be told apart by the time the answer takes.
const DUMMY = `scrypt$${N}$${R}$${P}$${randomBytes(16).toString("base64url")}$${randomBytes(KEY_LENGTH).toString("base64url")}`;

/** True when `secret` matches `stored`; a null `stored` is checked against a dummy and is always false. */
export async function verifySecret(secret: string, stored: string | null | undefined): Promise<boolean> {
  const [scheme, n, r, p, salt, expected] = (stored ?? DUMMY).split("$");
  if (scheme !== "scrypt" || !n || !r || !p || !salt || !expected) return false;
  const key = await derive(secret, Buffer.from(salt, "base64url"), Number(n), Number(r), Number(p));
  const want = Buffer.from(expected, "base64url");
  return stored != null && want.length === key.length && timingSafeEqual(want, key);
}

export function tokenHash(token: string, key: string): string {
  return createHmac("sha256", key).update(token).digest("base64url");
}

export function randomToken(): string {
  return randomBytes(32).toString("base64url");
}
