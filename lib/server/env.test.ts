import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { KEY_MIXES } from "@/test/live-mixes";
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

  it("runs fiscal receipts against the simulator in sandbox mode, off outside it, and never mixes the two", () => {
    const sandboxed = parseEnv({ DATA_DIR: tempDir() });
    expect(sandboxed.vfd).toMatchObject({ mode: "sandbox", generatedCertificate: true, defaultTaxCode: 1 });
    expect(sandboxed.vfd.baseUrl).toBe("http://localhost:3000/sandbox/tra");
    expect(() => parseEnv({ DATA_DIR: tempDir(), VFD_MODE: "live" })).toThrow(
      /VFD_MODE: live fiscal receipts beside sandbox payment providers are refused/,
    );
    const live = {
      PAYGRID_API_KEY: "sk_live_abc",
      PAYGRID_WEBHOOK_SIGNING_KEY: "k",
      SESSION_SECRET: "s".repeat(32),
      MERCHANT_API_KEY: "m".repeat(16),
      MERCHANT_WEBHOOK_SECRET: `whsec_${"a".repeat(32)}`,
    };
    expect(parseEnv(live).vfd.mode).toBe("off");
    expect(() => parseEnv({ ...live, VFD_MODE: "sandbox" })).toThrow(/VFD_MODE: the VFD simulator runs only/);
    expect(() => parseEnv({ ...live, VFD_MODE: "live" })).toThrow(
      /VFD_CERT_PFX_PATH: required with VFD_MODE=live/,
    );
    expect(
      parseEnv({
        ...live,
        VFD_MODE: "live",
        VFD_TIN: "123456789",
        VFD_CERT_KEY: "10TZ100781",
        VFD_CERT_PFX_PATH: "/x.pfx",
        VFD_CERT_PASSWORD: "p",
        VFD_VAT_REGISTERED: "0",
      }).vfd,
    ).toMatchObject({
      baseUrl: "https://vfd.tra.go.tz",
      verifyUrl: "https://verify.tra.go.tz",
      defaultTaxCode: 3,
    });
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

describe("sandbox is all or nothing", () => {
  for (const mix of KEY_MIXES) {
    it(`${mix.name}: PayGrid ${mix.paygrid}, SplashPay ${mix.splashpay}`, () => {
      const dataDir = tempDir();
      const env = parseEnv({ ...mix.env, DATA_DIR: dataDir });
      expect(env.paygrid.mode).toBe(mix.paygrid);
      expect(env.splashpay.mode).toBe(mix.splashpay);
      expect(env.sandbox).toBe(mix.sandbox);
      // Outside sandbox mode nothing is generated, so nothing can be printed.
      expect(env.generatedCredentials).toBe(mix.sandbox);
      expect(fs.existsSync(path.join(dataDir, "sandbox-credentials.json"))).toBe(mix.sandbox);
      // An off provider keeps no simulator's keys or URL.
      for (const provider of [env.paygrid, env.splashpay]) {
        if (provider.mode === "off") expect(provider.baseUrl).not.toContain("/sandbox/");
        if (provider.mode === "live") expect(provider.apiKey).not.toMatch(/sandbox/);
      }
    });
  }

  it("PayGrid's keys alone never leave SplashPay as a simulator (the old half-live mix)", () => {
    const env = parseEnv({ ...KEY_MIXES[0]!.env, DATA_DIR: tempDir() });
    expect(env.splashpay.mode).toBe("off");
    expect(env.splashpay.apiKey).toBe("");
    expect(env.splashpay.webhookSecret).toBe("");
  });

  it("demands every secret at start, naming each one", () => {
    let message = "";
    try {
      parseEnv({ PAYGRID_API_KEY: "sk_live_x", DATA_DIR: tempDir() });
    } catch (error) {
      message = (error as Error).message;
    }
    for (const name of [
      "PAYGRID_WEBHOOK_SIGNING_KEY",
      "SESSION_SECRET",
      "MERCHANT_API_KEY",
      "MERCHANT_WEBHOOK_SECRET",
    ]) {
      expect(message).toContain(`${name}: required`);
    }
    expect(message).not.toContain("sk_live_x");
    expect(() => parseEnv({ SPLASHPAY_API_KEY: "pk_live_x", SPLASHPAY_API_SECRET: "y" })).toThrow(
      /SPLASHPAY_WEBHOOK_SECRET: required/,
    );
  });
});

describe("stream bounds and redirect origins", () => {
  it("defaults to 8 streams per payment, 50 per client, 10 minutes each, and reads overrides", () => {
    expect(parseEnv({ DATA_DIR: tempDir() }).sse).toEqual({
      maxPerPayment: 8,
      maxPerClient: 50,
      maxLifetimeSeconds: 600,
    });
    const env = parseEnv({ DATA_DIR: tempDir(), SSE_MAX_STREAMS_PER_PAYMENT: "3" });
    expect(env.sse.maxPerPayment).toBe(3);
    expect(() => parseEnv({ SSE_MAX_LIFETIME_SECONDS: "soon" })).toThrow(/SSE_MAX_LIFETIME_SECONDS/);
  });

  it("reads MERCHANT_REDIRECT_ORIGINS as origins and names a bad one", () => {
    const env = parseEnv({
      DATA_DIR: tempDir(),
      MERCHANT_REDIRECT_ORIGINS: "https://shop.example/path, https://www.shop.example",
    });
    expect(env.merchantRedirectOrigins).toEqual(["https://shop.example", "https://www.shop.example"]);
    expect(() => parseEnv({ MERCHANT_REDIRECT_ORIGINS: "shop.example" })).toThrow(
      /MERCHANT_REDIRECT_ORIGINS/,
    );
  });
});
