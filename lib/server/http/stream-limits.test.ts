import { describe, expect, it } from "vitest";
import { ApiError } from "./api-error";
import { acquireStreamSlot, boundedStream } from "./stream-limits";

const limits = { maxPerPayment: 8, maxPerClient: 50, maxLifetimeSeconds: 600 };

function endless(): ReadableStream<Uint8Array> {
  let cancelled = false;
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(new TextEncoder().encode("retry: 3000\n\n"));
    },
    cancel() {
      cancelled = true;
    },
  });
  return Object.assign(stream, { wasCancelled: () => cancelled });
}

describe("stream limits", () => {
  it("caps streams per payment at 8 with 429 RATE_LIMITED, and frees a slot when one ends", () => {
    const releases = Array.from({ length: 8 }, (_, i) => acquireStreamSlot("pay_cap", `client-${i}`, limits));
    let error: unknown;
    try {
      acquireStreamSlot("pay_cap", "client-x", limits);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(429);
    expect((error as ApiError).code).toBe("RATE_LIMITED");
    releases[0]!();
    releases[0]!(); // a second release is a no-op, never a free extra slot
    const again = acquireStreamSlot("pay_cap", "client-x", limits);
    expect(() => acquireStreamSlot("pay_cap", "client-y", limits)).toThrow(ApiError);
    for (const release of [...releases.slice(1), again]) release();
  });

  it("caps streams per client address at 50 across payments", () => {
    const releases = Array.from({ length: 50 }, (_, i) =>
      acquireStreamSlot(`pay_${i}`, "203.0.113.9", limits),
    );
    expect(() => acquireStreamSlot("pay_other", "203.0.113.9", limits)).toThrow(/Too many live views/);
    expect(() => acquireStreamSlot("pay_other", "198.51.100.1", limits)).not.toThrow();
    for (const release of releases) release();
  });

  it("ends a stream after its lifetime with a retry hint, releasing its slot", async () => {
    let released = 0;
    const source = endless();
    const bounded = boundedStream(source, 50, () => (released += 1));
    const reader = bounded.getReader();
    const chunks: string[] = [];
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      chunks.push(new TextDecoder().decode(value));
    }
    expect(chunks.join("")).toBe("retry: 3000\n\nretry: 3000\n\n");
    expect(released).toBe(1);
    expect((source as unknown as { wasCancelled(): boolean }).wasCancelled()).toBe(true);
  });

  it("releases the slot when the browser goes away", async () => {
    let released = 0;
    const bounded = boundedStream(endless(), 60_000, () => (released += 1));
    await bounded.cancel();
    expect(released).toBe(1);
  });
});
