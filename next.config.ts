import type { NextConfig } from "next";

// Headers for every response. Pages also get a per-request nonce CSP from proxy.ts; API answers are data
// and must never be framed or sniffed into something executable.
const baseHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];

const nextConfig: NextConfig = {
  // A self-contained server (.next/standalone/server.js) for the container image (README "Image and
  // compose"); scripts/assemble-standalone.sh adds the static files and migrations beside it.
  output: "standalone",
  // PGlite ships its own WASM and data files; bundling it breaks their lookup, so it stays external.
  serverExternalPackages: ["@electric-sql/pglite", "pg"],
  poweredByHeader: false,
  // Pages, scripts, styles and JSON go out gzip-compressed when the browser accepts it (a shop tablet on a
  // weak network downloads a third of the bytes). Live-status streams are never compressed or buffered: every
  // SSE answer carries `Cache-Control: no-transform` (lib/server/realtime/sse.ts), which the compression
  // middleware honours (test/cluster/page-weight.cluster.test.ts proves both).
  compress: true,
  async headers() {
    return [
      { source: "/:path*", headers: baseHeaders },
      // Public pages opened by an unguessable token (the digital receipt, the customer display): the token
      // never leaves in a Referer, and no search engine indexes them. Later entries win for the same header.
      ...["/r/:token", "/display/:token"].map((source) => ({
        source,
        headers: [
          { key: "Referrer-Policy", value: "no-referrer" },
          { key: "X-Robots-Tag", value: "noindex, nofollow" },
        ],
      })),
      {
        source: "/api/:path*",
        headers: [{ key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'" }],
      },
    ];
  },
};

export default nextConfig;
