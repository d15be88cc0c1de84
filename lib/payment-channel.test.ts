import { describe, expect, it } from "vitest";
import { CHANNELS, networksOf, paymentChannel } from "./payment-channel";

describe("paymentChannel", () => {
  it("names mobile money by the network", () => {
    expect(paymentChannel({ provider: "paygrid", method: "mobile", network: "vodacom" })).toBe("mpesa");
    expect(paymentChannel({ provider: "paygrid", method: "mobile", network: "tigo" })).toBe("mixx");
    expect(paymentChannel({ provider: "paygrid", method: "mobile", network: "mixx" })).toBe("mixx");
    expect(paymentChannel({ provider: "paygrid", method: "mobile", network: "airtel" })).toBe("airtel");
    expect(paymentChannel({ provider: "paygrid", method: "mobile", network: "halotel" })).toBe("halopesa");
    expect(paymentChannel({ provider: "paygrid", method: "mobile", network: "ttcl" })).toBe("tpesa");
  });

  it("falls back to the number's prefix, then to mobile-other", () => {
    expect(paymentChannel({ provider: "paygrid", method: "mobile", phone: "255754000111" })).toBe("mpesa");
    expect(paymentChannel({ provider: "paygrid", method: "mobile", phone: "0682000111" })).toBe("airtel");
    expect(paymentChannel({ provider: "paygrid", method: "mobile", phone: "255799000111" })).toBe(
      "mobile-other",
    );
    expect(paymentChannel({ provider: "paygrid", method: "mobile", network: null })).toBe("mobile-other");
  });

  it("gives QR, card, TANQR and cash one channel each, whatever the network", () => {
    expect(paymentChannel({ provider: "paygrid", method: "dynamic-qr", network: "vodacom" })).toBe(
      "paygrid-qr",
    );
    expect(paymentChannel({ provider: "paygrid", method: "card", network: "airtel" })).toBe("card");
    expect(paymentChannel({ provider: "splashpay", method: "tanqr", phone: "255754000111" })).toBe("tanqr");
    expect(paymentChannel({ provider: "cash", method: "cash" })).toBe("cash");
  });

  it("lists each network under exactly one channel", () => {
    const all = CHANNELS.flatMap((c) => networksOf(c));
    expect(all.sort()).toEqual(["airtel", "halotel", "tigo", "ttcl", "vodacom"]);
    expect(networksOf("mpesa")).toEqual(["vodacom"]);
    expect(networksOf("cash")).toEqual([]);
  });
});
