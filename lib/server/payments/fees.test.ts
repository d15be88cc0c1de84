import { describe, expect, it } from "vitest";
import { feeColumns } from "./fees";

const sale = { amountMinor: 100_000, currency: "TZS" };

describe("feeColumns", () => {
  it("keeps SplashPay's fee and net in minor units, strings or numbers", () => {
    expect(feeColumns({ fee: "10.00", net: "990.00" }, sale)).toEqual({ feeMinor: 1000, netMinor: 99000 });
    expect(feeColumns({ fee: 10, net: 990 }, sale)).toEqual({ feeMinor: 1000, netMinor: 99000 });
  });

  it("derives the net from the fee when only the fee is sent", () => {
    expect(feeColumns({ fee: "10" }, sale)).toEqual({ feeMinor: 1000, netMinor: 99000 });
  });

  it("keeps nothing it cannot read or that does not add up", () => {
    expect(feeColumns(undefined, sale)).toEqual({});
    expect(feeColumns({ fee: null, net: null }, sale)).toEqual({});
    expect(feeColumns({ fee: "ten", net: "990" }, sale)).toEqual({});
    expect(feeColumns({ fee: "10", net: "900" }, sale)).toEqual({});
  });
});
