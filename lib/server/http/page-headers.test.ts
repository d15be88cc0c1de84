import { unstable_doesMiddlewareMatch } from "next/experimental/testing/server";
import { describe, expect, it } from "vitest";
import { HSTS, pageHeaders } from "@/lib/server/http/page-headers";
import { config } from "@/proxy";

describe("page headers", () => {
  it("a nonce CSP on every page, HSTS only over https", () => {
    const plain = pageHeaders("bm9uY2U=", { dev: false, https: false });
    expect(plain["Content-Security-Policy"]).toContain("script-src 'self' 'nonce-bm9uY2U=' 'strict-dynamic'");
    expect(plain["Content-Security-Policy"]).toContain("frame-ancestors 'none'");
    expect(plain["Content-Security-Policy"]).not.toContain("unsafe-eval");
    expect(plain["Strict-Transport-Security"]).toBeUndefined();
    expect(pageHeaders("x", { dev: false, https: true })["Strict-Transport-Security"]).toBe(HSTS);
  });

  it("the proxy runs on Malipo's pages and the sandbox's hosted pages, never on API routes", () => {
    const matches = (url: string) => unstable_doesMiddlewareMatch({ config, url });
    expect(matches("/")).toBe(true);
    expect(matches("/pos")).toBe(true);
    expect(matches("/sandbox/paygrid/pay/pay_123")).toBe(true);
    expect(matches("/sandbox/splashpay/qr/abc")).toBe(true);
    expect(matches("/api/payments")).toBe(false);
    expect(matches("/_next/static/chunks/x.js")).toBe(false);
  });
});
