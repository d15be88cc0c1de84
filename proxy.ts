import { NextResponse, type NextRequest } from "next/server";
import { isDevelopment } from "@/lib/server/env";

// A fresh nonce per page request: Next.js reads it from the request's CSP header and puts it on its own
// scripts, so no inline script without it can run. The sandbox's hosted pages stand for the provider's
// site and are left out, like API routes (they get a stricter CSP from next.config.ts).

export function proxy(request: NextRequest) {
  const nonce = btoa(crypto.randomUUID());
  const dev = isDevelopment();
  const csp = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "media-src 'self' data:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  return response;
}

export const config = {
  matcher: [
    {
      source: "/((?!api/|sandbox/|_next/static|_next/image|favicon.ico).*)",
      missing: [{ type: "header", key: "next-router-prefetch" }],
    },
  ],
};
