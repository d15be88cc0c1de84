import { describe, expect, it } from "vitest";
import { canonicalNetwork, detectNetwork, maskPhone, normalizeTzPhone, stripPhone } from "./phone";

describe("normalizeTzPhone", () => {
  it.each([
    ["0712345678", "255712345678"],
    ["712345678", "255712345678"],
    ["255712345678", "255712345678"],
    ["+255712345678", "255712345678"],
    ["+255 712-345-678", "255712345678"],
    ["0612 345 678", "255612345678"],
  ])("%s → %s", (input, expected) => {
    expect(normalizeTzPhone(input)).toBe(expected);
  });

  it.each(["", "0812345678", "25571234567", "2557123456789", "07123x5678", "(0712)345678", "254712345678"])(
    "refuses %j",
    (input) => {
      expect(normalizeTzPhone(input)).toBeNull();
    },
  );
});

describe("networks", () => {
  it.each([
    ["255742000000", "vodacom"],
    ["255752000000", "vodacom"],
    ["255762000000", "vodacom"],
    ["255652000000", "tigo"],
    ["255672000000", "tigo"],
    ["255712000000", "tigo"],
    ["255682000000", "airtel"],
    ["255692000000", "airtel"],
    ["255782000000", "airtel"],
    ["255622000000", "halotel"],
    ["255632000000", "halotel"],
    ["255732000000", "ttcl"],
  ])("%s is %s", (phone, network) => {
    expect(detectNetwork(phone)).toBe(network);
  });

  it.each(["255700000001", "255772000000", "255612000000", "255792000000"])(
    "%s has a prefix no network is known for: not detected, never a guess",
    (phone) => {
      expect(detectNetwork(phone)).toBeNull();
    },
  );

  it("accepts any case and the documented aliases", () => {
    expect(canonicalNetwork(" AIRTEL ")).toBe("airtel");
    expect(canonicalNetwork("MPesa")).toBe("vodacom");
    expect(canonicalNetwork("mixx")).toBe("tigo");
    expect(canonicalNetwork("safaricom")).toBeNull();
  });
});

describe("stripPhone and maskPhone", () => {
  it("strips only +, spaces and dashes", () => {
    expect(stripPhone("+255 712-345.678")).toBe("255712345.678");
  });
  it("masks the middle of a number", () => {
    expect(maskPhone("255712345678")).toBe("2557•••5678");
    expect(maskPhone("12345")).toBe("•••45");
  });
});
