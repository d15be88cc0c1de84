import { describe, expect, it } from "vitest";
import { ProviderFailure, type PaymentProviderAdapter } from "./adapter";
import { guardAdapter, ProviderGuard } from "./provider-guard";

const unavailable = () => Promise.reject(new ProviderFailure("unavailable", "down"));
const declined = () => Promise.reject(new ProviderFailure("declined", "no"));
const ok = () => Promise.resolve("ok");

async function code(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
    return undefined;
  } catch (error) {
    return error instanceof ProviderFailure ? (error.extra.code ?? error.kind) : String(error);
  }
}

function clock() {
  let t = 0;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

describe("provider guard", () => {
  it("opens after the threshold of unavailable calls in a row and answers at once while open", async () => {
    const c = clock();
    const guard = new ProviderGuard("paygrid", {
      maxInFlight: 10,
      failureThreshold: 3,
      openMs: 5000,
      now: c.now,
    });
    for (let i = 0; i < 3; i++) expect(await code(guard.run(unavailable))).toBe("unavailable");
    expect(guard.state().breaker).toBe("open");
    let called = false;
    const refused = guard.run(() => {
      called = true;
      return ok();
    });
    expect(await code(refused)).toBe("CIRCUIT_OPEN");
    expect(called).toBe(false);
    expect(guard.state()).toMatchObject({ refusedOpen: 1, opened: 1, consecutiveFailures: 3 });
  });

  it("lets one probe through after the pause; its success closes the breaker", async () => {
    const c = clock();
    const guard = new ProviderGuard("paygrid", {
      maxInFlight: 10,
      failureThreshold: 2,
      openMs: 1000,
      now: c.now,
    });
    await code(guard.run(unavailable));
    await code(guard.run(unavailable));
    c.advance(1001);
    expect(guard.state().breaker).toBe("half_open");
    let release!: () => void;
    const probe = guard.run(() => new Promise<string>((resolve) => (release = () => resolve("ok"))));
    expect(await code(guard.run(ok))).toBe("CIRCUIT_OPEN"); // only one probe at a time
    release();
    expect(await probe).toBe("ok");
    expect(guard.state().breaker).toBe("closed");
    expect(await guard.run(ok)).toBe("ok");
  });

  it("a failed probe opens it again for another pause", async () => {
    const c = clock();
    const guard = new ProviderGuard("paygrid", {
      maxInFlight: 10,
      failureThreshold: 1,
      openMs: 1000,
      now: c.now,
    });
    await code(guard.run(unavailable));
    c.advance(1001);
    expect(await code(guard.run(unavailable))).toBe("unavailable");
    expect(guard.state().breaker).toBe("open");
    expect(guard.state().opened).toBe(2);
  });

  it("does not count answers such as declines, and a success resets the count", async () => {
    const guard = new ProviderGuard("paygrid", { maxInFlight: 10, failureThreshold: 2, openMs: 1000 });
    await code(guard.run(unavailable));
    await code(guard.run(declined));
    await code(guard.run(unavailable));
    expect(guard.state().breaker).toBe("closed");
    await guard.run(ok);
    expect(guard.state().consecutiveFailures).toBe(0);
  });

  it("refuses calls beyond the in-flight limit without calling the provider", async () => {
    const guard = new ProviderGuard("splashpay", { maxInFlight: 2, failureThreshold: 5, openMs: 1000 });
    const releases: (() => void)[] = [];
    const slow = () => new Promise<string>((resolve) => releases.push(() => resolve("ok")));
    const first = guard.run(slow);
    const second = guard.run(slow);
    expect(guard.state().inFlight).toBe(2);
    expect(await code(guard.run(ok))).toBe("TOO_MANY_IN_FLIGHT");
    releases.forEach((r) => r());
    await Promise.all([first, second]);
    expect(guard.state()).toMatchObject({ inFlight: 0, refusedBusy: 1, breaker: "closed" });
    expect(await guard.run(ok)).toBe("ok");
  });

  it("keeps every optional call of the adapter it wraps (a refund or cancel is never silently lost)", async () => {
    const calls: string[] = [];
    const adapter = {
      create: () => Promise.reject(new Error("unused")),
      fetchState: () => Promise.reject(new Error("unused")),
      cancel: () => (calls.push("cancel"), Promise.resolve({ status: "cancelled" })),
      refund: () => (calls.push("refund"), Promise.resolve({ providerRefundId: "rf_1" })),
    } as unknown as PaymentProviderAdapter;
    const guarded = guardAdapter(adapter, new ProviderGuard("paygrid"));
    const payment = {} as Parameters<PaymentProviderAdapter["create"]>[0];
    await guarded.cancel!(payment);
    expect(await guarded.refund!(payment, {} as never)).toEqual({ providerRefundId: "rf_1" });
    expect(calls).toEqual(["cancel", "refund"]);
    const bare = guardAdapter(
      { create: adapter.create, fetchState: adapter.fetchState },
      new ProviderGuard("x"),
    );
    expect([bare.cancel, bare.refund]).toEqual([undefined, undefined]);
  });
});
