import "server-only";
import type { Db } from "@/lib/server/db/client";
import type { VfdConfig } from "@/lib/server/env";
import { log } from "@/lib/server/log";
import { startLoop } from "@/lib/server/loop";
import { allocateFiscalDocuments } from "./allocate";
import { cachedSigningKey, type FiscalContext } from "./fiscal-context";
import { warnIfStuck } from "./fiscal-status";
import { ensureRegistration } from "./registration";
import { drainFiscalQueue } from "./send-queue";

// Per instance, every second: make sure the device is registered, turn completed payments into receipts
// (and closed days into Z reports), then post what is pending. Several instances share the work through
// the registration's row lock (allocation) and its send lease (posting).

export async function fiscalTick(db: Db, ctx: FiscalContext): Promise<void> {
  await ensureRegistration(db, ctx);
  await allocateFiscalDocuments(db, ctx);
  await drainFiscalQueue(db, ctx);
  await warnIfStuck(db, ctx);
}

export function fiscalContextFor(vfd: VfdConfig): FiscalContext {
  return { vfd, key: cachedSigningKey(vfd), now: () => new Date() };
}

export function startFiscalWorker(
  getDb: () => Promise<Db>,
  vfd: VfdConfig,
  intervalMs = 1_000,
): () => Promise<void> {
  if (vfd.mode === "off") return async () => {};
  const ctx = fiscalContextFor(vfd);
  let quietUntil = 0;
  let failures = 0;
  return startLoop(
    "fiscal worker",
    async () => {
      // A failed registration (TRA down, wrong TIN) is retried after 5 s, doubling to once a minute.
      if (Date.now() < quietUntil) return;
      try {
        await fiscalTick(await getDb(), ctx);
        failures = 0;
      } catch (error) {
        failures += 1;
        quietUntil = Date.now() + Math.min(60_000, 5_000 * 2 ** (failures - 1));
        log.error("fiscal worker", { error: error instanceof Error ? error.message : String(error) });
      }
    },
    intervalMs,
  );
}
