import { describe, expect, it } from "vitest";
import { settledAfter } from "./apply-provider-event";

const deadline = new Date("2026-12-01T09:07:44.348Z");

describe("settledAfter (paid_after_expiry)", () => {
  it("is true for a provider time after the deadline, false well before it", () => {
    expect(settledAfter(new Date("2026-12-01T09:07:45Z"), deadline, new Date("2026-12-01T09:07:45.2Z"))).toBe(
      true,
    );
    expect(settledAfter(new Date("2026-12-01T09:07:40Z"), deadline, new Date("2026-12-01T09:07:50Z"))).toBe(
      false,
    );
  });

  it("lets our clock decide when a whole-second stamp falls in the deadline's second", () => {
    const stamp = new Date("2026-12-01T09:07:44Z");
    expect(settledAfter(stamp, deadline, new Date("2026-12-01T09:07:44.900Z"))).toBe(true);
    expect(settledAfter(stamp, deadline, new Date("2026-12-01T09:07:44.200Z"))).toBe(false);
  });

  it("trusts a millisecond stamp as it is", () => {
    expect(
      settledAfter(new Date("2026-12-01T09:07:44.100Z"), deadline, new Date("2026-12-01T09:07:46Z")),
    ).toBe(false);
  });
});
