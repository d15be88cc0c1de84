import { describe, expect, it } from "vitest";
import { retryOptions, withRetries } from "./http-retry";

// A provider that stops answering: each attempt waits out its timeout. The clock is the test's own, so
// the figures are exact; only the backoff (1 ms here) really sleeps.

class Unavailable extends Error {
  readonly retryable = true;
}

function hangingProvider(clock: { now: number }, perAttemptTimeoutMs: number) {
  const budgets: number[] = [];
  const attempt = async (timeLeftMs: number) => {
    budgets.push(timeLeftMs);
    clock.now += Math.min(perAttemptTimeoutMs, timeLeftMs);
    return { error: new Unavailable("timeout") };
  };
  return { budgets, attempt };
}

describe("withRetries", () => {
  const fast = { retryBaseDelayMs: 1, maxRetryDelayMs: 1 };

  it("stops retrying when the call's time budget is spent, so a register waits once, not three times", async () => {
    const clock = { now: 0 };
    const provider = hangingProvider(clock, 15_000);
    const options = retryOptions({ ...fast, maxRetries: 2, totalTimeoutMs: 20_000 });
    await expect(withRetries(options, provider.attempt, () => clock.now)).rejects.toBeInstanceOf(Unavailable);
    // The second attempt only gets what is left of the 20 s; no third one starts.
    expect(provider.budgets).toEqual([20_000, 5_000]);
    expect(clock.now).toBe(20_000);
  });

  it("still makes every retry while the budget lasts", async () => {
    const clock = { now: 0 };
    const provider = hangingProvider(clock, 100);
    const options = retryOptions({ ...fast, maxRetries: 2, totalTimeoutMs: 20_000 });
    await expect(withRetries(options, provider.attempt, () => clock.now)).rejects.toBeInstanceOf(Unavailable);
    expect(provider.budgets).toEqual([20_000, 19_900, 19_800]);
  });

  it("answers as soon as an attempt does", async () => {
    let calls = 0;
    const answer = await withRetries(retryOptions(fast), async () =>
      ++calls < 2 ? { error: new Unavailable("503") } : { answer: "ok" },
    );
    expect(answer).toBe("ok");
    expect(calls).toBe(2);
  });
});
