import { describe, expect, it } from "vitest";
import { assertSafeOutboundUrl, classifyAddress } from "./outbound-url";

describe("classifyAddress", () => {
  it.each([
    "10.1.2.3",
    "172.16.0.1",
    "172.31.255.255",
    "192.168.1.1",
    "169.254.169.254",
    "100.64.0.1",
    "100.127.255.254",
    "0.0.0.0",
    "224.0.0.1",
    "239.255.255.250",
    "255.255.255.255",
    "fc00::1",
    "fd00:ec2::254",
    "fe80::1",
    "ff02::1",
    "::",
    "::ffff:10.0.0.1",
    "::ffff:169.254.169.254",
    "::ffff:a9fe:a9fe",
    "64:ff9b::a9fe:a9fe",
    "2002:a9fe:a9fe::1",
  ])("%s is internal", (address) => {
    expect(classifyAddress(address)).toBe("internal");
  });

  it.each(["127.0.0.1", "127.8.8.8", "::1", "0:0:0:0:0:0:0:1"])("%s is loopback", (address) => {
    expect(classifyAddress(address)).toBe("loopback");
  });

  it.each(["::ffff:127.0.0.1", "::ffff:7f00:1"])("%s (mapped loopback) is internal", (address) => {
    expect(classifyAddress(address)).not.toBe("public");
  });

  it.each(["8.8.8.8", "41.59.0.1", "100.128.0.1", "172.32.0.1", "2606:4700:4700::1111"])(
    "%s is public",
    (address) => {
      expect(classifyAddress(address)).toBe("public");
    },
  );
});

describe("assertSafeOutboundUrl", () => {
  it.each([
    "http://169.254.169.254/latest/meta-data/",
    "http://127.0.0.1:5432/",
    "http://[::1]/",
    "http://[::ffff:127.0.0.1]/",
    "http://10.0.0.5/hook",
    "http://localhost:8080/",
    "http://2130706433/", // 127.0.0.1 as one number: URL normalises it, the check still sees loopback
    "http://0x7f.1/",
    "https://user:pass@example.com/",
    "ftp://example.com/",
  ])("refuses %s", async (url) => {
    await expect(assertSafeOutboundUrl(url, false)).rejects.toThrow();
  });

  it("allows loopback only when asked (sandbox mode), never private ranges", async () => {
    await expect(assertSafeOutboundUrl("http://127.0.0.1:5500/hook", true)).resolves.toBeUndefined();
    await expect(assertSafeOutboundUrl("http://[::1]:5500/hook", true)).resolves.toBeUndefined();
    await expect(assertSafeOutboundUrl("http://192.168.1.10/hook", true)).rejects.toThrow();
  });

  it("accepts a public address", async () => {
    await expect(assertSafeOutboundUrl("https://8.8.8.8/hook", false)).resolves.toBeUndefined();
  });
});
