import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canTransition, isTerminal, PAYMENT_STATUSES, type PaymentStatus } from "./payment-status";

// Properties of the state machine over every status and any sequence of requested transitions, rather
// than the hand-picked cases of payment-status.test.ts.

/** How far along an attempt is; every allowed transition must strictly increase it. */
const RANK: Record<PaymentStatus, number> = {
  creating: 0,
  pending: 1,
  processing: 2,
  failed: 3,
  cancelled: 3,
  expired: 3,
  completed: 4,
  partially_refunded: 5,
  refunded: 6,
};

const status = fc.constantFrom(...PAYMENT_STATUSES);

/** What applying a reported status does: move when the machine allows it, otherwise keep what we know. */
const step = (from: PaymentStatus, to: PaymentStatus) => (canTransition(from, to) ? to : from);

describe("payment state machine properties", () => {
  it("every allowed transition moves strictly forward, so no sequence can cycle", () => {
    fc.assert(
      fc.property(status, status, (from, to) => {
        if (canTransition(from, to)) expect(RANK[to]).toBeGreaterThan(RANK[from]);
      }),
    );
  });

  it("applying any sequence of reported statuses never moves backwards", () => {
    fc.assert(
      fc.property(status, fc.array(status, { maxLength: 30 }), (start, reported) => {
        let current = start;
        for (const to of reported) {
          const next = step(current, to);
          expect(RANK[next]).toBeGreaterThanOrEqual(RANK[current]);
          current = next;
        }
      }),
    );
  });

  it("a terminal status only ever leads to money arriving (late settlement) or refunds", () => {
    fc.assert(
      fc.property(status, status, (from, to) => {
        if (!isTerminal(from) || !canTransition(from, to)) return;
        expect(["completed", "partially_refunded", "refunded"]).toContain(to);
      }),
    );
  });

  it("repeating a status is never a transition (duplicates are harmless)", () => {
    fc.assert(
      fc.property(status, fc.array(status, { maxLength: 20 }), (start, reported) => {
        const once = reported.reduce(step, start);
        const twice = reported.flatMap((s) => [s, s]).reduce(step, start);
        expect(twice).toBe(once);
      }),
    );
  });
});
