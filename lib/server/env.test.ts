import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "./env";

const dirs: string[] = [];
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "malipo-env-"));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe("parseEnv", () => {
  it("runs both providers in the sandbox with no keys and generates credentials once", () => {
    const dataDir = tempDir();
    const env = parseEnv({ DATA_DIR: dataDir });
    expect(env.sandbox).toBe(true);
    expect(env.paygrid.mode).toBe("sandbox");
    expect(env.paygrid.apiKey).toBe("sk_test_malipo_sandbox");
    expect(env.paygrid.baseUrl).toBe("http://localhost:3000/sandbox/paygrid/api/v1");
    expect(env.demo?.ownerEmail).toBe("owner@demo.malipo.local");
    expect(env.demo?.ownerPassword.length).toBeGreaterThanOrEqual(10);
    expect(env.demo?.cashierPin).toMatch(/^\d{4}$/);
    expect(env.sessionSecret.length).toBeGreaterThanOrEqual(32);
    expect(env.merchantWebhookSecret).toMatch(/^whsec_/);
    expect(env.generatedCredentials).toBe(true);
    expect(env.paymentTtlSeconds).toBe(1800);
    // A restart keeps the same demo logins and merchant key.
    const again = parseEnv({ DATA_DIR: dataDir });
    expect(again.demo).toEqual(env.demo);
    expect(again.merchantApiKey).toBe(env.merchantApiKey);
  });

  it("uses live PayGrid when a key is set, and requires its signing key", () => {
    const base = {
      PAYGRID_API_KEY: "sk_live_abc",
      SPLASHPAY_API_KEY: "pk_live_x",
      SPLASHPAY_API_SECRET: "sk_live_y",
      SPLASHPAY_WEBHOOK_SECRET: "s",
      SESSION_SECRET: "x".repeat(32),
      MERCHANT_API_KEY: "m".repeat(16),
      MERCHANT_WEBHOOK_SECRET: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
    };
    expect(() => parseEnv(base)).toThrow(/PAYGRID_WEBHOOK_SIGNING_KEY: required/);
    const env = parseEnv({ ...base, PAYGRID_WEBHOOK_SIGNING_KEY: "k" });
    expect(env.sandbox).toBe(false);
    expect(env.paygrid.mode).toBe("live");
    expect(env.paygrid.baseUrl).toBe("https://meet.briq.tz/api/v1");
  });

  it("refuses a live key with SANDBOX=1", () => {
    expect(() => parseEnv({ SANDBOX: "1", PAYGRID_API_KEY: "sk_live_abc", DATA_DIR: tempDir() })).toThrow(
      /SANDBOX: is 1 while PAYGRID_API_KEY is a live key/,
    );
  });

  it("names every bad variable and what it expects", () => {
    let message = "";
    try {
      parseEnv({ PAYMENT_TTL_SECONDS: "soon", PUBLIC_BASE_URL: "localhost", SESSION_SECRET: "short" });
    } catch (error) {
      expect(error).toBeInstanceOf(EnvError);
      message = (error as Error).message;
    }
    expect(message).toMatch(/PAYMENT_TTL_SECONDS: expected a whole number of seconds/);
    expect(message).toMatch(/PUBLIC_BASE_URL: expected an http\(s\) URL/);
    expect(message).toMatch(/SESSION_SECRET: expected at least 32 characters/);
  });

  it("turns a provider off with SANDBOX=0 and no key, and then requires real credentials", () => {
    expect(() => parseEnv({ SANDBOX: "0" })).toThrow(/SESSION_SECRET: required outside sandbox mode/);
    const env = parseEnv({
      SANDBOX: "0",
      POS_ACCESS_CODE: "1234",
      SESSION_SECRET: "x".repeat(32),
      MERCHANT_API_KEY: "m".repeat(16),
      MERCHANT_WEBHOOK_SECRET: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
    });
    expect(env.paygrid.mode).toBe("off");
    expect(env.sandbox).toBe(false);
    expect(env.retiredPosAccessCode).toBe(true);
    expect(env.demo).toBeUndefined();
    expect(env.trustedProxyHops).toBe(0);
  });

  it("takes the owner account as a pair and the proxy hops as a small whole number", () => {
    expect(() => parseEnv({ OWNER_EMAIL: "a@b.tz", DATA_DIR: tempDir() })).toThrow(
      /OWNER_EMAIL \/ OWNER_PASSWORD: set both or neither/,
    );
    expect(() => parseEnv({ OWNER_EMAIL: "nope", OWNER_PASSWORD: "x".repeat(10) })).toThrow(/OWNER_EMAIL/);
    expect(() => parseEnv({ TRUSTED_PROXY_HOPS: "-1" })).toThrow(/TRUSTED_PROXY_HOPS/);
    const env = parseEnv({
      OWNER_EMAIL: "mwenye@duka.tz",
      OWNER_PASSWORD: "long-enough-pass",
      TRUSTED_PROXY_HOPS: "1",
      DATA_DIR: tempDir(),
    });
    expect(env.owner).toEqual({ email: "mwenye@duka.tz", password: "long-enough-pass" });
    expect(env.demo?.ownerEmail).toBe("mwenye@duka.tz");
    expect(env.trustedProxyHops).toBe(1);
  });
});
