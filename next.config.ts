import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // PGlite ships its own WASM and data files; bundling it breaks their lookup, so it stays external.
  serverExternalPackages: ["@electric-sql/pglite", "pg"],
  poweredByHeader: false,
  // SSE must never be gzip-buffered by the Node server (api.md: "never compressed").
  compress: false,
};

export default nextConfig;
