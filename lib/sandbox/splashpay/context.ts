import type { SandboxCore } from "../common/sandbox-core";
import type { SplashPayEngine } from "./engine";
import { failure } from "./envelope";
import type { SettingsPatch, SplashPaySandboxSettings } from "./settings";
import type { SplashPayStore } from "./store";
import type { SplashPayment } from "./types";

/** What every route of one SplashPay sandbox shares. */
export type SplashPayContext = SandboxCore<
  SplashPayStore,
  SplashPayEngine,
  SplashPaySandboxSettings,
  SettingsPatch
>;

/** The authenticated API key (X-API-KEY of a configured pair). */
export type ApiKey = string;

/** An error in the configured envelope shape (S1). */
export function fail(
  ctx: SplashPayContext,
  status: number,
  code: string,
  message: string,
  headers?: Record<string, string>,
): Response {
  return failure(ctx.settings().errorShape, status, code, message, headers);
}

/** The payment as this key pair may see it, with its due steps applied. */
export function findPayment(
  ctx: SplashPayContext,
  apiKey: ApiKey,
  reference: string,
): SplashPayment | undefined {
  const p = ctx.store.payments.get(reference);
  if (!p || p.apiKey !== apiKey) return undefined;
  ctx.engine.settle(p);
  return p;
}
