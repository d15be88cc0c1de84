// A fixed one-minute window per API key; off while the limit is 0. Each sandbox answers the excess in its
// provider's own error shape.

export class RateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  /** Undefined when the request may pass, else the seconds for `Retry-After`. */
  check(apiKey: string, limit: number, now: number): number | undefined {
    if (limit <= 0) return undefined;
    let window = this.windows.get(apiKey);
    if (!window || now - window.start >= 60_000) {
      window = { start: now, count: 0 };
      this.windows.set(apiKey, window);
    }
    window.count += 1;
    if (window.count <= limit) return undefined;
    return Math.max(1, Math.ceil((window.start + 60_000 - now) / 1000));
  }
}
