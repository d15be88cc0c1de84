import { describe, expect, it } from "vitest";
import { canTransition, isTerminal, PAYMENT_STATUSES } from "./payment-status";

describe("payment state machine", () => {
  it("moves forward from pending to every outcome", () => {
    for (const to of ["processing", "completed", "failed", "cancelled", "expired"] as const) {
      expect(canTransition("pending", to)).toBe(true);
    }
  });

  it("never lets a late processing or pending overwrite an outcome", () => {
    for (const from of ["completed", "failed", "cancelled", "expired", "refunded"] as const) {
      expect(canTransition(from, "processing")).toBe(false);
      expect(canTransition(from, "pending")).toBe(false);
    }
    expect(canTransition("completed", "failed")).toBe(false);
    expect(canTransition("failed", "completed")).toBe(false);
  });

  it("records money that lands after the deadline", () => {
    expect(canTransition("expired", "completed")).toBe(true);
  });

  it("records a late payment on a superseded attempt, and only on one", () => {
    expect(canTransition("cancelled", "completed", { superseded: true })).toBe(true);
    expect(canTransition("failed", "completed", { superseded: true })).toBe(true);
    expect(canTransition("cancelled", "completed")).toBe(false);
    expect(canTransition("cancelled", "pending", { superseded: true })).toBe(false);
    expect(canTransition("refunded", "completed", { superseded: true })).toBe(false);
  });

  it("has no self-transitions", () => {
    for (const status of PAYMENT_STATUSES) expect(canTransition(status, status)).toBe(false);
  });

  it("knows which statuses end an attempt", () => {
    expect(isTerminal("pending")).toBe(false);
    expect(isTerminal("processing")).toBe(false);
    expect(isTerminal("completed")).toBe(true);
    expect(isTerminal("expired")).toBe(true);
  });
});
