import { describe, expect, it } from "vitest";
import { signSession, verifySession } from "./session-token";

const secret = "s".repeat(32);
const now = 1_800_000_000_000;

describe("register session tokens", () => {
  it("round-trips a valid session", () => {
    const token = signSession({ registerId: "reg_1", expiresAt: now / 1000 + 60 }, secret);
    expect(verifySession(token, secret, now)).toEqual({ registerId: "reg_1", expiresAt: now / 1000 + 60 });
  });

  it("rejects expired, tampered, foreign and malformed tokens", () => {
    const token = signSession({ registerId: "reg_1", expiresAt: now / 1000 + 60 }, secret);
    expect(verifySession(token, secret, now + 61_000)).toBeNull();
    const [data, sig] = token.split(".");
    const forged = Buffer.from(JSON.stringify({ r: "reg_2", e: now / 1000 + 60 })).toString("base64url");
    expect(verifySession(`${forged}.${sig}`, secret, now)).toBeNull();
    expect(verifySession(`${data}.${sig}x`, secret, now)).toBeNull();
    expect(verifySession(token, "t".repeat(32), now)).toBeNull();
    expect(verifySession("garbage", secret, now)).toBeNull();
    expect(verifySession(undefined, secret, now)).toBeNull();
  });
});
