import { NextResponse, type NextRequest } from "next/server";
import { getEnv, isDevelopment } from "@/lib/server/env";
import { pageHeaders } from "@/lib/server/http/page-headers";
import { logoOrigin } from "@/lib/server/branding/logo-origin";

// A fresh nonce per page request: Next.js reads it from the request's CSP header and puts it on its own
// scripts, so no inline script without it can run. The sandbox's hosted pages get the same policy (they
// are plain forms without scripts). API routes are left out: they get a stricter CSP from next.config.ts.

export function proxy(request: NextRequest) {
  const nonce = btoa(crypto.randomUUID());
  const headers = pageHeaders(nonce, {
    dev: isDevelopment(),
    https: getEnv().publicBaseUrl.startsWith("https://"),
    imageOrigin: logoOrigin(),
  });
  const csp = headers["Content-Security-Policy"]!;
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

export const config = {
  matcher: [
    {
      source: "/((?!api/|_next/static|_next/image|favicon.ico).*)",
      missing: [{ type: "header", key: "next-router-prefetch" }],
    },
  ],
};
