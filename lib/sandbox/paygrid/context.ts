import type { PaymentEngine } from "./engine";
import { json, success } from "./envelope";
import { toRecord } from "./record";
import type { PayGridSandboxSettings, SettingsPatch } from "./settings";
import type { SandboxStore } from "./store";
import type { KeyMode, SandboxPayment } from "./types";
import type { SandboxCore } from "../common/sandbox-core";

/** What every route of one sandbox instance shares. */
export type SandboxContext = SandboxCore<SandboxStore, PaymentEngine, PayGridSandboxSettings, SettingsPatch>;

export interface AuthInfo {
  apiKey: string;
  mode: KeyMode;
}

/** One payment in a response; `legacyBareObjects` mimics the older api-reference pages (S2). */
export function recordResponse(
  ctx: SandboxContext,
  status: number,
  message: string,
  p: SandboxPayment,
): Response {
  if (ctx.settings().legacyBareObjects) return json(200, toRecord(p));
  return success(status, message, toRecord(p));
}

/** The payment as the caller may see it: test and live keys never share records (S13). */
export function findPayment(ctx: SandboxContext, auth: AuthInfo, id: string): SandboxPayment | undefined {
  const p = ctx.store.payments.get(id);
  if (!p || p.mode !== auth.mode) return undefined;
  ctx.engine.settle(p);
  return p;
}
