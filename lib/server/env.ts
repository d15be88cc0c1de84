import "server-only";
import { randomBytes, randomInt } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { brandColorProblem } from "@/lib/brand-color";
import { decideProviderModes, type ProviderMode } from "@/lib/server/provider-modes";
import {
  SANDBOX_PAYGRID_API_KEY,
  SANDBOX_PAYGRID_WEBHOOK_SIGNING_KEY,
  SANDBOX_SPLASHPAY_API_KEY,
  SANDBOX_SPLASHPAY_API_SECRET,
  SANDBOX_SPLASHPAY_WEBHOOK_SECRET,
} from "@/lib/sandbox-credentials";

// The only reader of process.env (docs/architecture.md#secrets). Everything else asks getEnv().

const optional = z
  .string()
  .trim()
  .transform((v) => (v === "" ? undefined : v))
  .optional();

const httpUrl = (what: string) =>
  z
    .string()
    .trim()
    .refine((v) => /^https?:\/\/[^\s/]+/.test(v), `expected an http(s) URL (${what})`)
    .transform((v) => v.replace(/\/+$/, ""));

// "https://shop.example, https://www.shop.example": where checkout links may send the shopper back to.
const redirectOrigins = z
  .string()
  .optional()
  .transform((v, ctx) => {
    const origins: string[] = [];
    for (const part of (v ?? "")
      .split(",")
      .map((p) => p.trim())
      .filter(Boolean)) {
      try {
        const url = new URL(part);
        if (url.protocol !== "https:" && url.protocol !== "http:") throw new Error("not http(s)");
        origins.push(url.origin);
      } catch {
        ctx.addIssue({ code: "custom", message: `expected comma-separated http(s) origins, got "${part}"` });
      }
    }
    return origins;
  });

const wholeNumber = (min: number, max: number, fallback: number) =>
  z.coerce
    .number({ error: "expected a whole number" })
    .int("expected a whole number")
    .min(min, `expected at least ${min}`)
    .max(max, `expected at most ${max}`)
    .default(fallback);

const schema = z.object({
  PUBLIC_BASE_URL: httpUrl("the app's public origin, e.g. http://localhost:3000").default(
    "http://localhost:3000",
  ),
  DATABASE_URL: optional.refine(
    (v) => v === undefined || /^postgres(ql)?:\/\//.test(v),
    "expected a postgres:// connection string",
  ),
  DATA_DIR: z.string().trim().min(1).default(".data"),
  PAYGRID_API_KEY: optional.refine(
    (v) => v === undefined || /^sk_(live|test)_\S+$/.test(v),
    "expected a PayGrid key starting with sk_live_ or sk_test_",
  ),
  PAYGRID_BASE_URL: optional.pipe(httpUrl("PayGrid API base").optional()),
  PAYGRID_WEBHOOK_SIGNING_KEY: optional,
  SPLASHPAY_API_KEY: optional,
  SPLASHPAY_API_SECRET: optional,
  SPLASHPAY_BASE_URL: optional.pipe(httpUrl("SplashPay API base").optional()),
  SPLASHPAY_WEBHOOK_SECRET: optional,
  // Retired by staff accounts; still read so the start can say so instead of silently ignoring it.
  POS_ACCESS_CODE: optional,
  OWNER_EMAIL: optional.pipe(z.email("expected the owner's email address").optional()),
  OWNER_PASSWORD: optional.refine(
    (v) => v === undefined || v.length >= 10,
    "expected at least 10 characters",
  ),
  TRUSTED_PROXY_HOPS: z.coerce
    .number({ error: "expected a whole number of proxies (0 = none)" })
    .int("expected a whole number of proxies (0 = none)")
    .min(0, "expected 0 or more")
    .max(5, "expected at most 5")
    .default(0),
  SESSION_SECRET: optional.refine(
    (v) => v === undefined || v.length >= 32,
    "expected at least 32 characters",
  ),
  MERCHANT_API_KEY: optional.refine(
    (v) => v === undefined || v.length >= 16,
    "expected at least 16 characters",
  ),
  MERCHANT_WEBHOOK_URL: optional.pipe(httpUrl("the merchant's default webhook endpoint").optional()),
  MERCHANT_WEBHOOK_SECRET: optional.refine(
    (v) => v === undefined || /^whsec_[A-Za-z0-9+/=]{24,}$/.test(v),
    "expected a Standard Webhooks secret: whsec_ followed by base64 (at least 24 characters)",
  ),
  MERCHANT_REDIRECT_ORIGINS: optional.pipe(redirectOrigins),
  MERCHANT_NAME: z.string().trim().min(1).max(60).default("Malipo Demo Shop"),
  MERCHANT_ADDRESS: optional.pipe(z.string().max(200, "at most 200 characters").optional()),
  MERCHANT_TIN: optional.pipe(z.string().max(40, "at most 40 characters").optional()),
  // Branding on the shopper's pages (lib/server/branding/brand.ts): a logo by URL and a colour that must read
  // on white and in dark mode (lib/brand-color.ts).
  MERCHANT_LOGO_URL: optional.pipe(httpUrl("the shop's logo image").optional()),
  MERCHANT_BRAND_COLOR: optional.superRefine((v, ctx) => {
    const problem = v === undefined ? null : brandColorProblem(v.toLowerCase());
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  }),
  PAYMENT_TTL_SECONDS: z.coerce
    .number({ error: "expected a whole number of seconds" })
    .int("expected a whole number of seconds")
    .min(10, "expected at least 10 seconds")
    .max(86_400, "expected at most 86400 seconds")
    .default(1800),
  SSE_MAX_STREAMS_PER_PAYMENT: wholeNumber(1, 1000, 8),
  SSE_MAX_STREAMS_PER_CLIENT: wholeNumber(1, 100_000, 50),
  SSE_MAX_LIFETIME_SECONDS: wholeNumber(10, 86_400, 600),
  RECONCILE_RECHECK_SECONDS: wholeNumber(1, 3600, 60),
  CREATE_LEASE_SECONDS: wholeNumber(5, 600, 45),
  SANDBOX: z
    .enum(["1", "0", ""], { error: 'expected "1" (force the sandbox) or "0" (forbid it)' })
    .optional(),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
  VFD_MODE: z
    .enum(["off", "sandbox", "live", ""], { error: 'expected "off", "sandbox" or "live"' })
    .optional(),
  VFD_BASE_URL: optional.pipe(httpUrl("TRA's VFD API base").optional()),
  VFD_VERIFY_URL: optional.pipe(httpUrl("TRA's receipt verification base").optional()),
  VFD_TIN: optional.refine((v) => v === undefined || /^\d{9}$/.test(v), "expected the seller's 9-digit TIN"),
  VFD_CERT_KEY: optional.refine(
    (v) => v === undefined || /^[0-9A-Z]{2,20}$/.test(v),
    "expected TRA's device serial (CERTKEY), e.g. 10TZ100781",
  ),
  VFD_CERT_PFX_PATH: optional,
  VFD_CERT_PASSWORD: optional,
  VFD_VAT_REGISTERED: z.enum(["1", "0", ""], { error: 'expected "1" or "0"' }).optional(),
  VFD_DEFAULT_TAX_CODE: z
    .enum(["1", "2", "3", "4", "5", ""], { error: "expected a TRA tax code 1–5 (1 = A, standard VAT)" })
    .optional(),
  // Bearer token for /api/metrics; unset = the endpoint answers 404 (README "Metrics").
  METRICS_TOKEN: optional.refine((v) => v === undefined || v.length >= 16, "expected at least 16 characters"),
});

export type { ProviderMode };

export interface Env {
  publicBaseUrl: string;
  databaseUrl: string | undefined;
  dataDir: string;
  /** True only when every provider runs against the built-in sandbox (docs/api.md "all or nothing"). */
  sandbox: boolean;
  paygrid: { mode: ProviderMode; apiKey: string; baseUrl: string; webhookSigningKey: string };
  splashpay: {
    mode: ProviderMode;
    apiKey: string;
    apiSecret: string;
    baseUrl: string;
    webhookSecret: string;
  };
  /** The owner account to create at first start (both set, or neither). */
  owner: { email: string; password: string } | undefined;
  /** Sandbox mode: the demo owner and cashier made at first start, printed by the start banner. */
  demo: { ownerEmail: string; ownerPassword: string; cashierPin: string } | undefined;
  /** How many reverse proxies in front append to X-Forwarded-For; 0 = the socket address is the client. */
  trustedProxyHops: number;
  /** POS_ACCESS_CODE is still set although staff accounts replaced it. */
  retiredPosAccessCode: boolean;
  sessionSecret: string;
  merchantApiKey: string;
  /** Where checkout outcomes go when a session names no webhook_url. */
  merchantWebhookUrl: string | undefined;
  /** Signs merchant webhooks (Standard Webhooks, whsec_…). */
  merchantWebhookSecret: string;
  merchantName: string;
  /** Printed on digital receipts when set (docs/api.md, receipts). */
  merchantAddress: string | undefined;
  /** The shop's Tax Identification Number, printed on receipts when set. */
  merchantTin: string | undefined;
  /** The shop's logo (http(s) URL) and brand colour (#rrggbb, contrast-checked); read via branding.ts. */
  merchantLogoUrl: string | undefined;
  merchantBrandColor: string | undefined;
  /** Allowed origins for a checkout's success_url/cancel_url; empty = any (merchant key only). */
  merchantRedirectOrigins: string[];
  paymentTtlSeconds: number;
  /** Bounds on live-status streams (SSE): per payment and per client address, and each one's lifetime. */
  sse: { maxPerPayment: number; maxPerClient: number; maxLifetimeSeconds: number };
  /**
   * Seconds until the reconciler first asks the provider about an open payment, and how long a create's
   * lease on a "creating" payment lasts (a crashed instance's attempt is resumed after it). Only the
   * reliability suite's short configuration shortens them.
   */
  timing: { recheckSeconds: number; createLeaseSeconds: number };
  logLevel: "debug" | "info" | "warn" | "error";
  /** Fiscal receipts through TRA's VFD API (README "Fiscal receipts"). */
  vfd: VfdConfig;
  /** Bearer token guarding /api/metrics; undefined = metrics are not served. */
  metricsToken: string | undefined;
  /** Set when the merchant key and secrets were generated (sandbox mode): printed at start. */
  generatedCredentials: boolean;
}

export interface VfdConfig {
  mode: ProviderMode;
  baseUrl: string;
  /** Receipts link to `${verifyUrl}/${RCTVNUM}_${HHMMSS}`. */
  verifyUrl: string;
  tin: string;
  certKey: string;
  /** The .pfx TRA issued; in sandbox mode a throwaway one made in DATA_DIR at first start. */
  pfxPath: string;
  pfxPassword: string;
  /** Sandbox: the test certificate is generated (and its password kept) in DATA_DIR. */
  generatedCertificate: boolean;
  vatRegistered: boolean;
  /** TRA TAXCODE for every line: 1 = A (standard VAT) for VAT-registered sellers, else 3 = C. */
  defaultTaxCode: 1 | 2 | 3 | 4 | 5;
}

/** The sandbox VFD device: a made-up TIN and serial the built-in simulator knows. */
export const SANDBOX_VFD_TIN = "100200300";
export const SANDBOX_VFD_CERT_KEY = "10TZ100999";

export class EnvError extends Error {
  override name = "EnvError";
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => `  - ${issue.path.join(".") || "(environment)"}: ${issue.message}`)
    .join("\n");
}

interface GeneratedCredentials {
  demoOwnerPassword: string;
  demoCashierPin: string;
  sessionSecret: string;
  merchantApiKey: string;
  merchantWebhookSecret: string;
}

// Sandbox mode invents the demo logins, cookie secret and merchant key once and keeps them in DATA_DIR,
// so a restart does not sign every cashier out or change the key a demo shop was given. A file from an
// older version keeps what it has and gains what it lacks.
function loadOrCreateCredentials(dataDir: string): GeneratedCredentials {
  const file = path.join(dataDir, "sandbox-credentials.json");
  let stored: Partial<GeneratedCredentials> = {};
  try {
    stored = JSON.parse(fs.readFileSync(file, "utf8")) as Partial<GeneratedCredentials>;
  } catch {
    // absent or unreadable: make new ones below
  }
  const complete: GeneratedCredentials = {
    demoOwnerPassword: stored.demoOwnerPassword ?? randomBytes(9).toString("base64url"),
    demoCashierPin: stored.demoCashierPin ?? String(randomInt(0, 10_000)).padStart(4, "0"),
    sessionSecret: stored.sessionSecret ?? randomBytes(32).toString("hex"),
    merchantApiKey: stored.merchantApiKey ?? `mk_test_${randomBytes(24).toString("hex")}`,
    merchantWebhookSecret: stored.merchantWebhookSecret ?? `whsec_${randomBytes(24).toString("base64")}`,
  };
  if (Object.keys(complete).some((k) => !stored[k as keyof GeneratedCredentials])) {
    fs.mkdirSync(dataDir, { recursive: true });
    fs.writeFileSync(file, JSON.stringify(complete, null, 2), { mode: 0o600 });
  }
  return complete;
}

export const DEMO_OWNER_EMAIL = "owner@demo.malipo.local";

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = schema.safeParse(source);
  if (!result.success) {
    throw new EnvError(`Malipo cannot start: bad configuration.\n${describeIssues(result.error)}`);
  }
  const v = result.data;
  const forced = v.SANDBOX === "1";
  const problems: string[] = [];

  if (forced && v.PAYGRID_API_KEY?.startsWith("sk_live_")) {
    problems.push("  - SANDBOX: is 1 while PAYGRID_API_KEY is a live key (sk_live_…); remove one of them");
  }
  if (forced && v.SPLASHPAY_API_KEY?.startsWith("pk_live_")) {
    problems.push("  - SANDBOX: is 1 while SPLASHPAY_API_KEY is a live key (pk_live_…); remove one of them");
  }
  if (Boolean(v.OWNER_EMAIL) !== Boolean(v.OWNER_PASSWORD)) {
    problems.push("  - OWNER_EMAIL / OWNER_PASSWORD: set both or neither");
  }
  if (Boolean(v.SPLASHPAY_API_KEY) !== Boolean(v.SPLASHPAY_API_SECRET)) {
    problems.push("  - SPLASHPAY_API_KEY / SPLASHPAY_API_SECRET: set both or neither");
  }

  const modes = decideProviderModes({
    paygridApiKey: v.PAYGRID_API_KEY,
    splashpayApiKey: v.SPLASHPAY_API_KEY,
    sandboxFlag: v.SANDBOX,
  });
  const paygridMode = modes.paygrid;
  const splashMode = modes.splashpay;
  const sandbox = modes.sandbox;

  if (paygridMode === "live" && !v.PAYGRID_WEBHOOK_SIGNING_KEY) {
    problems.push(
      "  - PAYGRID_WEBHOOK_SIGNING_KEY: required with a PayGrid key (webhooks cannot be verified without it)",
    );
  }
  if (splashMode === "live" && !v.SPLASHPAY_WEBHOOK_SECRET) {
    problems.push(
      "  - SPLASHPAY_WEBHOOK_SECRET: required with SplashPay keys (webhooks cannot be verified without it)",
    );
  }
  if (!sandbox) {
    for (const name of ["SESSION_SECRET", "MERCHANT_API_KEY", "MERCHANT_WEBHOOK_SECRET"] as const) {
      if (!v[name]) problems.push(`  - ${name}: required outside sandbox mode`);
    }
  }
  const vfdMode: ProviderMode = v.VFD_MODE ? v.VFD_MODE : sandbox ? "sandbox" : "off";
  if (vfdMode === "live" && sandbox) {
    problems.push("  - VFD_MODE: live fiscal receipts beside sandbox payment providers are refused");
  }
  if (vfdMode === "sandbox" && !sandbox) {
    problems.push("  - VFD_MODE: the VFD simulator runs only in sandbox mode (set live, or off)");
  }
  if (vfdMode === "live") {
    for (const name of ["VFD_TIN", "VFD_CERT_KEY", "VFD_CERT_PFX_PATH", "VFD_CERT_PASSWORD"] as const) {
      if (!v[name]) problems.push(`  - ${name}: required with VFD_MODE=live`);
    }
  }
  // Keys show their mode (docs/api.md#modes): a live key on a sandbox Malipo, or a test key on a live one,
  // is a mix-up to stop at start rather than at the shop's first request.
  const keyMode = /^mk_(test|live)_/.exec(v.MERCHANT_API_KEY ?? "")?.[1];
  if (keyMode && (keyMode === "live") === sandbox) {
    problems.push(
      `  - MERCHANT_API_KEY: is a ${keyMode} key (mk_${keyMode}_…) but Malipo runs in ${sandbox ? "sandbox (test)" : "live"} mode; use an mk_${sandbox ? "test" : "live"}_ key`,
    );
  }
  if (problems.length > 0) {
    throw new EnvError(`Malipo cannot start: bad configuration.\n${problems.join("\n")}`);
  }

  const generated = sandbox ? loadOrCreateCredentials(v.DATA_DIR) : undefined;

  return {
    publicBaseUrl: v.PUBLIC_BASE_URL,
    databaseUrl: v.DATABASE_URL,
    dataDir: path.resolve(v.DATA_DIR),
    sandbox,
    paygrid: {
      mode: paygridMode,
      apiKey:
        paygridMode === "sandbox"
          ? (v.PAYGRID_API_KEY ?? SANDBOX_PAYGRID_API_KEY)
          : (v.PAYGRID_API_KEY ?? ""),
      baseUrl:
        v.PAYGRID_BASE_URL ??
        (paygridMode === "sandbox"
          ? `${v.PUBLIC_BASE_URL}/sandbox/paygrid/api/v1`
          : "https://meet.briq.tz/api/v1"),
      webhookSigningKey:
        v.PAYGRID_WEBHOOK_SIGNING_KEY ??
        (paygridMode === "sandbox" ? SANDBOX_PAYGRID_WEBHOOK_SIGNING_KEY : ""),
    },
    splashpay: {
      mode: splashMode,
      apiKey: v.SPLASHPAY_API_KEY ?? (splashMode === "sandbox" ? SANDBOX_SPLASHPAY_API_KEY : ""),
      apiSecret: v.SPLASHPAY_API_SECRET ?? (splashMode === "sandbox" ? SANDBOX_SPLASHPAY_API_SECRET : ""),
      baseUrl:
        v.SPLASHPAY_BASE_URL ??
        (splashMode === "sandbox"
          ? `${v.PUBLIC_BASE_URL}/sandbox/splashpay/api/v1`
          : "https://api.splashpay.co.tz/api/v1"),
      webhookSecret:
        v.SPLASHPAY_WEBHOOK_SECRET ?? (splashMode === "sandbox" ? SANDBOX_SPLASHPAY_WEBHOOK_SECRET : ""),
    },
    owner:
      v.OWNER_EMAIL && v.OWNER_PASSWORD ? { email: v.OWNER_EMAIL, password: v.OWNER_PASSWORD } : undefined,
    demo: generated
      ? {
          ownerEmail: v.OWNER_EMAIL ?? DEMO_OWNER_EMAIL,
          ownerPassword: v.OWNER_PASSWORD ?? generated.demoOwnerPassword,
          cashierPin: generated.demoCashierPin,
        }
      : undefined,
    trustedProxyHops: v.TRUSTED_PROXY_HOPS,
    retiredPosAccessCode: v.POS_ACCESS_CODE !== undefined,
    sessionSecret: v.SESSION_SECRET ?? generated?.sessionSecret ?? "",
    merchantApiKey: v.MERCHANT_API_KEY ?? generated?.merchantApiKey ?? "",
    merchantWebhookUrl: v.MERCHANT_WEBHOOK_URL,
    merchantWebhookSecret: v.MERCHANT_WEBHOOK_SECRET ?? generated?.merchantWebhookSecret ?? "",
    merchantName: v.MERCHANT_NAME,
    merchantAddress: v.MERCHANT_ADDRESS,
    merchantTin: v.MERCHANT_TIN,
    merchantLogoUrl: v.MERCHANT_LOGO_URL,
    merchantBrandColor: v.MERCHANT_BRAND_COLOR?.toLowerCase(),
    merchantRedirectOrigins: v.MERCHANT_REDIRECT_ORIGINS,
    paymentTtlSeconds: v.PAYMENT_TTL_SECONDS,
    sse: {
      maxPerPayment: v.SSE_MAX_STREAMS_PER_PAYMENT,
      maxPerClient: v.SSE_MAX_STREAMS_PER_CLIENT,
      maxLifetimeSeconds: v.SSE_MAX_LIFETIME_SECONDS,
    },
    timing: { recheckSeconds: v.RECONCILE_RECHECK_SECONDS, createLeaseSeconds: v.CREATE_LEASE_SECONDS },
    logLevel: v.LOG_LEVEL,
    vfd: vfdConfig(v, vfdMode),
    metricsToken: v.METRICS_TOKEN,
    generatedCredentials:
      generated !== undefined && (!v.SESSION_SECRET || !v.MERCHANT_API_KEY || !v.MERCHANT_WEBHOOK_SECRET),
  };
}

function vfdConfig(v: z.output<typeof schema>, mode: ProviderMode): VfdConfig {
  const dataDir = path.resolve(v.DATA_DIR);
  const sandboxed = mode === "sandbox";
  const vatRegistered = v.VFD_VAT_REGISTERED !== "0";
  const taxCode = v.VFD_DEFAULT_TAX_CODE ? Number(v.VFD_DEFAULT_TAX_CODE) : vatRegistered ? 1 : 3;
  return {
    mode,
    baseUrl: v.VFD_BASE_URL ?? (sandboxed ? `${v.PUBLIC_BASE_URL}/sandbox/tra` : "https://vfd.tra.go.tz"),
    verifyUrl:
      v.VFD_VERIFY_URL ??
      (sandboxed ? `${v.PUBLIC_BASE_URL}/sandbox/tra/verify` : "https://verify.tra.go.tz"),
    tin: v.VFD_TIN ?? (sandboxed ? SANDBOX_VFD_TIN : ""),
    certKey: v.VFD_CERT_KEY ?? (sandboxed ? SANDBOX_VFD_CERT_KEY : ""),
    pfxPath: v.VFD_CERT_PFX_PATH ?? (sandboxed ? path.join(dataDir, "vfd", "sandbox-vfd.pfx") : ""),
    pfxPassword: v.VFD_CERT_PASSWORD ?? "",
    generatedCertificate: sandboxed && !v.VFD_CERT_PFX_PATH,
    vatRegistered,
    defaultTaxCode: taxCode as VfdConfig["defaultTaxCode"],
  };
}

let cached: Env | undefined;

/** The validated configuration, read once per process. Throws EnvError naming every bad variable. */
export function getEnv(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** Tests run the app's code under their own configuration: the real environment plus `overrides`. */
export function resetEnvForTests(overrides: Record<string, string> = {}): void {
  cached = Object.keys(overrides).length > 0 ? parseEnv({ ...process.env, ...overrides }) : undefined;
}

/** `next build` loads server modules to prerender pages; nothing may open the database then. */
export function isBuildPhase(): boolean {
  return process.env.NEXT_PHASE === "phase-production-build";
}

/** `next dev`: React needs eval for its dev tooling, so the CSP relaxes there only. */
export function isDevelopment(): boolean {
  return process.env.NODE_ENV === "development";
}
