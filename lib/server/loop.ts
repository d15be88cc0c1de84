import "server-only";
import { log } from "@/lib/server/log";

/**
 * Runs `tick` every `intervalMs` (waiting for each run to finish), never keeping a stopping process alive.
 * Returns a stop function. Used by the per-instance background workers.
 */
export function startLoop(name: string, tick: () => Promise<void>, intervalMs: number): () => void {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const run = async () => {
    try {
      await tick();
    } catch (error) {
      log.error(`${name} tick failed`, { error: String(error) });
    } finally {
      if (!stopped) schedule();
    }
  };
  const schedule = () => {
    timer = setTimeout(run, intervalMs);
    timer.unref();
  };
  schedule();
  return () => {
    stopped = true;
    if (timer) clearTimeout(timer);
  };
}
