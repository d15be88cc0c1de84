import "server-only";

// A fixed-window counter per key, in process memory. Enough to slow down guessing a cashier code on one
// instance; with several instances each keeps its own window (documented in the README).

export interface RateLimiter {
  /** Counts one hit; returns the seconds to wait when over the limit, else 0. */
  hit(key: string, nowMs?: number): number;
  reset(key: string): void;
}

export function createRateLimiter(limit: number, windowSeconds: number): RateLimiter {
  const windows = new Map<string, { start: number; count: number }>();
  return {
    hit(key, nowMs = Date.now()) {
      const current = windows.get(key);
      if (!current || nowMs - current.start >= windowSeconds * 1000) {
        if (windows.size > 10_000) windows.clear(); // bounded memory under a flood of keys
        windows.set(key, { start: nowMs, count: 1 });
        return 0;
      }
      current.count += 1;
      if (current.count <= limit) return 0;
      return Math.ceil((current.start + windowSeconds * 1000 - nowMs) / 1000);
    },
    reset(key) {
      windows.delete(key);
    },
  };
}

/** The client address as the nearest proxy saw it; "local" when there is none. */
export function clientKey(request: Request): string {
  return (
    request.headers.get("x-forwarded-for")?.split(",")[0]?.trim() ||
    request.headers.get("x-real-ip") ||
    "local"
  );
}
