import "server-only";
import { closeDatabase } from "@/lib/server/db/database";
import { beginDraining, inFlightRequests, waitForIdle } from "@/lib/server/http/request-gate";
import { log } from "@/lib/server/log";
import { getListenHub } from "@/lib/server/realtime/listen-hub";
import { closeAllDisplayStreams } from "@/lib/server/realtime/display-stream";
import { closeAllStreams } from "@/lib/server/realtime/payment-stream";

// SIGTERM (README "Graceful shutdown"): readiness answers 503 and new requests are refused at once; open
// SSE streams end with a short retry hint (clients reconnect, through the proxy, to another instance);
// the reconciler and the webhook deliverer finish or hand back their leased rows; requests in flight get
// up to 10 s; then the LISTEN and the database close and the process exits.

export const IN_FLIGHT_GRACE_MS = 10_000;
/** Past this, the process exits whatever still waits (a worker stuck on a dead connection, a pool that
 * never drains): an orchestrator's SIGKILL would come anyway, and a stuck exit blocks a rolling deploy. */
export const SHUTDOWN_DEADLINE_MS = IN_FLIGHT_GRACE_MS + 10_000;

export function installGracefulShutdown(stopWorkers: (() => Promise<void>)[]): void {
  let shuttingDown = false;
  const shutdown = async (signal: string) => {
    if (shuttingDown) return;
    shuttingDown = true;
    const started = Date.now();
    setTimeout(() => {
      log.error("shutdown deadline passed; exiting with work still open", { ms: Date.now() - started });
      process.exit(1);
    }, SHUTDOWN_DEADLINE_MS).unref();
    beginDraining();
    const closedStreams = closeAllStreams() + closeAllDisplayStreams();
    log.info("shutting down", { signal, closedStreams, inFlight: inFlightRequests() });
    const [idle] = await Promise.all([
      waitForIdle(IN_FLIGHT_GRACE_MS),
      Promise.all(stopWorkers.map((stop) => stop().catch(() => {}))),
    ]);
    if (!idle) log.warn("requests still in flight after the grace period", { inFlight: inFlightRequests() });
    await getListenHub()
      .then((hub) => hub.stop())
      .catch(() => {});
    await closeDatabase().catch((error: unknown) =>
      log.warn("closing the database failed", { error: String(error) }),
    );
    log.info("shut down", { ms: Date.now() - started });
    process.exit(0);
  };
  // Next.js's own server exits at the first SIGTERM without waiting for anything (unless started with
  // NEXT_MANUAL_SIG_HANDLE, which the image sets); its handler is replaced by this graceful one.
  process.removeAllListeners("SIGTERM");
  process.removeAllListeners("SIGINT");
  process.once("SIGTERM", () => void shutdown("SIGTERM"));
  process.once("SIGINT", () => void shutdown("SIGINT"));
}
