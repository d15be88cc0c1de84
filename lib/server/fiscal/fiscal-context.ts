import "server-only";
import type { VfdConfig } from "@/lib/server/env";
import { ensureSandboxCertificate } from "./sandbox-certificate";
import { loadPfxFile, type SigningKey } from "./signing-key";
import type { VfdTransport } from "./vfd-client";

// What every fiscal step needs: the configuration, the signing key, a clock and the HTTP seams tests swap.

export interface FiscalContext {
  vfd: VfdConfig;
  key: SigningKey;
  now: () => Date;
  fetch?: typeof fetch;
  timeoutMs?: number;
  /** Seconds to wait before the next attempt after `attempt` failures (10 s doubling to 15 min). */
  backoffSeconds?: (attempt: number) => number;
  /** Non-zero ACKCODEs for one document before it is marked rejected and the queue moves on. */
  maxRejections?: number;
}

export function transportOf(ctx: FiscalContext): VfdTransport {
  return {
    baseUrl: ctx.vfd.baseUrl,
    certSerial: ctx.key.certSerial,
    fetch: ctx.fetch,
    timeoutMs: ctx.timeoutMs,
  };
}

export function defaultBackoffSeconds(attempt: number): number {
  return Math.min(900, 10 * 2 ** Math.max(0, attempt - 1));
}

/** The device's signing key from the configured .pfx; in sandbox mode made at first start. */
export function loadSigningKey(vfd: VfdConfig): SigningKey {
  if (vfd.generatedCertificate) {
    const made = ensureSandboxCertificate(vfd.pfxPath, vfd.certKey);
    return loadPfxFile(made.pfxPath, made.password);
  }
  return loadPfxFile(vfd.pfxPath, vfd.pfxPassword);
}

const holder = globalThis as typeof globalThis & { __malipoVfdKey?: { path: string; key: SigningKey } };

/** The key, read once per process. */
export function cachedSigningKey(vfd: VfdConfig): SigningKey {
  if (holder.__malipoVfdKey?.path !== vfd.pfxPath) {
    holder.__malipoVfdKey = { path: vfd.pfxPath, key: loadSigningKey(vfd) };
  }
  return holder.__malipoVfdKey.key;
}
