import "server-only";

// The headers of every HTML page, Malipo's own and the sandbox's hosted pages alike: a per-request nonce
// CSP (Next.js puts the nonce on its own scripts; the sandbox's pages have no script at all), and HSTS
// whenever the shop is served over https.

/**
 * A year, without includeSubDomains or preload: a merchant's other subdomains may still serve plain http,
 * and HSTS cannot be taken back from browsers that have seen it.
 */
export const HSTS = "max-age=31536000";

export function pageHeaders(
  nonce: string,
  options: { dev: boolean; https: boolean; imageOrigin?: string | null },
): Record<string, string> {
  const csp = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    // The shop's logo may live on its own site (MERCHANT_LOGO_URL): that one origin, nothing wider.
    `img-src 'self' data: blob:${options.imageOrigin ? ` ${options.imageOrigin}` : ""}`,
    "font-src 'self'",
    "connect-src 'self'",
    "media-src 'self' data:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
  return {
    "Content-Security-Policy": csp,
    ...(options.https ? { "Strict-Transport-Security": HSTS } : {}),
  };
}
