import "server-only";
import { log } from "@/lib/server/log";

/**
 * Runs `tick` every `intervalMs` (waiting for each run to finish), never keeping a stopping process alive.
 * Returns a stop function that resolves once a tick in progress has finished (graceful shutdown waits for
 * it so the tick's leases are released). Used by the per-instance background workers.
 */
export function startLoop(name: string, tick: () => Promise<void>, intervalMs: number): () => Promise<void> {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  const run = async () => {
    try {
      running = tick();
      await running;
    } catch (error) {
      log.error(`${name} tick failed`, { error: String(error) });
    } finally {
      running = undefined;
      if (!stopped) schedule();
    }
  };
  const schedule = () => {
    timer = setTimeout(run, intervalMs);
    timer.unref();
  };
  schedule();
  return async () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    await running?.catch(() => {});
  };
}
